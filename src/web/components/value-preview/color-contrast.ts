import { HEX_COLOR } from '../../../shared/values';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

/** '#rrggbb' or '#rrggbbaa' in upper case, or null when `text` is not one of those. */
export function normalizeHex(text: string): string | null {
  const trimmed = text.trim();
  return HEX_COLOR.test(trimmed) ? trimmed.toUpperCase() : null;
}

/**
 * How a colour is stored: upper case, and an opaque colour without its alpha ('#1c7ed6ff', as the
 * picker reports it, becomes '#1C7ED6'). Null when `text` is not a 6 or 8 digit hex colour.
 */
export function toStoredHex(text: string): string | null {
  const hex = normalizeHex(text);
  return hex && hex.length === 9 && hex.endsWith('FF') ? hex.slice(0, 7) : hex;
}

export function parseHex(text: string): Rgba | null {
  const hex = normalizeHex(text);
  if (!hex) return null;
  const channel = (index: number) => parseInt(hex.slice(index, index + 2), 16);
  return { r: channel(1), g: channel(3), b: channel(5), a: hex.length === 9 ? channel(7) / 255 : 1 };
}

/** WCAG 2.x relative luminance of an opaque sRGB colour (0 = black, 1 = white). */
export function relativeLuminance({ r, g, b }: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** A translucent colour as it looks painted over an opaque one. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (front: number, back: number) => front * top.a + back * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** WCAG contrast ratio (1..21) of `foreground` on `background`, or null when either is not a hex colour. */
export function contrastRatio(foreground: string, background: string): number | null {
  const fg = parseHex(foreground);
  const bgRaw = parseHex(background);
  if (!fg || !bgRaw) return null;
  const bg = bgRaw.a < 1 ? over(bgRaw, WHITE) : bgRaw;
  const light = relativeLuminance(over(fg, bg));
  const dark = relativeLuminance(bg);
  const [high, low] = light > dark ? [light, dark] : [dark, light];
  return (high + 0.05) / (low + 0.05);
}

export interface ContrastLevels {
  /** Normal text, level AA (4.5:1). */
  aa: boolean;
  /** Normal text, level AAA (7:1). */
  aaa: boolean;
  /** Large text (18pt, or 14pt bold), level AA (3:1). */
  aaLarge: boolean;
}

export function contrastLevels(ratio: number): ContrastLevels {
  return { aa: ratio >= 4.5, aaa: ratio >= 7, aaLarge: ratio >= 3 };
}

/** "4.54:1", rounded down so a colour is never reported as passing when it does not. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
