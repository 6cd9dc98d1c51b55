/**
 * Product pictures without photographs: a motif's seamless pattern applied to a product shape
 * (cloth, sarong, shawl, shirt, tote, wallet) on a soft studio background, as one SVG string that
 * sharp (librsvg) rasterises.
 *
 * The scene is drawn on a 1200×1200 canvas. Every piece of cloth is a clip path filled with one
 * shared <pattern> of the motif's tile, placed by a transform (rotated along a sleeve, mirrored
 * after a fold…), then shaded with translucent black and white. Colours: the motif's palette, #000
 * and #fff with opacity, and the warm grey of the studio backdrop — nothing else.
 */
import { getMotifArt } from './index.ts';
import { ink, n } from './svg.ts';
import { fnv1a, mulberry32 } from '../random.ts';

export const MOCKUP_SHAPES = ['kain-panjang', 'sarung', 'selendang', 'kemeja', 'tas', 'dompet'] as const;
export type MockupShape = (typeof MOCKUP_SHAPES)[number];

/** How many distinct views each shape has: 0 = the whole product, 1 = a close-up of the cloth. */
export const MOCKUP_VIEWS = 2;

/**
 * What each drawing shows, in words: the kinds of piece a title may name for a picture of that
 * shape (the shirt is drawn short-sleeved, the bag is a tote, the wallet a clutch with a wrist
 * strap). Sample titles take their kind from here, so a picture and its words agree.
 */
export const MOCKUP_KINDS: Readonly<Record<MockupShape, readonly { id: string; en: string }[]>> = {
  'kain-panjang': [{ id: 'Kain Panjang', en: 'kain panjang (long cloth)' }],
  sarung: [{ id: 'Sarung', en: 'sarong' }],
  selendang: [{ id: 'Selendang', en: 'shawl' }],
  kemeja: [
    { id: 'Kemeja Lengan Pendek', en: 'short-sleeved shirt' },
    { id: 'Kemeja', en: 'shirt' },
  ],
  tas: [
    { id: 'Tas Jinjing', en: 'tote bag' },
    { id: 'Tas', en: 'bag' },
  ],
  dompet: [
    { id: 'Dompet Tangan', en: 'wristlet' },
    { id: 'Dompet', en: 'wallet' },
  ],
};

/** The studio backdrop colours (the only colours besides the palette, #000 and #fff). */
export const STUDIO_COLOURS = ['#f3efea', '#e4ded6', '#d6cfc6'] as const;

export interface MockupOptions {
  /** Edge of the square output in pixels (width = height); default 1200. */
  size?: number;
  /** 0 = the whole product; 1 = a close-up of the cloth; larger numbers wrap around. */
  view?: number;
}

const D = 1200;
/** Zoom of the close-up view. */
const CLOSE_UP = 2.5;

type Pt = readonly [number, number];
/** An affine matrix [a b c d e f], as in SVG's matrix(). */
type Mat = readonly [number, number, number, number, number, number];

const mul = (p: Mat, q: Mat): Mat => [
  p[0] * q[0] + p[2] * q[1],
  p[1] * q[0] + p[3] * q[1],
  p[0] * q[2] + p[2] * q[3],
  p[1] * q[2] + p[3] * q[3],
  p[0] * q[4] + p[2] * q[5] + p[4],
  p[1] * q[4] + p[3] * q[5] + p[5],
];
/** Composes transforms; the last one is applied first (as in an SVG transform list). */
const chain = (...ms: Mat[]): Mat => ms.reduce(mul, [1, 0, 0, 1, 0, 0]);
const move = (x: number, y: number): Mat => [1, 0, 0, 1, x, y];
const scale = (sx: number, sy = sx): Mat => [sx, 0, 0, sy, 0, 0];
function turn(deg: number): Mat {
  const a = (deg * Math.PI) / 180;
  return [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0];
}
/** Reflection across the line through `p` along the unit vector `u`. */
function reflect(p: Pt, u: Pt): Mat {
  const a = 2 * u[0] * u[0] - 1;
  const b = 2 * u[0] * u[1];
  const d = 2 * u[1] * u[1] - 1;
  return [a, b, b, d, p[0] - a * p[0] - b * p[1], p[1] - b * p[0] - d * p[1]];
}
function invert(m: Mat): Mat {
  const det = m[0] * m[3] - m[1] * m[2];
  const a = m[3] / det;
  const b = -m[1] / det;
  const c = -m[2] / det;
  const d = m[0] / det;
  return [a, b, c, d, -(a * m[4] + c * m[5]), -(b * m[4] + d * m[5])];
}
const apply = (m: Mat, [x, y]: Pt): Pt => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const num4 = (v: number) => String(Math.round(v * 10000) / 10000);
const matrix = (m: Mat) => `matrix(${m.map(num4).join(' ')})`;

