// Layout checks, measured from the rendered page: reflow (1.4.10),
// text spacing (1.4.12) and target size (2.5.8). Each returns what it
// found wrong, one finding a line; nothing found is a pass.
import type { Page } from '@playwright/test';

/**
 * WCAG 1.4.10: nothing scrolls sideways and nothing sticks out of the
 * viewport or out of a box that clips it. Elements wholly off-screen
 * to the left (the skip link's resting place) are hidden by design.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { describe, shown } = window.__a11y;
    const root = document.documentElement;
    const width = root.clientWidth;
    const found: string[] = [];
    if (root.scrollWidth > width) {
      found.push(
        `the page scrolls sideways: ${root.scrollWidth}px wide in a ` +
          `${width}px window`,
      );
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right <= 0) continue;
      if (r.left < -1 || r.right > width + 1) {
        found.push(
          `${describe(el)} reaches ${Math.round(r.left)}px to ` +
            `${Math.round(r.right)}px of a ${width}px window`,
        );
      }
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible';
      const control = el.matches('input, textarea, select');
      if (clips && !control && el.scrollWidth > el.clientWidth + 1) {
        found.push(
          `${describe(el)} cuts off its content: ${el.scrollWidth}px ` +
            `in ${el.clientWidth}px`,
        );
      }
    }
    return found;
  });
}

/**
 * The WCAG 1.4.12 overrides, set through the CSS object model (the
 * page's CSP forbids a new style sheet, as a bookmarklet's would be):
 * line height 1.5, paragraph spacing 2em, letters 0.12em, words 0.16em.
 */
export async function applyTextSpacing(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      el.style.setProperty('line-height', '1.5', 'important');
      el.style.setProperty('letter-spacing', '0.12em', 'important');
      el.style.setProperty('word-spacing', '0.16em', 'important');
      if (el.tagName === 'P') {
        el.style.setProperty('margin-bottom', '2em', 'important');
      }
    }
  });
}

/**
 * After `applyTextSpacing`: no box cuts off its text (its scroll size
 * beyond its client size while it hides overflow, or a fixed height
 * its text outgrows) and no two pieces of text overlap. Form controls
 * scroll their own text, which is allowed; they are not counted.
 */
export async function textSpacingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { describe, shown } = window.__a11y;
    const found: string[] = [];
    const hasText = (el: Element) =>
      Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
      );
    const texts = Array.from(document.body.querySelectorAll('*')).filter(
      (el) => shown(el) && hasText(el) && !el.matches('input, textarea'),
    );
    for (const el of texts) {
      const style = getComputedStyle(el);
      const hides = style.overflow !== 'visible';
      const tall = el.scrollHeight > el.clientHeight + 1;
      const wide = el.scrollWidth > el.clientWidth + 1;
      if (hides && (tall || wide)) {
        found.push(`${describe(el)} cuts off its text`);
      }
    }
    const boxes = texts.map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1) {
          found.push(`${describe(a.el)} overlaps ${describe(b.el)}`);
        }
      }
    }
    return found;
  });
}

export interface TargetReport {
  problems: string[];
  exempt: string[];
  smallest: string;
}

/**
 * WCAG 2.5.8: each target is at least 24 by 24 CSS px, or a 24px
 * circle centred on it touches no other target (the spacing
 * exception). Links inside a sentence are exempt by the criterion's
 * inline exception and listed as such.
 */
export async function targetSizes(page: Page): Promise<TargetReport> {
  return page.evaluate(() => {
    const { describe, focusables } = window.__a11y;
    const targets = focusables().filter((el) => !el.matches('[tabindex]'));
    const inSentence = (el: Element) => {
      if (el.tagName !== 'A' || !el.parentElement) return false;
      const own = (el.textContent ?? '').trim().length;
      return (el.parentElement.textContent ?? '').trim().length > own + 1;
    };
    const rects = targets.map((el) => el.getBoundingClientRect());
    const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2];
    const gap = (x: number, y: number, r: DOMRect) =>
      Math.hypot(
        Math.max(r.left - x, 0, x - r.right),
        Math.max(r.top - y, 0, y - r.bottom),
      );
    const small = (r: DOMRect) => r.width < 24 || r.height < 24;
    const out = { problems: [] as string[], exempt: [] as string[] };
    let smallest = { area: Infinity, text: 'no targets' };
    rects.forEach((r, i) => {
      const size = `${Math.round(r.width)}x${Math.round(r.height)}px`;
      if (r.width * r.height < smallest.area) {
        smallest = {
          area: r.width * r.height,
          text: `${describe(targets[i])} ${size}`,
        };
      }
      if (!small(r)) return;
      if (inSentence(targets[i])) {
        out.exempt.push(`${describe(targets[i])} ${size}: inline link`);
        return;
      }
      const [x, y] = centre(r);
      const crowded = rects.some((o, j) => {
        if (j === i) return false;
        if (gap(x, y, o) < 12) return true;
        const [ox, oy] = centre(o);
        return small(o) && Math.hypot(ox - x, oy - y) < 24;
      });
      if (crowded) {
        out.problems.push(
          `${describe(targets[i])} is ${size} and another target is ` +
            'within its 24px circle',
        );
      }
    });
    return { ...out, smallest: smallest.text };
  });
}
