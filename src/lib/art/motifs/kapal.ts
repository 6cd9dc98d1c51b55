/**
 * Kapal (the ship of the tapis and palepai cloths): jung under sail in brick rows, each on a band
 * of curling waves. The crescent hull rises at prow and stern into curled scrolls and carries a
 * tumpal of triangles; two masts bear battened sails with pennants above, and a small roofed cabin
 * sits amidships. Stars and cecek fill the sky.
 */
import type { MotifArt } from '../types.ts';
import { ink, n } from '../svg.ts';

const size = 200;

/** Calls `fn(dx, dy)` for each whole-tile shift that brings the box (x0, y0)–(x1, y1) into view. */
function wrapBox(x0: number, y0: number, x1: number, y1: number, fn: (dx: number, dy: number) => void): void {
  const shifts = (lo: number, hi: number) => [-size, 0, size].filter((d) => hi + d > 0 && lo + d < size);
  for (const dx of shifts(x0, x1)) for (const dy of shifts(y0, y1)) fn(dx, dy);
}

// The ship, bow to the right, waterline on y = 0, in its own units (about 124 long, 80 tall).
const HULL =
  'M-50 -38C-58 -28 -56 -14 -44 -6C-30 4 -14 10 0 10C14 10 30 4 46 -8C58 -18 60 -36 52 -42' +
  'C48 -30 40 -18 28 -13L-28 -13C-38 -17 -46 -26 -50 -38Z';
const SCROLLS = 'M52 -42C56 -50 66 -48 65 -40C64 -34 57 -35 58 -40M-50 -38C-55 -46 -64 -43 -62 -36C-61 -31 -55 -33 -56 -37';
const DECK = 'M-32 -9C-12 -4 12 -4 32 -9';
const MASTS = 'M-12 -13V-78M16 -13V-72';
const SAILS = 'M-30 -72L-2 -74C0 -60 0 -36 -2 -22L-30 -22C-28 -38 -28 -56 -30 -72Z' + 'M1 -66L27 -68C29 -54 29 -36 27 -24L1 -24C3 -38 3 -52 1 -66Z';
const BATTENS = 'M-29 -62H-1M-28.6 -52H-0.6M-28.6 -42H-0.6M-29 -32H-1M2 -57H28M2.4 -48H28.4M2.4 -39H28.4M2 -31H28';
const PENNANTS = 'M-12 -78L-1 -75L-12 -72ZM16 -72L26 -69L16 -66Z';
const CABIN = 'M-46 -26L-32 -26L-32 -14L-46 -14ZM-49 -26L-39 -33L-29 -26Z';

/** Tumpal on the hull: a row of triangles between two rules, following the sheer. */
function hullTrim(): [string, string] {
  let tri = '';
  let dots = '';
  for (let i = 0; i < 8; i++) {
    const x = -32 + i * 8;
    const y = -5 + 0.0016 * (x + 4) * (x + 4);
    tri += `M${n(x)} ${n(y + 4)}l4 -6.5l4 6.5Z`;
    if (i < 7) dots += `M${n(x + 8)} ${n(y - 1.5)}h0`;
  }
  return [tri, dots];
}

function draw(palette: readonly string[]): string {
  const tan = ink(palette, 0);
  const rust = ink(palette, 1);
  const cream = ink(palette, 2);
  const dark = palette[0]!;
  const [tri, dots] = hullTrim();
  const round = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
  const ship =
    `<path d="${MASTS}" ${round} stroke="${tan}" stroke-width="2.4"/>` +
    `<path d="${PENNANTS}" fill="${cream}"/>` +
    `<path d="${SAILS}" fill="${rust}" stroke="${cream}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${BATTENS}" ${round} stroke="${tan}" stroke-width="1.2"/>` +
    `<path d="${CABIN}" fill="${rust}" stroke="${tan}" stroke-width="1.2" stroke-linejoin="round"/>` +
    `<path d="${HULL}" fill="${tan}" stroke="${cream}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="${SCROLLS}" ${round} stroke="${tan}" stroke-width="3.2"/>` +
    `<path d="${DECK}" ${round} stroke="${dark}" stroke-width="1.2"/>` +
    `<path d="${tri}" fill="${rust}"/>` +
    `<path d="${dots}" ${round} stroke="${dark}" stroke-width="2"/>`;

  // Waves: a band of curling crests under each row, continuous across the tile.
  // The back row is drawn behind the ships, the front row over their keels.
  const waveRow = (y: number, shift: number): [string, string] => {
    let w = '';
    let f = '';
    for (let x = -20 + shift; x < size; x += 20) {
      w += `M${x} ${y}c4 -8 14 -9 18 -2c-3 -3 -8 -2 -7 2`;
      f += `M${x + 14} ${y + 3}h0`;
    }
    return [w, f];
  };
  const [backW, backF] = waveRow(84, 0);
  const [backW2, backF2] = waveRow(184, 0);
  const [frontW, frontF] = waveRow(95, 10);
  const [frontW2, frontF2] = waveRow(195, 10);
  const waves = (w: string, f: string) =>
    `<path d="${w}" ${round} stroke="${tan}" stroke-width="1.6"/><path d="${f}" ${round} stroke="${cream}" stroke-width="2.2"/>`;
  let out = '';
  for (const [x, y] of [[68, 85], [168, 185]] as const) {
    wrapBox(x - 66, y - 80, x + 68, y + 12, (dx, dy) => {
      out += `<g transform="translate(${x + dx} ${y + dy})">${ship}</g>`;
    });
  }
  // Eight-pointed stars and cecek in the sky between the ships.
  let stars = '';
  let cecek = '';
  let birds = '';
  for (const [x, y] of [[162, 34], [62, 134]] as const) {
    stars += `M${x} ${y - 11}L${x + 2.6} ${y - 2.6}L${x + 11} ${y}L${x + 2.6} ${y + 2.6}L${x} ${y + 11}L${x - 2.6} ${y + 2.6}L${x - 11} ${y}L${x - 2.6} ${y - 2.6}Z`;
    for (let i = 0; i < 8; i++) {
      const a = ((i + 0.5) / 8) * Math.PI * 2;
      cecek += `M${n(x + 15 * Math.cos(a))} ${n(y + 15 * Math.sin(a))}h0`;
    }
    birds += `M${x - 30} ${y + 26}q4 -4 7 0q3 -4 7 0M${x + 22} ${y + 12}q3 -3 6 0q3 -3 6 0`;
  }
  return (
    waves(backW + backW2, backF + backF2) +
    `<path d="${stars}" fill="${cream}" opacity="0.9"/>` +
    `<path d="${cecek}" ${round} stroke="${rust}" stroke-width="2.8"/>` +
    `<path d="${birds}" ${round} stroke="${tan}" stroke-width="1.4"/>` +
    out +
    waves(frontW + frontW2, frontF + frontF2)
  );
}

export default { size, draw } satisfies MotifArt;