const pt = ([x, y]: Pt) => `${n(x)} ${n(y)}`;
const poly = (pts: readonly Pt[]) => `M${pts.map(pt).join('L')}Z`;
const line = (pts: readonly Pt[]) => `M${pts.map(pt).join('L')}`;
const add = (a: Pt, b: Pt, k = 1): Pt => [a[0] + b[0] * k, a[1] + b[1] * k];
const sub = (a: Pt, b: Pt): Pt => [a[0] - b[0], a[1] - b[1]];
const lerpPt = (a: Pt, b: Pt, t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const unit = (v: Pt): Pt => {
  const l = Math.hypot(v[0], v[1]) || 1;
  return [v[0] / l, v[1] / l];
};
/** Where the line through p along u meets the line through q along v. */
function meet(p: Pt, u: Pt, q: Pt, v: Pt): Pt {
  const den = u[0] * v[1] - u[1] * v[0];
  const t = ((q[0] - p[0]) * v[1] - (q[1] - p[1]) * v[0]) / den;
  return add(p, u, t);
}

type Stop = readonly [offset: number, colour: string, opacity: number];

/** Collects <defs> and hands out ids that are unique to one call. */
class Scene {
  readonly defs: string[] = [];
  readonly palette: readonly string[];
  readonly ground: string;
  readonly tile: number;
  readonly random: () => number;
  private readonly suffix: string;
  private count = 0;
  private readonly patterns = new Map<number, string>();

  constructor(motif: string, palette: readonly string[], shape: MockupShape, view: number, size: number) {
    const slug = motif.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    this.suffix = `${slug}-${shape}-${view}-${fnv1a(`${motif}|${palette.join(',')}|${shape}|${view}|${size}`).toString(36)}`;
    this.palette = palette;
    this.ground = palette[0] ?? '#ffffff';
    this.random = mulberry32(fnv1a(`${motif}|${shape}`));
    const art = getMotifArt(motif);
    this.tile = art.size;
    const id = this.id('motif');
    this.patterns.set(art.size, id);
    this.defs.push(
      `<pattern id="${id}" width="${art.size}" height="${art.size}" patternUnits="userSpaceOnUse" viewBox="0 0 ${art.size} ${art.size}">` +
        `<rect width="${art.size}" height="${art.size}" fill="${this.ground}"/>${art.draw(palette)}</pattern>`,
    );
  }

  /**
   * The motif pattern with tiles `k` times the artwork's own size, rounded to an even number of
   * units: librsvg paints a tile that lands on whole pixels straight from its cache, and
   * resamples every other one (several times slower). Extra sizes inherit the tile via href.
   */
  private pattern(k: number): string {
    const w = Math.max(2, 2 * Math.round((this.tile * k) / 2));
    let id = this.patterns.get(w);
    if (!id) {
      id = this.id('motif');
      this.patterns.set(w, id);
      this.defs.push(`<pattern id="${id}" href="#${this.patterns.get(this.tile)}" width="${w}" height="${w}"/>`);
    }
    return id;
  }

  id(name: string): string {
    return `pm${this.count++}-${name}-${this.suffix}`;
  }

  ink(i: number): string {
    return ink(this.palette, i);
  }

  clip(d: string): string {
    const id = this.id('clip');
    this.defs.push(`<clipPath id="${id}"><path d="${d}"/></clipPath>`);
    return id;
  }

  linear(from: Pt, to: Pt, stops: readonly Stop[]): string {
    const id = this.id('lg');
    this.defs.push(
      `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${n(from[0])}" y1="${n(from[1])}" x2="${n(to[0])}" y2="${n(to[1])}">${stopTags(stops)}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  radial(c: Pt, r: number, stops: readonly Stop[], ry = r): string {
    const id = this.id('rg');
    const t = ry === r ? '' : ` gradientTransform="translate(${n(c[0])} ${n(c[1])}) scale(1 ${num4(ry / r)}) translate(${n(-c[0])} ${n(-c[1])})"`;
    this.defs.push(
      `<radialGradient id="${id}" gradientUnits="userSpaceOnUse" cx="${n(c[0])}" cy="${n(c[1])}" r="${n(r)}"${t}>${stopTags(stops)}</radialGradient>`,
    );
    return `url(#${id})`;
  }


  /** `content` clipped to the outline `d`. */
  clipped(d: string, content: string): string {
    return `<g clip-path="url(#${this.clip(d)})">${content}</g>`;
  }

  /**
   * The motif pattern, tiles `k` times the artwork's size, laid by the rigid placement `m`
   * (pattern space → canvas; rotation, mirroring and a shift), covering the whole canvas.
   */
  cloth(k: number, placement: Mat): string {
    const axisAligned = Math.abs(placement[1]) < 1e-9 && Math.abs(placement[2]) < 1e-9;
    // Whole, even shifts keep an unrotated tile on whole pixels, also in the 2.5× close-up.
    const m: Mat = axisAligned
      ? [Math.sign(placement[0]), 0, 0, Math.sign(placement[3]), 2 * Math.round(placement[4] / 2), 2 * Math.round(placement[5] / 2)]
      : placement;
    const back = invert(m);
    const corners = ([[0, 0], [D, 0], [0, D], [D, D]] as const).map((p) => apply(back, p));
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    const x0 = Math.floor(Math.min(...xs));
    const y0 = Math.floor(Math.min(...ys));
    return `<rect x="${x0}" y="${y0}" width="${Math.ceil(Math.max(...xs)) - x0}" height="${Math.ceil(Math.max(...ys)) - y0}" fill="url(#${this.pattern(k)})" transform="${matrix(m)}"/>`;
  }

  /**
   * A soft shadow of the outline `d`, offset by (dx, dy), fading out over `spread` units: stacked
   * translucent strokes instead of a blur filter, which librsvg renders far more slowly.
   */
  shadow(d: string, dx: number, dy: number, spread: number, opacity: number): string {
    const steps = 6;
    const a = 1 - Math.pow(1 - opacity, 1 / (steps + 1));
    let out = `<g transform="translate(${dx} ${dy})" fill="none" stroke="#000" stroke-opacity="${num4(a)}" stroke-linejoin="round">`;
    for (let i = steps; i >= 1; i--) out += `<path d="${d}" stroke-width="${n((2 * spread * i) / steps)}"/>`;
    return `${out}<path d="${d}" fill="#000" fill-opacity="${num4(a)}" stroke="none"/></g>`;
  }
}

function stopTags(stops: readonly Stop[]): string {
  return stops.map(([o, c, a]) => `<stop offset="${num4(Math.min(1, Math.max(0, o)))}" stop-color="${c}" stop-opacity="${num4(a)}"/>`).join('');
}

/** Stops for soft folds: `wave(t)` in -1…1 becomes shadow (black) or sheen (white). */
function foldStops(wave: (t: number) => number, dark: number, light: number, steps = 40): [Stop[], Stop[]] {
  const shade: Stop[] = [];
  const shine: Stop[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const w = wave(t);
    shade.push([t, '#000', Math.max(0, -w) * dark]);
    shine.push([t, '#fff', Math.max(0, w) * light]);
  }
  return [shade, shine];
}

const fill = (d: string, paint: string, extra = '') => `<path d="${d}" fill="${paint}"${extra}/>`;
/** A stroke along `d`: used inside a clip to paint a border band of half the width along an edge. */
const band = (d: string, colour: string, width: number, extra = '') =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${n(width)}"${extra}/>`;
/** A stitch line. */
const stitch = (d: string, colour: string, opacity: number, width = 2.2, dash = '9 7') =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-opacity="${opacity}" stroke-width="${width}" stroke-dasharray="${dash}" stroke-linecap="round"/>`;

/** Border stripes along an edge (`d`), as seen from inside a clip: ink band, ground gap, thin second ink. */
function seret(s: Scene, d: string, w: number): string {
  return band(d, s.ink(1), 2 * (w + 9)) + band(d, s.ground, 2 * (w + 4)) + band(d, s.ink(0), 2 * w);
}

interface Drawn {
  body: string;
  /** Centre of the close-up view. */
  focus: readonly [x: number, y: number];
}

function backdrop(s: Scene): string {
  const wall = s.linear([0, 0], [0, D], [
    [0, STUDIO_COLOURS[0], 1],
    [0.62, STUDIO_COLOURS[1], 1],
    [1, STUDIO_COLOURS[2], 1],
  ]);
  const glow = s.radial([520, 430], 760, [
    [0, '#fff', 0.55],
    [1, '#fff', 0],
  ]);
  const vignette = s.radial([600, 600], 900, [
    [0.55, '#000', 0],
    [1, '#000', 0.1],
  ]);
  return `<rect width="${D}" height="${D}" fill="${wall}"/><rect width="${D}" height="${D}" fill="${glow}"/><rect width="${D}" height="${D}" fill="${vignette}"/>`;
}

/** A long cloth hanging over a rail: two layers, soft vertical folds, seret borders. */
function kainPanjang(s: Scene): Drawn {
  const railY = 200;
  const top = 188;
  const k = 0.9;
  const wave = (t: number, phase: number) =>
    0.6 * Math.sin(2 * Math.PI * (3.2 * t) + phase) + 0.4 * Math.sin(2 * Math.PI * (5.6 * t) + phase * 2.3 + 1.1);
  /** Hem points, right to left: a slanting line rippled by the folds. */
  const hem = (x0: number, x1: number, yl: number, yr: number, phase: number, amp: number): Pt[] =>
    Array.from({ length: 61 }, (_, i) => {
      const t = 1 - i / 60;
      return [x0 + (x1 - x0) * t, yl + (yr - yl) * t + amp * wave(t, phase)] as Pt;
    });
  const frontHem = hem(222, 978, 950, 1030, 0.3, 20);
  const front = poly([[262, top], [938, top], ...frontHem]);
  const backHem = hem(204, 996, 1096, 1030, 2.1, 16);
  const back = poly([[254, top], [946, top], ...backHem]);
  const place = move(262, 160);
  const [shade, shine] = foldStops((t) => wave(t, 0.3), 0.34, 0.22, 60);
  const [backShade] = foldStops((t) => wave(t, 2.1), 0.3, 0, 60);
  const down = s.linear([0, top], [0, 1060], [
    [0, '#000', 0.3],
    [0.05, '#000', 0.05],
    [0.45, '#000', 0],
    [1, '#000', 0.1],
  ]);
  const left = line([[262, top - 40], [222, frontHem[frontHem.length - 1]![1] + 40]]);
  const right = line([[938, top - 40], [978, frontHem[0]![1] + 40]]);
  const backLayer = s.clipped(
    back,
    s.cloth(k, chain(move(1240, 160), scale(-1, 1))) +
      seret(s, line([[254, top - 40], [204, 1140]]), 16) +
      seret(s, line([[946, top - 40], [996, 1080]]), 16) +
      seret(s, line(backHem), 14) +
      fill(back, s.linear([204, 0], [996, 0], backShade)) +
      fill(back, '#000', ' fill-opacity="0.28"'),
  );
  const frontLayer = s.clipped(
    front,
    s.cloth(k, place) +
      seret(s, left, 18) +
      seret(s, right, 18) +
      seret(s, line(frontHem), 16) +
      fill(front, s.linear([222, 0], [978, 0], shade)) +
      fill(front, s.linear([222, 0], [978, 0], shine)) +
      fill(front, down) +
      fill(front, s.radial([360, 300], 800, [
        [0, '#fff', 0.12],
        [1, '#fff', 0],
      ])),
  );
  // The cloth rolling over the rail.
  const roll = `M258 ${railY - 20}Q600 ${railY - 28} 942 ${railY - 20}L942 ${railY + 12}Q600 ${railY + 6} 258 ${railY + 12}Z`;
  const rollShade = s.linear([0, railY - 26], [0, railY + 12], [
    [0, '#fff', 0.3],
    [0.35, '#fff', 0.08],
    [0.7, '#000', 0.12],
    [1, '#000', 0.42],
  ]);
  const rollLayer = s.clipped(
    roll,
    s.cloth(k, place) + seret(s, line([[258, 100], [258, 300]]), 18) + seret(s, line([[942, 100], [942, 300]]), 18) + fill(roll, rollShade),
  );
  const railShade = s.linear([0, railY - 12], [0, railY + 12], [
    [0, '#fff', 0.35],
    [0.3, '#fff', 0.05],
    [1, '#000', 0.4],
  ]);
  const rail =
    [150, 1050].map((x) => `<rect x="${x - 13}" y="${railY - 90}" width="26" height="86" rx="6" fill="#000" fill-opacity="0.5"/>`).join('') +
    `<rect x="124" y="${railY - 12}" width="952" height="24" rx="12" fill="#000" fill-opacity="0.62"/>` +
    `<rect x="124" y="${railY - 12}" width="952" height="24" rx="12" fill="${railShade}"/>` +
    [150, 1050]
      .map((x) => `<circle cx="${x}" cy="${railY}" r="19" fill="#000" fill-opacity="0.66"/><circle cx="${x - 5}" cy="${railY - 6}" r="7" fill="#fff" fill-opacity="0.25"/>`)
      .join('');
  return {
    body: s.shadow(`M124 ${railY}H1076`, 0, 16, 10, 0.22) + rail + s.shadow(back, 16, 26, 26, 0.28) + backLayer + frontLayer + rollLayer,
    focus: [740, 820],
  };
}

/** A sarong laid flat: a tube with its kepala (head panel) of facing tumpal triangles. */
function sarung(s: Scene): Drawn {
  const x0 = 190;
  const x1 = 1010;
  const y0 = 184;
  const y1 = 1030;
  const k = 0.8;
  const hemPts: Pt[] = Array.from({ length: 25 }, (_, i) => {
    const t = 1 - i / 24;
    return [x0 - 4 + (x1 - x0 + 8) * t, y1 + 7 * Math.sin(t * Math.PI * 3 + 0.5)] as Pt;
  });
  const topEdge = `M${x0} ${y0 + 14}Q600 ${y0 + 50} ${x1} ${y0 + 14}`;
  const backEdge = `M${x0} ${y0 + 14}Q600 ${y0 - 26} ${x1} ${y0 + 14}`;
  const front = `${topEdge}${hemPts.map((p) => `L${pt(p)}`).join('')}Z`;
  const back = `${backEdge}L${x1} ${y0 + 200}L${x0} ${y0 + 200}Z`;
  const place = move(190, 120);

  // Kepala: a vertical band between papan stripes, two rows of tumpal triangles facing each other.
  const k0 = 430;
  const k1 = 770;
  const papan = 26;
  const i0 = k0 + papan;
  const i1 = k1 - papan;
  const h = Math.round((i1 - i0) * 0.8);
  const pitch = 136;
  const tri = (bx: number, dir: 1 | -1, yc: number, inset: number): Pt[] => {
    const pts: Pt[] = [[bx, yc - pitch / 2], [bx + dir * h, yc], [bx, yc + pitch / 2]];
    // Shrink about the incentre so that every side moves in by `inset`.
    const side = Math.hypot(h, pitch / 2);
    const r = (pitch * h) / (pitch + 2 * side);
    const c: Pt = [bx + dir * r, yc];
    return pts.map((p) => lerpPt(c, p, 1 - inset / r));
  };
  let outer = '';
  let line2 = '';
  let inner = '';
  for (let yc = y0 - pitch; yc < y1 + pitch; yc += pitch) {
    for (const [bx, dir, off] of [[i0, 1, 0], [i1, -1, pitch / 2]] as const) {
      outer += poly(tri(bx, dir, yc + off, 0));
      line2 += poly(tri(bx, dir, yc + off, 5));
      inner += poly(tri(bx, dir, yc + off, 9));
    }
  }
  const cecek = s.id('cecek');
  s.defs.push(
    `<pattern id="${cecek}" width="16" height="16" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="1.7" fill="${s.ground}" fill-opacity="0.55"/><circle cx="12" cy="12" r="1.7" fill="${s.ground}" fill-opacity="0.55"/></pattern>`,
  );
  const papanStrip = (x: number) =>
    `<rect x="${x}" y="0" width="${papan}" height="${D}" fill="${s.ink(0)}"/>` +
    `<rect x="${x + 4}" y="0" width="3" height="${D}" fill="${s.ground}"/><rect x="${x + papan - 7}" y="0" width="3" height="${D}" fill="${s.ground}"/>` +
    `<path d="M${x + papan / 2} 0V${D}" stroke="${s.ink(1)}" stroke-width="6" stroke-dasharray="6 6"/>`;
  const kepala =
    `<rect x="${k0}" y="0" width="${k1 - k0}" height="${D}" fill="${s.ink(0)}"/>` +
    `<rect x="${k0}" y="0" width="${k1 - k0}" height="${D}" fill="url(#${cecek})"/>` +
    fill(outer, s.ground) +
    fill(line2, s.ink(1)) +
    s.clipped(inner, s.cloth(0.5, move(i0, 60))) +
    papanStrip(k0) +
    papanStrip(k1 - papan);

  const edges = s.linear([x0, 0], [x1, 0], [
    [0, '#000', 0.32],
    [0.025, '#000', 0.08],
    [0.045, '#fff', 0.14],
    [0.09, '#fff', 0],
    [0.9, '#000', 0],
    [0.955, '#000', 0.04],
    [0.975, '#000', 0.16],
    [1, '#000', 0.36],
  ]);
  const [wrinkle, wrinkleLight] = foldStops((t) => Math.sin(t * Math.PI * 4.2 + 0.8) * Math.sin(t * Math.PI), 0.13, 0.1, 30);
  const light = s.radial([380, 330], 900, [
    [0, '#fff', 0.16],
    [1, '#000', 0.1],
  ]);
  const topShade = s.linear([0, y0 + 14], [0, y0 + 90], [
    [0, '#000', 0.3],
    [0.4, '#000', 0.06],
    [1, '#000', 0],
  ]);
  const body =
    s.clipped(back, s.cloth(k, chain(move(1400, 120), scale(-1, 1))) + seret(s, backEdge, 12) + fill(back, '#000', ' fill-opacity="0.5"')) +
    s.clipped(
      front,
      s.cloth(k, place) +
        kepala +
        seret(s, topEdge, 14) +
        seret(s, line(hemPts), 14) +
        fill(front, s.linear([300, 200], [900, 1000], wrinkle)) +
        fill(front, s.linear([300, 200], [900, 1000], wrinkleLight)) +
        fill(front, edges) +
        fill(front, topShade) +
        fill(front, light),
    ) +
    `<path d="${topEdge}" fill="none" stroke="#fff" stroke-opacity="0.35" stroke-width="3"/>`;
  return { body: s.shadow(front, 8, 20, 22, 0.3) + body, focus: [640, 560] };
}

/** A long shawl, folded flat in a loose Z with fringed ends; each fold mirrors the pattern as real cloth does. */
function selendang(s: Scene): Drawn {
  const W = 270;
  const k = 0.72;
  const path: Pt[] = [[200, 236], [930, 322], [290, 640], [1000, 900]];
  const dirs = path.slice(1).map((p, i) => unit(sub(p, path[i]!)));
  const normals = dirs.map(([x, y]): Pt => [-y, x]);
  // Fold lines between segments, along the bisector of the two directions.
  const folds = dirs.slice(1).map((d, i) => ({ at: path[i + 1]!, u: unit(add(dirs[i]!, d)) }));
  const cuts = [{ at: path[0]!, u: normals[0]! }, ...folds, { at: path[path.length - 1]!, u: normals[normals.length - 1]! }];
  let m = chain(move(path[0]![0], path[0]![1]), turn((Math.atan2(dirs[0]![1], dirs[0]![0]) * 180) / Math.PI));
  const segs = dirs.map((d, i) => {
    const nrm = normals[i]!;
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const sideA = add(path[i]!, nrm, W / 2);
    const sideB = add(path[i]!, nrm, -W / 2);
    const pA0 = meet(sideA, d, a.at, a.u);
    const pA1 = meet(sideA, d, b.at, b.u);
    const pB1 = meet(sideB, d, b.at, b.u);
    const pB0 = meet(sideB, d, a.at, a.u);
    if (i > 0) m = chain(reflect(folds[i - 1]!.at, folds[i - 1]!.u), m);
    return { outline: poly([pA0, pA1, pB1, pB0]), m, edgeA: line([pA0, pA1]), edgeB: line([pB0, pB1]) };
  });

  const fringe = (p: Pt, d: Pt, nrm: Pt): string => {
    let threads = '';
    for (let x = -W / 2 + 6; x <= W / 2 - 6; x += 8) {
      const start = add(p, nrm, x);
      const len = 56 + s.random() * 16;
      const sway = (s.random() - 0.5) * 12;
      const end = add(add(start, d, len), nrm, sway);
      const mid = add(add(start, d, len * 0.5), nrm, sway * 0.2);
      threads += `M${pt(start)}Q${pt(mid)} ${pt(end)}`;
    }
    return (
      `<path d="${threads}" fill="none" stroke="#000" stroke-opacity="0.16" stroke-width="5" stroke-linecap="round" transform="translate(3 6)"/>` +
      `<path d="${threads}" fill="none" stroke="${s.ink(0)}" stroke-width="3.6" stroke-linecap="round"/>` +
      `<path d="${threads}" fill="none" stroke="#fff" stroke-opacity="0.2" stroke-width="1.2" stroke-linecap="round"/>`
    );
  };
  const first = dirs[0]!;
  const last = dirs[dirs.length - 1]!;
  let out = fringe(path[0]!, [-first[0], -first[1]], normals[0]!);
  segs.forEach((seg, i) => {
    const d = dirs[i]!;
    const nrm = normals[i]!;
    // Stripes across the cloth near each end.
    const endLines: string[] = [];
    if (i === 0) endLines.push(line([add(add(path[0]!, nrm, -W), d, 30), add(add(path[0]!, nrm, W), d, 30)]));
    if (i === segs.length - 1) {
      const p = path[path.length - 1]!;
      endLines.push(line([add(add(p, nrm, -W), d, -30), add(add(p, nrm, W), d, -30)]));
    }
    const endBands = endLines.map((e) => band(e, s.ink(0), 44) + band(e, s.ground, 30) + band(e, s.ink(1), 18)).join('');
    const across = s.linear(add(path[i]!, nrm, W / 2), add(path[i]!, nrm, -W / 2), [
      [0, '#000', 0.16],
      [0.12, '#fff', 0.1],
      [0.45, '#fff', 0],
      [0.85, '#000', 0.05],
      [1, '#000', 0.22],
    ]);
    let shading = fill(seg.outline, across);
    if (i > 0) {
      // Light on the rounded fold this segment starts from.
      const f = folds[i - 1]!;
      shading += fill(seg.outline, s.linear(f.at, add(f.at, d, 90), [
        [0, '#fff', 0.3],
        [0.15, '#fff', 0.1],
        [1, '#fff', 0],
      ]));
    }
    if (i < segs.length - 1) {
      // Shade where it tucks under the next fold.
      const f = folds[i]!;
      shading += fill(seg.outline, s.linear(f.at, add(f.at, d, -150), [
        [0, '#000', 0.32],
        [0.25, '#000', 0.1],
        [1, '#000', 0],
      ]));
    }
    // The reverse of a batik is a little paler.
    if (i % 2) shading += fill(seg.outline, '#fff', ' fill-opacity="0.1"');
    out +=
      s.shadow(seg.outline, 6, 14, 16, i ? 0.32 : 0.26) +
      s.clipped(seg.outline, s.cloth(k, seg.m) + seret(s, seg.edgeA, 10) + seret(s, seg.edgeB, 10) + endBands + shading);
  });
  out += fringe(path[path.length - 1]!, last, normals[normals.length - 1]!);
  return { body: out, focus: [880, 420] };
}

const mirrorX = (d: string) => d.replace(/(-?\d+(?:\.\d+)?)[ ,](-?\d+(?:\.\d+)?)/g, (_, x: string, y: string) => `${n(D - Number(x))} ${y}`);

/** A short-sleeved batik shirt, laid flat. */
function kemeja(s: Scene): Drawn {
  const k = 0.8;
  const place = move(600 - Math.round(s.tile * k * 0.5), 260);
  const bodyPath = 'M506 190L350 236Q368 360 362 470L356 1040Q600 1094 844 1040L838 470Q832 360 850 236L694 190Z';
  const sleeveL = 'M350 236L150 432Q192 506 248 556L364 466Q368 350 350 236Z';
  const sleeveR = mirrorX(sleeveL);
  const sleeveShade = (side: 1 | -1) => {
    const X = (x: number) => 600 + side * (x - 600);
    return s.linear([X(240), 320], [X(330), 450], [
      [0, '#fff', 0.14],
      [0.5, '#fff', 0],
      [1, '#000', 0.22],
    ]);
  };
  const sleeve = (d: string, side: 1 | -1) => {
    const X = (x: number) => 600 + side * (x - 600);
    const cuff = line([[X(150), 432], [X(248), 556]]);
    return (
      s.clipped(
        d,
        s.cloth(k, chain(move(X(300), 300), turn(side * 44))) +
          band(cuff, '#000', 52, ' stroke-opacity="0.07"') +
          fill(d, sleeveShade(side)) +
          stitch(line([[X(172), 416], [X(264), 532]]), '#000', 0.4),
      ) + stitch(`M${X(350)} 236Q${X(368)} 350 ${X(364)} 466`, '#000', 0.32)
    );
  };
  const sides = s.linear([356, 0], [844, 0], [
    [0, '#000', 0.22],
    [0.08, '#000', 0.04],
    [0.2, '#fff', 0.08],
    [0.5, '#fff', 0],
    [0.85, '#000', 0.03],
    [1, '#000', 0.24],
  ]);
  const [wr, wl] = foldStops((t) => Math.sin(t * Math.PI * 3.3 + 0.6) * Math.sin(t * Math.PI), 0.12, 0.1, 30);
  // Collar: a band around the back of the neck and two leaves meeting at the top button.
  const backBand = 'M498 194Q600 140 702 194Q600 178 498 194Z';
  const neck = 'M504 192Q600 172 696 192Q660 236 604 270L596 270Q540 236 504 192Z';
  const leafL = 'M500 188Q540 244 600 272L600 284L540 350Q500 290 486 246Q488 212 500 188Z';
  const leafR = mirrorX(leafL);
  const collarShade = (side: 1 | -1) =>
    s.linear([600 + side * -110, 200], [600 + side * -40, 340], [
      [0, '#fff', 0.18],
      [0.6, '#fff', 0],
      [1, '#000', 0.16],
    ]);
  const leaf = (d: string, side: 1 | -1) =>
    s.shadow(d, 3, 8, 8, 0.3) +
    s.clipped(d, s.cloth(k, side > 0 ? move(460, 180) : chain(move(740, 180), scale(-1, 1))) + fill(d, collarShade(side))) +
    `<path d="${d}" fill="none" stroke="#000" stroke-opacity="0.3" stroke-width="1.5"/>` +
    stitch(d, '#000', 0.22, 1.4, '4 4');
  const placket = 'M582 284H618V1066H582Z';
  const pocket = 'M664 420H790V556L727 574L664 556Z';
  const buttonId = s.id('button');
  s.defs.push(`<radialGradient id="${buttonId}" cx="0.4" cy="0.36" r="0.7">${stopTags([[0, '#000', 0], [0.6, '#000', 0.06], [1, '#000', 0.24]])}</radialGradient>`);
  const button = `url(#${buttonId})`;
  const buttons = [312, 446, 580, 714, 848, 982]
    .map(
      (y) =>
        `<circle cx="601.5" cy="${y + 2.5}" r="12" fill="#000" fill-opacity="0.22"/>` +
        `<circle cx="600" cy="${y}" r="11" fill="#fff"/><circle cx="600" cy="${y}" r="11" fill="${button}"/>` +
        `<circle cx="600" cy="${y}" r="10.2" fill="none" stroke="#000" stroke-opacity="0.25" stroke-width="1.5"/>` +
        `<path d="M596.5 ${y - 3.5}h0M603.5 ${y - 3.5}h0M596.5 ${y + 3.5}h0M603.5 ${y + 3.5}h0" stroke="#000" stroke-opacity="0.45" stroke-width="2.6" stroke-linecap="round"/>`,
    )
    .join('');
  const body =
    s.clipped(
      bodyPath,
      s.cloth(k, place) +
        fill(bodyPath, sides) +
        fill(bodyPath, s.linear([420, 640], [760, 1040], wr)) +
        fill(bodyPath, s.linear([420, 640], [760, 1040], wl)) +
        s.shadow(placket, 3, 0, 4, 0.22) +
        s.clipped(placket, s.cloth(k, chain(move(24, 0), place))) +
        `<path d="M582 284V1066M618 284V1066" stroke="#000" stroke-opacity="0.26" stroke-width="2"/>` +
        stitch('M587 300V1060M613 300V1060', '#000', 0.25, 1.5, '5 5') +
        s.shadow(pocket, 3, 6, 6, 0.26) +
        s.clipped(pocket, s.cloth(k, chain(move(-14, -8), place)) + band('M664 420H790', '#000', 28, ' stroke-opacity="0.08"')) +
        stitch('M670 438H784M670 426V552L727 568L784 552V426', '#000', 0.35, 1.8, '6 5') +
        band('M506 190L350 236', '#000', 2, ' stroke-opacity="0.25"') +
        band('M694 190L850 236', '#000', 2, ' stroke-opacity="0.25"') +
        stitch('M364 1022Q600 1074 836 1022', '#000', 0.3),
    ) +
    s.clipped(backBand, s.cloth(k, place) + fill(backBand, '#000', ' fill-opacity="0.12"')) +
    s.clipped(neck, s.cloth(k, move(560, 100)) + fill(neck, s.linear([0, 180], [0, 270], [
      [0, '#000', 0.62],
      [1, '#000', 0.42],
    ]))) +
    leaf(leafL, 1) +
    leaf(leafR, -1) +
    buttons;
  return {
    body: s.shadow(bodyPath + sleeveL + sleeveR + backBand, 8, 16, 18, 0.3) + sleeve(sleeveL, -1) + sleeve(sleeveR, 1) + body,
    focus: [640, 420],
  };
}

/** A tote bag: patterned body, plain top facing and handles. */
function tas(s: Scene): Drawn {
  const k = 0.78;
  const bodyPath = 'M322 470L878 470Q900 760 918 1008Q920 1040 888 1042L312 1042Q280 1040 282 1008Q300 760 322 470Z';
  const place = move(600 - Math.round(s.tile * k * 0.5), 530);
  const handle = (xa: number, xb: number, top: number) => `M${xa} 540C${xa - 20} ${top} ${xb + 20} ${top} ${xb} 540`;
  const strap = (d: string, dim: number) =>
    `<path d="${d}" fill="none" stroke="#000" stroke-opacity="0.16" stroke-width="44" transform="translate(5 10)"/>` +
    `<path d="${d}" fill="none" stroke="${s.ink(0)}" stroke-width="36"/>` +
    `<path d="${d}" fill="none" stroke="${s.ground}" stroke-width="27" stroke-dasharray="7 6" stroke-opacity="0.8"/>` +
    `<path d="${d}" fill="none" stroke="${s.ink(0)}" stroke-width="24"/>` +
    `<path d="${d}" fill="none" stroke="#fff" stroke-opacity="0.14" stroke-width="8" transform="translate(-3 -3)"/>` +
    (dim ? `<path d="${d}" fill="none" stroke="#000" stroke-opacity="${dim}" stroke-width="37"/>` : '');
  const sides = s.linear([282, 0], [918, 0], [
    [0, '#000', 0.28],
    [0.07, '#000', 0.06],
    [0.18, '#fff', 0.12],
    [0.45, '#fff', 0.02],
    [0.8, '#000', 0.04],
    [1, '#000', 0.3],
  ]);
  const bottom = s.linear([0, 470], [0, 1042], [
    [0, '#000', 0.18],
    [0.2, '#000', 0],
    [0.85, '#000', 0.02],
    [1, '#000', 0.2],
  ]);
  const [wr, wl] = foldStops((t) => Math.sin(t * Math.PI * 2.4 + 1) * Math.sin(t * Math.PI), 0.1, 0.08, 24);
  const facing = 'M322 470H878L882 540H318Z';
  const opening = 'M322 470Q600 446 878 470Q600 480 322 470Z';
  const patch = (x: number) => {
    const p = `M${x - 24} 500h48v70h-48z`;
    return (
      s.shadow(p, 2, 4, 4, 0.28) +
      fill(p, s.ink(0)) +
      stitch(`M${x - 18} 506h36v58h-36zM${x - 18} 506l36 58M${x + 18} 506l-36 58`, s.ground, 0.8, 2, '5 4')
    );
  };
  const body =
    s.clipped(
      bodyPath,
      s.cloth(k, place) +
        fill(bodyPath, s.linear([300, 600], [900, 1000], wr)) +
        fill(bodyPath, s.linear([300, 600], [900, 1000], wl)) +
        fill(bodyPath, sides) +
        fill(bodyPath, bottom) +
        s.shadow(facing, 0, 6, 6, 0.28) +
        fill(facing, s.ink(0)) +
        fill(facing, s.linear([0, 470], [0, 540], [
          [0, '#fff', 0.14],
          [1, '#000', 0.12],
        ])) +
        stitch('M322 530H880', s.ground, 0.7, 2, '7 5') +
        stitch('M300 1010H900', '#000', 0.3, 2, '8 6'),
    ) +
    fill(opening, '#000', ' fill-opacity="0.55"') +
    stitch('M320 1000Q300 760 322 546M880 1000Q900 760 878 546', '#000', 0.22, 2, '8 6');
  const floor = s.radial([600, 1050], 420, [
    [0, '#000', 0.34],
    [0.6, '#000', 0.1],
    [1, '#000', 0],
  ], 40);
  return {
    body:
      `<ellipse cx="600" cy="1050" rx="420" ry="40" fill="${floor}"/>` +
      strap(handle(468, 732, 190), 0.28) +
      s.shadow(bodyPath, 10, 14, 18, 0.24) +
      body +
      strap(handle(438, 762, 140), 0) +
      patch(438) +
      patch(762),
    focus: [720, 560],
  };
}

/** A clutch wallet: patterned body and flap, piped edge, metal turn-lock clasp, wrist strap. */
function dompet(s: Scene): Drawn {
  const k = 0.62;
  const bodyPath = 'M276 400H924Q960 400 960 436V842Q960 878 924 878H276Q240 878 240 842V436Q240 400 276 400Z';
  const flapEdge = 'M960 520C900 590 690 694 600 704C510 694 300 590 240 520';
  const flap = `M240 436Q240 400 276 400H924Q960 400 960 436V520${flapEdge.slice(8)}Z`;
  const tileW = Math.round(s.tile * k);
  const place = move(600 - Math.round(tileW / 2), 430);
  const flapPlace = move(600 - Math.round(tileW / 2), 380);
  const sides = s.linear([240, 0], [960, 0], [
    [0, '#000', 0.26],
    [0.05, '#000', 0.04],
    [0.5, '#fff', 0.04],
    [0.95, '#000', 0.06],
    [1, '#000', 0.28],
  ]);
  const bodyShade = s.linear([0, 400], [0, 878], [
    [0, '#000', 0],
    [0.6, '#000', 0.04],
    [0.93, '#000', 0.12],
    [1, '#000', 0.32],
  ]);
  const puff = s.radial([540, 470], 420, [
    [0, '#fff', 0.2],
    [0.7, '#fff', 0.02],
    [1, '#000', 0.12],
  ], 200);
  const strap = 'M252 470C130 470 92 610 148 720C184 790 238 800 262 780';
  const ring = (x: number, y: number) =>
    `<circle cx="${x}" cy="${y}" r="15" fill="none" stroke="#fff" stroke-width="8"/>` +
    `<circle cx="${x}" cy="${y}" r="15" fill="none" stroke="#000" stroke-opacity="0.35" stroke-width="8"/>` +
    `<path d="M${x - 11} ${y - 9}a15 15 0 0 1 16 -5" fill="none" stroke="#fff" stroke-opacity="0.8" stroke-width="3" stroke-linecap="round"/>`;
  const metal = s.linear([0, 672], [0, 724], [
    [0, '#000', 0.08],
    [0.45, '#000', 0.28],
    [0.55, '#000', 0.42],
    [1, '#000', 0.2],
  ]);
  const knob = s.radial([594, 692], 20, [
    [0, '#fff', 1],
    [0.5, '#000', 0.1],
    [1, '#000', 0.45],
  ]);
  const plate = 'M574 672H626Q638 672 638 684V712Q638 724 626 724H574Q562 724 562 712V684Q562 672 574 672Z';
  const clasp =
    s.shadow(plate, 2, 6, 6, 0.35) +
    `<path d="${plate}" fill="#fff"/><path d="${plate}" fill="${metal}"/>` +
    `<rect x="563.5" y="673.5" width="73" height="49" rx="11" fill="none" stroke="#fff" stroke-opacity="0.7" stroke-width="2"/>` +
    `<circle cx="600" cy="698" r="15" fill="#fff"/><circle cx="600" cy="698" r="15" fill="${knob}"/>` +
    `<rect x="592" y="694" width="16" height="8" rx="3" fill="#000" fill-opacity="0.3"/>` +
    `<circle cx="572" cy="698" r="2.6" fill="#000" fill-opacity="0.4"/><circle cx="628" cy="698" r="2.6" fill="#000" fill-opacity="0.4"/>`;
  const body =
    s.clipped(bodyPath, s.cloth(k, place) + fill(bodyPath, sides) + fill(bodyPath, bodyShade) + s.shadow(flap, 0, 10, 14, 0.4) + stitch('M262 856H938', '#000', 0.25, 1.8, '6 5')) +
    band(bodyPath, s.ink(0), 7) +
    s.clipped(flap, s.cloth(k, flapPlace) + fill(flap, puff) + fill(flap, sides)) +
    `<path d="${flapEdge}" fill="none" stroke="#000" stroke-opacity="0.25" stroke-width="14" transform="translate(0 3)"/>` +
    `<path d="${flapEdge}" fill="none" stroke="${s.ink(0)}" stroke-width="11" stroke-linecap="round"/>` +
    `<path d="${flapEdge}" fill="none" stroke="#fff" stroke-opacity="0.25" stroke-width="3" transform="translate(0 -2)"/>` +
    stitch('M262 428H938', s.ground, 0.6, 1.8, '6 5') +
    clasp;
  const strapDrawn =
    s.shadow(strap, 6, 12, 16, 0.2) +
    `<path d="${strap}" fill="none" stroke="${s.ink(0)}" stroke-width="24" stroke-linecap="round"/>` +
    `<path d="${strap}" fill="none" stroke="${s.ground}" stroke-opacity="0.7" stroke-width="17" stroke-dasharray="5 5"/>` +
    `<path d="${strap}" fill="none" stroke="${s.ink(0)}" stroke-width="14"/>` +
    `<path d="${strap}" fill="none" stroke="#fff" stroke-opacity="0.15" stroke-width="5" transform="translate(-2 -2)"/>`;
  const floor = s.radial([600, 880], 420, [
    [0, '#000', 0.3],
    [0.6, '#000', 0.08],
    [1, '#000', 0],
  ], 34);
  return {
    body: `<ellipse cx="600" cy="884" rx="420" ry="34" fill="${floor}"/>` + s.shadow(bodyPath, 10, 18, 20, 0.28) + strapDrawn + body + ring(252, 470),
    focus: [620, 640],
  };
}

const SHAPES: Record<MockupShape, (s: Scene) => Drawn> = {
  'kain-panjang': kainPanjang,
  sarung,
  selendang,
  kemeja,
  tas,
  dompet,
};

/** A product picture as SVG: the motif's pattern on the shape, on a soft studio background. */
export function renderProductMockup(motif: string, palette: readonly string[], shape: MockupShape, options: MockupOptions = {}): string {
  const draw = SHAPES[shape];
  if (!draw) throw new Error(`Unknown mockup shape "${shape}"`);
  const size = options.size ?? D;
  const view = ((Math.trunc(options.view ?? 0) % MOCKUP_VIEWS) + MOCKUP_VIEWS) % MOCKUP_VIEWS;
  const s = new Scene(motif, palette, shape, view, size);
  const ground = backdrop(s);
  const { body, focus } = draw(s);
  let scene = ground + body;
  if (view === 1) {
    // 2.5× keeps even tile sizes and shifts on whole pixels (see Scene.pattern); the window stays on the canvas.
    const z = CLOSE_UP;
    const half = D / (2 * z);
    const [cx, cy] = focus.map((v) => 2 * Math.round(Math.min(Math.max(v, half), D - half) / 2));
    scene = `<g transform="translate(${D / 2} ${D / 2}) scale(${z}) translate(${-cx!} ${-cy!})">${scene}</g>`;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${D} ${D}" width="${size}" height="${size}" aria-hidden="true" focusable="false">` +
    `<defs>${s.defs.join('')}</defs>${scene}</svg>`
  );
}
