/**
 * Durian (Batik Jumputan Durian, Desa Seleman): a whole spiked durian on its stalk, half-drop
 * with a split fruit showing its five cream segments, slanted durian blossoms between them, all on
 * a ground of tie-dye (jumputan) rings, each a dotted ring around a bound centre.
 */
import type { MotifArt } from '../types.ts';
import { ink, n, polygonPoints, wrap } from '../svg.ts';

const size = 200;

/** Maps local (x, y) to tile coordinates: rotate by `deg`, then move to (cx, cy). */
function place(cx: number, cy: number, deg = 0) {
  const c = Math.cos((deg * Math.PI) / 180);
  const s = Math.sin((deg * Math.PI) / 180);
  return (x: number, y: number): string => `${n(cx + x * c - y * s)} ${n(cy + x * s + y * c)}`;
}

const circle = (x: number, y: number, r: number): string =>
  `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0`;

/** A dot: a zero-length stroke with round caps. */
const dot = (x: number, y: number): string => `M${n(x)} ${n(y)}h0`;

interface Layers {
  husk: string;
  thorn: string;
  flesh: string;
  seam: string;
  stalk: string;
  petal: string;
  stamen: string;
  ring: string;
  bind: string;
  tip: string;
  cap: string;
  seed: string;
  halo: string;
  ring2: string;
}

/** A whole durian at (x, y), tilted by `deg`: spiked oval husk, thorn rows, stalk. */
function durian(L: Layers, x: number, y: number, deg: number): void {
  const m = place(x, y, deg);
  const rx = 29;
  const ry = 36;
  const spikes = 30;
  let d = '';
  for (let i = 0; i < spikes * 2; i++) {
    const a = (i / (spikes * 2)) * Math.PI * 2;
    const k = i % 2 ? 1 : 1 + 8 / Math.hypot(rx * Math.cos(a), ry * Math.sin(a));
    d += `${i ? 'L' : 'M'}${m(rx * k * Math.cos(a), ry * k * Math.sin(a))}`;
  }
  L.husk += d + 'Z';
  for (let row = -3; row <= 3; row++) {
    for (let col = -3; col <= 3; col++) {
      const px = col * 10 + (row % 2 ? 5 : 0);
      const py = row * 10;
      if ((px / (rx - 5)) ** 2 + (py / (ry - 5)) ** 2 > 1) continue;
      L.thorn += `M${m(px - 3.6, py + 3.2)}L${m(px, py - 3.8)}L${m(px + 3.6, py + 3.2)}Z`;
      L.tip += `M${m(px, py - 1.6)}h0`;
    }
  }
  L.stalk += `M${m(0, -ry + 2)}C${m(1, -ry - 10)} ${m(5, -ry - 16)} ${m(12, -ry - 20)}`;
  L.cap += `M${m(-9, -ry + 1)}Q${m(0, -ry - 9)} ${m(9, -ry + 1)}Q${m(0, -ry - 3)} ${m(-9, -ry + 1)}Z`;
}

/** A durian split open, seen end-on: spiked husk round five cream segments. */
function split(L: Layers, x: number, y: number, deg: number): void {
  L.husk += `M${polygonPoints(x, y, [37, 30], 24, (deg * Math.PI) / 180).replace(/ /g, 'L')}Z`;
  L.seam += circle(x, y, 25.5);
  for (let i = 0; i < 5; i++) {
    const a = deg + i * 72;
    const m = place(x, y, a);
    L.flesh += `M${m(0, -3)}C${m(11, -7)} ${m(12, -21)} ${m(0, -23.5)}C${m(-12, -21)} ${m(-11, -7)} ${m(0, -3)}Z`;
    L.seed += dot(...(m(0, -13).split(' ').map(Number) as [number, number]));
    L.stamen += `M${m(0, -3)}L${m(0, -8)}`;
  }
}

