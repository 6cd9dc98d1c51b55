/**
 * Buketan (Pekalongan): European-style flower bouquets — stems tied with a ribbon bow, a rose,
 * round blossoms, forget-me-nots, buds and leaves — in a half-drop repeat. Smaller sprays fill
 * the cells between the bouquets, and cecek dots cover the ground, as on Indo-European pesisir
 * cloths.
 */
import type { MotifArt } from '../types.ts';

const size = 240;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/** Pointed leaves: [x, y, angle in degrees, length, half-width], as path data. */
function leaves(list: readonly (readonly number[])[]): string {
  return list
    .map(([x, y, a, len, w]) => {
      const r = (a! * Math.PI) / 180;
      const c = Math.cos(r);
      const s = Math.sin(r);
      const at = (u: number, v: number) => `${n(x! + u * c - v * s)} ${n(y! + u * s + v * c)}`;
      return `M${at(0, 0)}Q${at(len! * 0.45, w!)} ${at(len!, 0)}Q${at(len! * 0.45, -w!)} ${at(0, 0)}Z`;
    })
    .join('');
}

/** The veins of the same leaves. */
function veins(list: readonly (readonly number[])[]): string {
  return list
    .map(([x, y, a, len]) => {
      const r = (a! * Math.PI) / 180;
      return `M${n(x! + 2 * Math.cos(r))} ${n(y! + 2 * Math.sin(r))}l${n(len! * 0.7 * Math.cos(r))} ${n(len! * 0.7 * Math.sin(r))}`;
    })
    .join('');
}

/** A flower outline of `count` round petals around (x, y): one path of arcs. */
function scallop(x: number, y: number, r: number, count: number, turn = 0): string {
  const pr = r * Math.sin(Math.PI / count) * 1.25;
  let d = '';
  for (let i = 0; i <= count; i++) {
    const a = turn + (i * 2 * Math.PI) / count;
    const px = n(x + r * Math.cos(a));
    const py = n(y + r * Math.sin(a));
    d += i === 0 ? `M${px} ${py}` : `A${n(pr)} ${n(pr)} 0 0 1 ${px} ${py}`;
  }
  return d + 'Z';
}

/** Cecek: dots set round a flower, as zero-length strokes. */
function ring(x: number, y: number, r: number, count: number, turn = 0): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const a = turn + ((i + 0.5) * 2 * Math.PI) / count;
    d += `M${n(x + r * Math.cos(a))} ${n(y + r * Math.sin(a))}h0`;
  }
  return d;
}

type Bloom = readonly [x: number, y: number, r: number];

/** Blossoms of one colour: petals, hearts and cecek dots. */
function blossoms(list: readonly Bloom[], petal: string, line: string, heart: string, ground: string): string {
  return (
    `<path d="${list.map(([x, y, r]) => scallop(x, y, r * 0.75, 5, -Math.PI / 2)).join('')}" fill="${petal}" stroke="${line}" stroke-width=".9"/>` +
    `<path d="${list.map(([x, y]) => `M${n(x)} ${n(y)}h0`).join('')}" stroke="${heart}" stroke-width="${n((list.reduce((t, b) => t + b[2], 0) / list.length) * 0.66)}" stroke-linecap="round"/>` +
    `<path d="${list.map(([x, y, r]) => ring(x, y, r * 0.72, 5, -Math.PI / 2)).join('')}" stroke="${ground}" stroke-width="1.5" stroke-linecap="round"/>`
  );
}

/** A cabbage rose: scalloped outer petals, a cupped bowl and a spiral of inner petals. */
function rose(x: number, y: number, r: number, fill: string, line: string, ground: string): string {
  const k = r / 10;
  const p = (dx: number, dy: number) => `${n(x + dx * k)} ${n(y + dy * k)}`;
  return (
    `<path d="${scallop(x, y, r * 0.85, 8)}" fill="${fill}" stroke="${line}" stroke-width="1"/>` +
    `<path d="M${p(-7, 0)}C${p(-7, -8)} ${p(7, -8)} ${p(7, 0)}C${p(7, 6)} ${p(-7, 6)} ${p(-7, 0)}Z" fill="${fill}" stroke="${line}" stroke-width="1"/>` +
    `<path d="M${p(-4, 1)}C${p(-4, -5)} ${p(5, -5)} ${p(4, 1)}C${p(3, 5)} ${p(-3, 4)} ${p(-2, 0)}C${p(-2, -2.5)} ${p(2, -2.5)} ${p(1.5, .5)}" fill="none" stroke="${line}" stroke-width="1.1" stroke-linecap="round"/>` +
    `<path d="${ring(x, y, r * 0.86, 8)}" stroke="${ground}" stroke-width="1.6" stroke-linecap="round"/>`
  );
}

