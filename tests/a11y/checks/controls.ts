// WCAG 1.4.11 for controls at rest: an input's border and a button's
// edge must reach 3:1 against the colour around them, from the styles
// the browser computed for this council's theme.
import type { Page } from '@playwright/test';
import { over, parseColour, ratio, shown, type Rgba } from './colour';

interface ControlStyle {
  name: string;
  kind: 'input' | 'button';
  background: string;
  border: { colour: string; width: number; style: string }[];
  around: string;
}

async function controlStyles(page: Page): Promise<ControlStyle[]> {
  return page.evaluate(() => {
    const { describe, shown: visible, background } = window.__a11y;
    const sides = ['top', 'right', 'bottom', 'left'];
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('input, button, select'),
    ).filter(visible);
    return controls.map((el) => {
      const style = getComputedStyle(el);
      return {
        name: describe(el),
        kind: el.tagName === 'BUTTON' ? 'button' : 'input',
        background: style.backgroundColor,
        border: sides.map((side) => ({
          colour: style.getPropertyValue(`border-${side}-color`),
          width: parseFloat(
            style.getPropertyValue(`border-${side}-width`),
          ),
          style: style.getPropertyValue(`border-${side}-style`),
        })),
        around: background(el.parentElement),
      } as ControlStyle;
    });
  });
}

function solid(text: string, under: Rgba): Rgba | undefined {
  const colour = parseColour(text);
  return colour && colour.a > 0 ? over(colour, under) : undefined;
}

/** The lowest contrast of the four border sides with the surround. */
function borderContrast(control: ControlStyle, around: Rgba): number {
  const values = control.border.map((side) => {
    const colour = solid(side.colour, around);
    const drawn = side.width >= 1 && side.style !== 'none' && colour;
    return drawn ? ratio(colour, around) : 1;
  });
  return Math.min(...values);
}

/**
 * A button's boundary shows all round when its fill or its border
 * reaches 3:1 with the surround. A shadow under one side alone does
 * not draw the other three. A button with neither fill nor border is
 * drawn as text (the language switch) and is judged as a link is.
 */
function judge(control: ControlStyle): { pass: boolean; line: string } {
  const white = { r: 255, g: 255, b: 255, a: 1 };
  const around = solid(control.around, white) ?? white;
  const fill = solid(control.background, around);
  const border = borderContrast(control, around);
  if (control.kind === 'input') {
    return {
      pass: border >= 3,
      line: `${control.name}: border ${shown(border)}`,
    };
  }
  if (!fill && border === 1) {
    return { pass: true, line: `${control.name}: drawn as text, no edge` };
  }
  const filled = fill ? ratio(fill, around) : 1;
  const best = Math.max(filled, border);
  const part = filled >= border ? 'fill' : 'border';
  return {
    pass: best >= 3,
    line: `${control.name}: ${part} ${shown(best)} against the surround`,
  };
}

export async function controlContrast(
  page: Page,
): Promise<{ pass: boolean; measured: string[] }> {
  const judged = (await controlStyles(page)).map(judge);
  const failing = judged.filter((j) => !j.pass);
  const shownList = failing.length ? failing : judged;
  return {
    pass: failing.length === 0,
    measured: shownList.map((j) => (j.pass ? '' : 'FAILS: ') + j.line),
  };
}
