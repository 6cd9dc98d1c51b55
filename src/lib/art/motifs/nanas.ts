/**
 * Nanas (Prabumulih, "Kota Nanas"): pineapples in a half-drop, leaning alternately left and right,
 * each an egg-shaped fruit netted into diamond scales with an eye dotted in every scale, under a
 * fan of spiky crown leaves, with short leaves at its foot. A lattice of doubled cecek lines frames
 * each fruit, with a four-leaf rosette where the lines cross.
 */
import type { MotifArt } from '../types.ts';
import { ink, n } from '../svg.ts';

const size = 160;
/** Scale net: slope of its lines, spacing between them, and the distance between eyes along a mid-line. */
const SLOPE = 1.25;
const STEP = 10.5;
const EYE = n((STEP / (2 * SLOPE)) * Math.hypot(1, SLOPE));

const dot = (x: number, y: number): string => `M${n(x)} ${n(y)}h0`;

/** Calls `fn(dx, dy)` for each whole-tile shift that brings the box (x0, y0)–(x1, y1) into view. */
function wrapBox(x0: number, y0: number, x1: number, y1: number, fn: (dx: number, dy: number) => void): void {
  const shifts = (lo: number, hi: number) => [-size, 0, size].filter((d) => hi + d > 0 && lo + d < size);
  for (const dx of shifts(x0, x1)) for (const dy of shifts(y0, y1)) fn(dx, dy);
}

interface Layers {
  leaf: string;
  body: string;
  net: string;
  eye: string;
  tuft: string;
  heart: string;
}

/** A spiky leaf from (x, y) at `deg` from upright, `len` long and `w` wide at its base. */
function spike(x: number, y: number, deg: number, len: number, w: number, bend: number): string {
  const a = (deg * Math.PI) / 180;
  const ux = Math.sin(a);
  const uy = -Math.cos(a);
  const p = (u: number, v: number) => `${n(x + u * ux - v * uy)} ${n(y + u * uy + v * ux)}`;
  return `M${p(0, -w)}Q${p(len * 0.55, -w * 0.5 + bend)} ${p(len, bend * 1.6)}Q${p(len * 0.55, w * 0.5 + bend)} ${p(0, w)}Z`;
}

/** A pineapple whose fruit is centred on (x, y). */
function pineapple(L: Layers, x: number, y: number): void {
  const rx = 25;
  const ry = 31;
  // Crown: a fan of spiky leaves from the top of the fruit, longest in the middle.
  for (const [deg, len] of [[-62, 26], [-37, 34], [-15, 39], [0, 41], [15, 39], [37, 34], [62, 26]] as const) {
    const bend = deg === 0 ? 0 : Math.sign(deg) * 3;
    L.leaf += spike(x, y - ry + 4, deg, len, 4.2, bend);
  }
  // Short leaves at the foot.
  for (const deg of [-125, 125]) L.leaf += spike(x, y + ry - 6, deg, 22, 3.6, Math.sign(deg) * 2);
  // The fruit: a slightly egg-shaped body.
  L.body += `M${n(x)} ${n(y - ry)}C${n(x + rx * 1.3)} ${n(y - ry)} ${n(x + rx * 1.45)} ${n(y + ry)} ${n(x)} ${n(y + ry)}C${n(x - rx * 1.45)} ${n(y + ry)} ${n(x - rx * 1.3)} ${n(y - ry)} ${n(x)} ${n(y - ry)}Z`;
  // Diamond net: chords of the lines y = ±s·x + c inside an inset ellipse.
  const ex = rx - 1.5;
  const ey = ry - 4;
  const cy = y + 2.5; // the egg is fuller below its middle
  const s = SLOPE;
  const step = STEP;
  const chord = (sl: number, c: number): [number, number] | null => {
    const A = 1 / ex ** 2 + (sl * sl) / ey ** 2;
    const B = (2 * sl * c) / ey ** 2;
    const C = (c * c) / ey ** 2 - 1;
    const disc = B * B - 4 * A * C;
    if (disc <= 0) return null;
    const r = Math.sqrt(disc);
    return [(-B - r) / (2 * A), (-B + r) / (2 * A)];
  };
  for (const sl of [s, -s]) {
    for (let k = -5; k <= 5; k++) {
      const c = k * step + 3;
      const t = chord(sl, c);
      if (!t) continue;
      L.net += `M${n(x + t[0])} ${n(cy + sl * t[0] + c)}L${n(x + t[1])} ${n(cy + sl * t[1] + c)}`;
    }
  }
  // An eye in each scale, where the mid-lines between net lines cross: each mid-line of one
  // family is drawn from its first crossing to its last and dotted once per crossing (see EYE).
  for (let i = -5; i <= 5; i++) {
    const c1 = i * step + 3 + step / 2;
    const inside: number[] = [];
    for (let j = -6; j <= 6; j++) {
      const tx = (j * step + 3 + step / 2 - c1) / (2 * s);
      if ((tx / (ex - 3)) ** 2 + ((s * tx + c1) / (ey - 3)) ** 2 < 1) inside.push(tx);
    }
    if (!inside.length) continue;
    const a = inside[0]!;
    const b = inside[inside.length - 1]!;
    L.eye += `M${n(x + a)} ${n(cy + s * a + c1)}L${n(x + b + 0.01)} ${n(cy + s * b + c1)}`;
  }
}

