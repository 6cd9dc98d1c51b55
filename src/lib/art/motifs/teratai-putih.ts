/**
 * Teratai Putih (Probolinggo): white lotus blooms rising from a pond, with round lotus pads, buds
 * and ripples on the pond-green ground. Blooms and pads alternate in a half-drop repeat.
 */
import type { MotifArt } from '../types.ts';
import { wrap } from '../svg.ts';

const size = 220;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/** A pointed lotus petal from base (x, y), leaning `a` degrees from upright: fuller near the tip. */
function petal(x: number, y: number, a: number, len: number, w: number): string {
  const r = (a * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  // u runs up the petal, v across it
  const at = (v: number, u: number) => `${n(x + v * c + u * s)} ${n(y + v * s - u * c)}`;
  return `M${at(0, 0)}C${at(w * 1.1, len * 0.3)} ${at(w, len * 0.75)} ${at(0, len)}C${at(-w, len * 0.75)} ${at(-w * 1.1, len * 0.3)} ${at(0, 0)}Z`;
}

/** The midrib of the same petal. */
function rib(x: number, y: number, a: number, len: number): string {
  const r = (a * Math.PI) / 180;
  return `M${n(x + Math.sin(r) * len * 0.2)} ${n(y - Math.cos(r) * len * 0.2)}l${n(Math.sin(r) * len * 0.65)} ${n(-Math.cos(r) * len * 0.65)}`;
}

type Petal = readonly [x: number, y: number, a: number, len: number, w: number];

/** A white lotus seen from the side, its base at (x, y): three rows of petals with gold ribs. */
function bloom(p: readonly string[], x: number, y: number, k: number): string {
  const [, white, gold, purple] = p as [string, string, string, string];
  const rows: Petal[][] = [
    [[-4, 0, -62, 30, 8], [4, 0, 62, 30, 8], [-2, 0, -34, 36, 9], [2, 0, 34, 36, 9]],
    [[-2, 2, -48, 32, 9], [2, 2, 48, 32, 9], [0, 2, 0, 38, 10]],
    [[-1, 4, -22, 30, 9.5], [1, 4, 22, 30, 9.5]],
  ];
  const layer = (row: Petal[]) =>
    `<path d="${row.map(([px, py, a, l, w]) => petal(px, py, a, l, w)).join('')}" fill="${white}" stroke="${purple}" stroke-width="1.1" stroke-linejoin="round"/>` +
    `<path d="${row.map(([px, py, a, l]) => rib(px, py, a, l)).join('')}" stroke="${gold}" stroke-width=".9" stroke-linecap="round"/>`;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${k})">` +
    `<path d="M0 6C-2 14 2 20-1 27" fill="none" stroke="${gold}" stroke-width="2.2" stroke-linecap="round"/>` +
    layer(rows[0]!) +
    layer(rows[1]!) +
    layer(rows[2]!) +
    `<path d="${petal(-1, 7, -105, 13, 3.6)}${petal(1, 7, 105, 13, 3.6)}" fill="${gold}" stroke="${purple}" stroke-width=".8"/>` +
    '</g>'
  );
}

/** A lotus pad seen slightly from above: a notched disc with radiating veins and a rim of dots. */
function pad(p: readonly string[], x: number, y: number, r: number, notch: number): string {
  const [, white, gold] = p as [string, string, string, string];
  const a0 = ((notch + 9) * Math.PI) / 180;
  const a1 = ((notch - 9) * Math.PI) / 180;
  let veins = '';
  for (let i = 1; i < 12; i++) {
    const a = ((notch + i * 30) * Math.PI) / 180;
    veins += `M0 0L${n(r * 0.86 * Math.cos(a))} ${n(r * 0.86 * Math.sin(a))}`;
  }
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(1 .62)">` +
    `<path d="M0 0L${n(r * Math.cos(a0))} ${n(r * Math.sin(a0))}A${r} ${r} 0 1 1 ${n(r * Math.cos(a1))} ${n(r * Math.sin(a1))}Z" fill="${white}" fill-opacity=".16" stroke="${gold}" stroke-width="1.6" stroke-linejoin="round"/>` +
    `<path d="${veins}" stroke="${gold}" stroke-width="1" opacity=".7"/>` +
    `<circle r="${n(r * 0.72)}" fill="none" stroke="${white}" stroke-width="1.4" stroke-dasharray="0 5" stroke-linecap="round" opacity=".55"/>` +
    '</g>'
  );
}

/** A closed bud on a curving stem. */
function bud(p: readonly string[], x: number, y: number, lean: number): string {
  const [, white, gold, purple] = p as [string, string, string, string];
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${lean})">` +
    `<path d="M0 0C-1 8 2 16 0 24" fill="none" stroke="${gold}" stroke-width="1.8" stroke-linecap="round"/>` +
    `<path d="${petal(0, 0, 0, 22, 7.5)}" fill="${white}" stroke="${purple}" stroke-width="1"/>` +
    `<path d="${petal(0, 1, -8, 15, 4.5)}${petal(0, 1, 8, 15, 4.5)}" fill="none" stroke="${purple}" stroke-width=".8"/>` +
    '</g>'
  );
}

/** Ripples round a stem: broken ellipses in faint white. */
function ripples(p: readonly string[], x: number, y: number): string {
  return `<g fill="none" stroke="${p[1]}" stroke-linecap="round" opacity=".35"><ellipse cx="${x}" cy="${y}" rx="22" ry="6" stroke-width="1.2" stroke-dasharray="10 4"/><ellipse cx="${x}" cy="${y}" rx="34" ry="10" stroke-width="1" stroke-dasharray="6 6"/></g>`;
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  // isen: faint dots over the water
  let dots = '';
  for (let i = 0; i < 22; i++) dots += `M${i % 2 ? 5 : 0} ${i * 10 + 5}H${size}`;
  let out = `<path d="${dots}" stroke="${p[1]}" stroke-width="1.3" stroke-linecap="round" stroke-dasharray="0 10" opacity=".18"/>`;
  out += ripples(p, 55, 112) + ripples(p, 165, 222 - size) + ripples(p, 165, 222);
  out += wrap(size, 170, 86, 36, (x, y) => pad(p, x, y, 34, 250));
  out += wrap(size, 60, 196, 36, (x, y) => pad(p, x, y, 34, 290));
  out += wrap(size, 112, 140, 20, (x, y) => pad(p, x, y, 17, 200));
  out += wrap(size, 6, 30, 20, (x, y) => pad(p, x, y, 15, 340));
  out += bud(p, 196, 58, 18) + bud(p, 86, 168, -16);
  out += bloom(p, 56, 68, 1.42);
  out += bloom(p, 166, 178, 1.42);
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
