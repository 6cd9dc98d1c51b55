/**
 * Liong (Pekalongan): a Chinese dragon with a long, winding, scaled body — dorsal spines, clawed
 * legs, antlers, mane and whiskers — chasing a flaming pearl among ruyi clouds. Two dragons to a
 * tile, facing opposite ways in a half-drop repeat, in gold, blue and black on red.
 */
import type { MotifArt } from '../types.ts';

const size = 240;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);

type Pt = [number, number];

/** The spine: t = 0 at the tail tip, 1 at the neck. */
function spine(t: number): Pt {
  return [-74 + 124 * t, -17 * Math.sin(Math.PI * 2 * 1.35 * t + 0.2) + 6 * t];
}

/** Half-width of the body along the spine: a thin tail swelling to the body, a slimmer neck. */
function width(t: number): number {
  const rise = Math.min(1, t / 0.4);
  return 1.2 + 9 * (rise * rise * (3 - 2 * rise)) - (t > 0.88 ? (t - 0.88) * 12 : 0);
}

const STEPS = 44;
/** Spine points with their unit normals (pointing to the dragon's back, mostly up). */
const BODY = Array.from({ length: STEPS + 1 }, (_, i) => {
  const t = i / STEPS;
  const [x, y] = spine(t);
  const [x1, y1] = spine(Math.min(1, t + 0.01));
  const [x0, y0] = spine(Math.max(0, t - 0.01));
  const l = Math.hypot(x1 - x0, y1 - y0);
  const tx = (x1 - x0) / l;
  const ty = (y1 - y0) / l;
  return { t, x, y, tx, ty, nx: ty, ny: -tx, w: width(t) };
});

const pt = (x: number, y: number) => `${n(x)} ${n(y)}`;

/** The dragon facing right, its neck at (0, 0) of its own frame. */
function dragonShape(p: readonly string[]): string {
  const [, gold, blue, black] = p as [string, string, string, string];
  const back = BODY.map((b) => pt(b.x + b.nx * b.w, b.y + b.ny * b.w));
  const belly = BODY.map((b) => pt(b.x - b.nx * b.w, b.y - b.ny * b.w)).reverse();
  const body = `M${back.join('L')}L${belly.join('L')}Z`;
  // scales: arcs across the body, each bowing towards the tail
  let scales = '';
  for (let i = 6; i < STEPS - 1; i += 2) {
    const b = BODY[i]!;
    const k = b.w * 0.9;
    scales += `M${pt(b.x + b.nx * k, b.y + b.ny * k)}Q${pt(b.x - b.tx * b.w * 1.3, b.y - b.ty * b.w * 1.3)} ${pt(b.x - b.nx * k, b.y - b.ny * k)}`;
  }
  // dorsal spines along the back, leaning towards the tail
  let spines = '';
  for (let i = 4; i < STEPS - 3; i += 2) {
    const a = BODY[i]!;
    const c = BODY[i + 2]!;
    const h = 3 + a.w * 0.45;
    spines += `M${pt(a.x + a.nx * a.w, a.y + a.ny * a.w)}L${pt(a.x + a.nx * (a.w + h) - a.tx * 2, a.y + a.ny * (a.w + h) - a.ty * 2)}L${pt(c.x + c.nx * c.w, c.y + c.ny * c.w)}Z`;
  }
  // a belly line
  const bellyLine = BODY.slice(6, STEPS - 2).map((b) => pt(b.x - b.nx * b.w * 0.55, b.y - b.ny * b.w * 0.55));
  // legs: from the belly, a bent limb ending in a spread of claws
  const leg = (i: number, dir: number) => {
    const b = BODY[i]!;
    const sx = b.x - b.nx * b.w * 0.6;
    const sy = b.y - b.ny * b.w * 0.6;
    const kx = sx - b.nx * 13 + b.tx * dir * 6;
    const ky = sy - b.ny * 13 + b.ty * dir * 6;
    const fx = kx + b.tx * dir * 10 - b.nx * 2;
    const fy = ky + b.ty * dir * 10 - b.ny * 2;
    const limb = `M${pt(sx, sy)}Q${pt(kx, ky)} ${pt(fx, fy)}`;
    const claws = [-0.9, 0, 0.9]
      .map((s) => {
        const cx = fx + (b.tx * dir + -b.nx * s) * 6.5;
        const cy = fy + (b.ty * dir + -b.ny * s) * 6.5;
        return `M${pt(fx, fy)}Q${pt(cx, cy)} ${pt(cx - b.nx * 3.5, cy - b.ny * 3.5)}`;
      })
      .join('');
    return { limb, claws };
  };
  const legs = [leg(14, -1), leg(34, 1)];
  // the tail: a blue flame-like tuft at the tip
  const tip = BODY[0]!;
  const tuft = `M${pt(tip.x, tip.y)}l-8-7 3 5-9-1 7 4-8 4 9-1-2 6Z`;

  const end = BODY[STEPS]!;
  const head =
    `<g transform="translate(${n(end.x)} ${n(end.y)}) rotate(${n((Math.atan2(end.ty, end.tx) * 180) / Math.PI * 0.4)}) scale(1.25)">` +
    // mane behind the head
    `<path d="M2-9L-9-16-4-8-15-6-5-2-13 4-3 3-8 10 3 8Z" fill="${blue}" stroke="${black}" stroke-width="1" stroke-linejoin="round"/>` +
    // antlers
    `<path d="M8-10C4-18-2-22-10-23M2-17L-1-22M-3-20L-8-18" fill="none" stroke="${black}" stroke-width="3.2" stroke-linecap="round"/>` +
    `<path d="M8-10C4-18-2-22-10-23M2-17L-1-22M-3-20L-8-18" fill="none" stroke="${gold}" stroke-width="1.4" stroke-linecap="round"/>` +
    // upper jaw and snout, lower jaw, the mouth open between them
    `<path d="M0-9C8-14 16-13 22-10C27-11 32-9 33-5C33-2 30-1 26-1L14 1 27 4C30 5 29 9 25 9C17 10 8 9 0 7Z" fill="${gold}" stroke="${black}" stroke-width="1.3" stroke-linejoin="round"/>` +
    `<path d="M16 1L26 0M17 2 27 5" stroke="${black}" stroke-width=".8"/>` +
    // eye, brow and nostril
    `<circle cx="14" cy="-6" r="3" fill="${blue}" stroke="${black}" stroke-width="1"/><circle cx="15" cy="-6" r="1.3" fill="${black}"/>` +
    `<path d="M9-10C12-13 17-12 19-9M28-7c1-2 3-2 3 0" fill="none" stroke="${black}" stroke-width="1.2" stroke-linecap="round"/>` +
    // whiskers
    `<path d="M31-6C38-11 45-7 42-1C40 3 44 6 48 3M24 8C28 16 36 16 40 20" fill="none" stroke="${black}" stroke-width="1" stroke-linecap="round"/>` +
    // the flaming pearl
    `<path d="M51 9c-2-5 1-8 3-10 0 3 2 4 3 2 1 2 3 3 2 6" fill="${blue}" stroke="${black}" stroke-width=".8"/>` +
    `<circle cx="55" cy="12" r="5" fill="${gold}" stroke="${black}" stroke-width="1"/><path d="M55 9a3 3 0 1 1-3 3" fill="none" stroke="${black}" stroke-width=".8"/>` +
    '</g>';

  return (
    `<path d="${tuft}" fill="${blue}" stroke="${black}" stroke-width="1" stroke-linejoin="round"/>` +
    `<path d="${legs.map((l) => l.limb).join('')}" fill="none" stroke="${black}" stroke-width="8" stroke-linecap="round"/>` +
    `<path d="${legs.map((l) => l.limb).join('')}" fill="none" stroke="${gold}" stroke-width="5.4" stroke-linecap="round"/>` +
    `<path d="${legs.map((l) => l.claws).join('')}" fill="none" stroke="${black}" stroke-width="1.8" stroke-linecap="round"/>` +
    `<path d="${spines}" fill="${blue}" stroke="${black}" stroke-width=".9" stroke-linejoin="round"/>` +
    `<path d="${body}" fill="${gold}" stroke="${black}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="${scales}" fill="none" stroke="${black}" stroke-width=".8" opacity=".75"/>` +
    `<path d="M${bellyLine.join('L')}" fill="none" stroke="${blue}" stroke-width="1.4" stroke-dasharray="2 2"/>` +
    head
  );
}