const BOUQUET_LEAVES = [
  [-5, -10, 205, 21, 6.5], [5, -9, -25, 21, 6.5], [-14, -33, 225, 19, 6], [14, -34, -45, 19, 6],
  [-20, -4, 165, 19, 6], [20, -5, 15, 19, 6], [-3, 12, 115, 14, 4.5], [3, 12, 65, 14, 4.5],
  [-4, -46, 245, 14, 4.5], [5, -46, -65, 14, 4.5],
] as const;

/** The bouquet around its tie point (0, 0), stems rising up; about 90 high and 90 wide. */
function bouquet(p: readonly string[], x: number, y: number, scale: number, tilt: number, mirror: boolean): string {
  const [ground, pink, green, gold, blue] = p as [string, string, string, string, string];
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${tilt}) scale(${mirror ? -scale : scale} ${scale})" stroke-linecap="round" stroke-linejoin="round">` +
    `<path d="M0 0C-2-14-2-26-1-30M0 0C-8-10-18-14-26-18M0 0C6-12 16-18 24-22M0 0C-4-20-10-38-14-52M0 0C4-20 12-36 15-50M0 0C-10-4-26-2-36-3M0 0C12-4 26-6 36-7M0 0C1-20 2-38 2-48M0 0-7 26M0 0 1 28M0 0 8 25" fill="none" stroke="${green}" stroke-width="1.6"/>` +
    `<path d="${leaves(BOUQUET_LEAVES)}" fill="${green}" stroke="${green}" stroke-width=".8"/>` +
    `<path d="${veins(BOUQUET_LEAVES)}" stroke="${ground}" stroke-width=".8"/>` +
    `<path d="${leaves([[2, -47, -90, 11, 4], [-36, -3, 190, 10, 4], [36, -7, -10, 10, 4]])}" fill="${pink}" stroke="${blue}" stroke-width=".7"/>` +
    blossoms([[-26, -19, 12], [25, -23, 11]], gold, pink, pink, ground) +
    blossoms([[-15, -52, 7], [16, -51, 6.5], [-39, -20, 5.5], [38, -24, 5.5], [-12, -4, 4.5]], blue, blue, gold, ground) +
    rose(0, -32, 17, pink, blue, ground) +
    `<path d="M0 0C-10-9-18-3-14 3C-10 8-4 4 0 0C10-9 18-3 14 3C10 8 4 4 0 0M-1 1C-5 8-10 14-12 22M1 1C4 9 8 14 12 20" fill="${blue}" stroke="${blue}" stroke-width="1.2"/>` +
    `<circle r="2.6" fill="${pink}" stroke="${blue}" stroke-width=".8"/>` +
    '</g>'
  );
}

/** A smaller spray for the cells between bouquets: a rose bud, two blossoms, leaves. */
function spray(p: readonly string[], x: number, y: number, tilt: number, scale: number): string {
  const [ground, pink, green, gold, blue] = p as [string, string, string, string, string];
  const sprayLeaves = [[-1, 8, 195, 17, 5.5], [1, 4, -20, 16, 5.5], [-2, -8, 235, 14, 5], [2, -12, -55, 14, 5]] as const;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${tilt}) scale(${scale})" stroke-linecap="round" stroke-linejoin="round">` +
    `<path d="M0 20C-2 8 1-8 0-18M0 0C-6-6-12-8-17-10M0-6C6-12 12-14 17-16" fill="none" stroke="${green}" stroke-width="1.4"/>` +
    `<path d="${leaves(sprayLeaves)}" fill="${green}"/>` +
    `<path d="${veins(sprayLeaves)}" stroke="${ground}" stroke-width=".7"/>` +
    blossoms([[-18, -11, 9], [18, -17, 8]], pink, blue, gold, ground) +
    rose(0, -25, 10, gold, pink, ground) +
    '</g>'
  );
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3, 4].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  const S = 1.3;
  // cecek ground: a sparse diagonal grid of dots
  let dots = '';
  for (let i = 0; i < 24; i++) dots += `M${i % 2 ? 5 : 0} ${i * 10 + 5}H${size}`;
  let out = `<path d="${dots}" stroke="${p[2]}" stroke-width="1.4" stroke-linecap="round" stroke-dasharray="0 10" opacity=".35"/>`;
  // two columns, each a bouquet over a spray, the second column dropped by half a tile
  out += spray(p, 180, 64, 12, 1.45) + spray(p, 60, 184, -12, 1.45);
  out += bouquet(p, 60, 81, S, -5, false) + bouquet(p, 180, 201, S, 5, true);
  // path data needs no space before a minus sign
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
