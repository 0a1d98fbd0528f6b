// WCAG 2 contrast from the colours the browser computed: relative
// luminance and (lighter + 0.05) / (darker + 0.05).

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * A computed colour as Chromium writes it: `rgb(r, g, b)`,
 * `rgba(r, g, b, a)` or `color(srgb r g b / a)` (0 to 1 channels).
 */
export function parseColour(text: string): Rgba | undefined {
  const rgb = /^rgba?\(([^)]+)\)$/.exec(text.trim());
  if (rgb) {
    const [r, g, b, a] = rgb[1].split(/[\s,/]+/).map(Number);
    return { r, g, b, a: Number.isNaN(a) || a === undefined ? 1 : a };
  }
  const srgb = /^color\(srgb ([^)]+)\)$/.exec(text.trim());
  if (srgb) {
    const [r, g, b, a] = srgb[1].split(/[\s/]+/).map(Number);
    const to255 = (v: number) => Math.round(v * 255);
    return { r: to255(r), g: to255(g), b: to255(b), a: a ?? 1 };
  }
  return undefined;
}

/** `top` painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return {
    r: mix(top.r, bottom.r),
    g: mix(top.g, bottom.g),
    b: mix(top.b, bottom.b),
    a: 1,
  };
}

function luminance({ r, g, b }: Rgba): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function ratio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export function hex({ r, g, b }: Rgba): string {
  const part = (v: number) => Math.round(v).toString(16).padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

/** "3.21:1", rounded down so 2.999 never reads as 3.00. */
export function shown(value: number): string {
  return `${(Math.floor(value * 100) / 100).toFixed(2)}:1`;
}
