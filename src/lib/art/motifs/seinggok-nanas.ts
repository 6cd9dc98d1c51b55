/**
 * Seinggok Nanas (songket, Prabumulih): a woven pineapple drawn on the weave's own grid. Every
 * cell is a float of supplementary weft, so the motif is stepped like the cloth: a gold body netted
 * into diamonds with a cream eye in each, a stepped crown of green leaves edged in gold thread, set
 * half-drop, with small stepped diamond flowers (bunga tabur) between, on a red ground.
 */
import type { MotifArt } from '../types.ts';
import { ink } from '../svg.ts';

const CELL = 4;
const GRID = 44;
const size = CELL * GRID;

const GOLD = 1;
const GREEN = 2;
const CREAM = 3;

type Grid = Uint8Array;

const mod = (v: number): number => ((v % GRID) + GRID) % GRID;
const set = (g: Grid, c: number, r: number, v: number): void => {
  g[mod(r) * GRID + mod(c)] = v;
};
const get = (g: Grid, c: number, r: number): number => g[mod(r) * GRID + mod(c)]!;

/** Half-widths of the body's rows, top to bottom. */
const BODY = [2, 4, 5, 6, 7, 7, 8, 8, 8, 8, 8, 7, 7, 6, 5, 4, 2];
const MID = (BODY.length - 1) / 2;

/** Crown leaves: base column offset, columns leaned per row, and height in rows. */
const CROWN = [[0, 0, 10], [2, 0.5, 9], [3, 1.1, 7], [4, 2, 5]] as const;

/** Stamps a pineapple whose body is centred on cell (c, r). */
function pineapple(g: Grid, c: number, r: number): void {
  BODY.forEach((hw, i) => {
    const dr = i - MID;
    for (let dc = -hw; dc <= hw; dc++) {
      const a = (dc + dr + 60) % 6;
      const b = (dc - dr + 60) % 6;
      let v = 0; // red inside each scale
      // The gold net of diamond scales: two cells wide so it steps cleanly, mirror-symmetric.
      if (a < 2 || b === 0 || b === 5) v = GOLD;
      else if ((a === 3 && b === 3) || (a === 4 && b === 2)) v = CREAM; // the eye of a scale
      if (Math.abs(dc) === hw || Math.abs(dr) === MID) v = GOLD; // rim
      set(g, c + dc, r + dr, v);
    }
  });
  // Crown: leaves stepping outward row by row, each a green float edged with gold, mirrored.
  const top = r - MID - 1;
  for (const side of [1, -1]) {
    for (const [base, lean, height] of CROWN) {
      for (let t = 0; t < height; t++) {
        const dc = side * (base + Math.round(t * lean));
        const row = top - t;
        if (t === height - 1) {
          set(g, c + dc, row, GOLD);
          continue;
        }
        set(g, c + dc, row, GREEN);
        for (const e of [-1, 1]) if (get(g, c + dc + e, row) !== GREEN) set(g, c + dc + e, row, GOLD);
      }
    }
  }
  // Two short leaves at the foot.
  for (const [dc, dr] of [[3, 1], [4, 1], [5, 2], [6, 2]] as const) {
    set(g, c + dc, r + MID + dr, GREEN);
    set(g, c - dc, r + MID + dr, GREEN);
  }
}

/** A stepped diamond flower (bunga tabur) centred on cell (c, r). */
function tabur(g: Grid, c: number, r: number): void {
  for (let dr = -3; dr <= 3; dr++) {
    for (let dc = -3; dc <= 3; dc++) {
      const d = Math.abs(dc) + Math.abs(dr);
      if (d === 3 || d === 0) set(g, c + dc, r + dr, GOLD);
      else if (d === 1) set(g, c + dc, r + dr, CREAM);
    }
  }
  for (const [dc, dr] of [[0, -5], [0, 5], [-5, 0], [5, 0]] as const) set(g, c + dc, r + dr, GOLD);
}

/** Gold thread edging every green cell on its empty sides. */
function edge(g: Grid): void {
  const rim: [number, number][] = [];
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      if (get(g, c, r) !== 0) continue;
      for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        if (get(g, c + dc, r + dr) === GREEN) {
          rim.push([c, r]);
          break;
        }
      }
    }
  }
  for (const [c, r] of rim) set(g, c, r, GOLD);
}

/** Each row's runs of one value as weft floats: `M x y h w` for a stroke along the row's middle. */
function floats(g: Grid, value: number): string {
  let d = '';
  for (let r = 0; r < GRID; r++) {
    let c = 0;
    while (c < GRID) {
      if (get(g, c, r) !== value) {
        c++;
        continue;
      }
      const start = c;
      while (c < GRID && get(g, c, r) === value) c++;
      d += `M${start * CELL} ${r * CELL + CELL / 2}h${(c - start) * CELL}`;
    }
  }
  return d;
}

function draw(palette: readonly string[]): string {
  const g: Grid = new Uint8Array(GRID * GRID);
  pineapple(g, 11, 26);
  pineapple(g, 33, 4);
  tabur(g, 33, 25);
  tabur(g, 11, 3);
  edge(g);
  let weft = '';
  for (let r = 0; r < GRID; r += 2) weft += `M0 ${r * CELL + CELL / 2}h${size}`;
  const colour = [palette[0]!, ink(palette, 0), ink(palette, 1), ink(palette, 2)];
  const float = (v: number) => `<path d="${floats(g, v)}" fill="none" stroke="${colour[v]}" stroke-width="${CELL - 0.8}"/>`;
  return (
    `<path d="${weft}" fill="none" stroke="${colour[GOLD]}" stroke-width="0.5" opacity="0.18"/>` +
    float(GOLD) +
    float(GREEN) +
    float(CREAM)
  );
}

export default { size, draw } satisfies MotifArt;
