// The citizen's own display settings: Windows high contrast (forced
// colours) and "reduce motion".
import type { Page } from '@playwright/test';

/**
 * With forced colours on: every image (card brands, the council's
 * logo) is drawn at full opacity with a size, every input and
 * filled button keeps a border (forced colours remove fills and
 * shadows, so a border is what is left of its edge), and each control
 * shows an outline when focused.
 */
export async function forcedColourProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { describe, shown, focusables } = window.__a11y;
    const found: string[] = [];
    for (const img of Array.from(document.images)) {
      let opacity = 1;
      for (let e: Element | null = img; e; e = e.parentElement) {
        opacity *= Number(getComputedStyle(e).opacity);
      }
      if (!shown(img) || img.naturalWidth === 0 || opacity < 0.99) {
        found.push(`${describe(img)} ${img.alt}: opacity ${opacity}`);
      }
    }
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('input, button.button'),
    ).filter(shown);
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.borderTopStyle === 'none' ||
          parseFloat(style.borderTopWidth) < 1) {
        found.push(`${describe(el)} has no border in forced colours`);
      }
    }
    for (const el of focusables()) {
      el.focus();
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0;
      if (!outline) {
        found.push(`${describe(el)} shows no outline when focused`);
      }
      el.blur();
    }
    return found;
  });
}

/** Animations running now, named; with reduced motion, none may be. */
export async function runningAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target ?? null;
        const name = (a as CSSAnimation).animationName ?? 'transition';
        return `${window.__a11y.describe(target)} runs "${name}"`;
      }),
  );
}
