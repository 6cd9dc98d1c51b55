/**
 * Tujuh Rupa (Pekalongan): seven kinds of flora and fauna on one cloth, in clashing bright
 * colours — a tree as painted on Chinese ceramics, a long-tailed bird, butterflies, a small
 * dragon, a peony, a chrysanthemum and leafy sprays — scattered freely as on a pesisir cloth,
 * over a ground of cecek dots.
 */
import type { MotifArt } from '../types.ts';
import { polygonPoints, wrap } from '../svg.ts';

const size = 240;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

type P = readonly [ground: string, red: string, teal: string, orange: string, purple: string];

/** A leaf from (x, y) along angle a (degrees), as path data. */
function leaf(x: number, y: number, a: number, len: number, w: number): string {
  const r = (a * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  const at = (u: number, v: number) => `${n(x + u * c - v * s)} ${n(y + u * s + v * c)}`;
  return `M${at(0, 0)}Q${at(len * 0.45, w)} ${at(len, 0)}Q${at(len * 0.45, -w)} ${at(0, 0)}Z`;
}

/** A tree as on Chinese ceramics: a twisting trunk and flat, scalloped clumps of foliage. */
function tree(p: P, x: number, y: number, k: number): string {
  const [ground, , teal, orange, purple] = p;
  const clumps = [[-22, -20, 16], [16, -30, 18], [-4, -50, 16], [24, -6, 12], [-26, 6, 11]] as const;
  const clump = ([cx, cy, r]: readonly [number, number, number]) => {
    // a flat clump: a scalloped top over a straight underside
    let d = `M${n(cx - r)} ${n(cy)}`;
    for (let i = 0; i < 4; i++) {
      const x1 = cx - r + ((i + 1) * 2 * r) / 4;
      d += `A${n(r / 4 + 0.4)} ${n(r / 4 + 4)} 0 0 1 ${n(x1)} ${n(cy - (i % 2 ? 0 : 1.5))}`;
    }
    return d + `Q${n(cx)} ${n(cy + r * 0.6)} ${n(cx - r)} ${n(cy)}Z`;
  };
  let needles = '';
  for (const [cx, cy, r] of clumps) {
    for (let i = -1; i <= 1; i++) needles += `M${n(cx + i * r * 0.45 - 3)} ${n(cy - 2)}l3-3 3 3`;
  }
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${k})">` +
    `<path d="M-2 44C-8 30 4 20-2 8C-6 0-2-10 2-14M-2 8C-10 6-18 8-24 6M0-4C8-4 14-4 22-6M2-14C8-20 12-24 14-30M2-14C0-24-2-40-4-50M-3 20C-10 18-20 10-22-10" fill="none" stroke="${purple}" stroke-width="3.4" stroke-linecap="round"/>` +
    `<path d="M-12 44C-6 40 4 40 10 44" fill="none" stroke="${orange}" stroke-width="3" stroke-linecap="round"/>` +
    `<path d="${clumps.map(clump).join('')}" fill="${teal}" stroke="${purple}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${needles}" fill="none" stroke="${ground}" stroke-width=".9"/>` +
    '</g>'
  );
}

/** A long-tailed bird in flight (a phoenix of sorts), facing left, at (x, y). */
function bird(p: P, x: number, y: number, k: number, mirror: boolean): string {
  const [ground, red, teal, orange, purple] = p;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${mirror ? -k : k} ${k})" stroke="${purple}" stroke-linejoin="round">` +
    `<path d="M8 2C22 6 34 16 44 30C36 24 26 16 14 10ZM10 4C24 2 38 6 50 14C38 12 26 10 12 8Z" fill="${teal}" stroke-width="1"/>` +
    `<path d="M12 6C22 14 26 24 28 34" fill="none" stroke="${orange}" stroke-width="2" stroke-linecap="round"/>` +
    `<path d="M-16-4C-12-10-4-10 2-6C8-2 14 2 14 6C8 10-2 10-8 6C-12 4-14 0-16-4Z" fill="${red}" stroke-width="1.2"/>` +
    `<path d="M-2-4C2-18 12-26 26-28C20-20 16-12 10-4C6-2 2-2-2-4Z" fill="${orange}" stroke-width="1.2"/>` +
    `<path d="M4-8L16-20M6-6L20-16M8-4 22-11" fill="none" stroke="${red}" stroke-width="1"/>` +
    `<path d="M-16-4L-24-2-16 0Z" fill="${orange}" stroke-width="1"/>` +
    `<path d="M-12-8C-14-14-10-16-8-12C-8-16-4-16-5-11" fill="none" stroke="${red}" stroke-width="1.6" stroke-linecap="round"/>` +
    `<circle cx="-11" cy="-4" r="1.6" fill="${ground}" stroke-width=".8"/>` +
    '</g>'
  );
}

