/**
 * Wadasan (Cirebon): stylised rock and coral (wadas) — "mega mendung standing upright". Rows of
 * rock ridges run across the cloth; from each ridge rounded pinnacles of different heights rise,
 * all facing upwards, and roll over into curls. Everything is drawn in sunggingan bands that step
 * in from a black outline through sogan brown and ochre to cream, with a fine brown contour line
 * inside, in the keraton colours; the second ridge is mirrored and set half a tile along.
 */
import type { MotifArt } from '../types.ts';
import { halfUnitPath, n, spiral, type Pt } from '../svg.ts';

const size = 200;

/** A pinnacle rising from the ridge at (x, 0) to height h, rolling over left (dir -1) or right (1). */
function pinnacle(x: number, h: number, r: number, dir: number): Pt[] {
  return [[x, 0], [x - dir * 2, -h * 0.4], [x, -h * 0.75], ...spiral(x + dir * r, -h, r, dir > 0 ? 180 : 0, dir * 1.1, 0.6)];
}

/** The pinnacles along one ridge: [x, height, curl radius, direction]. */
const PINNACLES: readonly (readonly [number, number, number, number])[] = [
  [12, 28, 10, 1],
  [42, 58, 14, -1],
  [72, 38, 12, 1],
  [100, 22, 9, -1],
  [128, 46, 13, 1],
  [160, 62, 15, -1],
  [188, 34, 11, 1],
];

/**
 * One ridge of rock (a row of wadas), its foot along y = 0: a long foot running right across the
 * tile with pinnacles rising from it, moved `shift` along (and mirrored if asked); pinnacles near
 * the ends are repeated a tile away so that the ridge runs on unbroken from tile to tile.
 */
function ridgeStrokes(shift: number, mirror: boolean): Pt[][] {
  return [
    [[-20, 0], [size + 20, 0]],
    ...PINNACLES.flatMap(([x0, h, r, dir]) => {
      const x = (((mirror ? size - x0 : x0) + shift) % size + size) % size;
      const d = mirror ? -dir : dir;
      const shifts = [0, ...(x < 50 ? [size] : []), ...(x > size - 50 ? [-size] : [])];
      return shifts.map((s) => pinnacle(x + s, h, r, d));
    }),
  ];
}

/** Bands from the outline inwards: how much narrower each is, and its palette colour. */
type Bands = readonly (readonly [shrink: number, colour: number])[];
const BANDS: Bands = [[0, 2], [3.4, 1], [7.8, 3], [12.4, 0], [15.4, 1], [17.2, 0]];

/** A ridge in sunggingan bands: every band repaints the same strokes narrower. */
function ridge(p: readonly string[], y: number, shift: number, mirror: boolean, width: number): string {
  let out = `<g transform="translate(0 ${y}) scale(.5)" fill="none" stroke-linecap="round" stroke-linejoin="round">`;
  const d = ridgeStrokes(shift, mirror).map(halfUnitPath).join('');
  for (const [shrink, colour] of BANDS) {
    if (width - shrink > 0) out += `<path d="${d}" stroke="${p[colour]}" stroke-width="${n(2 * (width - shrink))}"/>`;
  }
  return out + '</g>';
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  // isen: cecek in staggered rows, in faint brown
  let dots = '';
  for (let i = 0; i < 25; i++) dots += `M${i % 2 ? 4 : 0} ${i * 8 + 4}H${size}`;
  let out = `<path d="${dots}" stroke="${p[1]}" stroke-width="1.3" stroke-linecap="round" stroke-dasharray="0 8" opacity=".4"/>`;
  // two ridges, the second mirrored and set half a tile along
  out += ridge(p, 88, 0, false, 21) + ridge(p, 188, size / 2, true, 21);
  return out;
}

export default { size, draw } satisfies MotifArt;
