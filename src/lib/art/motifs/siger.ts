/**
 * Siger: the crown of Lampung noblewomen, half-drop. Each siger is a golden plate serrated into the
 * Pepadun's nine pointed peaks, the middle one tallest so the whole reads as a flat triangle, each
 * peak inlaid with a brown blade and tipped with a bud; it sits on a band curved like a smile, in
 * tiers of lozenges and dots, under a small horned crest. Ringed melati flowers and cecek lie between.
 */
import type { MotifArt } from '../types.ts';
import { ink, n } from '../svg.ts';

const size = 180;
const SPIRES = 9;

const dot = (x: number, y: number): string => `M${n(x)} ${n(y)}h0`;

/** Calls `fn(dx, dy)` for each whole-tile shift that brings the box (x0, y0)–(x1, y1) into view. */
function wrapBox(x0: number, y0: number, x1: number, y1: number, fn: (dx: number, dy: number) => void): void {
  const shifts = (lo: number, hi: number) => [-size, 0, size].filter((d) => hi + d > 0 && lo + d < size);
  for (const dx of shifts(x0, x1)) for (const dy of shifts(y0, y1)) fn(dx, dy);
}

interface Layers {
  gold: string;
  line: string;
  cream: string;
  brownDot: string;
  petal: string;
  gem: string;
  back: string;
  ring: string;
}

/** The base curve: how far the band rises at x (its ends sweep up, like a smile). */
const K = 0.0085;
const lift = (x: number): number => -K * x * x;

/** A siger whose band is centred on (x, y): a plate serrated into nine peaks, tallest in the middle. */
function siger(L: Layers, x: number, y: number): void {
  const W = 46;
  const BAND = 15;
  const at = (bx: number, up: number): string => `${n(x + bx)} ${n(y + lift(bx) - up)}`;
  /** The base curve from x0 to x1 raised by `up`, as one exact quadratic (it is a parabola). */
  const curve = (x0: number, x1: number, up: number): string =>
    `Q${n(x + (x0 + x1) / 2)} ${n(y - K * x0 * x1 - up)} ${at(x1, up)}`;
  const peak = (i: number) => {
    const t = i / (SPIRES - 1) - 0.5;
    const bx = t * 2 * (W - 4);
    return { bx, tx: bx * 1.12, h: BAND + 14 + 38 * (1 - 2 * Math.abs(t)) ** 1.1 };
  };
  // Outline: along the bottom from right to left, up the left end, then peaks and notches.
  let d = `M${at(W, -1)}${curve(W, -W, -1)}`;
  for (let i = 0; i < SPIRES; i++) {
    const { bx, tx, h } = peak(i);
    d += `L${at(tx, h)}`;
    if (i < SPIRES - 1) {
      const next = peak(i + 1);
      const mx = (bx + next.bx) / 2;
      d += `Q${at(mx, BAND + 9)} ${at(mx, BAND + 6)}`;
    } else {
      d += `L${at(W, BAND - 2)}`;
    }
  }
  L.gold += d + 'Z';
  // Each peak: a brown inner blade and a cream bud at its tip; dots in the notches.
  for (let i = 0; i < SPIRES; i++) {
    const { bx, tx, h } = peak(i);
    L.back += `M${at(bx - 3.6, BAND + 3)}L${at(bx + (tx - bx) * 0.8, h - 9)}L${at(bx + 3.6, BAND + 3)}Z`;
    L.cream += `M${at(tx + (tx - bx) * 0.08, h + 3.5)}h0`;
    if (i < SPIRES - 1) L.brownDot += `M${at((bx + peak(i + 1).bx) / 2, BAND + 1.5)}h0`;
  }
  // The band: two rules enclosing a row of lozenges, with a row of dots below.
  L.line += `M${at(1 - W, BAND - 3)}${curve(1 - W, W - 1, BAND - 3)}M${at(1 - W, 5)}${curve(1 - W, W - 1, 5)}`;
  for (let k = 0; k < 11; k++) {
    const bx = -W + 6 + k * ((2 * W - 12) / 10);
    L.gem += `M${at(bx - 3, 8.5)}l3 -3l3 3l-3 3Z`;
    L.cream += `M${at(bx + (2 * W - 12) / 20, 1.5)}h0`;
  }
  // The small horned crest with its sekala fruit above the middle peak.
  const { h } = peak((SPIRES - 1) / 2);
  const hx = x;
  const hy = y - h - 9;
  L.gold += `M${n(hx - 10)} ${n(hy - 6)}Q${n(hx - 7)} ${n(hy + 4)} ${n(hx)} ${n(hy + 4)}Q${n(hx + 7)} ${n(hy + 4)} ${n(hx + 10)} ${n(hy - 6)}Q${n(hx + 5)} ${n(hy)} ${n(hx)} ${n(hy)}Q${n(hx - 5)} ${n(hy)} ${n(hx - 10)} ${n(hy - 6)}Z`;
  L.cream += dot(hx, hy - 5);
}

