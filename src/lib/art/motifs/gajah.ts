/**
 * Gajah (Way Kambas): stylised elephants in side view walking in rows, each row dropped half a
 * step from the last. Every elephant wears a ceremonial cloth edged with a tumpal of small
 * triangles; wrinkles ring its trunk and legs, the far legs are drawn in shadow, and a dotted
 * ground line with grass tufts runs under each row.
 */
import type { MotifArt } from '../types.ts';
import { ink, n } from '../svg.ts';

const size = 200;

/** Calls `fn(dx, dy)` for each whole-tile shift that brings the box (x0, y0)–(x1, y1) into view. */
function wrapBox(x0: number, y0: number, x1: number, y1: number, fn: (dx: number, dy: number) => void): void {
  const shifts = (lo: number, hi: number) => [-size, 0, size].filter((d) => hi + d > 0 && lo + d < size);
  for (const dx of shifts(x0, x1)) for (const dy of shifts(y0, y1)) fn(dx, dy);
}

// The elephant, facing right, feet on y = 0, in its own units (about 92 long, 66 tall).
const FAR_LEGS = 'M8 -20L8 0L17 0L17 -20ZM-27 -22L-27 0L-18 0L-18 -22Z';
const BODY =
  'M-40 -36C-42 -52 -26 -62 -8 -61C6 -66 24 -66 33 -56C40 -50 41 -42 41 -34' +
  'C42 -24 44 -14 48 -8C51 -5 54 -6 53 -2C51 2 45 1 42 -4C37 -11 34 -20 32 -27' +
  'L30 -24L30 0L19 0L19 -17C8 -14 -6 -14 -16 -17L-16 0L-27 0L-29 -20C-35 -24 -40 -30 -40 -36Z';
const EAR = 'M10 -55C2 -54 -2 -44 0 -34C2 -26 10 -23 16 -27C20 -33 21 -45 17 -52C15 -55 12 -55 10 -55Z';
const EAR_LINES = 'M8 -49C5 -44 5 -36 8 -31M13 -50C11 -44 11 -37 13 -31';
const TUSK = 'M34 -30C38 -24 44 -22 49 -24C45 -25 41 -28 38 -32Z';
const TAIL = 'M-40 -38C-45 -32 -45 -24 -43 -18';
const TUFT = 'M-43 -18l-2 4M-43 -18l0 5M-43 -18l2 4';
const WRINKLES =
  'M36 -36l5 -1M37 -30l5 -1M39 -24l5 -2M41 -18l5 -2M44 -12l4 -3' +
  'M20 -9h9M20 -5h9M-26 -9h9M-26 -5h9';
const CLOTH = 'M-24 -59C-14 -62 -2 -62 6 -59L8 -36C-4 -33 -16 -33 -26 -36Z';
const CLOTH_RULE = 'M-25 -40C-15 -37 -4 -37 7 -40';
const EYE = 'M26 -47h0';
/** Cecek on the hide: a dotted line inside the back and belly, and a few loose dots. */
const HIDE = 'M-35 -34C-36 -46 -26 -55 -12 -55M-24 -22C-12 -19 4 -19 14 -22M30 -50C33 -46 34 -42 34 -38';
const HIDE_DOTS = 'M-32 -27h0M-26 -28h0M-34 -42h0M22 -34h0M25 -39h0M-6 -27h0M0 -29h0M6 -27h0';

/** The tumpal along the cloth's lower edge: small triangles pointing down, and dots above. */
function clothTrim(): [string, string] {
  let tri = '';
  let dots = '';
  for (let i = 0; i < 6; i++) {
    const x = -23 + i * 5.4;
    const y = -36.4 + 0.12 * (i - 2.5) ** 2;
    tri += `M${n(x)} ${n(y - 3)}l5.4 0l-2.7 5Z`;
    dots += `M${n(x + 2.7)} ${n(y - 11)}h0M${n(x + 2.7)} ${n(y - 17)}h0`;
  }
  return [tri, dots];
}

function draw(palette: readonly string[]): string {
  const tan = ink(palette, 0);
  const brown = ink(palette, 1);
  const cream = ink(palette, 2);
  const dark = palette[0]!;
  const [tri, clothDots] = clothTrim();
  const round = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
  const elephant =
    `<path d="${FAR_LEGS}" fill="${brown}" stroke="${dark}" stroke-width="1"/>` +
    `<path d="${TAIL}" ${round} stroke="${tan}" stroke-width="2"/>` +
    `<path d="${TUFT}" ${round} stroke="${tan}" stroke-width="1.4"/>` +
    `<path d="${BODY}" fill="${tan}" stroke="${cream}" stroke-width="1.4" stroke-linejoin="round"/>` +
    `<path d="${WRINKLES}" ${round} stroke="${brown}" stroke-width="1.2"/>` +
    `<path d="${HIDE}" ${round} stroke="${brown}" stroke-width="1.5" stroke-dasharray="0 3.4"/>` +
    `<path d="${HIDE_DOTS}" ${round} stroke="${brown}" stroke-width="1.8"/>` +
    `<path d="${CLOTH}" fill="${brown}" stroke="${cream}" stroke-width="1.1" stroke-linejoin="round"/>` +
    `<path d="${CLOTH_RULE}" ${round} stroke="${cream}" stroke-width="0.9"/>` +
    `<path d="${tri}" fill="${cream}"/>` +
    `<path d="${clothDots}" ${round} stroke="${tan}" stroke-width="2.2"/>` +
    `<path d="${EAR}" fill="${tan}" stroke="${brown}" stroke-width="1.3"/>` +
    `<path d="${EAR_LINES}" ${round} stroke="${brown}" stroke-width="1"/>` +
    `<path d="${TUSK}" fill="${cream}"/>` +
    `<path d="${EYE}" ${round} stroke="${dark}" stroke-width="2.6"/>`;

  let out = '';
  // Rows of elephants: one at (60, 88) facing right, the next row dropped half a tile.
  const S = 1.2;
  for (const [x, y] of [[60, 88], [160, 188]] as const) {
    wrapBox(x - 48 * S, y - 68 * S, x + 56 * S, y + 4, (dx, dy) => {
      out += `<g transform="translate(${x + dx} ${y + dy}) scale(${S})">${elephant}</g>`;
    });
  }
  // Ground lines under each row, with grass tufts; flowers between the rows.
  const ground = 'M0 90H200M0 190H200';
  let grass = '';
  for (const [x, y] of [[140, 90], [40, 190]] as const) {
    grass += `M${x - 7} ${y}q2 -8 0 -13M${x} ${y}q0 -11 4 -16M${x + 7} ${y}q-1 -8 4 -12`;
  }
  let flowers = '';
  let hearts = '';
  for (const [x, y] of [[150, 38], [50, 138]] as const) {
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2;
      flowers += `M${n(x + 8 * Math.cos(a))} ${n(y + 8 * Math.sin(a))}h0`;
    }
    hearts += `M${x} ${y}h0`;
  }
  return (
    `<path d="${ground}" ${round} stroke="${brown}" stroke-width="2" stroke-dasharray="0 5"/>` +
    `<path d="${grass}" ${round} stroke="${brown}" stroke-width="1.4"/>` +
    `<path d="${flowers}" ${round} stroke="${cream}" stroke-width="4.4" opacity="0.75"/>` +
    `<path d="${hearts}" ${round} stroke="${brown}" stroke-width="6"/>` +
    out
  );
}

export default { size, draw } satisfies MotifArt;
