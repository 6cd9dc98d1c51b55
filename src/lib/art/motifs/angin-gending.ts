/**
 * Angin Gending (Probolinggo): the strong September wind at Gending. Bands of combed wind lines
 * flow across the cloth in long waves; at each crest the upper lines peel off and roll up into a
 * nested gust curl, small eddies spin between the streams and leaves are blown along bending
 * with the flow. Two streams per tile, the second half a wave out of step with the first.
 */
import type { MotifArt } from '../types.ts';
import { wrap } from '../svg.ts';

const size = 200;
const AMP = 15;

/** One decimal is plenty at this scale and keeps the tile small. */
const n = (v: number) => String(Math.round(v * 10) / 10);
const n3 = (v: number) => String(Math.round(v * 1000) / 1000);

/** Height of a stream at x: one full wave per tile, so it joins itself across the edges. */
const wave = (x: number, y0: number, phase: number) => y0 + AMP * Math.sin(((x / size) * 2 + phase) * Math.PI);

/**
 * A wind line along the stream, at `offset` from its middle, from x0 to x1, as path data. Points
 * fall on multiples of 12.5 from x0, so lines that start a whole number of steps apart match.
 */
function streamLine(y0: number, phase: number, offset: number, x0 = -10, x1 = size + 10): string {
  let d = '';
  for (let x = x0; x < x1 + 6; x += 12.5) {
    const px = Math.min(x, x1);
    d += `${d ? 'L' : 'M'}${n(px)} ${n(wave(px, y0, phase) + offset)}`;
  }
  return d;
}

/** Length of one wave of a wind line as drawn (16 straight steps), for spacing dashes evenly. */
const WAVE_LENGTH = Array.from({ length: 16 }, (_, i) =>
  Math.hypot(12.5, wave((i + 1) * 12.5, 0, 0) - wave(i * 12.5, 0, 0)),
).reduce((a, b) => a + b, 0);

/** A dash pattern of `count` dashes per wave, `share` of each one inked. */
const dashes = (count: number, share: number) => `${n3((WAVE_LENGTH / count) * share)} ${n3((WAVE_LENGTH / count) * (1 - share))}`;

/**
 * A line that leaves the stream at the crest (x, y) and rolls up and back over itself: a spiral
 * about (x, cy), starting at its lowest point.
 */
function rollUp(x: number, y: number, cy: number, turns: number): string {
  const r = y - cy;
  let d = '';
  const steps = Math.ceil(turns * 16);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const a = Math.PI / 2 - t * turns * Math.PI * 2;
    const rr = r * (1 - 0.62 * t);
    d += `L${n(x + rr * Math.cos(a))} ${n(cy + rr * Math.sin(a))}`;
  }
  return d;
}

/** A leaf bent by the wind: a curved, pointed blade from (x, y) along angle a (degrees). */
function leaf(p: readonly string[], x: number, y: number, a: number, len: number, bend: number): string {
  const [, teal, purple, brown] = p as [string, string, string, string];
  const w = len * 0.26;
  const d =
    `M0 0C${n(len * 0.3)} ${n(-w * 1.3 + bend)} ${n(len * 0.75)} ${n(-w + bend * 1.5)} ${len} ${n(bend * 2)}` +
    `C${n(len * 0.7)} ${n(w * 0.8 + bend * 1.5)} ${n(len * 0.3)} ${n(w * 1.2 + bend)} 0 0Z`;
  const vein = `M${n(len * 0.1)} ${n(bend * 0.2)}Q${n(len * 0.5)} ${n(bend * 1.4)} ${n(len * 0.9)} ${n(bend * 1.9)}`;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${a})">` +
    `<path d="${d}" fill="${teal}" stroke="${purple}" stroke-width="1.1" stroke-linejoin="round"/>` +
    `<path d="${vein}" fill="none" stroke="${brown}" stroke-width=".9"/>` +
    `<path d="M-4 ${n(-bend * 0.3)}L0 0" stroke="${brown}" stroke-width="1.2" stroke-linecap="round"/>` +
    '</g>'
  );
}

