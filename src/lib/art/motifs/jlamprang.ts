/**
 * Jlamprang (Pekalongan): a geometric ceplok of circles, dots and squares. Large roundels sit on a
 * diagonal (brick) lattice, each holding a padma (lotus) rosette; square medallions with a
 * four-petal flower sit between them, and rows of cecek dots fill the ground.
 */
import type { MotifArt } from '../types.ts';
import { polygonPoints, wrap } from '../svg.ts';

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

const size = 160;
const H = size / 2;

/** Lens-shaped petals radiating from (cx, cy), as path data. */
function petals(cx: number, cy: number, count: number, from: number, to: number, width: number, rotation = 0): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const a = rotation + (i / count) * Math.PI * 2;
    const c = Math.cos(a);
    const s = Math.sin(a);
    const at = (r: number, w: number) => `${n(cx + r * c - w * s)} ${n(cy + r * s + w * c)}`;
    const mid = (from + to) / 2;
    d += `M${at(from, 0)}Q${at(mid, width)} ${at(to, 0)}Q${at(mid, -width)} ${at(from, 0)}Z`;
  }
  return d;
}

/** Small dots on a circle, as a path of zero-length round-capped strokes. */
function ringOfDots(cx: number, cy: number, r: number, count: number, rotation = 0): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const a = rotation + (i / count) * Math.PI * 2;
    d += `M${n(cx + r * Math.cos(a))} ${n(cy + r * Math.sin(a))}h0`;
  }
  return d;
}

/** The padma roundel: a disc, a ring of dots, an eight-petal lotus over eight sepals. */
function roundel(p: readonly string[], x: number, y: number, disc: string, petal: string, sepal: string): string {
  const line = p[3]!;
  return (
    `<circle cx="${x}" cy="${y}" r="39" fill="none" stroke="${disc}" stroke-width="1.8" stroke-linecap="round" stroke-dasharray="0 4.08"/>` +
    `<circle cx="${x}" cy="${y}" r="35" fill="${disc}" stroke="${line}" stroke-width="2"/>` +
    `<circle cx="${x}" cy="${y}" r="29" fill="${p[0]}" stroke="${line}" stroke-width="1.2"/>` +
    `<path d="${ringOfDots(x, y, 32, 24)}" stroke="${p[0]}" stroke-width="2.6" stroke-linecap="round"/>` +
    `<path d="${petals(x, y, 8, 6, 27, 7, Math.PI / 8)}" fill="${sepal}" stroke="${line}" stroke-width="1"/>` +
    `<path d="${petals(x, y, 8, 4, 22, 6.5)}" fill="${petal}" stroke="${line}" stroke-width="1"/>` +
    `<path d="${petals(x, y, 8, 7, 17, 2)}" fill="${p[0]}" opacity="0.7"/>` +
    `<circle cx="${x}" cy="${y}" r="7" fill="${p[4]}" stroke="${line}" stroke-width="1"/>` +
    `<path d="${ringOfDots(x, y, 4, 6)}M${x} ${y}h0" stroke="${p[1]}" stroke-width="1.8" stroke-linecap="round"/>`
  );
}

/** A square medallion on its point, with a four-petal flower and corner dots. */
function medallion(p: readonly string[], x: number, y: number): string {
  const line = p[3]!;
  return (
    `<polygon points="${polygonPoints(x, y, [24], 4)}" fill="${p[2]}" stroke="${line}" stroke-width="1.6"/>` +
    `<polygon points="${polygonPoints(x, y, [18], 4)}" fill="${p[0]}" stroke="${p[4]}" stroke-width="1.4"/>` +
    `<path d="${petals(x, y, 4, 2, 15, 5.5)}" fill="${p[1]}" stroke="${line}" stroke-width="0.9"/>` +
    `<path d="${petals(x, y, 4, 4, 11, 2.4, Math.PI / 4)}" fill="${p[2]}"/>` +
    `<circle cx="${x}" cy="${y}" r="3" fill="${p[4]}" stroke="${line}" stroke-width="0.8"/>` +
    `<path d="${ringOfDots(x, y, 21, 4)}" stroke="${p[4]}" stroke-width="2.4" stroke-linecap="round"/>`
  );
}

/** A small stepped square (the "jlamprang fruit" between the roundels). */
function fruit(p: readonly string[], x: number, y: number): string {
  return (
    `<polygon points="${polygonPoints(x, y, [15], 4, Math.PI / 4)}" fill="${p[0]}" stroke="${p[2]}" stroke-width="1.2"/>` +
    `<polygon points="${polygonPoints(x, y, [10], 4)}" fill="${p[4]}" stroke="${p[3]}" stroke-width="1.2"/>` +
    `<polygon points="${polygonPoints(x, y, [4.5], 4, Math.PI / 4)}" fill="${p[1]}"/>` +
    `<path d="${ringOfDots(x, y, 15, 4)}" stroke="${p[1]}" stroke-width="3" stroke-linecap="round"/>`
  );
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3, 4].map((i) => (i === 0 ? palette[0]! : palette[i] ?? palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  // cecek: rows of small dots over the whole ground, on a half-step grid
  let dots = '';
  for (let i = 0; i < 20; i++) dots += `M${i % 2 ? 4 : 0} ${i * 8 + 4}H${size}`;
  let out = `<path d="${dots}" stroke="${p[3]}" stroke-width="1.6" stroke-linecap="round" stroke-dasharray="0 8" opacity="0.5"/>`;
  // a fine diagonal lattice joining the roundels
  out += `<path d="M0 0L${size} ${size}M0 ${H}L${H} ${size}M${H} 0L${size} ${H}M0 ${H}L${H} 0M0 ${size}L${size} 0M${H} ${size}L${size} ${H}" stroke="${p[1]}" stroke-width="1" opacity="0.6"/>`;
  for (const [x, y] of [[0, 0], [H, 0], [0, H], [H, H]] as const) out += wrap(size, x, y, 16, (a, b) => fruit(p, a, b));
  out += medallion(p, 120, 40) + medallion(p, 40, 120);
  out += roundel(p, 40, 40, p[1]!, p[4]!, p[2]!) + roundel(p, 120, 120, p[3]!, p[1]!, p[4]!);
  return out;
}

export default { size, draw } satisfies MotifArt;