/** A butterfly with wings spread, at (x, y), tilted. */
function butterfly(p: P, x: number, y: number, tilt: number, k: number): string {
  const [ground, red, teal, orange, purple] = p;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${tilt}) scale(${k})" stroke="${purple}" stroke-linejoin="round">` +
    `<path d="M0 0C-6-14-20-22-26-14C-30-6-18 0 0 0ZM0 0C6-14 20-22 26-14C30-6 18 0 0 0Z" fill="${orange}" stroke-width="1.2"/>` +
    `<path d="M0 0C-4 8-14 16-20 10C-24 4-14 0 0 0ZM0 0C4 8 14 16 20 10C24 4 14 0 0 0Z" fill="${teal}" stroke-width="1.2"/>` +
    `<path d="M-17-11h0M17-11h0M-12 6h0M12 6h0" stroke="${red}" stroke-width="5" stroke-linecap="round"/>` +
    `<path d="M-17-11h0M17-11h0M-21-15h0M21-15h0" stroke="${ground}" stroke-width="1.6" stroke-linecap="round"/>` +
    `<path d="M0-6V9" stroke-width="3" stroke-linecap="round"/>` +
    `<path d="M0-6C-2-12-5-15-8-16M0-6C2-12 5-15 8-16" fill="none" stroke-width=".9"/>` +
    '</g>'
  );
}

/** A small dragon: a winding scaled body, a head with a mane, facing right. */
function dragon(p: P, x: number, y: number, k: number): string {
  const [ground, red, teal, orange, purple] = p;
  const body = 'M-40 6C-30-8-18 12-6 2C4-8 12 8 22 0';
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${k})" stroke-linecap="round" stroke-linejoin="round">` +
    `<path d="M-40 6l-8-6 2 6-7 2 8 2Z" fill="${orange}" stroke="${purple}" stroke-width="1"/>` +
    `<path d="${body}" fill="none" stroke="${purple}" stroke-width="10"/>` +
    `<path d="${body}" fill="none" stroke="${teal}" stroke-width="7.4"/>` +
    `<path d="${body}" fill="none" stroke="${ground}" stroke-width="4" stroke-dasharray="1.4 2.6"/>` +
    `<path d="M-16 8l-2 7M6 6l2 7" stroke="${purple}" stroke-width="2"/>` +
    `<path d="M18-6L12-12 18-10 16-16 22-10 26-14 26-6Z" fill="${orange}" stroke="${purple}" stroke-width="1"/>` +
    `<path d="M18-4C24-8 32-7 36-3C38 0 36 3 32 3L26 2 33 6C30 8 24 8 19 4Z" fill="${red}" stroke="${purple}" stroke-width="1.2"/>` +
    `<circle cx="26" cy="-3" r="1.5" fill="${ground}" stroke="${purple}" stroke-width=".8"/>` +
    `<path d="M36-3C42-6 44-1 48-3" fill="none" stroke="${purple}" stroke-width=".9"/>` +
    '</g>'
  );
}

