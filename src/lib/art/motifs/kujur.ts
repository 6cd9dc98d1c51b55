/**
 * Kujur: the heirloom spear of Dusun Tanjung, set as a diagonal lattice. Each side of every
 * diamond is one spear (banded shaft, red socket with tassel, leaf-shaped blade with a raised
 * midrib), the four turning round the diamond like a pinwheel; gold studs cover the joints, a
 * large bunga tanjung fills one cell and a cecek-ringed lozenge the other.
 */
import type { MotifArt } from '../types.ts';
import { ink, n, polygonPoints, wrap } from '../svg.ts';

const size = 160;
const HALF = 46; // half the spear's length

/** Maps spear-local (u along the spear from its middle towards the tip, v across) to the tile. */
function frame(cx: number, cy: number, ux: number, uy: number) {
  return (u: number, v: number): string => `${n(cx + u * ux - v * uy)} ${n(cy + u * uy + v * ux)}`;
}

const dot = (x: number, y: number): string => `M${n(x)} ${n(y)}h0`;
const star = (x: number, y: number, radii: number[], count: number, rot: number): string =>
  `M${polygonPoints(x, y, radii, count, rot).replace(/ /g, 'L')}Z`;

interface Layers {
  shaft: string;
  band: string;
  socket: string;
  tassel: string;
  blade: string;
  rib: string;
  petal: string;
  inner: string;
  heart: string;
  stud: string;
  lozenge: string;
  ring: string;
  ridge: string;
}

/** A spear from (x0, y0) (butt) to (x1, y1) (tip). */
function spear(L: Layers, x0: number, y0: number, x1: number, y1: number): void {
  const len = Math.hypot(x1 - x0, y1 - y0);
  const m = frame((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / len, (y1 - y0) / len);
  const butt = -HALF;
  const sock = HALF - 42;
  L.shaft += `M${m(butt + 2, 0)}L${m(sock, 0)}`;
  for (let u = butt + 10; u < sock - 6; u += 16) L.band += `M${m(u, -2.4)}L${m(u, 2.4)}M${m(u + 3, -2.4)}L${m(u + 3, 2.4)}`;
  L.socket += `M${m(sock - 3, -3.4)}L${m(sock + 8, -2.6)}L${m(sock + 10, -5)}L${m(sock + 13, 0)}L${m(sock + 10, 5)}L${m(sock + 8, 2.6)}L${m(sock - 3, 3.4)}Z`;
  L.tassel += `M${m(sock, 1)}Q${m(sock - 6, 8)} ${m(sock - 15, 9)}M${m(sock, 1)}Q${m(sock - 9, 5)} ${m(sock - 18, 5)}M${m(sock, 1)}Q${m(sock - 4, 11)} ${m(sock - 10, 14)}`;
  const b0 = sock + 13;
  const tip = HALF;
  L.blade += `M${m(b0 - 1, 0)}C${m(b0 + 2, -9)} ${m(b0 + 10, -8.5)} ${m(b0 + 15, -5.5)}L${m(tip + 2, 0)}L${m(b0 + 15, 5.5)}C${m(b0 + 10, 8.5)} ${m(b0 + 2, 9)} ${m(b0 - 1, 0)}Z`;
  L.rib += `M${m(b0 + 2, 0)}L${m(tip - 3, 0)}`;
  L.ridge += `M${m(b0 + 3, -3)}L${m(tip - 6, 0)}L${m(b0 + 3, 3)}`;
}

function draw(palette: readonly string[]): string {
  const gold = ink(palette, 0);
  const cream = ink(palette, 1);
  const red = ink(palette, 2);
  const navy = palette[0]!;
  const L: Layers = { shaft: '', band: '', socket: '', tassel: '', blade: '', rib: '', petal: '', inner: '', heart: '', stud: '', lozenge: '', ring: '', ridge: '' };
  const add = (fn: (x: number, y: number) => void) => (x: number, y: number) => (fn(x, y), '');

  // The diamond round (80, 80): nodes at the middles of the tile's edges; one spear per side.
  const nodes = [[0, 80], [80, 0], [160, 80], [80, 160]] as const;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = nodes[i]!;
    const [bx, by] = nodes[(i + 1) % 4]!;
    const t = 12 / Math.hypot(bx - ax, by - ay);
    spear(L, ax + (bx - ax) * t, ay + (by - ay) * t, bx - (bx - ax) * t, by - (by - ay) * t);
  }
  // Studs at the joints.
  for (const [x, y] of nodes.slice(0, 2)) {
    wrap(size, x, y, 10, add((px, py) => {
      L.stud += star(px, py, [8.5, 5], 4, 0);
      L.heart += dot(px, py);
    }));
  }
  // Cell A (80, 80): a large bunga tanjung.
  L.petal += star(80, 80, [25, 9], 8, -Math.PI / 2);
  L.inner += star(80, 80, [13, 5.5], 8, -Math.PI / 2 + Math.PI / 8);
  L.heart += dot(80, 80);
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * Math.PI * 2 + Math.PI / 8;
    L.ring += dot(80 + 21 * Math.cos(a), 80 + 21 * Math.sin(a));
  }
  // Cell B (the tile's corners): a red lozenge ringed with cecek.
  wrap(size, 0, 0, 30, add((x, y) => {
    L.lozenge += star(x, y, [19], 4, 0);
    L.inner += star(x, y, [11, 4.5], 4, 0);
    L.heart += dot(x, y);
    for (let i = 0; i < 16; i++) {
      const a = (i / 16) * Math.PI * 2;
      const r = 26 / (Math.abs(Math.cos(a)) + Math.abs(Math.sin(a)));
      L.ring += dot(x + r * Math.cos(a), y + r * Math.sin(a));
    }
  }));

  // Dotted diamonds inset within both cells.
  let inset = '';
  for (const [x, y] of [[80, 80], [0, 0], [160, 0], [0, 160], [160, 160]] as const) {
    inset += `M${x} ${y - 46}L${x + 46} ${y}L${x} ${y + 46}L${x - 46} ${y}Z`;
  }
  const round = 'fill="none" stroke-linecap="round"';
  return (
    `<path d="${inset}" ${round} stroke="${cream}" stroke-width="1.5" stroke-dasharray="0 5.42" opacity="0.5"/>` +
    `<path d="${L.shaft}" ${round} stroke="${gold}" stroke-width="3.6"/>` +
    `<path d="${L.band}" ${round} stroke="${cream}" stroke-width="1.5"/>` +
    `<path d="${L.tassel}" ${round} stroke="${red}" stroke-width="1.8"/>` +
    `<path d="${L.socket}" fill="${red}" stroke="${gold}" stroke-width="1.1" stroke-linejoin="round"/>` +
    `<path d="${L.blade}" fill="${cream}" stroke="${gold}" stroke-width="1.6" stroke-linejoin="round"/>` +
    `<path d="${L.ridge}" fill="none" stroke="${gold}" stroke-width="0.9" stroke-linejoin="round"/>` +
    `<path d="${L.rib}" ${round} stroke="${red}" stroke-width="1.6"/>` +
    `<path d="${L.lozenge}" fill="${red}" stroke="${gold}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="${L.petal}" fill="${cream}" stroke="${gold}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${L.inner}" fill="${gold}"/>` +
    `<path d="${L.stud}" fill="${gold}" stroke="${navy}" stroke-width="1"/>` +
    `<path d="${L.ring}" ${round} stroke="${gold}" stroke-width="2.2"/>` +
    `<path d="${L.heart}" ${round} stroke="${red}" stroke-width="3.4"/>`
  );
}

export default { size, draw } satisfies MotifArt;
