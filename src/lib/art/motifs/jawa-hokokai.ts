/**
 * Jawa Hokokai (Pekalongan, 1942–45): bouquets of sakura and chrysanthemum with butterflies over
 * a very dense isen ground — a fine lattice with a dot in every cell, as on tanahan Semarangan.
 * Each motif sits in a thin clear halo of cloth, the way the wax outline leaves it. Bouquets and
 * butterflies alternate in a half-drop repeat.
 */
import type { MotifArt } from '../types.ts';
import { polygonPoints } from '../svg.ts';

const size = 240;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

type P = readonly [ground: string, magenta: string, purple: string, yellow: string, green: string];

/**
 * A sakura of radius 20 at the origin, as one outline in whole units: five round petals (centred
 * on 36° + 72°k, so the gaps between them fall on 0° + 72°k), each with a notch at its tip.
 */
const SAKURA = (() => {
  const at = (r: number, deg: number) => {
    const a = (deg * Math.PI) / 180;
    return `${Math.round(r * Math.cos(a))} ${Math.round(r * Math.sin(a))}`;
  };
  let d = `M${at(5, 0)}`;
  for (let k = 0; k < 5; k++) {
    const c = 36 + 72 * k;
    d += `A12 12 0 0 1 ${at(20, c - 14)}L${at(16, c)} ${at(20, c + 14)}A12 12 0 0 1 ${at(5, c + 36)}`;
  }
  return d + 'Z';
})();

function sakura(p: P, x: number, y: number, r: number, turn: number): string {
  const [ground, magenta, purple, yellow] = p;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${Math.round((turn * 180) / Math.PI)}) scale(${n(r / 20)})">` +
    `<circle r="24" fill="${ground}"/>` +
    `<path d="${SAKURA}" fill="${magenta}" stroke="${purple}" stroke-width="2" stroke-linejoin="round"/>` +
    `<circle r="9" fill="none" stroke="${yellow}" stroke-width="4.6" stroke-dasharray="0 11.31" stroke-linecap="round"/>` +
    `<circle r="2.6" fill="${yellow}"/></g>`
  );
}

/** Star points rounded to one decimal, for the chrysanthemum's rings of petals. */
const star = (radii: number[], count: number, turn = 0) =>
  polygonPoints(0, 0, radii, count, turn).replace(/\d+\.\d+/g, (v) => n(Number(v)));

/** A chrysanthemum (kiku) of radius 20 at the origin: two rings of narrow petals, a round heart. */
const KIKU_OUTER = star([20, 12], 24);
const KIKU_INNER = star([13.5, 7], 18, 0.17);

function kiku(p: P, x: number, y: number, r: number): string {
  const [ground, magenta, purple, yellow] = p;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${n(r / 20)})" stroke="${purple}" stroke-linejoin="round">` +
    `<circle r="22.5" fill="${ground}" stroke="none"/>` +
    `<polygon points="${KIKU_OUTER}" fill="${yellow}" stroke-width=".9"/>` +
    `<polygon points="${KIKU_INNER}" fill="${magenta}" stroke-width=".8"/>` +
    `<circle r="4.5" fill="${yellow}" stroke-width="1"/>` +
    `<circle r="2.4" fill="none" stroke-width="1" stroke-dasharray="0 1.6" stroke-linecap="round"/></g>`
  );
}

/** Leaves: [x, y, angle in degrees, length, half-width]. */
function leaves(p: P, list: readonly (readonly [number, number, number, number, number])[]): string {
  const [ground, , , , green] = p;
  let d = '';
  let v = '';
  for (const [x, y, a, len, w] of list) {
    const r = (a * Math.PI) / 180;
    const c = Math.cos(r);
    const s = Math.sin(r);
    const at = (u: number, q: number) => `${n(x + u * c - q * s)} ${n(y + u * s + q * c)}`;
    d += `M${at(0, 0)}C${at(len * 0.3, w * 1.3)} ${at(len * 0.75, w)} ${at(len, 0)}C${at(len * 0.75, -w)} ${at(len * 0.3, -w * 1.3)} ${at(0, 0)}Z`;
    v += `M${at(2, 0)}L${at(len * 0.85, 0)}`;
  }
  return (
    `<path d="${d}" fill="${ground}" stroke="${ground}" stroke-width="4.5" stroke-linejoin="round"/>` +
    `<path d="${d}" fill="${green}"/>` +
    `<path d="${v}" stroke="${ground}" stroke-width=".8"/>`
  );
}

