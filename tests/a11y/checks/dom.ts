// Small helpers the checks need inside the page. They are put on
// `window.__a11y` by one `page.evaluate` (which the page's
// Content-Security-Policy does not govern), so each check's own
// evaluate stays short and the helpers exist once.
import type { Page } from '@playwright/test';

export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The helpers' signatures, for the checks' evaluate callbacks. */
export interface Helpers {
  describe(el: Element | null): string;
  shown(el: Element): boolean;
  focusables(): HTMLElement[];
  box(el: Element): Box;
  background(el: Element | null): string;
}

declare global {
  interface Window {
    __a11y: Helpers;
  }
}

function install(): void {
  /** Hidden on purpose: clipped to nothing (visually-hidden). */
  const clippedAway = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.clipPath !== 'none' && style.clipPath.includes('inset')) {
        return true;
      }
      const rect = e.getBoundingClientRect();
      if (style.overflow === 'hidden' && rect.width <= 1) return true;
    }
    return false;
  };
  const shown = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') {
      return false;
    }
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && !clippedAway(el);
  };
  const describe = (el: Element | null) => {
    if (!el) return '(nothing)';
    const id = el.id ? `#${el.id}` : '';
    const cls = el.classList[0] ? `.${el.classList[0]}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const label = el.getAttribute('aria-label') ?? text.slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${label}"`;
  };
  const focusables = () =>
    Array.from(
      document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, [tabindex]',
      ),
    ).filter((el) => el.tabIndex >= 0 && shown(el));
  const box = (el: Element) => {
    const r = el.getBoundingClientRect();
    return {
      top: r.top + scrollY,
      left: r.left + scrollX,
      right: r.right + scrollX,
      bottom: r.bottom + scrollY,
      width: r.width,
      height: r.height,
    };
  };
  /** The first colour painted behind `el`, from it outwards. */
  const background = (el: Element | null) => {
    for (let e = el; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (!/rgba\(.*,\s*0\)$/.test(colour) && colour !== 'transparent') {
        return colour;
      }
    }
    return 'rgb(255, 255, 255)';
  };
  window.__a11y = { describe, shown, focusables, box, background };
}

export async function installHelpers(page: Page): Promise<void> {
  await page.evaluate(install);
}
