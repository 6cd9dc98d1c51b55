/**
 * Mega Mendung (Cirebon): rain clouds lying horizontally, each made of nested outlines that step
 * from the darkest blue (outside) to the lightest (inside) on a red ground, with curling lobes.
 *
 * A cloud is one broad brush stroke along a curling centre line: a waving belly with lobes that
 * roll up into spirals. Each colour step repaints the same line narrower, so every band follows
 * the cloud's outline, and inside each lobe the inner bands open up and show the curl.
 */
import type { MotifArt } from '../types.ts';
import { halfUnitPath, n, spiral, type Pt } from '../svg.ts';

const size = 240;
const BAND = 2.8;
const WIDTH = 40;

/** The cloud's strokes in its own coordinates: centre at 0,0, lobes up. */
const STROKES: Pt[][] = [
  [[-76, 14], [-50, 20], [-16, 16], [18, 20], [50, 16], [76, 12]],
  [[-56, 14], ...spiral(-50, -12, 22, 120, 1.05, 0.62)],
  [[-10, 12], ...spiral(-2, -24, 29, 110, 1.15, 0.62)],
  [[38, 14], ...spiral(42, -10, 21, 80, -1.05, 0.62)],
  [[-70, 18], ...spiral(-82, 6, 11, 40, -0.95, 0.62)],
  [[70, 16], ...spiral(83, 6, 11, 140, 0.95, 0.62)],
];

/** The strokes as one path (drawn inside a scale(.5) group). */
const CLOUD = STROKES.map(halfUnitPath).join('');

function cloud(palette: readonly string[], x: number, y: number, mirror: boolean): string {
  const steps = Math.max(1, Math.min(7, palette.length - 1));
  let out = `<g transform="translate(${n(x)} ${n(y)}) scale(${mirror ? -0.5 : 0.5} .5)" fill="none" stroke-linecap="round" stroke-linejoin="round">`;
  for (let k = 0; k < steps; k++) {
    out += `<path d="${CLOUD}" stroke="${palette[k + 1]}" stroke-width="${n(2 * (WIDTH - 2 * k * BAND))}"/>`;
  }
  return out + '</g>';
}

/** How far the cloud reaches from its centre: [left/right, up, down]. */
const flat = STROKES.flat();
const REACH_X = Math.max(...flat.map(([x]) => Math.abs(x))) + WIDTH / 2 + 1;
const REACH_UP = -Math.min(...flat.map(([, y]) => y)) + WIDTH / 2 + 1;
const REACH_DOWN = Math.max(...flat.map(([, y]) => y)) + WIDTH / 2 + 1;

function draw(palette: readonly string[]): string {
  const place = (x: number, y: number, mirror: boolean) => {
    const xs = [x, ...(x - REACH_X < 0 ? [x + size] : []), ...(x + REACH_X > size ? [x - size] : [])];
    const ys = [y, ...(y - REACH_UP < 0 ? [y + size] : []), ...(y + REACH_DOWN > size ? [y - size] : [])];
    return xs.flatMap((cx) => ys.map((cy) => cloud(palette, cx, cy, mirror))).join('');
  };
  return place(120, 76, false) + place(0, 196, true);
}

export default { size, draw } satisfies MotifArt;
