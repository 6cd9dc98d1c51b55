/**
 * The motif art registry and renderers: a seamless tile, a pattern-filled rectangle of any size
 * (swatch, hero, social image) — all plain SVG strings, rasterised elsewhere with sharp.
 */
import type { MotifArt } from './types.ts';
import { n } from './svg.ts';

import { MOTIF_ART } from './motifs/index.ts';

/** Motif slug → its art (one file per motif in ./motifs, named by slug). */
export const motifArt: ReadonlyMap<string, MotifArt> = new Map(Object.entries(MOTIF_ART));

export function getMotifArt(slug: string): MotifArt {
  const art = motifArt.get(slug);
  if (!art) throw new Error(`No artwork for motif "${slug}": add src/lib/art/motifs/${slug}.ts`);
  return art;
}

export interface RenderOptions {
  width: number;
  height: number;
  /** How many tile repeats fit across the width; defaults to the tile's own size. */
  scale?: number;
  /** Accessible name; when absent the SVG is decorative (aria-hidden). */
  title?: string;
}

/** One tile on its ground, as a standalone SVG document. */
export function renderMotifTile(slug: string, palette: readonly string[]): string {
  const art = getMotifArt(slug);
  const s = art.size;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" width="${s}" height="${s}">` +
    `<rect width="${s}" height="${s}" fill="${palette[0]}"/>${art.draw(palette)}</svg>`
  );
}

/**
 * A width×height rectangle filled with the motif repeated as an SVG <pattern>.
 * @example renderMotifPattern('kopi', palette, { width: 1200, height: 630 })
 */
export function renderMotifPattern(slug: string, palette: readonly string[], options: RenderOptions): string {
  const art = getMotifArt(slug);
  const { width, height, title } = options;
  const tile = options.scale ?? art.size;
  const id = `m-${slug}`;
  const label = title
    ? `role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`
    : `aria-hidden="true" focusable="false">`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMidYMid slice" ${label}` +
    `<defs><pattern id="${id}" width="${n(tile)}" height="${n(tile)}" patternUnits="userSpaceOnUse" viewBox="0 0 ${art.size} ${art.size}">` +
    `<rect width="${art.size}" height="${art.size}" fill="${palette[0]}"/>${art.draw(palette)}</pattern></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#${id})"/></svg>`
  );
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
