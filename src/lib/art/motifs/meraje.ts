/**
 * Tumpal meraje (Batik Serasan): a tumpal border, repeated as cloth. The deep band holds tall
 * opposed triangles: gold ones rising, each filled with a songket-like lattice of lozenges with a
 * cream dot in every cell, interlocked with indigo ones hanging from the top edge. A narrower band of
 * small triangles meeting point to point, with lozenges in between, and lozenge-chain borders
 * complete the repeat. The drawing of the registered motif is not documented; this is a reading.
 */
import type { MotifArt } from '../types.ts';
import { ink, n, wrap } from '../svg.ts';

const size = 160;
const W = 40; // triangle base

const poly = (pts: readonly (readonly [number, number])[]): string =>
  'M' + pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L') + 'Z';

/** Path data for a lozenge of half-width r centred on (x, y). */
const lozenge = (x: number, y: number, r: number, h = r): string =>
  `M${n(x)} ${n(y - h)}l${n(r)} ${n(h)}l${n(-r)} ${n(h)}l${n(-r)} ${n(-h)}Z`;

const dot = (x: number, y: number): string => `M${n(x)} ${n(y)}h0`;

interface Layers {
  gold: string;
  ground: string;
  lattice: string;
  indigo: string;
  inset: string;
  cream: string;
  goldDot: string;
  rule: string;
  chain: string;
  frond: string;
}

/** Rising songket triangle with its base on y = b and apex at y = a, centred on x. */
function rising(L: Layers, x: number, a: number, b: number): void {
  const h = b - a;
  L.gold += poly([[x - W / 2 + 1, b], [x, a], [x + W / 2 - 1, b]]);
  const i = 4; // inset of the red field inside the gold frame
  const a2 = a + i * 2.4;
  const b2 = b - i;
  const half = ((W / 2 - 1) * (b2 - a2)) / h - i * 0.6;
  L.ground += poly([[x - half, b2], [x, a2], [x + half, b2]]);
  // Songket lattice: lines parallel to both sides cut the red field into lozenges, each centred
  // on a cream dot.
  const A: [number, number] = [x, a2];
  const Bl: [number, number] = [x - half, b2];
  const Br: [number, number] = [x + half, b2];
  const mix = (p: [number, number], q: [number, number], t: number): [number, number] => [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
  const D = 5;
  for (let k = 1; k < D; k++) {
    const t = k / D;
    const [px, py] = mix(Bl, Br, t);
    const [qx, qy] = mix(Br, A, 1 - t);
    const [rx, ry] = mix(Bl, A, t);
    L.frond += `M${n(qx)} ${n(qy)}L${n(px)} ${n(py)}L${n(rx)} ${n(ry)}`;
  }
  for (let i = 0; i < D; i++) {
    for (let j = i + 1; j < D; j++) {
      // Cell centre: where the mid-lines of cell i (one family) and cell j (the other) cross.
      const u = (i + 0.5) / D;
      const v = (j + 0.5) / D;
      L.cream += dot(x - half + (u + v) * half, b2 - (v - u) * (b2 - a2));
    }
  }
}

/** Hanging indigo triangle with its base on y = a and apex at y = b, centred on x. */
function hanging(L: Layers, x: number, a: number, b: number): void {
  L.indigo += poly([[x - W / 2 + 3, a], [x, b], [x + W / 2 - 3, a]]);
  L.inset += poly([[x - W / 2 + 8, a + 4], [x, b - 12], [x + W / 2 - 8, a + 4]]);
  for (let y = a + 9; y < b - 16; y += 6) L.goldDot += dot(x, y);
  L.goldDot += dot(x - 5, a + 8) + dot(x + 5, a + 8);
}

/** A border: two rules and a chain of lozenges between them, centred on y. */
function border(L: Layers, y: number): void {
  L.rule += `M0 ${n(y - 6)}H${size}M0 ${n(y + 6)}H${size}`;
  for (let x = 0; x <= size; x += 10) L.chain += lozenge(x, y, 4.2, 3.6);
  for (let x = 5; x < size; x += 10) L.cream += dot(x, y);
}

function draw(palette: readonly string[]): string {
  const gold = ink(palette, 0);
  const cream = ink(palette, 1);
  const indigo = ink(palette, 2);
  const red = palette[0]!;
  const L: Layers = { gold: '', ground: '', lattice: '', indigo: '', inset: '', cream: '', goldDot: '', rule: '', chain: '', frond: '' };
  const add = (fn: (x: number, y: number) => void) => (x: number, y: number) => (fn(x, y), '');

  // Deep tumpal band between y = 10 and y = 94; both tile edges fall in plain ground.
  for (let k = 0; k < size / W; k++) {
    wrap(size, k * W, 0, W / 2, add((x) => hanging(L, x, 10, 92)));
    rising(L, k * W + W / 2, 12, 94);
  }
  // Narrow band of small triangles meeting point to point, between y = 108 and y = 142.
  for (let k = 0; k < size / W; k++) {
    const x = k * W + W / 2;
    L.gold += poly([[x - 11, 108], [x, 124], [x + 11, 108]]) + poly([[x - 11, 142], [x, 126], [x + 11, 142]]);
    L.ground += poly([[x - 5, 110.5], [x, 118], [x + 5, 110.5]]) + poly([[x - 5, 139.5], [x, 132], [x + 5, 139.5]]);
    wrap(size, k * W, 125, 9, add((cx, cy) => {
      L.indigo += lozenge(cx, cy, 8, 11);
      L.cream += dot(cx, cy);
    }));
  }
  border(L, 101);
  border(L, 149);

  const round = 'fill="none" stroke-linecap="round"';
  return (
    `<path d="${L.indigo}" fill="${indigo}" stroke="${gold}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="${L.inset}" fill="none" stroke="${cream}" stroke-width="0.9" opacity="0.7"/>` +
    `<path d="${L.gold}" fill="${gold}"/>` +
    `<path d="${L.ground}" fill="${red}"/>` +
    `<path d="${L.lattice}" fill="${gold}"/>` +
    `<path d="${L.frond}" ${round} stroke="${gold}" stroke-width="1.5" stroke-linejoin="round"/>` +
    `<path d="${L.rule}" fill="none" stroke="${gold}" stroke-width="1.6"/>` +
    `<path d="${L.chain}" fill="none" stroke="${gold}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${L.goldDot}" ${round} stroke="${gold}" stroke-width="2.6"/>` +
    `<path d="${L.cream}" ${round} stroke="${cream}" stroke-width="2.4"/>`
  );
}

export default { size, draw } satisfies MotifArt;
