/**
 * A small, self-contained map of Indonesia as an inline SVG string: simplified island outlines
 * (hand-drawn from general geographic knowledge — recognisable at 360–800 px, not survey-grade),
 * an equirectangular projection over a fixed bounding box, and markers with non-overlapping labels.
 * No tiles, no network, no ids — two maps can share a page.
 *
 * Colours default to CSS custom properties, so a page can restyle the map without options:
 * `--map-sea`, `--map-land`, `--map-context` (neighbouring countries), `--map-coast`,
 * `--map-marker`, `--map-current`, `--map-label`.
 *
 * @example
 * renderIndonesiaMap({
 *   width: 480,
 *   title: 'Pekalongan on the north coast of Central Java',
 *   markers: [{ lng: 109.68, lat: -6.89, label: 'Pekalongan', current: true }],
 *   labels: 'current',
 * });
 */

/** A point as [longitude °E, latitude °N (negative = south)]. */
export type LngLat = readonly [lng: number, lat: number];

export interface Island {
  name: string;
  /** `land` is Indonesian territory; `context` is a neighbour drawn lighter. */
  kind: 'land' | 'context';
  /** Closed outline (the last point joins the first). */
  points: readonly LngLat[];
}

/** The area the map shows, in degrees. */
export const MAP_BOUNDS = { west: 94.5, east: 141.5, north: 7, south: -11.5 } as const;

const SPAN_LNG = MAP_BOUNDS.east - MAP_BOUNDS.west;
const SPAN_LAT = MAP_BOUNDS.north - MAP_BOUNDS.south;

/** Height that keeps the map's aspect ratio for a given width (pixels, rounded). */
export function mapHeightFor(width: number): number {
  return Math.round((width * SPAN_LAT) / SPAN_LNG);
}

/**
 * Equirectangular projection into a width×height box: one degree of longitude is as wide as one
 * of latitude (near the equator that is close to true), the bounding box is scaled to fit and
 * centred, so the aspect ratio is kept whatever box is given.
 */
export function projectLngLat(lng: number, lat: number, size: { width: number; height: number }): { x: number; y: number } {
  const scale = Math.min(size.width / SPAN_LNG, size.height / SPAN_LAT);
  const offsetX = (size.width - SPAN_LNG * scale) / 2;
  const offsetY = (size.height - SPAN_LAT * scale) / 2;
  return {
    x: offsetX + (lng - MAP_BOUNDS.west) * scale,
    y: offsetY + (MAP_BOUNDS.north - lat) * scale,
  };
}

// Borneo is split at the Kalimantan–Malaysia border so the neighbour can be drawn lighter.
// The border runs from Tanjung Datu in the west to Sebatik island in the east.
const BORNEO_BORDER: readonly LngLat[] = [
  [109.65, 2.05], [109.95, 1.4], [110.4, 0.95], [111.0, 0.95], [111.7, 1.05], [112.2, 1.4],
  [112.9, 1.55], [113.6, 1.25], [114.4, 1.5], [114.8, 1.9], [114.6, 2.3], [115.1, 2.9],
  [115.5, 3.9], [115.7, 4.3], [116.5, 4.35], [117.75, 4.17],
];

// New Guinea is split at 141° E (the Papua–Papua New Guinea border, simplified to the meridian).
const PNG_BORDER_LNG = 141;