/** A ruyi cloud: three lobes outlined in gold, with curls. */
function cloud(p: readonly string[], x: number, y: number, k: number, mirror: boolean): string {
  const [, gold, blue] = p as [string, string, string, string];
  const m = mirror ? -1 : 1;
  const lobes = [[-10, 0, 7], [0, -5, 9], [11, 0, 7], [3, 4, 6]] as const;
  const circles = lobes.map(([cx, cy, r]) => `<circle cx="${cx}" cy="${cy}" r="${r}"/>`).join('');
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${n(m * k)} ${n(k)})">` +
    `<g fill="${gold}" stroke="${gold}" stroke-width="3.6">${circles}</g><g fill="${blue}">${circles}</g>` +
    `<path d="M-14 2a5 5 0 1 1 7 1M-2-2a6 6 0 1 1 7-3M8 2a4 4 0 1 1 6 0M-16 8C-6 12 6 12 20 6" fill="none" stroke="${gold}" stroke-width="1.2" stroke-linecap="round"/>` +
    '</g>'
  );
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  const shape = dragonShape(p);
  const place = (x: number, y: number, mirror: boolean) =>
    `<g transform="translate(${n(x)} ${n(y)})${mirror ? ' scale(-1 1)' : ''}">${shape}</g>`;
  // cecek: faint gold dots over the red
  let dots = '';
  for (let i = 0; i < 20; i++) dots += `M${i % 2 ? 6 : 0} ${i * 12 + 6}H${size}`;
  let out = `<path d="${dots}" stroke="${p[1]}" stroke-width="1.4" stroke-linecap="round" stroke-dasharray="0 12" opacity=".3"/>`;
  // clouds between the dragons
  out += cloud(p, 30, 118, 1.1, true) + cloud(p, 214, 124, 1, false) + cloud(p, 120, 4, 1.05, false) + cloud(p, 120, 4 + size, 1.05, false);
  // two dragons a row apart, facing opposite ways and set off from each other
  out += place(98, 66, false) + place(142, 186, true);
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
