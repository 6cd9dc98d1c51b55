import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  ISLANDS,
  MAP_BOUNDS,
  mapHeightFor,
  projectLngLat,
  renderIndonesiaMap,
  type MapMarker,
} from '../../src/lib/art/indonesia-map.ts';

const places = {
  bandaAceh: [95.32, 5.55],
  medan: [98.67, 3.59],
  jayapura: [140.72, -2.53],
  pekalongan: [109.68, -6.89],
  kupang: [123.6, -10.17],
} as const;

const markers: MapMarker[] = [
  { lng: 103.77, lat: -3.65, label: 'Muara Enim' },
  { lng: 104.23, lat: -3.43, label: 'Prabumulih' },
  { lng: 109.68, lat: -6.89, label: 'Pekalongan', current: true },
  { lng: 113.22, lat: -7.75, label: 'Probolinggo' },
  { lng: 108.56, lat: -6.71, label: 'Cirebon' },
  { lng: 105.26, lat: -5.43, label: 'Bandar Lampung' },
];

function viewBox(svg: string): { width: number; height: number } {
  const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  expect(match).not.toBeNull();
  return { width: Number(match![1]), height: Number(match![2]) };
}

/** Renders with sharp, which throws on SVG that is not well-formed XML. */
async function rasterise(svg: string) {
  return sharp(new TextEncoder().encode(svg)).png().toBuffer({ resolveWithObject: true });
}

describe('projectLngLat', () => {
  const size = { width: 800, height: mapHeightFor(800) };

  it('maps the bounding box onto the whole box and keeps every island point inside it', () => {
    const nw = projectLngLat(MAP_BOUNDS.west, MAP_BOUNDS.north, size);
    const se = projectLngLat(MAP_BOUNDS.east, MAP_BOUNDS.south, size);
    expect(nw.x).toBeCloseTo(0, 0);
    expect(nw.y).toBeCloseTo(0, 0);
    expect(se.x).toBeCloseTo(size.width, 0);
    expect(se.y).toBeCloseTo(size.height, 0);
    for (const island of ISLANDS.filter((i) => i.kind === 'land')) {
      for (const [lng, lat] of island.points) {
        const { x, y } = projectLngLat(lng, lat, size);
        expect(x, `${island.name} ${lng},${lat}`).toBeGreaterThanOrEqual(0);
        expect(x, `${island.name} ${lng},${lat}`).toBeLessThanOrEqual(size.width);
        expect(y, `${island.name} ${lng},${lat}`).toBeGreaterThanOrEqual(0);
        expect(y, `${island.name} ${lng},${lat}`).toBeLessThanOrEqual(size.height);
      }
    }
  });

  it('orders places west to east and north to south', () => {
    const p = (key: keyof typeof places) => projectLngLat(places[key][0], places[key][1], size);
    expect(p('bandaAceh').x).toBeLessThan(p('medan').x);
    expect(p('medan').x).toBeLessThan(p('pekalongan').x);
    expect(p('pekalongan').x).toBeLessThan(p('jayapura').x);
    expect(p('bandaAceh').y).toBeLessThan(p('medan').y);
    expect(p('medan').y).toBeLessThan(p('pekalongan').y);
    expect(p('pekalongan').y).toBeLessThan(p('kupang').y);
  });

  it('keeps the aspect ratio in a box of another shape, centred', () => {
    const wide = { width: 1000, height: 200 };
    const a = projectLngLat(100, 0, wide);
    const b = projectLngLat(101, 0, wide);
    const c = projectLngLat(100, -1, wide);
    expect(b.x - a.x).toBeCloseTo(c.y - a.y, 6);
    const nw = projectLngLat(MAP_BOUNDS.west, MAP_BOUNDS.north, wide);
    const se = projectLngLat(MAP_BOUNDS.east, MAP_BOUNDS.south, wide);
    expect(nw.y).toBeCloseTo(0, 6);
    expect(se.y).toBeCloseTo(200, 6);
    expect(nw.x).toBeCloseTo(wide.width - se.x, 6);
  });
});

describe('ISLANDS', () => {
  it('has the main islands, each a simplified outline', () => {
    const names = ISLANDS.map((i) => i.name).join(' | ');
    for (const name of ['Sumatra', 'Java', 'Bali', 'Lombok', 'Sumbawa', 'Flores', 'Sumba', 'Timor', 'Kalimantan', 'Sulawesi', 'Halmahera', 'Seram', 'Buru', 'New Guinea', 'Bangka', 'Belitung']) {
      expect(names).toContain(name);
    }
    for (const name of ['Sumatra', 'Java', 'Kalimantan', 'Sulawesi', 'New Guinea (Papua)']) {
      const island = ISLANDS.find((i) => i.name === name)!;
      expect(island.points.length).toBeGreaterThanOrEqual(15);
      expect(island.points.length).toBeLessThanOrEqual(60);
    }
  });
});

