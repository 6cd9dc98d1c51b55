/**
 * A motif's artwork: one square tile that repeats seamlessly, drawn from the motif's own shapes.
 *
 * `draw` returns SVG elements (no <svg> wrapper) for a `size`×`size` tile. Anything that crosses
 * an edge must be drawn again on the opposite edge (see `wrap` in svg.ts), so the tile repeats
 * without seams. Colours come from the motif's palette in content/: `palette[0]` is the ground,
 * which the renderer paints; `palette[1…]` are the motif colours, most used first.
 */
export interface MotifArt {
  /** Tile edge in SVG user units. */
  size: number;
  draw(palette: readonly string[]): string;
}
