/**
 * The request mix of `bench/mixed-load.ts`, as pure functions (unit-tested in
 * tests/unit/mixed-plan.test.ts): a deterministic weighted sequence of requests built from real
 * URLs, the server-island URL found in a motif page, and percentiles.
 */
import { weighted, type Rng } from '../src/lib/random.ts';

export const ROUTES = ['home', 'motif', 'motif-island', 'product', 'search', 'cart-add'] as const;
export type Route = (typeof ROUTES)[number];

export interface Action {
  route: Route;
  method: 'GET' | 'POST';
  path: string;
  /** cart-add: which of the visitor's own CART_SLOTS pieces to add (see cartBody). */
  cartSlot?: number;
  lang?: 'id' | 'en';
}

/**
 * A visitor's cart holds at most this many different pieces: each visitor (connection) adds from
 * its own few pieces again and again, as a shopper hesitating over a handful would, so carts stay
 * the size real carts have instead of growing to dozens of lines over a long run.
 */
export const CART_SLOTS = 4;

/** The JSON body of a cart-add for a visitor: one of its CART_SLOTS pieces, quantity 1. */
export function cartBody(action: Action, visitor: number, cartSlugs: readonly string[]): string {
  if (action.route !== 'cart-add' || action.cartSlot === undefined) throw new Error('cartBody: not a cart-add');
  if (!cartSlugs.length) throw new Error('cartBody: no pieces to add');
  const slug = cartSlugs[(visitor * CART_SLOTS + action.cartSlot) % cartSlugs.length]!;
  return JSON.stringify({ productSlug: slug, quantity: 1, lang: action.lang ?? 'id' });
}

/**
 * How often a visitor does each thing. A motif page view is two requests (the prerendered page,
 * then its server island), so the request shares are home 10, motif 15, motif-island 15,
 * product 30, search 20, cart-add 10 (%).
 */
export const ACTION_WEIGHTS = { home: 10, motif: 15, product: 30, search: 20, 'cart-add': 10 } as const;

export interface PlanInput {
  rng: Rng;
  /** Motif pages with the server-island URL each one fetches. */
  motifPages: readonly { path: string; island: string }[];
  /** Product slugs for page views (both languages are used). */
  productSlugs: readonly string[];
  /** Search API paths (`/api/search?…`). */
  searches: readonly string[];
  /** Number of requests in the sequence (a motif view may make it one longer). */
  length?: number;
}

const pickFrom = <T>(rng: Rng, items: readonly T[]): T => {
  if (!items.length) throw new Error('planSequence: an empty list of URLs');
  return items[Math.floor(rng() * items.length)]!;
};

/** A fixed (seeded) sequence of requests with the weights above; a motif page is always followed by its island. */
export function planSequence(input: PlanInput): Action[] {
  const { rng } = input;
  const length = input.length ?? 1000;
  const out: Action[] = [];
  while (out.length < length) {
    const kind = weighted(rng, ACTION_WEIGHTS);
    const lang = rng() < 0.7 ? 'id' : 'en';
    switch (kind) {
      case 'home':
        out.push({ route: 'home', method: 'GET', path: `/${lang}/` });
        break;
      case 'motif': {
        const page = pickFrom(rng, input.motifPages);
        out.push({ route: 'motif', method: 'GET', path: page.path }, { route: 'motif-island', method: 'GET', path: page.island });
        break;
      }
      case 'product':
        out.push({ route: 'product', method: 'GET', path: `/${lang}/products/${pickFrom(rng, input.productSlugs)}` });
        break;
      case 'search':
        out.push({ route: 'search', method: 'GET', path: pickFrom(rng, input.searches) });
        break;
      case 'cart-add':
        out.push({ route: 'cart-add', method: 'POST', path: '/api/cart/items', cartSlot: Math.floor(rng() * CART_SLOTS), lang });
        break;
    }
  }
  return out;
}

/** The server island URL a page fetches (Astro inlines `fetch('/_server-islands/Name?…')`), HTML entities decoded. */
export function islandUrl(html: string): string | null {
  const m = /(\/_server-islands\/[A-Za-z0-9_]+[^'"`\s<>]*)/.exec(html);
  return m ? m[1]!.replace(/&amp;/g, '&').replace(/\\u0026/g, '&') : null;
}

/** The p-th percentile (nearest rank) of an ascending array; 0 when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