/** A peony: two rings of scalloped petals around a dotted heart, with leaves. */
function peony(p: P, x: number, y: number): string {
  const [ground, red, teal, orange, purple] = p;
  const ring = (r: number, count: number, turn: number) => {
    const pr = r * Math.sin(Math.PI / count) * 1.3;
    let d = '';
    for (let i = 0; i <= count; i++) {
      const a = turn + (i * 2 * Math.PI) / count;
      const pt = `${n(x + r * Math.cos(a))} ${n(y + r * Math.sin(a))}`;
      d += i ? `A${n(pr)} ${n(pr)} 0 0 1 ${pt}` : `M${pt}`;
    }
    return d + 'Z';
  };
  return (
    `<path d="${leaf(x - 10, y + 10, 150, 22, 7)}${leaf(x + 10, y + 10, 30, 22, 7)}${leaf(x, y + 12, 95, 18, 6)}" fill="${teal}" stroke="${purple}" stroke-width="1"/>` +
    `<path d="${ring(15, 8, 0)}" fill="${red}" stroke="${purple}" stroke-width="1.2"/>` +
    `<path d="${ring(9, 6, 0.4)}" fill="${orange}" stroke="${purple}" stroke-width="1"/>` +
    `<path d="M${x} ${y}h0M${x - 3} ${y - 2}h0M${x + 3} ${y - 2}h0M${x} ${y + 3}h0" stroke="${purple}" stroke-width="2.2" stroke-linecap="round"/>` +
    `<path d="${ring(12, 8, 0.2).replace(/A[^A]*$/, '')}" fill="none" stroke="${ground}" stroke-width="1" stroke-dasharray="0 4" stroke-linecap="round"/>`
  );
}

/** A chrysanthemum: many fine petals in a star, a second ring, a round heart. */
function chrysanthemum(p: P, x: number, y: number, r: number): string {
  const [, red, , orange, purple] = p;
  const star = (radii: number[], count: number, turn = 0) => polygonPoints(0, 0, radii, count, turn).replace(/\d+\.\d+/g, (v) => n(Number(v)));
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${n(r / 10)})" stroke="${purple}" stroke-linejoin="round">` +
    `<polygon points="${star([10, 5.5], 16)}" fill="${purple}"/>` +
    `<polygon points="${star([7.2, 4], 12, 0.13)}" fill="${orange}" stroke-width=".8"/>` +
    `<circle r="2.8" fill="${red}" stroke-width=".8"/></g>`
  );
}

/** A leafy spray: a curving stem with alternate leaves and a bud. */
function spray(p: P, x: number, y: number, tilt: number): string {
  const [, red, teal, , purple] = p;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${tilt})">` +
    `<path d="M0 18C-2 6 2-6 0-18" fill="none" stroke="${purple}" stroke-width="1.4" stroke-linecap="round"/>` +
    `<path d="${leaf(0, 10, 200, 13, 4)}${leaf(0, 2, -20, 13, 4)}${leaf(0, -6, 200, 11, 3.6)}${leaf(0, -12, -30, 10, 3.4)}" fill="${teal}" stroke="${purple}" stroke-width=".8"/>` +
    `<path d="${leaf(0, -17, -90, 9, 3.6)}" fill="${red}" stroke="${purple}" stroke-width=".8"/>` +
    '</g>'
  );
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3, 4].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!)) as unknown as P;
  // cecek ground
  let dots = '';
  for (let i = 0; i < 30; i++) dots += `M${i % 2 ? 4 : 0} ${i * 8 + 4}H${size}`;
  let out = `<path d="${dots}" stroke="${p[4]}" stroke-width="1.2" stroke-linecap="round" stroke-dasharray="0 8" opacity=".3"/>`;
  out += tree(p, 54, 86, 1.35);
  out += `<g transform="translate(184 162) scale(1.35)">${peony(p, 0, 0)}</g>`;
  out += wrap(size, 128, 228, 20, (x, y) => chrysanthemum(p, x, y, 14));
  out += chrysanthemum(p, 120, 70, 10) + chrysanthemum(p, 226, 112, 9);
  out += wrap(size, 8, 196, 30, (x, y) => spray(p, x, y, 20));
  out += spray(p, 124, 130, -25) + spray(p, 214, 124, 35);
  out += dragon(p, 76, 194, 1.2);
  out += bird(p, 168, 62, 1.25, false);
  out += butterfly(p, 210, 212, 15, 1) + wrap(size, 110, 22, 24, (x, y) => butterfly(p, x, y, -20, 0.8));
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
