/**
 * Paksi Naga Liman (Cirebon): the palace chariot creature — an elephant's head with a raised,
 * curling trunk, tusk and crown (liman), a garuda's upswept wings (paksi), and a scaled dragon's
 * body ending in a flaming, curling tail (naga). A heraldic figure in a half-drop repeat, facing
 * left and right in turn, with small cloud and rock fillers, in the classic gold, black and dark
 * red on cream.
 */
import type { MotifArt } from '../types.ts';

const size = 240;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/** Feathers fanning from (x, y): [angle in degrees, length, half-width], as path data. */
function feathers(x: number, y: number, list: readonly (readonly [number, number, number])[]): string {
  return list
    .map(([a, len, w]) => {
      const r = (a * Math.PI) / 180;
      const c = Math.cos(r);
      const s = Math.sin(r);
      const at = (u: number, v: number) => `${n(x + u * c - v * s)} ${n(y + u * s + v * c)}`;
      return `M${at(0, 0)}C${at(len * 0.3, w * 1.2)} ${at(len * 0.8, w)} ${at(len, w * 0.2)}C${at(len * 0.9, -w * 0.6)} ${at(len * 0.4, -w)} ${at(0, 0)}Z`;
    })
    .join('');
}

/** The creature facing left, about 110 wide and 110 high around (0, 0). */
function creature(p: readonly string[]): string {
  const [ground, gold, black, red] = p as [string, string, string, string];
  const body = 'M-18 4C-6 20 18 24 32 16C44 9 50-2 50-12C50-18 48-22 45-26';
  const trunk = 'M-44-6C-47 4-52 10-58 9C-64 8-67 1-66-7C-65-13-61-16-58-13';
  return (
    // the wings sweep up and back from the shoulder: a red back wing, a gold front wing
    `<path d="${feathers(0, -12, [[-100, 40, 6.5], [-82, 52, 7], [-64, 58, 7], [-46, 58, 7], [-28, 52, 6.5], [-12, 42, 6]])}" fill="${red}" stroke="${black}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${feathers(4, -8, [[-90, 34, 6], [-72, 42, 6.5], [-54, 46, 6.5], [-36, 44, 6], [-18, 36, 5.5]])}" fill="${gold}" stroke="${black}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${feathers(4, -8, [[-84, 18, 5], [-60, 20, 5], [-36, 18, 5]])}" fill="${red}" stroke="${black}" stroke-width="1"/>` +
    // legs with claws, behind the body
    `<path d="M-8 12L-12 24-8 34M22 18L28 28 24 36" fill="none" stroke="${black}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<path d="M-8 12L-12 24-8 34M22 18L28 28 24 36" fill="none" stroke="${gold}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<path d="M-8 36l-7 2M-8 36l-3 6M-8 36l2 6M24 38l-7 2M24 38l-3 6M24 38l2 6" stroke="${black}" stroke-width="1.8" stroke-linecap="round"/>` +
    // the dragon body and tail: outline, gold, bands of scales, a flame at the tip
    `<path d="${body}" fill="none" stroke="${black}" stroke-width="18" stroke-linecap="round"/>` +
    `<path d="${body}" fill="none" stroke="${gold}" stroke-width="15" stroke-linecap="round"/>` +
    `<path d="${body}" fill="none" stroke="${red}" stroke-width="8" stroke-dasharray="2.5 3"/>` +
    `<path d="M43-25l-4-10 6 5 2-11 4 10 6-8-1 11 7-2-8 9" fill="${red}" stroke="${black}" stroke-width="1.1" stroke-linejoin="round"/>` +
    // the elephant: a great ear, the head, a trunk raised in a curl, tusk, eye and crown
    `<path d="M-22-26C-6-32 6-20 2-4C-2 8-14 12-22 6C-16-4-16-16-22-26Z" fill="${red}" stroke="${black}" stroke-width="1.3"/>` +
    `<path d="M-16-20C-6-22-2-12-4-4C-6 2-10 4-14 2" fill="none" stroke="${gold}" stroke-width="1.2" stroke-dasharray="1 2.5"/>` +
    `<path d="${trunk}" fill="none" stroke="${black}" stroke-width="11" stroke-linecap="round"/>` +
    `<path d="${trunk}" fill="none" stroke="${gold}" stroke-width="8" stroke-linecap="round"/>` +
    `<path d="${trunk}" fill="none" stroke="${black}" stroke-width="6" stroke-dasharray=".8 3.2" opacity=".6"/>` +
    `<path d="M-16-30C-26-37-40-33-44-21C-46-14-46-9-45-4L-34 4C-26 6-18 2-14-6Z" fill="${gold}" stroke="${black}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="M-38 0C-44 5-51 5-57 1C-51 0-46-2-41-5Z" fill="${ground}" stroke="${black}" stroke-width="1"/>` +
    `<circle cx="-34" cy="-18" r="3" fill="${ground}" stroke="${black}" stroke-width="1.1"/><circle cx="-34.6" cy="-18" r="1.5" fill="${black}"/>` +
    `<path d="M-40-24C-36-27-31-26-29-23" fill="none" stroke="${black}" stroke-width="1.2" stroke-linecap="round"/>` +
    `<path d="M-36-31L-35-42-30-35-25-44-21-35-16-41-16-29C-22-33-30-34-36-31Z" fill="${gold}" stroke="${black}" stroke-width="1.1" stroke-linejoin="round"/>` +
    `<path d="M-34-34h16" stroke="${red}" stroke-width="1.6"/>`
  );
}

