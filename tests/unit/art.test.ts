import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { motifArt, renderMotifPattern, renderMotifTile } from '../../src/lib/art/index.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';

const { content } = await loadContent(new URL('../../content/', import.meta.url).pathname);
const motifs = content.motifs.map((m) => ({ id: m.id, palette: m.data.palette.map((c) => c.hex) }));
const NEUTRAL = ['#ffffff', '#000000', '#555555', '#999999', '#222222', '#777777', '#bbbbbb', '#333333'];

/** Greyscale pixels of an SVG rendered at `px`×`px`. */
async function pixels(svg: string, px: number): Promise<Uint8Array> {
  const { data } = await sharp(Buffer.from(svg)).resize(px, px).greyscale().raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data);
}

const meanAbsDiff = (a: Uint8Array, b: Uint8Array) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

describe('motif art', () => {
  it('every motif in content/ has artwork, and no artwork lacks a motif', () => {
    expect([...motifArt.keys()].sort()).toEqual(motifs.map((m) => m.id).sort());
  });

  describe.each(motifs)('$id', ({ id, palette }) => {
    const art = motifArt.get(id)!;
    const drawn = art.draw(palette);

    it('is a deterministic, safe SVG fragment of reasonable size', () => {
      expect(art.draw(palette)).toBe(drawn);
      expect(art.size).toBeGreaterThanOrEqual(80);
      expect(art.size).toBeLessThanOrEqual(240);
      expect(drawn).not.toMatch(/<script|<svg|<pattern|\sid=|href=/i);
      expect(drawn.length).toBeLessThan(25_000);
    });

    it('draws only with its palette, and follows the palette it is given', () => {
      const colours = new Set(Array.from(drawn.matchAll(/(?:fill|stroke|stop-color|color)\s*[=:]\s*"?([^";)\s]+)/g), (m) => m[1]!.toLowerCase()));
      for (const colour of colours) expect(['none', 'transparent', 'currentcolor', ...palette], `${colour}`).toContain(colour);
      const repainted = art.draw(NEUTRAL);
      expect(repainted).not.toBe(drawn);
      expect(repainted).not.toContain(palette[1]!);
    });

    it('renders as a valid image (sharp parses it)', async () => {
      const meta = await sharp(Buffer.from(renderMotifTile(id, palette))).metadata();
      expect(meta.format).toBe('svg');
    });

    it('repeats without a visible seam', async () => {
      // Compare the wrap-around column and row pairs with the differences between neighbours inside the tile.
      const px = 96;
      const p = await pixels(renderMotifTile(id, NEUTRAL), px);
      const at = (x: number, y: number) => p[y * px + x]!;
      const colDiff = (a: number, b: number) => Array.from({ length: px }, (_, y) => Math.abs(at(a, y) - at(b, y))).reduce((s, v) => s + v, 0) / px;
      const rowDiff = (a: number, b: number) => Array.from({ length: px }, (_, x) => Math.abs(at(x, a) - at(x, b))).reduce((s, v) => s + v, 0) / px;
      const interior = Array.from({ length: px - 1 }, (_, i) => [colDiff(i, i + 1), rowDiff(i, i + 1)]).flat().sort((a, b) => a - b);
      const limit = Math.max(interior[Math.floor(interior.length * 0.95)]! * 1.5, 12);
      expect(colDiff(px - 1, 0)).toBeLessThanOrEqual(limit);
      expect(rowDiff(px - 1, 0)).toBeLessThanOrEqual(limit);
    });
  });

  describe('each motif looks different from every other', () => {
    const rendered = new Map<string, Uint8Array>();
    beforeAll(async () => {
      for (const { id } of motifs) {
        rendered.set(id, await pixels(renderMotifPattern(id, NEUTRAL, { width: 360, height: 360, scale: 120 }), 96));
      }
    });
    it.each(motifs)('$id differs in shape from the others', ({ id }) => {
      for (const other of motifs) {
        if (other.id === id) continue;
        expect(meanAbsDiff(rendered.get(id)!, rendered.get(other.id)!), `${id} vs ${other.id}`).toBeGreaterThan(10);
      }
    });
  });
});
