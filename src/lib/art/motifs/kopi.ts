/**
 * Kopi Semende: wavy coffee branches run corner to corner, a diagonal (lereng) rhythm across the
 * cloth, with pairs of veined leaves and clusters of red cherries at every node. Between the
 * branches lie trios of roasted beans, each split by its centre crease and ringed with cecek, and
 * small dot rosettes, on a dotted ground. Lines in the ground colour stand for wax-resist lines.
 */
import type { MotifArt } from '../types.ts';
import { ink, n, wrap } from '../svg.ts';

const size = 200;

/** Maps local (x, y) to tile coordinates: rotate by `deg`, then move to (cx, cy). */
function place(cx: number, cy: number, deg = 0) {
  const c = Math.cos((deg * Math.PI) / 180);
  const s = Math.sin((deg * Math.PI) / 180);
  return (x: number, y: number): string => `${n(cx + x * c - y * s)} ${n(cy + x * s + y * c)}`;
}

/** Path data for an ellipse rotated by `deg`. */
function ellipse(x: number, y: number, rx: number, ry: number, deg: number): string {
  const a = (deg * Math.PI) / 180;
  const dx = rx * Math.cos(a);
  const dy = rx * Math.sin(a);
  const arc = `a${n(rx)} ${n(ry)} ${n(deg)} 1 0`;
  return `M${n(x - dx)} ${n(y - dy)}${arc} ${n(2 * dx)} ${n(2 * dy)}${arc} ${n(-2 * dx)} ${n(-2 * dy)}`;
}

interface Layers {
  twig: string;
  leaf: string;
  vein: string;
  ring: string;
  bean: string;
  crease: string;
  cherry: string;
  navel: string;
  shine: string;
  shine2: string;
}

const empty = (): Layers => ({ twig: '', leaf: '', vein: '', ring: '', bean: '', crease: '', cherry: '', navel: '', shine: '', shine2: '' });

/** A pointed coffee leaf growing from (x, y) towards `deg` (0 = up), with midrib and veins. */
function leaf(out: Layers, x: number, y: number, deg: number, L: number, W: number): void {
  const m = place(x, y, deg);
  const w = W / 2;
  out.leaf += `M${m(0, 0)}C${m(w * 1.25, -L * 0.18)} ${m(w * 1.1, -L * 0.72)} ${m(0, -L)}C${m(-w * 1.1, -L * 0.72)} ${m(-w * 1.25, -L * 0.18)} ${m(0, 0)}Z`;
  out.vein += `M${m(0, -2)}L${m(0, -L * 0.88)}`;
  for (let i = 1; i <= 3; i++) {
    const vy = -L * (0.1 + i * 0.19);
    const dx = w * (0.85 - i * 0.12);
    out.vein += `M${m(-dx, vy - 7)}L${m(0, vy)}L${m(dx, vy - 7)}`;
  }
}

/** Path data for a dot, drawn as a zero-length stroke with round caps. */
const dot = (x: number, y: number): string => `M${n(x)} ${n(y)}h0`;

function cherry(out: Layers, x: number, y: number): void {
  out.cherry += dot(x, y);
  out.navel += dot(x + 1.4, y + 1.4);
  out.shine += dot(x - 1.6, y - 1.6);
}

/** Point on the wavy coffee branch that runs corner to corner along the tile's rising diagonal. */
function branch(t: number, amp: number): [number, number] {
  const off = amp * Math.sin(4 * Math.PI * t) * Math.SQRT1_2;
  return [size * t + off, size - size * t + off];
}

