import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { MOCKUP_SHAPES, STUDIO_COLOURS, renderProductMockup, type MockupShape } from '../../src/lib/art/product-mockup.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';

const { content } = await loadContent(new URL('../../content/', import.meta.url).pathname);
const paletteOf = (slug: string): string[] => {
  const motif = content.motifs.find((m) => m.id === slug);
  if (!motif) throw new Error(`no motif ${slug}`);
  return motif.data.palette.map((c) => c.hex);
};
const MOTIFS = ['kopi', 'mega-mendung'] as const;

/** The PNG sharp makes of an SVG, and its greyscale pixels at `px`×`px`. */
async function rasterise(svg: string, px = 48): Promise<{ width: number; height: number; grey: Uint8Array }> {
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const meta = await sharp(png).metadata();
  const grey = await sharp(png).resize(px, px).greyscale().raw().toBuffer();
  return { width: meta.width!, height: meta.height!, grey: new Uint8Array(grey) };
}

const meanAbsDiff = (a: Uint8Array, b: Uint8Array) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
const ids = (svg: string) => Array.from(svg.matchAll(/\sid="([^"]+)"/g), (m) => m[1]!);

describe('product mockups', () => {
  const rendered = new Map<string, { svg: string; width: number; height: number; grey: Uint8Array }>();
  const key = (motif: string, shape: MockupShape, view = 0) => `${motif}/${shape}/${view}`;

  beforeAll(async () => {
    for (const motif of MOTIFS) {
      for (const shape of MOCKUP_SHAPES) {
        for (const view of [0, 1]) {
          const svg = renderProductMockup(motif, paletteOf(motif), shape, { view });
          rendered.set(key(motif, shape, view), { svg, ...(await rasterise(svg)) });
        }
      }
    }
  }, 60_000);

  describe.each(MOTIFS)('%s', (motif) => {
    it.each(MOCKUP_SHAPES)('%s renders with sharp to a 1200×1200 PNG, in both views', (shape) => {
      for (const view of [0, 1]) {
        const r = rendered.get(key(motif, shape, view))!;
        expect([r.width, r.height]).toEqual([1200, 1200]);
        expect(r.svg.length).toBeLessThan(200_000);
        // Not a blank canvas: the picture has real contrast.
        const mean = r.grey.reduce((s, v) => s + v, 0) / r.grey.length;
        const spread = Math.sqrt(r.grey.reduce((s, v) => s + (v - mean) ** 2, 0) / r.grey.length);
        expect(spread, `${shape} view ${view}`).toBeGreaterThan(8);
      }
    });

    it('every shape looks different from every other', () => {
      for (const a of MOCKUP_SHAPES) {
        for (const b of MOCKUP_SHAPES) {
          if (a >= b) continue;
          const diff = meanAbsDiff(rendered.get(key(motif, a))!.grey, rendered.get(key(motif, b))!.grey);
          expect(diff, `${a} vs ${b}`).toBeGreaterThan(12);
        }
      }
    });

    it('the close-up differs from the whole product', () => {
      for (const shape of MOCKUP_SHAPES) {
        const diff = meanAbsDiff(rendered.get(key(motif, shape, 0))!.grey, rendered.get(key(motif, shape, 1))!.grey);
        expect(diff, shape).toBeGreaterThan(12);
      }
    });

    it('uses only the palette, #000/#fff and the studio backdrop colours', () => {
      const allowed = new Set([...paletteOf(motif), '#000', '#fff', '#000000', '#ffffff', ...STUDIO_COLOURS, 'none'].map((c) => c.toLowerCase()));
      for (const shape of MOCKUP_SHAPES) {
        const svg = rendered.get(key(motif, shape))!.svg;
        const colours = new Set(Array.from(svg.matchAll(/(?:fill|stroke|stop-color)="([^"]+)"/g), (m) => m[1]!.toLowerCase()));
        for (const colour of colours) {
          if (colour.startsWith('url(#')) continue;
          expect(allowed, `${shape}: ${colour}`).toContain(colour);
        }
      }
    });

    it('has unique ids, and every reference points at one of them', () => {
      for (const shape of MOCKUP_SHAPES) {
        const svg = rendered.get(key(motif, shape))!.svg;
        const own = ids(svg);
        expect(new Set(own).size, shape).toBe(own.length);
        const refs = Array.from(svg.matchAll(/(?:url\(#|href="#)([^)"]+)/g), (m) => m[1]!);
        for (const ref of refs) expect(own, `${shape}: ${ref}`).toContain(ref);
      }
    });
  });

  it('the motif changes the picture', () => {
    for (const shape of MOCKUP_SHAPES) {
      const diff = meanAbsDiff(rendered.get(key('kopi', shape))!.grey, rendered.get(key('mega-mendung', shape))!.grey);
      expect(diff, shape).toBeGreaterThan(8);
    }
  });

  it('is deterministic', () => {
    for (const shape of MOCKUP_SHAPES) {
      expect(renderProductMockup('kopi', paletteOf('kopi'), shape, { view: 0 }), shape).toBe(rendered.get(key('kopi', shape))!.svg);
    }
  });

  it('shares no id between two different calls, so several can be inlined in one page', () => {
    const svgs = [...rendered.values()].map((r) => r.svg);
    svgs.push(renderProductMockup('kopi', ['#ffffff', '#000000', '#555555'], 'tas'), renderProductMockup('kopi', paletteOf('kopi'), 'tas', { size: 600 }));
    const seen = new Map<string, number>();
    svgs.forEach((svg, i) => {
      for (const id of ids(svg)) {
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, i);
      }
    });
  });

  it('follows the size option and wraps views around', async () => {
    const svg = renderProductMockup('kopi', paletteOf('kopi'), 'dompet', { size: 320 });
    const r = await rasterise(svg);
    expect([r.width, r.height]).toEqual([320, 320]);
    expect(renderProductMockup('kopi', paletteOf('kopi'), 'dompet', { view: 3 })).toBe(rendered.get(key('kopi', 'dompet', 1))!.svg);
  });

  it('refuses a motif without artwork', () => {
    expect(() => renderProductMockup('no-such-motif', ['#fff', '#000'], 'tas')).toThrow(/No artwork/);
  });
});
