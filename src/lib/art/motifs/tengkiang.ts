/**
 * Tengkiang: the Semende rice barn, half-drop. Each barn stands on stilts over stone footings, with
 * a plank-and-woven-bamboo body, a steep pointed triangular front roof of tiered thatch and a
 * detachable ladder leaning at its door; clumps of ripe rice grow beside it and a tied sheaf of
 * harvested rice stands between the barns, on a cecek-dot ground.
 */
import type { MotifArt } from '../types.ts';
import { ink, n } from '../svg.ts';

const size = 200;

/** Like `wrap`, with separate horizontal and vertical reach; `fn` collects into layers. */
function wrapXY(x: number, y: number, rx: number, ry: number, fn: (x: number, y: number) => void): void {
  for (const dx of [0, ...(x - rx < 0 ? [size] : []), ...(x + rx > size ? [-size] : [])]) {
    for (const dy of [0, ...(y - ry < 0 ? [size] : []), ...(y + ry > size ? [-size] : [])]) fn(x + dx, y + dy);
  }
}

/** Path data for a dot, drawn as a zero-length stroke with round caps. */
const dot = (x: number, y: number): string => `M${n(x)} ${n(y)}h0`;

/** Path data for a closed polygon through absolute points. */
const poly = (pts: readonly (readonly [number, number])[]): string =>
  'M' + pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L') + 'Z';

interface Layers {
  wood: string;
  roof: string;
  line: string;
  thatch: string;
  weave: string;
  stalk: string;
  grain: string;
  dots: string;
  dark: string;
  door: string;
  checkA: string;
  checkB: string;
  plank: string;
}

/** A barn standing on the ground at (x, y); it rises about 118 units above y. */
function barn(L: Layers, x: number, y: number): void {
  // Stilts with stone footings, and the floor beam.
  for (const px of [-20, 0, 20]) {
    L.wood += poly([[x + px - 2.6, y], [x + px + 2.6, y], [x + px + 2.6, y - 26], [x + px - 2.6, y - 26]]);
    L.dark += `M${n(x + px - 5)} ${n(y + 1)}h10`;
  }
  L.wood += poly([[x - 31, y - 24], [x + 31, y - 24], [x + 31, y - 29], [x - 31, y - 29]]);
  // Body, flaring upward, with vertical planks, a woven bamboo band and a door.
  const body: [number, number][] = [[x - 23, y - 29], [x + 23, y - 29], [x + 27, y - 60], [x - 27, y - 60]];
  L.wood += poly(body);
  for (let i = -3; i <= 3; i++) if (i) L.plank += `M${n(x + i * 6.4)} ${n(y - 31)}L${n(x + i * 6.9)} ${n(y - 45)}`;
  L.weave += poly([[x - 25.3, y - 46], [x + 25.3, y - 46], [x + 26.4, y - 54], [x - 26.4, y - 54]]);
  L.checkA += `M${n(x - 24)} ${n(y - 48)}h48M${n(x - 24)} ${n(y - 52)}h48`;
  L.checkB += `M${n(x - 24)} ${n(y - 50)}h48`;
  L.door += poly([[x - 6, y - 29], [x + 6, y - 29], [x + 6.4, y - 43], [x - 6.4, y - 43]]);
  // Steep pointed front roof with eaves, tiered thatch and a crossed ridge at the peak.
  const apex = y - 120;
  const base = y - 58;
  const half = 37;
  L.roof += poly([[x, apex], [x + half, base], [x + half - 4, base + 4], [x - half + 4, base + 4], [x - half, base]]);
  L.line += `M${n(x - 5)} ${n(apex - 7)}L${n(x + 4)} ${n(apex + 6)}M${n(x + 5)} ${n(apex - 7)}L${n(x - 4)} ${n(apex + 6)}`;
  for (let k = 1; k <= 5; k++) {
    const ty = apex + ((base - apex) * k) / 6;
    const w = (half * (ty - apex)) / (base - apex) - 1.5;
    L.thatch += `M${n(x - w)} ${n(ty)}L${n(x + w)} ${n(ty)}`;
    for (let j = -k; j <= k; j++) if (Math.abs(j * 6.2) < w - 2) L.dots += dot(x + j * 6.2, ty + 4.5);
  }
  L.line += `M${n(x)} ${n(apex + 8)}V${n(base + 3)}`;
  // Ladder leaning to the right of the door.
  L.line += `M${n(x + 11)} ${n(y - 29)}L${n(x + 25)} ${n(y + 1)}M${n(x + 17)} ${n(y - 29)}L${n(x + 31)} ${n(y + 1)}`;
  for (let r = 1; r <= 4; r++) {
    const t = r / 5;
    L.line += `M${n(x + 11 + 14 * t)} ${n(y - 29 + 30 * t)}h6`;
  }
}