/** A four-petalled melati flower with a dot between each pair of petals. */
function melati(L: Layers, x: number, y: number, r: number): void {
  for (const [dx, dy] of [[0, -1], [1, 0], [0, 1], [-1, 0]] as const) {
    const px = x + dx * r;
    const py = y + dy * r;
    L.petal += `M${n(x)} ${n(y)}Q${n(px + dy * r * 0.5)} ${n(py - dx * r * 0.5)} ${n(px)} ${n(py)}Q${n(px - dy * r * 0.5)} ${n(py + dx * r * 0.5)} ${n(x)} ${n(y)}Z`;
    L.cream += dot(x + (dx - dy) * r * 0.75, y + (dy + dx) * r * 0.75);
  }
  L.brownDot += dot(x, y);
}

function draw(palette: readonly string[]): string {
  const gold = ink(palette, 0);
  const brown = ink(palette, 1);
  const cream = ink(palette, 2);
  const L: Layers = { gold: '', line: '', cream: '', brownDot: '', petal: '', gem: '', back: '', ring: '' };
  // Each crown spans x ± 52 and from 90 above its band's centre to 4 below.
  for (const [x, y] of [[56, 116], [146, 26]] as const) {
    wrapBox(x - 54, y - 92, x + 54, y + 5, (dx, dy) => siger(L, x + dx, y + dy));
  }
  for (const [x, y] of [[146, 80], [56, 170]] as const) {
    wrapBox(x - 22, y - 22, x + 22, y + 22, (dx, dy) => {
      melati(L, x + dx, y + dy, 13);
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * Math.PI * 2;
        L.ring += dot(x + dx + 21 * Math.cos(a), y + dy + 21 * Math.sin(a));
      }
    });
  }
  let cecek = '';
  for (let y = 0; y < size; y += 15) cecek += `M${(y / 15) % 2 ? -7.5 : 0} ${y + 7.5}H${size + 8}`;
  const round = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
  return (
    `<path d="${cecek}" ${round} stroke="${brown}" stroke-width="1.8" stroke-dasharray="0 15"/>` +
    `<path d="${L.ring}" ${round} stroke="${gold}" stroke-width="2"/>` +
    `<path d="${L.petal}" fill="${brown}" stroke="${gold}" stroke-width="1"/>` +
    `<path d="${L.gold}" fill="${gold}" stroke="${cream}" stroke-width="1.3" stroke-linejoin="round"/>` +
    `<path d="${L.back}" fill="${brown}" stroke="${cream}" stroke-width="0.8" stroke-linejoin="round"/>` +
    `<path d="${L.line}" ${round} stroke="${brown}" stroke-width="1.6"/>` +
    `<path d="${L.gem}" fill="${brown}"/>` +
    `<path d="${L.brownDot}" ${round} stroke="${brown}" stroke-width="2.6"/>` +
    `<path d="${L.cream}" ${round} stroke="${cream}" stroke-width="2.6"/>`
  );
}

export default { size, draw } satisfies MotifArt;