/** A small cloud filler: stepped outlines around three lobes. */
function cloud(p: readonly string[], x: number, y: number): string {
  const lobes = [[-8, 0, 6], [0, -4, 7], [9, 0, 5]] as const;
  const layer = (fill: string, grow: number) =>
    `<g fill="${fill}">${lobes.map(([cx, cy, r]) => `<circle cx="${n(x + cx)}" cy="${n(y + cy)}" r="${n(r + grow)}"/>`).join('')}</g>`;
  return layer(p[2]!, 3) + layer(p[3]!, 1.5) + layer(p[0]!, 0) + `<path d="M${n(x - 10)} ${n(y + 1)}a3 3 0 1 1 4-2M${n(x + 1)} ${n(y - 3)}a3 3 0 1 1 4 0" fill="none" stroke="${p[3]}" stroke-width="1"/>`;
}

/** A small rock filler (wadas): a hooked peak with one contour line inside. */
function rock(p: readonly string[], x: number, y: number): string {
  const f = (k: number) =>
    `M${n(x - 14 * k)} ${n(y)}C${n(x - 14 * k)} ${n(y - 12 * k)} ${n(x - 6 * k)} ${n(y - 20 * k)} ${n(x + 4 * k)} ${n(y - 20 * k)}C${n(x + 2 * k)} ${n(y - 14 * k)} ${n(x + 8 * k)} ${n(y - 12 * k)} ${n(x + 12 * k)} ${n(y - 10 * k)}C${n(x + 15 * k)} ${n(y - 6 * k)} ${n(x + 14 * k)} ${n(y - 2 * k)} ${n(x + 14 * k)} ${n(y)}Z`;
  return `<path d="${f(1)}" fill="${p[1]}" stroke="${p[2]}" stroke-width="1.3" stroke-linejoin="round"/><path d="${f(0.6)}" fill="${p[3]}" stroke="${p[2]}" stroke-width=".9"/>`;
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  // cecek ground
  let dots = '';
  for (let i = 0; i < 24; i++) dots += `M${i % 2 ? 5 : 0} ${i * 10 + 5}H${size}`;
  let out = `<path d="${dots}" stroke="${p[3]}" stroke-width="1.3" stroke-linecap="round" stroke-dasharray="0 10" opacity=".3"/>`;
  // fillers in the cells between the creatures
  out += cloud(p, 178, 40) + cloud(p, 58, 160) + cloud(p, 210, 100) + cloud(p, 90, 220);
  out += rock(p, 176, 100) + rock(p, 56, 220) + rock(p, 150, 60) + rock(p, 30, 180);
  const shape = creature(p);
  out += `<g transform="translate(67 66) scale(.9)">${shape}</g>`;
  out += `<g transform="translate(174 184) scale(-.9 .9)">${shape}</g>`;
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