/** A clump of three rice stalks standing at (x, y), heads bowing toward `dir` (±1). */
function rice(L: Layers, x: number, y: number, dir: number, h: number): void {
  for (const [dx, k] of [[-3, 0.85], [0, 1], [3, 0.75]] as const) {
    const top = y - h * k;
    const tipX = x + dx + dir * 12 * k;
    L.stalk += `M${n(x + dx * 0.3)} ${n(y)}Q${n(x + dx)} ${n(top)} ${n(tipX)} ${n(top + 8 * k)}`;
    // The bowed head: the upper part of the stalk's curve, beaded with grains.
    const x0 = x + dx * 0.3;
    let head = '';
    for (let g = 0; g <= 4; g++) {
      const t = 0.5 + g * 0.125;
      const u = 1 - t;
      head += `${g ? 'L' : 'M'}${n(u * u * x0 + 2 * u * t * (x + dx) + t * t * tipX)} ${n(u * u * y + 2 * u * t * top + t * t * (top + 8 * k))}`;
    }
    L.grain += head;
  }
  L.stalk += `M${n(x - 6)} ${n(y)}Q${n(x - 7)} ${n(y - h * 0.4)} ${n(x - 13)} ${n(y - h * 0.55)}M${n(x + 6)} ${n(y)}Q${n(x + 7)} ${n(y - h * 0.4)} ${n(x + 13)} ${n(y - h * 0.5)}`;
}

/** A harvested sheaf (ikat padi) centred on (x, y): stalks tied at the waist, heads bowing both ways. */
function sheaf(L: Layers, x: number, y: number): void {
  for (let i = -2; i <= 2; i++) {
    L.stalk += `M${n(x + i * 2.6)} ${n(y + 20)}L${n(x + i * 0.8)} ${n(y + 2)}L${n(x + i * 1.6)} ${n(y - 10)}`;
    const s = i < 0 || (i === 0 && true) ? -1 : 1;
    const hx = x + i * 1.6;
    L.grain += `M${n(hx)} ${n(y - 10)}Q${n(hx + s * (5 + Math.abs(i) * 2))} ${n(y - 20 + Math.abs(i))} ${n(hx + s * (10 + Math.abs(i) * 3))} ${n(y - 4 + Math.abs(i) * 2)}`;
  }
  L.dark += `M${n(x - 5)} ${n(y + 1)}h10M${n(x - 5.4)} ${n(y + 4)}h10.8`;
}

function draw(palette: readonly string[]): string {
  const brown = ink(palette, 0);
  const gold = ink(palette, 1);
  const black = ink(palette, 2);
  const L: Layers = { wood: '', roof: '', line: '', thatch: '', weave: '', stalk: '', grain: '', dots: '', dark: '', door: '', checkA: '', checkB: '', plank: '' };
  let ground = '';
  for (const [bx, by] of [[50, 150], [150, 50]] as const) {
    wrapXY(bx, by - 60, 40, 62, (x, y) => barn(L, x, y + 60));
    wrapXY(bx, by - 25, 68, 30, (x, y) => {
      rice(L, x - 47, y + 25, -1, 48);
      rice(L, x + 49, y + 25, 1, 40);
      ground += `M${n(x - 62)} ${n(y + 28)}h124`;
    });
    wrapXY(bx + 50, by - 72, 22, 24, (x, y) => sheaf(L, x, y));
  }
  // Cecek dots between the barns.
  let cecek = '';
  for (let y = 10; y < size; y += 20) cecek += `M${(y / 20) % 2 < 1 ? 0 : -10} ${y}H${size + 10}`;
  const round = 'fill="none" stroke-linecap="round"';
  return (
    `<path d="${cecek}" ${round} stroke="${brown}" stroke-width="1.5" stroke-dasharray="0 20" opacity="0.28"/>` +
    `<path d="${ground}" ${round} stroke="${brown}" stroke-width="1.6" stroke-dasharray="0 4"/>` +
    `<path d="${L.stalk}" ${round} stroke="${brown}" stroke-width="1.3"/>` +
    `<path d="${L.grain}" ${round} stroke="${gold}" stroke-width="4.6" stroke-dasharray="0 3.4"/>` +
    `<path d="${L.wood}" fill="${brown}" stroke="${black}" stroke-width="1.1" stroke-linejoin="round"/>` +
    `<path d="${L.plank}" ${round} stroke="${gold}" stroke-width="1.1" opacity="0.75"/>` +
    `<path d="${L.weave}" fill="${gold}" stroke="${black}" stroke-width="0.9"/>` +
    `<path d="${L.checkA}" fill="none" stroke="${brown}" stroke-width="2" stroke-dasharray="3 3"/>` +
    `<path d="${L.checkB}" fill="none" stroke="${brown}" stroke-width="2" stroke-dasharray="3 3" stroke-dashoffset="3"/>` +
    `<path d="${L.roof}" fill="${gold}" stroke="${black}" stroke-width="1.6" stroke-linejoin="round"/>` +
    `<path d="${L.thatch}" ${round} stroke="${brown}" stroke-width="1.1"/>` +
    `<path d="${L.dots}" ${round} stroke="${brown}" stroke-width="2"/>` +
    `<path d="${L.dark}" ${round} stroke="${black}" stroke-width="1.2"/>` +
    `<path d="${L.door}" fill="${black}"/>` +
    `<path d="${L.line}" ${round} stroke="${black}" stroke-width="1.8"/>`
  );
}

export default { size, draw } satisfies MotifArt;
