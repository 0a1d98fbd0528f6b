// WCAG 2.4.3, 2.4.7, 2.4.11 and the focus part of 1.4.11: Tab through
// the whole page as a keyboard user does and measure each stop.
import type { Page } from '@playwright/test';
import type { Box } from './dom';
import { over, parseColour, ratio, shown, type Rgba } from './colour';

const STYLE_KEYS = [
  'outlineStyle',
  'outlineWidth',
  'outlineColor',
  'boxShadow',
  'backgroundColor',
  'color',
  'borderTopColor',
  'textDecorationLine',
] as const;

type Styles = Record<(typeof STYLE_KEYS)[number], string>;

export interface Stop {
  name: string;
  box: Box;
  /** Style properties that differ from the element unfocused. */
  changed: string[];
  /** What `elementFromPoint` found at its centre, if not itself. */
  coveredBy: string | null;
  focused: Styles;
  unfocusedBackground: string;
  around: string;
}

/** The styles of every focusable element, before anything has focus. */
async function rememberUnfocused(page: Page): Promise<void> {
  await page.evaluate((keys) => {
    const active = document.activeElement as HTMLElement | null;
    active?.blur();
    const styles = new Map<Element, Record<string, string>>();
    for (const el of window.__a11y.focusables()) {
      const style = getComputedStyle(el) as unknown as Record<string, string>;
      const entry: Record<string, string> = {};
      for (const key of keys) entry[key] = style[key];
      entry.background = window.__a11y.background(el);
      styles.set(el, entry);
    }
    (window as unknown as { __unfocused: typeof styles }).__unfocused =
      styles;
  }, STYLE_KEYS as unknown as string[]);
}

/** The focused element, measured; null when focus left the page. */
async function currentStop(page: Page): Promise<Stop | null> {
  return page.evaluate((keys) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const { describe, box, background } = window.__a11y;
    const store = (window as unknown as {
      __unfocused: Map<Element, Record<string, string>>;
    }).__unfocused;
    const before = store.get(el) ?? {};
    const style = getComputedStyle(el) as unknown as Record<string, string>;
    const focused: Record<string, string> = {};
    for (const key of keys) focused[key] = style[key];
    // A link that wraps has a box per line; its overall box's centre
    // can fall between them, so the first line's centre is tested.
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const hit = document.elementFromPoint(
      r.left + r.width / 2,
      r.top + r.height / 2,
    );
    const covered = !hit || !(hit === el || el.contains(hit));
    return {
      name: describe(el),
      box: box(el),
      changed: keys.filter((k) => before[k] !== focused[k]),
      coveredBy: covered ? describe(hit) : null,
      focused,
      unfocusedBackground: before.background ?? background(el),
      around: background(el.parentElement),
    } as Stop;
  }, STYLE_KEYS as unknown as string[]);
}

/**
 * Moves the browser's Tab starting point to the top of the page, so
 * the walk starts where a citizen's first Tab lands, not after what
 * the page last focused: the body is focused for a moment (it takes
 * focus only with a tabindex, removed again at once).
 */
async function startAtTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
}

/** Every stop, in Tab order, from the top of the page. */
export async function walkTabOrder(page: Page): Promise<Stop[]> {
  await rememberUnfocused(page);
  await startAtTop(page);
  const stops: Stop[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await currentStop(page);
    if (stop === null) break;
    stops.push(stop);
  }
  return stops;
}

/** WCAG 2.4.7 and 2.4.11: each stop looks focused and is not covered. */
export function visibleFocusProblems(stops: Stop[]): string[] {
  return stops.flatMap((stop) => {
    const found: string[] = [];
    if (stop.changed.length === 0) {
      found.push(`${stop.name} looks the same focused as unfocused`);
    }
    if (stop.coveredBy) {
      found.push(`${stop.name} is covered by ${stop.coveredBy}`);
    }
    return found;
  });
}

/**
 * WCAG 2.4.3: each stop is below the previous one, or on the same
 * line (their boxes share height) and to its right.
 */
export function orderProblems(stops: Stop[]): string[] {
  const found: string[] = [];
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1].box, stops[i].box];
    const sameLine = a.top < b.bottom && b.top < a.bottom;
    const fine = sameLine ? b.left >= a.left - 1 : b.top >= a.top;
    if (!fine) {
      found.push(
        `${stops[i].name} (at ${Math.round(b.left)},${Math.round(b.top)})` +
          ` comes after ${stops[i - 1].name} (at ${Math.round(a.left)},` +
          `${Math.round(a.top)})`,
      );
    }
  }
  return found;
}

/** Colours in a `box-shadow` list. */
function shadowColours(shadow: string): string[] {
  if (shadow === 'none') return [];
  return shadow.match(/rgba?\([^)]*\)|color\([^)]*\)/g) ?? [];
}

function opaque(text: string, under: Rgba): Rgba | undefined {
  const colour = parseColour(text);
  if (!colour || colour.a === 0) return undefined;
  return over(colour, under);
}

/**
 * The focus indicator's best contrast with what is next to it: the
 * outline and shadows against the surrounding background and the
 * element's own, or the element's background against its unfocused
 * one (a change of colour). WCAG 1.4.11 asks for 3:1.
 */
export function focusContrast(stop: Stop): { best: number; part: string } {
  const white = { r: 255, g: 255, b: 255, a: 1 };
  const around = opaque(stop.around, white) ?? white;
  const before = opaque(stop.unfocusedBackground, around) ?? around;
  const own = opaque(stop.focused.backgroundColor, around) ?? before;
  const parts: [string, Rgba | undefined, Rgba[]][] = [];
  if (stop.focused.outlineStyle !== 'none' &&
      parseFloat(stop.focused.outlineWidth) > 0) {
    parts.push(['outline', opaque(stop.focused.outlineColor, around),
      [around, own]]);
  }
  for (const colour of shadowColours(stop.focused.boxShadow)) {
    parts.push(['shadow', opaque(colour, around), [around, own]]);
  }
  parts.push(['background change', own, [before]]);
  let best = { best: 1, part: 'no indicator' };
  for (const [part, colour, against] of parts) {
    if (!colour) continue;
    const value = Math.max(...against.map((a) => ratio(colour, a)));
    if (value > best.best) best = { best: value, part };
  }
  return best;
}

export function focusContrastLines(stops: Stop[]): {
  pass: boolean;
  measured: string[];
} {
  const results = stops.map((stop) => ({ stop, ...focusContrast(stop) }));
  const failing = results.filter((r) => r.best < 3);
  const lines = (list: typeof results) =>
    list.map((r) => `${r.stop.name}: ${r.part} ${shown(r.best)}`);
  return {
    pass: failing.length === 0,
    measured: failing.length ? lines(failing) : lines(results),
  };
}