/** A bouquet: stems, leaves, a chrysanthemum and three sakura; centre (x, y), mirrored or not. */
function bouquet(p: P, x: number, y: number, k: number, mirror: boolean): string {
  const [, , purple] = p;
  const m = mirror ? -1 : 1;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${n(m * k)} ${n(k)})">` +
    `<path d="M-6 46C-8 30-6 14 0 0M-6 46C0 30 12 18 22-10M-6 46C-14 30-24 20-30-14" fill="none" stroke="${purple}" stroke-width="1.6" stroke-linecap="round"/>` +
    leaves(p, [[-4, 30, 200, 22, 6], [-3, 26, -30, 22, 6], [6, 14, -60, 20, 5.5], [-18, 10, 230, 20, 5.5], [12, -4, 20, 18, 5], [-22, -8, 160, 18, 5], [-4, 42, 120, 16, 4.5]]) +
    kiku(p, -2, -6, 21) +
    sakura(p, 26, -22, 12, -0.3) +
    sakura(p, -30, -26, 11, 0.2) +
    sakura(p, 6, -40, 9, 0.5) +
    '</g>'
  );
}

/** A butterfly, Japanese style: patterned forewings and hindwings with tails. */
function butterfly(p: P, x: number, y: number, tilt: number, k: number): string {
  const [ground, magenta, purple, yellow, green] = p;
  const wings = 'M0-2C-6-18-24-26-30-16C-34-8-22-2 0-2ZM0-2C6-18 24-26 30-16C34-8 22-2 0-2Z';
  const hind = 'M0 0C-6 6-10 14-8 24C-4 18-2 20 0 12ZM0 0C6 6 10 14 8 24C4 18 2 20 0 12ZM0 0C-10 2-20 8-18 14C-14 16-6 10 0 2ZM0 0C10 2 20 8 18 14C14 16 6 10 0 2Z';
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${tilt}) scale(${k})" stroke-linejoin="round">` +
    `<path d="${wings}${hind}" fill="${ground}" stroke="${ground}" stroke-width="5"/>` +
    `<path d="${wings}" fill="${purple}" stroke="${purple}" stroke-width="1"/>` +
    `<path d="${hind}" fill="${magenta}" stroke="${purple}" stroke-width="1"/>` +
    `<path d="M-8-6C-14-10-20-14-26-14M-6-4C-14-6-22-8-28-8M8-6C14-10 20-14 26-14M6-4C14-6 22-8 28-8" fill="none" stroke="${yellow}" stroke-width="1.1"/>` +
    `<path d="M-22-16h0M22-16h0M-14 10h0M14 10h0" stroke="${yellow}" stroke-width="4" stroke-linecap="round"/>` +
    `<path d="M-22-16h0M22-16h0M-14 10h0M14 10h0" stroke="${green}" stroke-width="1.6" stroke-linecap="round"/>` +
    `<path d="M0-8V14" stroke="${purple}" stroke-width="3" stroke-linecap="round"/>` +
    `<path d="M0-8C-2-14-6-18-10-19M0-8C2-14 6-18 10-19" fill="none" stroke="${purple}" stroke-width=".9"/>` +
    '</g>'
  );
}

/** A sprig of three small sakura and buds for the smaller gaps. */
function sprig(p: P, x: number, y: number, tilt: number): string {
  const [, , purple] = p;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${tilt})">` +
    `<path d="M0 14C0 4 4-4 10-10M0 4C-4-2-8-6-12-8" fill="none" stroke="${purple}" stroke-width="1.3" stroke-linecap="round"/>` +
    leaves(p, [[0, 12, 200, 12, 3.6], [1, 8, -20, 11, 3.4]]) +
    sakura(p, 10, -11, 6.5, 0.3) +
    sakura(p, -12, -8, 5.5, 0) +
    '</g>'
  );
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3, 4].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!)) as unknown as P;
  // isen: a fine diagonal lattice (cells 8 across) with a dot in the middle of every cell
  let lattice = '';
  for (let k = -size; k < size; k += 8) lattice += `M${k} 0l${size} ${size}M${k + size} 0l${-size} ${size}`;
  let dots = '';
  for (let i = 0; i < 60; i++) dots += `M${i % 2 ? 4 : 0} ${i * 4 + 2}H${size}`;
  let out =
    `<path d="${lattice}" stroke="${p[2]}" stroke-width=".6" opacity=".25"/>` +
    `<path d="${dots}" stroke="${p[1]}" stroke-width="1.5" stroke-linecap="round" stroke-dasharray="0 8" opacity=".55"/>`;
  out += bouquet(p, 62, 66, 1.2, false) + bouquet(p, 180, 170, 1.2, true);
  out += butterfly(p, 182, 58, 18, 1.15) + butterfly(p, 62, 180, -14, 1.15);
  out += sprig(p, 124, 122, 30) + sprig(p, 23, 126, -20) + sprig(p, 124, 20, 200);
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