/** The branch with its leaf pairs and cherry clusters at four nodes. */
function sprigs(out: Layers): void {
  const pts = Array.from({ length: 41 }, (_, i) => branch(i / 40, 9));
  const line = (ps: [number, number][], dx: number, dy: number) =>
    ps.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x + dx)} ${n(y + dy)}`).join('');
  out.twig += line(pts, 0, 0);
  // The neighbouring tiles' branches meet this one at the corners: draw their last few units too.
  const head = pts.slice(0, 3);
  const tail = pts.slice(-3);
  out.twig += line(tail, -size, 0) + line(head, 0, -size) + line(head, size, 0) + line(tail, 0, size);
  for (let k = 0; k < 4; k++) {
    const [x, y] = branch(0.125 + k * 0.25, 9);
    const side = k % 2 ? -1 : 1;
    const a = 45 + 90 * side;
    wrap(size, x, y, 46, (px, py) => {
      leaf(out, px, py, a - 28 * side, 44, 21);
      leaf(out, px, py, a - 180 + 38 * side, 34, 17);
      const c = place(px, py, 45);
      for (const [cx, cy] of [[-5, -2], [2, -6], [4, 2], [-3, 5]] as const) cherry(out, ...(c(cx, cy).split(' ').map(Number) as [number, number]));
      return '';
    });
  }
}

/** A seven-dot rosette (cecek pitu) at (x, y). */
function rosette(out: Layers, x: number, y: number): void {
  out.navel += dot(x, y);
  for (let i = 0; i < 6; i++) out.shine2 += dot(x + 6 * Math.cos((i * Math.PI) / 3), y + 6 * Math.sin((i * Math.PI) / 3));
}

/** Three roasted beans around (x, y). */
function beans(out: Layers, x: number, y: number, deg: number): void {
  const m = place(x, y, deg);
  for (const [bx, by, bd] of [[-14, 8, -30], [14, 8, 30], [0, -15, 90]] as const) {
    const [px, py] = m(bx, by).split(' ').map(Number) as [number, number];
    const d = deg + bd;
    out.ring += ellipse(px, py, 12.8, 16.8, d);
    out.bean += ellipse(px, py, 9.4, 13.6, d);
    const c = place(px, py, d);
    out.crease += `M${c(0.5, -11.2)}C${c(4.8, -4.7)} ${c(-4.8, 4.2)} ${c(-0.5, 11.2)}`;
  }
}

function draw(palette: readonly string[]): string {
  const brown = ink(palette, 0);
  const green = ink(palette, 1);
  const red = ink(palette, 2);
  const wax = palette[0]!;
  const L = empty();
  const collect = (fn: (x: number, y: number) => void) => (x: number, y: number) => (fn(x, y), '');
  sprigs(L);
  wrap(size, 52, 52, 30, collect((x, y) => beans(L, x, y, -45)));
  wrap(size, 148, 148, 30, collect((x, y) => beans(L, x, y, 135)));
  for (const [x, y] of [[100, 0], [0, 100]] as const) wrap(size, x, y, 9, collect((x, y) => rosette(L, x, y)));

  let dots = '';
  for (let y = 10, row = 0; y < size; y += 20, row++) dots += `M${row % 2 ? -10 : 0} ${y}H${size + 10}`;
  const round = 'fill="none" stroke-linecap="round"';
  return (
    `<path d="${dots}" ${round} stroke="${brown}" stroke-width="1.6" stroke-dasharray="0 20" opacity="0.3"/>` +
    `<path d="${L.ring}" ${round} stroke="${brown}" stroke-width="1.3" stroke-dasharray="0 3.6" opacity="0.7"/>` +
    `<path d="${L.bean}" fill="${brown}"/>` +
    `<path d="${L.crease}" ${round} stroke="${wax}" stroke-width="1.7"/>` +
    `<path d="${L.twig}" ${round} stroke="${brown}" stroke-width="2.4"/>` +
    `<path d="${L.leaf}" fill="${green}" stroke="${brown}" stroke-width="1.3" stroke-linejoin="round"/>` +
    `<path d="${L.vein}" ${round} stroke="${wax}" stroke-width="0.9" opacity="0.85"/>` +
    `<path d="${L.cherry}" ${round} stroke="${brown}" stroke-width="11.6"/>` +
    `<path d="${L.cherry}" ${round} stroke="${red}" stroke-width="9.4"/>` +
    `<path d="${L.navel}" ${round} stroke="${brown}" stroke-width="2.2"/>` +
    `<path d="${L.shine}" ${round} stroke="${wax}" stroke-width="1.8" opacity="0.8"/>` +
    `<path d="${L.shine2}" ${round} stroke="${red}" stroke-width="3.4"/>`
  );
}

export default { size, draw } satisfies MotifArt;
