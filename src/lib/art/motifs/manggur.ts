/**
 * Manggur (Probolinggo): mangga + anggur. Green mangoes hanging in pairs among long mango leaves,
 * and purple grape bunches under a vine leaf with curling tendrils, set in a half-drop repeat;
 * curling wind lines (the bayu of "Bayuangga") blow between them over a cecek ground.
 */
import type { MotifArt } from '../types.ts';
import { polygonPoints, wrap } from '../svg.ts';

const size = 220;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/** A long pointed leaf from (x, y) along angle a (degrees), as path data. */
function leaf(x: number, y: number, a: number, len: number, w: number): string {
  const r = (a * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  const at = (u: number, v: number) => `${n(x + u * c - v * s)} ${n(y + u * s + v * c)}`;
  return `M${at(0, 0)}C${at(len * 0.25, w)} ${at(len * 0.7, w * 0.9)} ${at(len, 0)}C${at(len * 0.7, -w * 0.9)} ${at(len * 0.25, -w)} ${at(0, 0)}Z`;
}

/** The midribs and side veins of the same leaf. */
function veins(x: number, y: number, a: number, len: number, w: number): string {
  const r = (a * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  const at = (u: number, v: number) => `${n(x + u * c - v * s)} ${n(y + u * s + v * c)}`;
  let d = `M${at(len * 0.05, 0)}L${at(len * 0.9, 0)}`;
  for (const u of [0.3, 0.5, 0.7]) d += `M${at(len * u, 0)}L${at(len * (u + 0.12), w * 0.6)}M${at(len * u, 0)}L${at(len * (u + 0.12), -w * 0.6)}`;
  return d;
}

type Leaf = readonly [x: number, y: number, a: number, len: number, w: number];

function leaves(p: readonly string[], list: readonly Leaf[]): string {
  return (
    `<path d="${list.map((l) => leaf(...l)).join('')}" fill="${p[1]}" stroke="${p[3]}" stroke-width="1" stroke-linejoin="round"/>` +
    `<path d="${list.map((l) => veins(...l)).join('')}" stroke="${p[0]}" stroke-width=".8" opacity=".85"/>`
  );
}

/** A mango hanging from its stalk at (0, 0): plump shoulder, a little beak low on one side. */
const MANGO = 'M0 0C13 0 22 12 21 27C20 41 11 50 0 49C-7 48-11 44-13 39C-14 36-18 35-18 32C-14 30-13 25-14 20C-15 9-9 1 0 0Z';

function mango(p: readonly string[], x: number, y: number, tilt: number, mirror: boolean): string {
  const [ground, green, , brown, red] = p as [string, string, string, string, string];
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${tilt})${mirror ? ' scale(-1 1)' : ''}">` +
    `<path d="${MANGO}" fill="${green}" stroke="${brown}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="M2 2C14 3 20 14 20 26C19 33 16 36 13 37C16 28 13 12 2 2Z" fill="${red}" opacity=".7"/>` +
    `<path d="M-7 8C-10 14-9 20-8 26M8 40C4 43 0 44-4 43" fill="none" stroke="${ground}" stroke-width="1.7" stroke-linecap="round" stroke-dasharray="0 4"/>` +
    `<path d="M0 0L1-6" stroke="${brown}" stroke-width="2" stroke-linecap="round"/>` +
    '</g>'
  );
}

/** A pair of mangoes hanging from a branch with long leaves; branch knot at (x, y). */
function mangoes(p: readonly string[], x: number, y: number, mirror: boolean): string {
  const m = mirror ? -1 : 1;
  const brown = p[3]!;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${m} 1)">` +
    `<path d="M-40-30C-24-26-10-18 0-8M0-8C4-2 6 4 6 10M0-8C-6-2-12 4-14 12M0-8C10-14 24-16 38-30" fill="none" stroke="${brown}" stroke-width="2.2" stroke-linecap="round"/>` +
    leaves(p, [[0, -8, -150, 40, 7], [0, -8, -35, 38, 6.5], [-22, -22, 200, 28, 5.5], [22, -20, -60, 28, 5.5], [2, -10, -105, 28, 5.5]]) +
    mango(p, 8, 10, -12, false) +
    mango(p, -16, 12, 14, true) +
    '</g>'
  );
}

