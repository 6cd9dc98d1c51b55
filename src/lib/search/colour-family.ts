/**
 * Colour families for the colour facet: a hex colour becomes one of a small fixed set of named
 * families, so "#0b2a5b" and "#3a78b5" are both "biru" and a shopper can filter by blue.
 *
 * The thresholds are in HSL and were tuned on the palettes of content/motifs (see
 * tests/unit/search-documents.test.ts, which checks every palette entry against its name).
 */
import type { Localized } from '../content/schemas.ts';

export interface ColourFamily {
  /** Facet value, stable: stored in the index and in URLs. */
  id: string;
  name: Localized;
  /** A representative colour for the filter's swatch. */
  swatch: string;
}

/** Every family, in the order a filter list shows them. */
export const COLOUR_FAMILIES: readonly ColourFamily[] = [
  { id: 'merah', name: { id: 'Merah', en: 'Red' }, swatch: '#b3202a' },
  { id: 'merah-muda', name: { id: 'Merah muda', en: 'Pink' }, swatch: '#d8466a' },
  { id: 'oranye', name: { id: 'Oranye', en: 'Orange' }, swatch: '#f4a259' },
  { id: 'kuning', name: { id: 'Kuning', en: 'Yellow' }, swatch: '#e3b23c' },
  { id: 'hijau', name: { id: 'Hijau', en: 'Green' }, swatch: '#2e7d32' },
  { id: 'biru', name: { id: 'Biru', en: 'Blue' }, swatch: '#1f4e8c' },
  { id: 'ungu', name: { id: 'Ungu', en: 'Purple' }, swatch: '#6b2c7a' },
  { id: 'cokelat', name: { id: 'Cokelat', en: 'Brown' }, swatch: '#6b4226' },
  { id: 'krem', name: { id: 'Krem', en: 'Cream' }, swatch: '#efe2c4' },
  { id: 'hitam', name: { id: 'Hitam', en: 'Black' }, swatch: '#1a1a1a' },
  { id: 'putih', name: { id: 'Putih', en: 'White' }, swatch: '#f7f3ea' },
  { id: 'abu-abu', name: { id: 'Abu-abu', en: 'Grey' }, swatch: '#8a8a8a' },
];

export type ColourFamilyId =
  | 'merah' | 'merah-muda' | 'oranye' | 'kuning' | 'hijau' | 'biru' | 'ungu' | 'cokelat' | 'krem' | 'hitam' | 'putih' | 'abu-abu';

/** Hue (0–360), saturation and lightness (0–1), and chroma (max − min, 0–1) of `#rrggbb`. */
export function hexToHsl(hex: string): { h: number; s: number; l: number; c: number } | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1]!, 16);
  const r = ((n >> 16) & 255) / 255;
  const g = ((n >> 8) & 255) / 255;
  const b = (n & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const c = max - min;
  const l = (max + min) / 2;
  const s = c === 0 ? 0 : c / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (c > 0) {
    if (max === r) h = 60 * (((g - b) / c) % 6);
    else if (max === g) h = 60 * ((b - r) / c + 2);
    else h = 60 * ((r - g) / c + 4);
    if (h < 0) h += 360;
  }
  return { h, s, l, c };
}

/**
 * The family of a hex colour (`#rrggbb`, case-insensitive). Order of the tests matters:
 * near-black first, then greys (low chroma or low HSL saturation), then the light warm tones
 * batik calls cream, then the dark warm tones that read as brown, then plain hue bands.
 * An unreadable value is "abu-abu" rather than an error: a bad colour must not break indexing.
 */
export function colourFamily(hex: string): ColourFamilyId {
  const hsl = hexToHsl(hex);
  if (!hsl) return 'abu-abu';
  const { h, s, l, c } = hsl;
  if (l <= 0.1) return 'hitam';
  // Greys: HSL saturation alone misreads very light colours (#f6f0e1 has s = 0.54), so chroma too.
  if (c < 0.06 || s < 0.12) return l < 0.25 ? 'hitam' : l > 0.88 ? 'putih' : 'abu-abu';
  // Very light and nearly neutral, but not warm: off-white (the palest blue of mega mendung).
  const warm = h >= 20 && h < 70;
  if (!warm && l >= 0.85 && c < 0.12) return 'putih';
  // Light, soft warm tones: cream, ivory, sand, beige (the ground of most batik).
  if (warm && l >= 0.65 && c <= 0.35) return 'krem';
  // Dark warm tones: brown (sogan, coffee, wood), before the orange and yellow bands. Golden
  // yellows stay yellow a little darker than oranges do (#c9a227, ripe-rice gold, is kuning).
  if (h >= 15 && l < (h < 40 ? 0.48 : 0.4) && h < 50) return 'cokelat';
  if (h >= 325 && h < 350) return 'merah-muda';
  if (h >= 350 || h < 15) return l >= 0.7 ? 'merah-muda' : 'merah';
  if (h < 36) return 'oranye';
  if (h < 70) return 'kuning';
  if (h < 190) return 'hijau';
  if (h < 260) return 'biru';
  return 'ungu';
}

/** The distinct families of several colours, in first-seen order. */
export function colourFamilies(hexes: readonly string[]): ColourFamilyId[] {
  return [...new Set(hexes.map(colourFamily))];
}