export const ISLANDS: readonly Island[] = [
  // — Neighbours, for context —
  {
    name: 'Malay Peninsula',
    kind: 'context',
    points: [
      [100.15, 7.0], [100.3, 6.4], [100.35, 5.8], [100.35, 5.2], [100.6, 4.5], [100.7, 4.0],
      [101.3, 3.0], [101.8, 2.5], [102.25, 2.2], [102.9, 1.8], [103.4, 1.4], [103.5, 1.27],
      [103.9, 1.3], [104.25, 1.4], [104.1, 1.95], [103.85, 2.5], [103.45, 3.4], [103.4, 4.2],
      [103.2, 5.1], [102.7, 5.8], [102.2, 6.2], [101.8, 6.5], [101.2, 6.9], [101.0, 7.0],
    ],
  },
  {
    name: 'Sabah and Sarawak (Malaysia), Brunei',
    kind: 'context',
    points: [
      [109.65, 2.05], [110.3, 1.7], [111.0, 1.45], [111.3, 2.2], [111.5, 2.8], [112.5, 3.1],
      [113.0, 3.2], [113.8, 4.2], [114.2, 4.6], [114.9, 4.95], [115.3, 5.0], [115.6, 5.6],
      [116.1, 6.0], [116.6, 6.6], [116.8, 7.0], [117.3, 6.6], [117.7, 6.1], [118.1, 5.85],
      [118.3, 5.7], [119.25, 5.2], [118.6, 4.5], [117.9, 4.25],
      ...[...BORNEO_BORDER].reverse().slice(0, -1),
    ],
  },
  {
    name: 'Mindanao (Philippines)',
    kind: 'context',
    points: [
      [123.9, 7.0], [124.05, 6.5], [124.4, 6.05], [125.0, 5.85], [125.3, 5.6], [125.45, 5.75],
      [125.4, 6.3], [125.55, 7.0],
    ],
  },
  {
    name: 'Mindanao (Philippines), east',
    kind: 'context',
    points: [[125.75, 7.0], [125.9, 6.6], [126.2, 6.3], [126.3, 6.8], [126.35, 7.0]],
  },
  {
    name: 'Papua New Guinea',
    kind: 'context',
    points: [
      [PNG_BORDER_LNG, -2.6], [141.5, -2.85], [142.0, -3.1], [142.0, -9.2], [PNG_BORDER_LNG, -9.1],
    ],
  },
  {
    name: 'Timor-Leste',
    kind: 'context',
    points: [
      [124.95, -9.05], [125.6, -8.55], [126.4, -8.45], [127.3, -8.4], [127.0, -8.7], [126.4, -8.95],
      [125.6, -9.35], [125.1, -9.4],
    ],
  },

  // — Indonesia —
  {
    name: 'Sumatra',
    kind: 'land',
    points: [
      [95.2, 5.6], [95.9, 5.55], [96.9, 5.25], [97.5, 5.2], [98.0, 4.5], [98.7, 3.8], [99.6, 3.2],
      [100.4, 2.3], [101.0, 2.1], [101.4, 1.7], [102.2, 1.4], [102.6, 0.9], [103.4, 0.4],
      [103.7, -0.3], [103.5, -0.8], [104.3, -1.0], [104.5, -1.6], [104.9, -2.3], [105.6, -2.6],
      [106.0, -3.2], [105.85, -4.0], [105.9, -5.0], [105.8, -5.85], [105.5, -5.7], [105.28, -5.47],
      [105.1, -5.75], [104.75, -5.55], [104.55, -5.93], [103.9, -5.2], [103.2, -4.6],
      [102.3, -3.8], [101.1, -2.6], [100.6, -1.6], [100.35, -0.95], [100.0, -0.4], [99.4, 0.3],
      [98.9, 1.3], [98.8, 1.75], [98.2, 2.1], [97.6, 2.5], [97.2, 3.2], [96.5, 3.7], [96.1, 4.15],
      [95.6, 4.7], [95.3, 5.2],
    ],
  },
  {
    name: 'Simeulue',
    kind: 'land',
    points: [[95.75, 2.7], [96.2, 2.65], [96.5, 2.4], [96.35, 2.3], [96.0, 2.5], [95.8, 2.85]],
  },
  {
    name: 'Nias',
    kind: 'land',
    points: [[97.05, 1.45], [97.35, 1.5], [97.65, 1.2], [97.9, 0.7], [97.7, 0.55], [97.4, 0.8], [97.1, 1.1]],
  },
  {
    name: 'Siberut',
    kind: 'land',
    points: [[98.6, -1.1], [98.85, -1.0], [99.2, -1.4], [99.3, -1.75], [99.05, -1.75], [98.75, -1.45]],
  },
  {
    name: 'Bintan',
    kind: 'land',
    points: [[104.2, 1.2], [104.6, 1.15], [104.6, 0.85], [104.3, 0.9], [104.25, 1.05]],
  },
  {
    name: 'Bangka',
    kind: 'land',
    points: [
      [105.12, -2.05], [105.5, -1.65], [105.9, -1.5], [106.1, -1.8], [106.2, -2.2], [106.55, -2.45],
      [106.8, -2.85], [106.5, -3.08], [106.05, -2.8], [105.7, -2.45], [105.3, -2.3],
    ],
  },
  {
    name: 'Belitung',
    kind: 'land',
    points: [
      [107.6, -2.6], [107.9, -2.5], [108.2, -2.7], [108.3, -3.0], [108.1, -3.2], [107.8, -3.25],
      [107.6, -3.05], [107.55, -2.8],
    ],
  },
  {
    name: 'Java',
    kind: 'land',
    points: [
      [105.25, -6.7], [105.8, -6.4], [105.9, -6.0], [106.2, -5.95], [106.8, -6.08], [107.05, -5.93],
      [107.6, -6.2], [108.3, -6.25], [108.45, -6.4], [108.6, -6.75], [109.1, -6.85], [109.7, -6.88],
      [110.4, -6.95], [110.7, -6.55], [110.95, -6.42], [111.3, -6.65], [112.0, -6.88], [112.6, -6.9],
      [112.75, -7.2], [112.85, -7.6], [113.3, -7.75], [114.0, -7.65], [114.45, -7.8], [114.4, -8.4],
      [114.6, -8.75], [114.0, -8.6], [113.4, -8.35], [112.6, -8.4], [111.6, -8.3], [111.0, -8.2],
      [110.3, -8.0], [109.4, -7.8], [108.8, -7.8], [108.6, -7.7], [107.7, -7.6], [106.9, -7.4],
      [106.4, -7.0], [105.9, -6.85], [105.45, -6.85],
    ],
  },
  {
    name: 'Madura',
    kind: 'land',
    points: [[112.7, -7.15], [112.75, -6.9], [113.3, -6.88], [114.1, -6.9], [114.1, -7.1], [113.5, -7.22], [112.9, -7.2]],
  },
  {
    name: 'Bali',
    kind: 'land',
    points: [
      [114.43, -8.1], [115.1, -8.08], [115.5, -8.18], [115.72, -8.38], [115.5, -8.55], [115.25, -8.7],
      [115.22, -8.85], [115.1, -8.8], [115.1, -8.65], [114.6, -8.4], [114.45, -8.25],
    ],
  },
  {
    name: 'Lombok',
    kind: 'land',
    points: [
      [115.83, -8.75], [115.85, -8.4], [116.1, -8.35], [116.4, -8.22], [116.7, -8.35], [116.7, -8.75],
      [116.55, -8.9], [116.2, -8.9], [115.95, -8.8],
    ],
  },
  {
    name: 'Sumbawa',
    kind: 'land',
    points: [
      [116.8, -8.55], [117.0, -8.4], [117.5, -8.4], [117.75, -8.6], [117.95, -8.45], [117.9, -8.15],
      [118.2, -8.05], [118.45, -8.3], [118.75, -8.25], [119.05, -8.35], [119.15, -8.6], [118.95, -8.8],
      [118.4, -8.75], [118.1, -8.95], [117.7, -9.05], [117.2, -9.05], [116.85, -8.95],
    ],
  },
  {
    name: 'Flores',
    kind: 'land',
    points: [
      [119.82, -8.75], [119.88, -8.45], [120.4, -8.25], [121.0, -8.4], [121.6, -8.45], [122.2, -8.6],
      [122.5, -8.45], [122.95, -8.2], [123.0, -8.35], [122.85, -8.55], [122.3, -8.75], [121.7, -8.88],
      [121.1, -8.85], [120.5, -8.82], [120.0, -8.85],
    ],
  },
  {
    name: 'Sumba',
    kind: 'land',
    points: [
      [118.95, -9.55], [119.4, -9.35], [119.9, -9.3], [120.4, -9.55], [120.85, -9.95], [120.6, -10.3],
      [120.1, -10.2], [119.6, -9.85], [119.1, -9.75],
    ],
  },
  {
    name: 'Alor',
    kind: 'land',
    points: [[124.3, -8.25], [124.6, -8.15], [125.1, -8.2], [125.0, -8.4], [124.5, -8.45]],
  },
  {
    name: 'Wetar',
    kind: 'land',
    points: [[125.8, -7.8], [126.2, -7.6], [126.8, -7.6], [126.85, -7.8], [126.4, -7.95], [126.0, -7.95]],
  },
  {
    name: 'Timor (West)',
    kind: 'land',
    points: [
      [123.45, -10.35], [123.8, -10.0], [124.4, -9.4], [124.95, -9.05], [125.1, -9.4], [125.0, -9.65],
      [124.4, -10.15], [123.9, -10.4],
    ],
  },
  {
    name: 'Rote',
    kind: 'land',
    points: [[122.85, -10.85], [123.2, -10.65], [123.4, -10.65], [123.1, -10.92]],
  },
  {
    name: 'Kalimantan',
    kind: 'land',
    points: [
      ...BORNEO_BORDER,
      [117.6, 3.4], [118.0, 2.2], [118.9, 1.2], [118.95, 0.9], [117.9, 0.8], [117.5, 0.0],
      [117.5, -0.6], [117.0, -1.0], [116.8, -1.3], [116.4, -1.8], [116.3, -2.5], [116.0, -3.5],
      [115.4, -3.9], [114.6, -4.15], [114.4, -3.5], [113.6, -3.3], [113.0, -3.2], [112.3, -3.4],
      [111.8, -3.5], [111.4, -3.0], [110.8, -3.05], [110.25, -2.95], [110.0, -2.2], [110.0, -1.5],
      [109.5, -0.9], [109.1, -0.2], [109.0, 0.5], [108.9, 1.0], [109.1, 1.6],
    ],
  },
  {
    name: 'Sulawesi',
    kind: 'land',
    points: [
      // North arm, north coast, from the tip near Manado westwards.
      [125.2, 1.65], [124.85, 1.5], [124.5, 1.15], [124.0, 0.95], [123.0, 0.9], [122.0, 1.05],
      [121.3, 1.2], [120.85, 1.35], [120.5, 0.9], [120.0, 0.6],
      // West coast and the south-west arm.
      [119.75, 0.0], [119.75, -0.7], [119.4, -1.3], [119.1, -2.0], [118.85, -2.7], [118.9, -3.4],
      [119.4, -3.6], [119.6, -4.1], [119.5, -4.6], [119.4, -5.2], [119.5, -5.6], [120.3, -5.55],
      // Gulf of Bone, then the south-east arm.
      [120.3, -5.0], [120.4, -4.2], [120.3, -3.2], [120.4, -2.7], [120.9, -2.6], [121.3, -2.9],
      [121.1, -3.5], [121.6, -4.1], [121.7, -4.8], [122.05, -4.65], [122.7, -4.3], [122.7, -3.9],
      [122.3, -3.4], [122.2, -2.9], [121.7, -1.9],
      // East arm, then the Gulf of Tomini.
      [122.4, -1.5], [123.0, -1.1], [123.4, -0.95], [123.0, -0.8], [122.3, -0.85], [121.6, -0.9],
      [121.0, -1.35], [120.7, -1.4], [120.3, -0.9], [120.2, -0.5], [120.35, 0.35],
      // North arm, south coast, back east to the tip.
      [121.2, 0.45], [122.5, 0.5], [123.1, 0.5], [124.0, 0.4], [124.6, 0.5], [125.0, 1.0], [125.2, 1.4],
    ],
  },
  {
    name: 'Peleng',
    kind: 'land',
    points: [[122.8, -1.25], [123.2, -1.2], [123.4, -1.4], [123.1, -1.6], [122.85, -1.5]],
  },
  {
    name: 'Muna',
    kind: 'land',
    points: [[122.3, -4.6], [122.75, -4.65], [122.7, -5.1], [122.45, -5.3], [122.3, -5.0]],
  },
  {
    name: 'Buton',
    kind: 'land',
    points: [[122.8, -4.5], [123.2, -4.75], [123.15, -5.3], [122.85, -5.65], [122.6, -5.5], [122.8, -5.0]],
  },
  {
    name: 'Taliabu',
    kind: 'land',
    points: [[124.3, -1.65], [124.9, -1.65], [125.2, -1.85], [124.8, -1.95], [124.3, -1.85]],
  },
  {
    name: 'Mangole',
    kind: 'land',
    points: [[125.3, -1.85], [125.8, -1.75], [126.3, -1.85], [125.8, -1.95], [125.35, -1.95]],
  },
  {
    name: 'Halmahera',
    kind: 'land',
    points: [
      [127.85, 2.2], [128.1, 1.9], [128.0, 1.5], [127.95, 1.2], [128.2, 1.3], [128.7, 1.55],
      [128.75, 1.1], [128.2, 0.75], [128.6, 0.55], [128.9, 0.35], [128.6, 0.2], [127.95, 0.3],
      [128.0, -0.3], [128.2, -0.8], [127.95, -0.75], [127.7, -0.3], [127.65, 0.3], [127.55, 0.7],
      [127.6, 1.2], [127.5, 1.6], [127.7, 2.0],
    ],
  },
  {
    name: 'Morotai',
    kind: 'land',
    points: [[128.2, 2.3], [128.6, 2.6], [128.75, 2.3], [128.5, 2.0]],
  },
  {
    name: 'Obi',
    kind: 'land',
    points: [[127.3, -1.4], [127.7, -1.3], [127.9, -1.5], [127.6, -1.75], [127.3, -1.6]],
  },
  {
    name: 'Buru',
    kind: 'land',
    points: [
      [126.0, -3.3], [126.3, -3.1], [126.9, -3.05], [127.2, -3.3], [127.2, -3.55], [126.8, -3.85],
      [126.3, -3.85], [126.0, -3.6],
    ],
  },
  {
    name: 'Seram',
    kind: 'land',
    points: [
      [127.9, -3.05], [128.3, -2.85], [129.0, -2.8], [129.6, -2.8], [130.3, -3.0], [130.85, -3.4],
      [130.5, -3.55], [129.8, -3.35], [129.4, -3.4], [128.9, -3.35], [128.5, -3.5], [128.1, -3.3],
    ],
  },
  {
    name: 'Ambon',
    kind: 'land',
    points: [[128.0, -3.6], [128.3, -3.55], [128.35, -3.7], [128.1, -3.8]],
  },
  {
    name: 'Kai',
    kind: 'land',
    points: [[132.9, -5.3], [133.15, -5.5], [133.2, -5.95], [133.0, -5.75]],
  },
  {
    name: 'Aru',
    kind: 'land',
    points: [[134.2, -5.5], [134.6, -5.35], [134.8, -5.9], [134.8, -6.5], [134.5, -6.9], [134.2, -6.5], [134.1, -6.0]],
  },
  {
    name: 'Yamdena (Tanimbar)',
    kind: 'land',
    points: [[131.05, -7.55], [131.4, -7.2], [131.7, -7.15], [131.65, -7.6], [131.2, -8.2], [131.0, -8.0]],
  },
  {
    name: 'Waigeo',
    kind: 'land',
    points: [[130.4, -0.1], [130.9, 0.0], [131.3, -0.25], [130.9, -0.45], [130.5, -0.35]],
  },
  {
    name: 'Misool',
    kind: 'land',
    points: [[129.7, -1.85], [130.2, -1.8], [130.35, -2.0], [129.9, -2.15]],
  },
  {
    name: 'Biak',
    kind: 'land',
    points: [[135.8, -0.95], [136.15, -0.85], [136.3, -1.1], [136.0, -1.25], [135.85, -1.15]],
  },
  {
    name: 'Yapen',
    kind: 'land',
    points: [[135.5, -1.7], [136.2, -1.65], [136.9, -1.75], [136.3, -1.95], [135.6, -1.9]],
  },
  {
    name: 'New Guinea (Papua)',
    kind: 'land',
    points: [
      // Bird's Head, north coast, from Sorong eastwards to Manokwari.
      [130.95, -1.0], [131.3, -0.75], [132.0, -0.4], [132.7, -0.35], [133.5, -0.7], [134.1, -0.9],
      // Round Cenderawasih Bay and along the north coast to the border.
      [134.1, -2.0], [134.4, -2.8], [135.0, -3.3], [135.5, -3.4], [136.0, -2.7], [136.4, -2.2],
      [137.2, -1.7], [137.9, -1.5], [138.7, -1.8], [139.5, -2.2], [140.3, -2.45], [140.75, -2.5],
      [PNG_BORDER_LNG, -2.6],
      // Down the border, then the south coast westwards past Merauke and the Arafura coast.
      [PNG_BORDER_LNG, -9.1], [140.4, -8.55], [140.0, -8.1], [139.0, -8.1], [138.4, -8.35],
      [137.7, -7.6], [138.2, -6.7], [138.0, -5.9], [137.4, -5.1], [136.7, -4.8], [135.8, -4.45],
      [135.0, -4.35], [134.3, -3.95], [133.6, -3.75],
      // Bomberai peninsula, Bintuni Bay, back to the Bird's Head.
      [132.9, -4.0], [132.2, -3.3], [131.95, -2.95], [132.3, -2.75], [132.9, -2.55], [133.6, -2.2],
      [132.8, -2.25], [132.3, -2.15], [131.8, -1.6], [131.2, -1.4],
    ],
  },
];

