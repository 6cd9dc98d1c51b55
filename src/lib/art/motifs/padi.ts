/**
 * Padi: ripe rice stalks marching in diagonal rows. Each stalk rises from three long blades (each
 * with a wax-line midrib), arches over and lets its heavy head hang: three drooping branches, the
 * grains beaded along both sides of each. Cecek dots fill the ground.
 */
import type { MotifArt } from '../types.ts';
import { ink, n } from '../svg.ts';

const size = 160;

type P = [number, number];

/** Path data for the quadratic p0-p1-p2 shifted sideways by `off` (offsetting its control points). */
function offsetQuad(p0: P, p1: P, p2: P, off: number): string {
  const normal = (a: P, b: P): P => {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    return [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
  };
  const n0 = normal(p0, p1);
  const n2 = normal(p1, p2);
  const n1 = normal(p0, p2);
  const q = (p: P, v: P) => `${n(p[0] + v[0] * off)} ${n(p[1] + v[1] * off)}`;
  return `M${q(p0, n0)}Q${q(p1, n1)} ${q(p2, n2)}`;
}

/** Calls `fn(dx, dy)` for each whole-tile shift that brings the box (x0, y0)–(x1, y1) into view. */
function wrapBox(x0: number, y0: number, x1: number, y1: number, fn: (dx: number, dy: number) => void): void {
  const shifts = (lo: number, hi: number) => [-size, 0, size].filter((d) => hi + d > 0 && lo + d < size);
  for (const dx of shifts(x0, x1)) for (const dy of shifts(y0, y1)) fn(dx, dy);
}

interface Layers {
  blade: string;
  stem: string;
  grainA: string;
  axis: string;
  grainB: string;
  rib: string;
}

/** A rice stalk standing at (x, y), about `h` tall, its head hanging to the right. */
function stalk(L: Layers, x: number, y: number, h: number): void {
  // Blades: long tapering leaves, one each side.
  const blade = (tx: number, ty: number, c1: P, c2: P): void => {
    L.blade += `M${n(x)} ${n(y)}Q${n(x + c1[0])} ${n(y + c1[1])} ${n(x + tx)} ${n(y + ty)}Q${n(x + c2[0])} ${n(y + c2[1])} ${n(x + 3)} ${n(y)}Z`;
    L.rib += `M${n(x + 1.5)} ${n(y - 3)}Q${n(x + (c1[0] + c2[0]) / 2)} ${n(y + (c1[1] + c2[1]) / 2)} ${n(x + tx * 0.85)} ${n(y + ty * 0.85)}`;
  };
  blade(-22, -h * 0.64, [-9, -h * 0.45], [2, -h * 0.42]);
  blade(27, -h * 0.4, [6, -h * 0.36], [14, -h * 0.16]);
  blade(-25, -h * 0.26, [-6, -h * 0.2], [-1, -h * 0.06]);
  // Stem rising and arching over.
  const top: P = [x + h * 0.16, y - h];
  L.stem += `M${n(x + 1)} ${n(y)}Q${n(x - 2)} ${n(y - h * 0.7)} ${n(top[0])} ${n(top[1])}`;
  // The drooping head: an arc from the top of the stem down to the right.
  // The heavy head: three branches fanning from the top of the stem and hanging to the right.
  const p0 = top;
  for (const [bx, by, ex, ey] of [[0.5, 1.12, 0.52, 0.5], [0.4, 1.12, 0.4, 0.56], [0.56, 1.06, 0.64, 0.62]] as const) {
    const p1: P = [x + h * bx, y - h * by];
    const p2: P = [x + h * ex, y - h * ey];
    L.axis += offsetQuad(p0, p1, p2, 0);
    L.grainA += offsetQuad(p0, p1, p2, 2);
    L.grainB += offsetQuad(p0, p1, p2, -2);
  }
}

function draw(palette: readonly string[]): string {
  const gold = ink(palette, 0);
  const green = ink(palette, 1);
  const brown = ink(palette, 2);
  const L: Layers = { blade: '', stem: '', grainA: '', axis: '', grainB: '', rib: '' };
  for (let i = 0; i < 4; i++) {
    const x = i * 40 + 14;
    const y = (i * 40 + 100) % size + 6;
    const h = i % 2 ? 84 : 92;
    // The stalk spans x - 21 … x + 0.64h + 5 and y - 1.15h … y + 1.
    const left = x - 26;
    const right = x + h * 0.64 + 6;
    const topY = y - h * 1.16;
    wrapBox(left, topY, right, y + 2, (dx, dy) => stalk(L, x + dx, y + dy, h));
  }
  let dots = '';
  for (let y = 5; y < size; y += 20) dots += `M${(y - 5) % 40 ? -5 : 5} ${y}H${size + 10}`;
  const round = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
  const beads = 'stroke-dasharray="2.4 5.6"';
  return (
    `<path d="${dots}" ${round} stroke="${brown}" stroke-width="1.5" stroke-dasharray="0 10" opacity="0.3"/>` +
    `<path d="${L.blade}" fill="${green}" stroke="${brown}" stroke-width="0.9" stroke-linejoin="round"/>` +
    `<path d="${L.rib}" ${round} stroke="${palette[0]}" stroke-width="0.8" opacity="0.8"/>` +
    `<path d="${L.stem}" ${round} stroke="${green}" stroke-width="2"/>` +
    `<path d="${L.axis}" ${round} stroke="${brown}" stroke-width="1.2"/>` +
    `<path d="${L.grainA}${L.grainB}" ${round} stroke="${brown}" stroke-width="5.4" ${beads}/>` +
    `<path d="${L.grainA}${L.grainB}" ${round} stroke="${gold}" stroke-width="3.6" ${beads}/>`
  );
}

export default { size, draw } satisfies MotifArt;