/** A rosette of four leaves, pointing along the lattice, where its lines cross at (x, y). */
function rosette(L: Layers, x: number, y: number): void {
  for (const deg of [0, 90, 180, 270]) L.tuft += spike(x, y, deg, 10, 2.8, 0);
  L.heart += dot(x, y);
}

function draw(palette: readonly string[]): string {
  const gold = ink(palette, 0);
  const green = ink(palette, 1);
  const brown = ink(palette, 2);
  const L: Layers = { leaf: '', body: '', net: '', eye: '', tuft: '', heart: '' };
  const round = 'fill="none" stroke-linecap="round"';
  // Half-drop: fruit centres 90 apart across and down. Each plant spans about ±40 across, −80…+40 down.
  // Half-drop, the two fruits leaning opposite ways.
  // One pineapple in its own coordinates, placed (and wrapped) by transform.
  const P: Layers = { leaf: '', body: '', net: '', eye: '', tuft: '', heart: '' };
  pineapple(P, 0, 0);
  const plant = layers(P);
  let plants = '';
  for (const [x, y, deg] of [[80, 100, -9], [0, 20, 9]] as const) {
    wrapBox(x - 50, y - 86, x + 50, y + 48, (dx, dy) => {
      plants += `<g transform="translate(${x + dx} ${y + dy}) rotate(${deg})">${plant}</g>`;
    });
  }
  for (const [x, y] of [[80, 20], [0, 100]] as const) {
    wrapBox(x - 12, y - 12, x + 12, y + 12, (dx, dy) => rosette(L, x + dx, y + dy));
  }
  // A diamond lattice of doubled cecek lines between the fruits, crossing at the rosettes.
  let dots = '';
  for (const c of [100, 260]) for (const o of [-4, 4]) dots += `M-20 ${c + o + 20}L${size + 20} ${c + o - size - 20}`;
  for (const c of [60, -100]) for (const o of [-4, 4]) dots += `M-20 ${-20 - c + o}L${size + 20} ${size + 20 - c + o}`;
  function layers(P: Layers): string {
    return (
      `<path d="${P.leaf}${P.tuft}" fill="${green}" stroke="${brown}" stroke-width="1" stroke-linejoin="round"/>` +
      (P.body ? `<path d="${P.body}" fill="${gold}" stroke="${brown}" stroke-width="1.6"/>` : '') +
      (P.net ? `<path d="${P.net}" ${round} stroke="${brown}" stroke-width="1.4"/>` : '') +
      (P.heart ? `<path d="${P.heart}" ${round} stroke="${gold}" stroke-width="4"/>` : '') +
      `<path d="${P.eye}" ${round} stroke="${brown}" stroke-width="2.8" stroke-dasharray="0 ${EYE}"/>`
    );
  }
  return `<path d="${dots}" ${round} stroke="${brown}" stroke-width="1.8" stroke-dasharray="0 7.07" opacity="0.45"/>` + layers(L) + plants;
}

export default { size, draw } satisfies MotifArt;