export interface MapMarker {
  lng: number;
  lat: number;
  label: string;
  /** The page's own place: drawn larger, with a ring, and always labelled. */
  current?: boolean;
}

export interface MapColors {
  sea: string;
  land: string;
  /** Neighbouring countries. */
  context: string;
  coast: string;
  marker: string;
  current: string;
  label: string;
}

const DEFAULT_COLORS: MapColors = {
  sea: 'var(--map-sea, #e8eef2)',
  land: 'var(--map-land, #d9c7a7)',
  context: 'var(--map-context, #ece4d6)',
  coast: 'var(--map-coast, #a8916b)',
  marker: 'var(--map-marker, #6b4a2b)',
  current: 'var(--map-current, #a3321b)',
  label: 'var(--map-label, #2b2118)',
};

export interface IndonesiaMapOptions {
  /** Width in pixels; also the viewBox width, so label sizes stay the same in CSS pixels. */
  width: number;
  /** Defaults to the width × the bounding box's aspect ratio ({@link mapHeightFor}). */
  height?: number;
  markers?: readonly MapMarker[];
  /** Accessible name (<title> and aria-label). */
  title: string;
  /** Which markers get a text label: all of them (default) or only the `current` one. */
  labels?: 'all' | 'current';
  /** Override any colour; defaults are CSS custom properties with fallbacks. */
  colors?: Partial<MapColors>;
  /** Class on the root <svg>, for page CSS. */
  className?: string;
  /** Label font size in pixels; defaults to width / 60, between 10 and 14. */
  fontSize?: number;
  /** Marker radius in pixels; defaults to width / 200, between 2.5 and 4 (a phone's map wants bigger). */
  markerRadius?: number;
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** At most one decimal: enough at pixel scale, and it keeps the SVG small. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

interface PlacedLabel {
  text: string;
  current: boolean;
  /** Text anchor point and alignment. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  /** Leader line from the marker to the label, when the label had to move away. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

/** Rough advance width of a label in a sans-serif face: good enough to avoid collisions. */
function textWidth(text: string, fontSize: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    if (/[ilj.,'!|:;]/.test(ch)) em += 0.28;
    else if (/[mwMW]/.test(ch)) em += 0.85;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (ch === ' ') em += 0.28;
    else em += 0.55;
  }
  // Rounded up a little: a wide fallback font must not collide either.
  return em * fontSize * (bold ? 1.14 : 1.08);
}

/**
 * Greedy label placement: the current marker first, then west to east. Each label tries eight
 * spots around its marker, then the same directions further out with a leader line, and takes the
 * cheapest: inside the map, clear of other labels and markers, not nearer another marker than its
 * own, and as close as possible.
 */
function placeLabels(
  points: readonly { x: number; y: number; r: number; marker: MapMarker }[],
  labelled: readonly number[],
  size: { width: number; height: number },
  fontSize: number,
): PlacedLabel[] {
  const pad = 2;
  const dots: Box[] = points.map((p) => ({ x0: p.x - p.r - 1, y0: p.y - p.r - 1, x1: p.x + p.r + 1, y1: p.y + p.r + 1 }));
  const placed: PlacedLabel[] = [];
  const ascent = fontSize * 0.72;
  const descent = fontSize * 0.22;
  // Unit directions in order of preference: right, left, up, down, then the diagonals.
  const directions: readonly [number, number][] = [
    [1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [-1, -1], [1, 1], [-1, 1],
  ];
  const rings = [3, fontSize * 1.2, fontSize * 2.4, fontSize * 3.6];
  const nearest = (box: Box, x: number, y: number) => ({
    x: Math.min(Math.max(x, box.x0), box.x1),
    y: Math.min(Math.max(y, box.y0), box.y1),
  });
  for (const index of labelled) {
    const p = points[index]!;
    const text = p.marker.label;
    const current = p.marker.current === true;
    const w = textWidth(text, fontSize, current);
    let best: { label: PlacedLabel; cost: number } | undefined;
    rings.forEach((gap, step) => {
      directions.forEach(([dx, dy], order) => {
        const diagonal = dx !== 0 && dy !== 0;
        const d = (p.r + gap) * (diagonal ? 0.75 : 1);
        // The point of the label box nearest the marker.
        const ax = p.x + dx * d;
        const ay = p.y + dy * d;
        const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
        const x0 = anchor === 'start' ? ax : anchor === 'end' ? ax - w : ax - w / 2;
        // Beside the marker the text is centred on it; above or below, it sits clear of it.
        const baseline = dy < 0 ? ay - descent : dy > 0 ? ay + ascent : ay + (ascent - descent) / 2;
        const box: Box = { x0: x0 - 1, y0: baseline - ascent - 1, x1: x0 + w + 1, y1: baseline + descent + 1 };
        const outside =
          Math.max(0, pad - box.x0) + Math.max(0, box.x1 - (size.width - pad)) +
          Math.max(0, pad - box.y0) + Math.max(0, box.y1 - (size.height - pad));
        let cost = outside * 1000 + step * 12 + order * 0.5 + (diagonal ? 1 : 0);
        for (const other of placed) cost += overlap(box, other.box) * 10;
        const own = nearest(box, p.x, p.y);
        const ownDistance = Math.hypot(own.x - p.x, own.y - p.y);
        points.forEach((q, j) => {
          if (j === index) return;
          cost += overlap(box, dots[j]!) * 20;
          // A label nearer another marker than its own reads as that marker's label.
          const near = nearest(box, q.x, q.y);
          if (Math.hypot(near.x - q.x, near.y - q.y) < ownDistance + 2) cost += 200;
        });
        if (!best || cost < best.cost) {
          const label: PlacedLabel = { text, current, x: anchor === 'start' ? x0 : anchor === 'end' ? x0 + w : x0 + w / 2, y: baseline, anchor, box };
          if (step > 0) {
            const ux = (own.x - p.x) / (ownDistance || 1);
            const uy = (own.y - p.y) / (ownDistance || 1);
            label.leader = { x1: p.x + ux * (p.r + 1), y1: p.y + uy * (p.r + 1), x2: own.x, y2: own.y };
          }
          best = { label, cost };
        }
      });
    });
    // Keep it inside the map even in the worst case.
    const label = best!.label;
    const shiftX = Math.max(0, pad - label.box.x0) - Math.max(0, label.box.x1 - (size.width - pad));
    const shiftY = Math.max(0, pad - label.box.y0) - Math.max(0, label.box.y1 - (size.height - pad));
    if (shiftX || shiftY) {
      label.x += shiftX;
      label.y += shiftY;
      label.box = { x0: label.box.x0 + shiftX, y0: label.box.y0 + shiftY, x1: label.box.x1 + shiftX, y1: label.box.y1 + shiftY };
      if (label.leader) {
        const end = nearest(label.box, p.x, p.y);
        label.leader.x2 = end.x;
        label.leader.y2 = end.y;
      }
    }
    placed.push(label);
  }
  return placed;
}

function islandPath(points: readonly LngLat[], size: { width: number; height: number }): string {
  const xy = points.map(([lng, lat]) => {
    const { x, y } = projectLngLat(lng, lat, size);
    return `${n(x)} ${n(y)}`;
  });
  return `M${xy[0]}L${xy.slice(1).join(' ')}Z`;
}

/**
 * The map as a standalone SVG string (also fine inline in HTML): sea, islands, markers, labels.
 * Markers outside the bounding box are pinned to its edge.
 */
export function renderIndonesiaMap(options: IndonesiaMapOptions): string {
  const width = Math.round(options.width);
  const height = Math.round(options.height ?? mapHeightFor(width));
  const size = { width, height };
  const colors: MapColors = { ...DEFAULT_COLORS, ...options.colors };
  const fontSize = options.fontSize ?? Math.min(14, Math.max(10, Math.round(width / 60)));
  const markers = options.markers ?? [];
  const labelMode = options.labels ?? 'all';
  const stroke = width >= 600 ? 0.8 : 0.6;

  const paths = (kind: Island['kind']) =>
    ISLANDS.filter((i) => i.kind === kind)
      .map((i) => `<path d="${islandPath(i.points, size)}"/>`)
      .join('');

  const baseR = options.markerRadius ?? Math.max(2.5, Math.min(4, width / 200));
  const points = markers.map((marker) => {
    const { x, y } = projectLngLat(marker.lng, marker.lat, size);
    const r = marker.current ? baseR * 1.5 : baseR;
    const edge = r + 1;
    return {
      x: Math.min(Math.max(x, edge), width - edge),
      y: Math.min(Math.max(y, edge), height - edge),
      r,
      marker,
    };
  });
  // Current first so it gets the best spot; the rest west to east, ties by label, for stable output.
  const labelled = points
    .map((_, i) => i)
    .filter((i) => labelMode === 'all' || points[i]!.marker.current)
    .sort((a, b) => {
      const pa = points[a]!;
      const pb = points[b]!;
      return Number(pb.marker.current === true) - Number(pa.marker.current === true) || pa.x - pb.x || pa.marker.label.localeCompare(pb.marker.label);
    });
  const labels = placeLabels(points, labelled, size, fontSize);

  const dots = points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => Number(a.p.marker.current === true) - Number(b.p.marker.current === true) || a.i - b.i)
    .map(({ p }) =>
      p.marker.current
        ? `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(p.r + 3.5)}" fill="none" stroke="${colors.current}" stroke-width="1.5"/>` +
          `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(p.r)}" fill="${colors.current}" stroke="${colors.sea}" stroke-width="1" data-current="true"/>`
        : `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(p.r)}" fill="${colors.marker}" stroke="${colors.sea}" stroke-width="1"/>`,
    )
    .join('');

  const leaders = labels
    .filter((l) => l.leader)
    .map((l) => `<line x1="${n(l.leader!.x1)}" y1="${n(l.leader!.y1)}" x2="${n(l.leader!.x2)}" y2="${n(l.leader!.y2)}"/>`)
    .join('');
  const texts = labels
    .map(
      (l) =>
        `<text x="${n(l.x)}" y="${n(l.y)}"${l.anchor === 'start' ? '' : ` text-anchor="${l.anchor}"`}` +
        `${l.current ? ' font-weight="700"' : ''}>${escapeXml(l.text)}</text>`,
    )
    .join('');

  const title = escapeXml(options.title);
  const className = options.className ? ` class="${escapeXml(options.className)}"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${className} role="img" aria-label="${title}">` +
    `<title>${title}</title>` +
    `<rect width="${width}" height="${height}" fill="${colors.sea}"/>` +
    `<g stroke="${colors.coast}" stroke-width="${stroke}" stroke-linejoin="round">` +
    `<g fill="${colors.context}" stroke-opacity="0.6">${paths('context')}</g>` +
    `<g fill="${colors.land}">${paths('land')}</g></g>` +
    (leaders ? `<g stroke="${colors.label}" stroke-width="0.8" stroke-opacity="0.7">${leaders}</g>` : '') +
    dots +
    (texts
      ? `<g font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${fontSize}" fill="${colors.label}" ` +
        `stroke="${colors.sea}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${texts}</g>`
      : '') +
    `</svg>`
  );
}

const drawnMaps = new Map<string, string>();

/**
 * `renderIndonesiaMap`, remembered by its options: a region page, now rendered on demand (its places and
 * events come from the database), draws the same two maps for every view (about 5 ms). The options are
 * a handful per region and language, so the memory stays small; a bound keeps it so.
 */
export function drawnIndonesiaMap(options: IndonesiaMapOptions): string {
  const key = JSON.stringify(options);
  let svg = drawnMaps.get(key);
  if (svg === undefined) {
    svg = renderIndonesiaMap(options);
    if (drawnMaps.size >= 200) drawnMaps.clear();
    drawnMaps.set(key, svg);
  }
  return svg;
}