/** Grapes: rows of berries under a vine leaf, with a tendril; stalk top at (x, y). */
function grapes(p: readonly string[], x: number, y: number, mirror: boolean): string {
  const [ground, green, purple, brown] = p as [string, string, string, string];
  const m = mirror ? -1 : 1;
  const rows = [5, 6, 5, 4, 3, 2, 1];
  let berries = '';
  let shine = '';
  rows.forEach((count, j) => {
    for (let i = 0; i < count; i++) {
      const bx = (i - (count - 1) / 2) * 9.2 + (j % 2 ? 0 : 1);
      const by = 8 + j * 8;
      berries += `<circle cx="${n(bx)}" cy="${by}" r="5.2"/>`;
      shine += `M${n(bx - 1.8)} ${by - 2}h0`;
    }
  });
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${m} 1)">` +
    `<path d="M0 10C0 0 4-8 10-12M6-6C12-8 16-4 15 0C14 4 9 3 10 0" fill="none" stroke="${brown}" stroke-width="1.8" stroke-linecap="round"/>` +
    `<g fill="${purple}" stroke="${brown}" stroke-width=".9">${berries}</g>` +
    `<path d="${shine}" stroke="${ground}" stroke-width="1.8" stroke-linecap="round" opacity=".8"/>` +
    `<g transform="translate(-16 -6) rotate(-30)">` +
    `<polygon points="${polygonPoints(0, -2, [19, 12, 16, 13], 5, -Math.PI / 2)}" fill="${green}" stroke="${brown}" stroke-width="1.1" stroke-linejoin="round"/>` +
    `<path d="M0 8L0-20M0 4L16-8M0 4L-16-8M0 6L10 12M0 6L-10 12" stroke="${ground}" stroke-width=".9" opacity=".85"/></g>` +
    '</g>'
  );
}

/** A curling wind line: a long sweep that rolls up at its end. */
function wind(x: number, y: number, mirror: boolean): string {
  const m = mirror ? -1 : 1;
  const f = (v: number) => n(v * m);
  return `M${f(-40) } ${y}`.replace(/^M(\S+) /, (_, a) => `M${n(x + Number(a))} `) +
    `c${f(20)}-8 ${f(40)} 8 ${f(58)}-2c${f(10)}-6 ${f(10)}-18 ${f(-2)}-18c${f(-8)} 0 ${f(-10)} 8 ${f(-4)} 10c${f(4)} 2 ${f(6)}-2 ${f(4)}-4`;
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3, 4].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  // cecek ground
  let dots = '';
  for (let i = 0; i < 22; i++) dots += `M${i % 2 ? 5 : 0} ${i * 10 + 5}H${size}`;
  let out = `<path d="${dots}" stroke="${p[3]}" stroke-width="1.3" stroke-linecap="round" stroke-dasharray="0 10" opacity=".35"/>`;
  // wind lines between the motifs
  const winds =
    wrap(size, 112, 112, 50, (x, y) => wind(x, y, false)) +
    wrap(size, 8, 8, 50, (x, y) => wind(x, y, true)) +
    wrap(size, 122, 206, 50, (x, y) => wind(x, y, true)) +
    wrap(size, 12, 96, 50, (x, y) => wind(x, y, false));
  out += `<path d="${winds}" fill="none" stroke="${p[3]}" stroke-width="1.8" stroke-linecap="round"/>`;
  out += mangoes(p, 56, 50, false) + mangoes(p, 166, 158, true);
  out += grapes(p, 170, 38, false) + grapes(p, 52, 148, true);
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