/**
 * A stream of combed wind lines. The lower lines run on unbroken; the upper three peel off at the
 * crest and roll up into a nested gust curl, then start again from under it.
 */
function stream(p: readonly string[], y0: number, phase: number): string {
  const [, teal, purple, brown] = p as [string, string, string, string];
  const crest = (((1.5 - phase) / 2) * size + size * 4) % size;
  const yc = wave(crest, y0, phase);
  const cy = yc - 26;
  // the crest's curl at x = crest, and the line arriving at it from the previous crest, in two
  // copies a tile apart, each cut to the part that can show in the tile
  const peeled = (offset: number, turns: number) =>
    [0, size]
      .map((shift) => {
        const end = crest + shift;
        const from = Math.max(-10, end - size + 14);
        const to = Math.min(size + 10, end);
        const curl = end - (yc + offset - cy) <= size;
        return (from < to ? streamLine(y0, phase, offset, from, to) : '') + (curl ? rollUp(end, yc + offset, cy, turns) : '');
      })
      .join('');
  return (
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round">` +
    `<path d="${streamLine(y0, phase, 3)}${streamLine(y0, phase, 12)}${peeled(-6, 1.25)}${peeled(-15, 1.05)}" stroke="${teal}" stroke-width="3.4"/>` +
    `<path d="${streamLine(y0, phase, 7.5)}${peeled(-1.5, 1.35)}${peeled(-10.5, 1.15)}" stroke="${purple}" stroke-width="1.5"/>` +
    `<path d="${streamLine(y0, phase, 16.5, -25, size + 25)}" stroke="${brown}" stroke-width="1.6" stroke-dasharray="${dashes(40, 0)}"/>` +
    '</g>'
  );
}

function draw(palette: readonly string[]): string {
  const p = [0, 1, 2, 3].map((i) => (i === 0 ? palette[0]! : palette[1 + ((i - 1) % Math.max(1, palette.length - 1))]!));
  // isen: short wind streaks between the streams
  let streaks = '';
  for (const [y0, ph] of [[111, 0], [11, 1], [size + 11, 1]] as const) {
    for (const off of [-10, 0, 10]) streaks += streamLine(y0, ph, off, -25, size + 25);
  }
  // lines 1.25 waves long, with a whole number of dashes to a wave and to a line, so that the
  // dashes fall in the same places on every wave
  let out = `<path d="${streaks}" fill="none" stroke="${p[3]}" stroke-width="1" stroke-dasharray="${dashes(8, 0.3)}" stroke-linecap="round" opacity=".35"/>`;
  out += stream(p, 67, 0) + stream(p, 167, 1);
  // leaves tumbling in the wind
  out += wrap(size, 92, 108, 30, (x, y) => leaf(p, x, y, -18, 26, 4));
  out += wrap(size, 6, 122, 30, (x, y) => leaf(p, x, y, 28, 22, -4));
  out += wrap(size, 192, 208, 30, (x, y) => leaf(p, x, y, 162, 26, -4));
  out += wrap(size, 106, 22, 30, (x, y) => leaf(p, x, y, 200, 22, 4));
  // small eddies between the streams
  const eddy = (x: number, y: number) =>
    `<path d="M${n(x - 14)} ${n(y + 7)}${rollUp(x, y + 7, y, 1.4)}M${n(x - 12)} ${n(y + 10.5)}${rollUp(x, y + 10.5, y, 1.2)}" fill="none" stroke="${p[2]}" stroke-width="1.3" stroke-linecap="round"/>`;
  out += wrap(size, 150, 116, 16, eddy) + wrap(size, 50, 16, 16, eddy);
  return out.replace(/ d="[^"]*"/g, (d) => d.replace(/ -/g, '-'));
}

export default { size, draw } satisfies MotifArt;