describe('renderIndonesiaMap', () => {
  it('draws markers with their labels escaped, inside the viewBox', async () => {
    const svg = renderIndonesiaMap({
      width: 800,
      title: 'Batik <&> "towns"',
      markers: [...markers, { lng: 110.36, lat: -7.8, label: 'Jogja <&> Solo' }],
    });
    expect(svg).toContain('Jogja &#60;&#38;&#62; Solo');
    expect(svg).not.toContain('<&>');
    expect(svg).toContain('<title>Batik &#60;&#38;&#62; &#34;towns&#34;</title>');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);

    const { width, height } = viewBox(svg);
    expect(width).toBe(800);
    expect(height).toBe(mapHeightFor(800));
    const texts = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)];
    expect(texts).toHaveLength(markers.length + 1);
    for (const [, x, y] of texts) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(width);
      expect(Number(y)).toBeGreaterThan(0);
      expect(Number(y)).toBeLessThanOrEqual(height);
    }
    const circles = [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)];
    for (const [, cx, cy] of circles) {
      expect(Number(cx)).toBeGreaterThan(0);
      expect(Number(cx)).toBeLessThan(width);
      expect(Number(cy)).toBeGreaterThan(0);
      expect(Number(cy)).toBeLessThan(height);
    }

    const { info } = await rasterise(svg);
    expect(info.width).toBe(800);
  });

  it('makes the current marker distinguishable and can label only it', () => {
    const svg = renderIndonesiaMap({ width: 360, title: 'Pekalongan', markers, labels: 'current' });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(['Pekalongan']);
    expect(svg).toMatch(/<text[^>]*font-weight="700"[^>]*>Pekalongan<\/text>/);

    const current = /<circle[^>]*r="([\d.]+)"[^>]*data-current="true"/.exec(svg);
    expect(current).not.toBeNull();
    const radii = [...svg.matchAll(/<circle (?![^>]*fill="none")(?![^>]*data-current)[^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(radii).toHaveLength(markers.length - 1);
    for (const r of radii) expect(Number(current![1])).toBeGreaterThan(r);
    // The ring around the current marker.
    expect(svg.match(/fill="none"/g)).toHaveLength(1);
  });

  it('keeps labels apart, close pairs included, at 360 and 800 px', () => {
    for (const width of [360, 800]) {
      const svg = renderIndonesiaMap({ width, title: 'Towns', markers, labels: 'all' });
      const fontSize = Number(/font-size="([\d.]+)"/.exec(svg)![1]);
      // Approximate boxes: 0.6 em per character is wider than the renderer's own estimate needs.
      const boxes = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"(?: text-anchor="(\w+)")?[^>]*>([^<]*)<\/text>/g)].map((m) => {
        const w = m[4]!.length * fontSize * 0.6;
        const x = Number(m[1]);
        const x0 = m[3] === 'end' ? x - w : m[3] === 'middle' ? x - w / 2 : x;
        const y = Number(m[2]);
        return { label: m[4]!, x0, x1: x0 + w, y0: y - fontSize * 0.75, y1: y + fontSize * 0.2 };
      });
      expect(boxes.map((b) => b.label).sort()).toEqual(markers.map((m) => m.label).sort());
      for (const a of boxes) {
        expect(a.x0, a.label).toBeGreaterThanOrEqual(0);
        expect(a.x1, a.label).toBeLessThanOrEqual(width);
        for (const b of boxes) {
          if (a === b) continue;
          const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          expect(w > 0 && h > 0, `${width}px: ${a.label} overlaps ${b.label}`).toBe(false);
        }
      }
    }
  });

  it('is valid SVG at both sizes, small, deterministic and free of ids', async () => {
    for (const width of [360, 800]) {
      const options = { width, title: 'Peta', markers };
      const svg = renderIndonesiaMap(options);
      expect(renderIndonesiaMap(options)).toBe(svg);
      expect(svg).not.toMatch(/\sid="/);
      expect(svg.length).toBeLessThan(25_000);
      expect(svg).toContain('fill="var(--map-land, #d9c7a7)"');
      expect(svg).toContain('fill="var(--map-sea, #e8eef2)"');
      const { info } = await rasterise(svg);
      expect(info.width).toBe(width);
      expect(info.height).toBe(mapHeightFor(width));
    }
  });

  it('accepts colours and draws a map without markers', async () => {
    const svg = renderIndonesiaMap({ width: 480, title: 'Indonesia', colors: { land: '#123456', sea: '#fedcba' } });
    expect(svg).toContain('fill="#123456"');
    expect(svg).toContain('fill="#fedcba"');
    expect(svg).not.toContain('<circle');
    expect(svg).not.toContain('<text');
    expect((svg.match(/<path /g) ?? []).length).toBe(ISLANDS.length);
    await rasterise(svg);
  });

  it('sharp does reject malformed SVG (so the checks above mean something)', async () => {
    const broken = renderIndonesiaMap({ width: 360, title: 'x' }).replace('<title>x</title>', '<title>x & y</title>');
    await expect(rasterise(broken)).rejects.toThrow();
  });
});

describe('drawnIndonesiaMap', () => {
  it('draws what renderIndonesiaMap draws for the same options, and another map for others', async () => {
    const { drawnIndonesiaMap, renderIndonesiaMap } = await import('../../src/lib/art/indonesia-map.ts');
    const options = { width: 340, title: 'Peta', labels: 'current' as const, markers: [{ lng: 109.6, lat: -6.9, label: 'Pekalongan', current: true }] };
    const first = drawnIndonesiaMap(options);
    expect(first).toBe(renderIndonesiaMap(options));
    expect(drawnIndonesiaMap({ ...options })).toBe(first);
    expect(drawnIndonesiaMap({ ...options, title: 'Map' })).not.toBe(first);
  });
});
