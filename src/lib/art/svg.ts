/** Small, pure helpers for building SVG strings for motif tiles. */

/** Formats a number for SVG output: at most two decimals, no trailing zeros. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Draws `shape(x, y)` at (x, y) and again shifted by ±size wherever it would cross the tile's
 * edges, so that a tile repeated side by side shows one unbroken shape.
 *
 * @param reach how far the shape extends from (x, y), in user units.
 * @example wrap(100, 95, 50, 10, (x, y) => `<circle cx="${x}" cy="${y}" r="10"/>`)
 */
export function wrap(size: number, x: number, y: number, reach: number, shape: (x: number, y: number) => string): string {
  const xs = [x];
  const ys = [y];
  if (x - reach < 0) xs.push(x + size);
  if (x + reach > size) xs.push(x - size);
  if (y - reach < 0) ys.push(y + size);
  if (y + reach > size) ys.push(y - size);
  return xs.flatMap((cx) => ys.map((cy) => shape(cx, cy))).join('');
}

/** Points of a regular polygon or star around (cx, cy), as an SVG `points` attribute. */
export function polygonPoints(cx: number, cy: number, radii: readonly number[], count: number, rotation = 0): string {
  const total = count * radii.length;
  const points: string[] = [];
  for (let i = 0; i < total; i++) {
    const angle = rotation + (i / total) * Math.PI * 2;
    const r = radii[i % radii.length]!;
    points.push(`${n(cx + r * Math.cos(angle))},${n(cy + r * Math.sin(angle))}`);
  }
  return points.join(' ');
}

/** A colour from the palette, cycling when the palette is shorter than the art expects. */
export function ink(palette: readonly string[], index: number): string {
  const colours = palette.length > 1 ? palette.slice(1) : palette;
  return colours[index % colours.length]!;
}

/** A point of a drawing. */
export type Pt = readonly [number, number];

/**
 * A spiral centre line: centre, start radius, start angle (deg), turns (+ clockwise on screen); the
 * radius shrinks by `shrink` of itself over the turns. Mega mendung's clouds and wadasan's rocks curl on it.
 */
export function spiral(cx: number, cy: number, r0: number, a0: number, turns: number, shrink: number): Pt[] {
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

/** A stroke as a path in half units with relative steps (drawn inside a scale(.5) group): short and exact. */
export function halfUnitPath(pts: readonly Pt[]): string {
  const q = pts.map(([x, y]) => [Math.round(x * 2), Math.round(y * 2)] as const);
  let d = `M${q[0]![0]} ${q[0]![1]}l`;
  for (let i = 1; i < q.length; i++) {
    const dx = q[i]![0] - q[i - 1]![0];
    const dy = q[i]![1] - q[i - 1]![1];
    d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
  }
  return d;
}
