/**
 * Wadasan (Cirebon): stylised rock and coral (wadas) — "mega mendung standing upright". Each
 * cluster (wadas grompol) is a rock mass on a common foot from which several pinnacles rise and
 * roll over into curls, all upward-facing. It is drawn in sunggingan bands that step in from a
 * black outline through sogan brown and ochre to a cream heart, in the keraton colours.
 */
import type { MotifArt } from '../types.ts';
import { n } from '../svg.ts';

const size = 200;

type Pt = readonly [number, number];

/** A spiral centre line: centre, start radius, start angle (deg), turns (+ clockwise on screen). */
function spiral(cx: number, cy: number, r0: number, a0: number, turns: number, shrink = 0.6): Pt[] {
  const pts: Pt[] = [];
  const steps = Math.ceil(Math.abs(turns) * 11);
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const a = ((a0 + t * turns * 360) * Math.PI) / 180;
    const r = r0 * (1 - shrink * t);
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}

/** A rock lobe: a short rise that rolls over into a curl to the left (dir -1) or right (1). */
function lobe(x: number, y: number, r: number, dir: number): Pt[] {
  return [[x + dir * r * 0.2, y + r * 0.9], ...spiral(x, y, r, dir > 0 ? 150 : 30, dir * 1.15)];
}

/** A heap of rocks (wadas grompol), foot centre at (0, 0): three lobes, two, one, and a peak. */
const STROKES: { pts: Pt[]; w: number }[] = [
  { pts: [[-30, -10], [30, -10]], w: 22 },
  { pts: lobe(-28, -18, 11, -1), w: 22 },
  { pts: lobe(0, -22, 12, 1), w: 22 },
  { pts: lobe(28, -18, 11, 1), w: 22 },
  { pts: lobe(-15, -42, 11, 1), w: 22 },
  { pts: lobe(15, -42, 11, -1), w: 22 },
  { pts: lobe(0, -64, 11, -1), w: 22 },
];

/** A rock pinnacle for the cells between the heaps: lobes climbing and leaning. */
const TOWER: { pts: Pt[]; w: number }[] = [
  { pts: [[-12, -10], [12, -10]], w: 22 },
  { pts: lobe(-6, -20, 11, -1), w: 22 },
  { pts: lobe(8, -38, 10, 1), w: 20 },
  { pts: lobe(-3, -58, 10, -1), w: 20 },
  { pts: lobe(14, -16, 8, 1), w: 18 },
];

/** Strokes as one path in half units with relative steps (drawn inside a scale(.5) group). */
function pathOf(pts: Pt[]): string {
  const q = pts.map(([x, y]) => [Math.round(x * 2), Math.round(y * 2)] as const);
  let d = `M${q[0]![0]} ${q[0]![1]}l`;
  for (let i = 1; i < q.length; i++) {
    const dx = q[i]![0] - q[i - 1]![0];
    const dy = q[i]![1] - q[i - 1]![1];
    d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
  }
  return d;
}

/** Bands from the outline inwards: how much narrower each is, and its palette colour. */
type Bands = readonly (readonly [shrink: number, colour: number])[];
const BROWN: Bands = [[0, 2], [3.6, 1], [8.4, 0], [10, 3], [14.4, 0], [16, 1]];
const OCHRE: Bands = [[0, 2], [3.6, 3], [8.4, 0], [10, 1], [14.4, 0], [16, 3]];

/** Scales a rock mass to fit a box w wide and h high over its foot. */
function fit(strokes: { pts: Pt[]; w: number }[], w: number, h: number): number {
  const xs = strokes.flatMap((s) => s.pts.map(([x]) => Math.abs(x) + s.w / 2));
  const ys = strokes.flatMap((s) => s.pts.map(([, y]) => -y + s.w / 2));
  return Math.min(w / 2 / Math.max(...xs), h / Math.max(...ys)) / 2;
}

function rockMass(p: readonly string[], strokes: { pts: Pt[]; w: number }[], bands: Bands, x: number, y: number, w: number, h: number, mirror: boolean): string {
  const k = fit(strokes, w, h);
  let out = `<g transform="translate(${n(x)} ${n(y)}) scale(${n(mirror ? -k : k)} ${n(k)})" fill="none" stroke-linecap="round" stroke-linejoin="round">`;
  const widths = [...new Set(strokes.map((s) => s.w))];
  for (const [shrink, colour] of bands) {
    for (const w of widths) {
      if (w - shrink <= 0) continue;
      const d = strokes.filter((s) => s.w === w).map((s) => pathOf(s.pts)).join('');
      out += `<path d="${d}" stroke="${p[colour]}" stroke-width="${n(2 * (w - shrink))}"/>`;
    }
  }
  return out + '</g>';
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  // isen: cecek in staggered rows, in faint brown
  let dots = '';
  for (let i = 0; i < 25; i++) dots += `M${i % 2 ? 4 : 0} ${i * 8 + 4}H${size}`;
  let out = `<path d="${dots}" stroke="${p[1]}" stroke-width="1.3" stroke-linecap="round" stroke-dasharray="0 8" opacity=".4"/>`;
  out += rockMass(p, STROKES, BROWN, 50, 92, 92, 80, false) + rockMass(p, STROKES, BROWN, 150, 192, 92, 80, true);
  out += rockMass(p, TOWER, OCHRE, 150, 86, 54, 76, true) + rockMass(p, TOWER, OCHRE, 50, 186, 54, 76, false);
  return out;
}

export default { size, draw } satisfies MotifArt;