/** A slanted durian blossom: five pointed petals round a tuft of stamens. */
function blossom(L: Layers, x: number, y: number, deg: number, r: number): void {
  for (let i = 0; i < 5; i++) {
    const m = place(x, y, deg + i * 72);
    L.petal += `M${m(0, 0)}Q${m(r * 0.55, -r * 0.5)} ${m(0, -r)}Q${m(-r * 0.55, -r * 0.5)} ${m(0, 0)}Z`;
  }
  const m = place(x, y, deg + 180);
  for (const a of [-24, -8, 8, 24]) {
    const t = place(x, y, deg + 180 + a);
    L.stamen += `M${m(0, 0)}L${t(0, -r * 0.9)}`;
  }
}

function draw(palette: readonly string[]): string {
  const gold = ink(palette, 0);
  const leaf = ink(palette, 1);
  const cream = ink(palette, 2);
  const dark = palette[0]!;
  const L: Layers = { husk: '', thorn: '', flesh: '', seam: '', stalk: '', petal: '', stamen: '', ring: '', bind: '', tip: '', cap: '', seed: '', halo: '', ring2: '' };
  const add = (fn: (x: number, y: number) => void) => (x: number, y: number) => (fn(x, y), '');

  // Jumputan rings on a half-drop lattice, under everything.
  for (let j = 0; j < 4; j++) {
    for (let i = 0; i < 4; i++) {
      const x = i * 50 + (j % 2 ? 25 : 0);
      const y = j * 50 + 25;
      wrap(size, x, y, 14, add((px, py) => {
        L.halo += circle(px, py, 8);
        L.ring += circle(px, py, 12);
        L.ring2 += circle(px, py, 5.5);
        L.bind += dot(px, py);
      }));
    }
  }
  wrap(size, 56, 68, 50, add((x, y) => durian(L, x, y, -20)));
  wrap(size, 150, 152, 40, add((x, y) => split(L, x, y, 10)));
  for (const [x, y, deg, r] of [[146, 40, 35, 15], [178, 70, -25, 11], [52, 160, -35, 15], [18, 128, 40, 11], [100, 104, 20, 10]] as const) {
    wrap(size, x, y, r + 2, add((px, py) => blossom(L, px, py, deg, r)));
  }

  const round = 'fill="none" stroke-linecap="round"';
  return (
    `<path d="${L.halo}" fill="${leaf}" opacity="0.22"/>` +
    `<path d="${L.ring}" ${round} stroke="${cream}" stroke-width="1.7" stroke-dasharray="0 4.2" opacity="0.6"/>` +
    `<path d="${L.ring2}" ${round} stroke="${cream}" stroke-width="1.3" stroke-dasharray="0 3.4" opacity="0.8"/>` +
    `<path d="${L.stalk}" ${round} stroke="${leaf}" stroke-width="4"/>` +
    `<path d="${L.husk}" fill="${gold}" stroke="${cream}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${L.cap}" fill="${leaf}" stroke="${dark}" stroke-width="1"/>` +
    `<path d="${L.thorn}" fill="${dark}" opacity="0.8" stroke-linejoin="round"/>` +
    `<path d="${L.tip}" ${round} stroke="${cream}" stroke-width="1.6"/>` +
    `<path d="${L.flesh}" fill="${cream}" stroke="${leaf}" stroke-width="1.2"/>` +
    `<path d="${L.seam}" ${round} stroke="${leaf}" stroke-width="2.4"/>` +
    `<path d="${L.petal}" fill="${cream}" stroke="${gold}" stroke-width="1" opacity="0.95"/>` +
    `<path d="${L.stamen}" ${round} stroke="${leaf}" stroke-width="1.3"/>` +
    `<path d="${L.seed}" ${round} stroke="${gold}" stroke-width="4.5"/>` +
    `<path d="${L.bind}" ${round} stroke="${gold}" stroke-width="3.2"/>`
  );
}

export default { size, draw } satisfies MotifArt;
