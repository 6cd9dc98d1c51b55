import { describe, expect, it } from 'vitest';
import { cartBody, CART_SLOTS, islandUrl, percentile, planSequence, ROUTES } from '../../bench/mixed-plan.ts';
import { mulberry32 } from '../../src/lib/random.ts';

const input = () => ({
  rng: mulberry32(7),
  motifPages: [
    { path: '/id/motifs/kopi', island: '/_server-islands/LivePieces?e=a&p=kopi' },
    { path: '/en/motifs/nanas', island: '/_server-islands/LivePieces?e=a&p=nanas' },
  ],
  productSlugs: ['kain-a', 'kain-b', 'kemeja-c'],
  searches: ['/api/search?q=kopi&lang=id', '/api/search?q=&region=cirebon'],
  length: 5000,
});

describe('the mixed-load request plan', () => {
  it('is the same sequence for the same seed', () => {
    expect(planSequence(input())).toEqual(planSequence(input()));
    expect(planSequence({ ...input(), rng: mulberry32(8) })).not.toEqual(planSequence(input()));
  });

  it('has the documented request shares (home 10, motif 15, island 15, product 30, search 20, cart 10 %)', () => {
    const seq = planSequence(input());
    expect(seq.length).toBeGreaterThanOrEqual(5000);
    const share = (route: string) => (100 * seq.filter((a) => a.route === route).length) / seq.length;
    const expected = { home: 10, motif: 15, 'motif-island': 15, product: 30, search: 20, 'cart-add': 10 };
    for (const route of ROUTES) expect(Math.abs(share(route) - expected[route])).toBeLessThan(1.5);
  });

  it('follows every motif page with its own server island', () => {
    const seq = planSequence(input());
    seq.forEach((a, i) => {
      if (a.route === 'motif') {
        const page = input().motifPages.find((m) => m.path === a.path)!;
        expect(seq[i + 1]).toEqual({ route: 'motif-island', method: 'GET', path: page.island });
      }
      if (a.route === 'motif-island') expect(seq[i - 1]?.route).toBe('motif');
    });
  });

  it('posts cart adds as JSON and uses only the given URLs', () => {
    const searches = input().searches;
    for (const a of planSequence(input())) {
      if (a.route === 'cart-add') {
        expect(a).toMatchObject({ method: 'POST', path: '/api/cart/items' });
        expect(a.cartSlot).toBeGreaterThanOrEqual(0);
        expect(a.cartSlot).toBeLessThan(CART_SLOTS);
      } else expect(a.method).toBe('GET');
      if (a.route === 'product') expect(a.path).toMatch(/^\/(id|en)\/products\/(kain-a|kain-b|kemeja-c)$/);
      if (a.route === 'home') expect(['/id/', '/en/']).toContain(a.path);
      if (a.route === 'search') expect(searches).toContain(a.path);
    }
  });

  it("gives each visitor its own few pieces to add, quantity 1", () => {
    const slugs = Array.from({ length: 10 }, (_, i) => `kain-${i}`);
    const adds = planSequence(input()).filter((a) => a.route === 'cart-add');
    const piecesOf = (visitor: number) => new Set(adds.map((a) => (JSON.parse(cartBody(a, visitor, slugs)) as { productSlug: string }).productSlug));
    expect(piecesOf(0)).toEqual(new Set(['kain-0', 'kain-1', 'kain-2', 'kain-3']));
    expect(piecesOf(1)).toEqual(new Set(['kain-4', 'kain-5', 'kain-6', 'kain-7']));
    expect(piecesOf(2)).toEqual(new Set(['kain-8', 'kain-9', 'kain-0', 'kain-1'])); // wraps around
    expect(JSON.parse(cartBody(adds[0]!, 0, slugs))).toMatchObject({ quantity: 1 });
    expect(() => cartBody({ route: 'home', method: 'GET', path: '/id/' }, 0, slugs)).toThrow();
  });

  it('refuses an empty list of URLs', () => {
    expect(() => planSequence({ ...input(), productSlugs: [] })).toThrow(/empty/);
  });
});

describe('islandUrl', () => {
  it('finds the server island fetched by a prerendered page, entities decoded', () => {
    const html = '<link rel="preload" as="fetch" href="/_server-islands/LivePieces?e=41%3D&amp;p=CC%2F9&amp;s=%7B%7D"><main>';
    expect(islandUrl(html)).toBe('/_server-islands/LivePieces?e=41%3D&p=CC%2F9&s=%7B%7D');
    expect(islandUrl('<p>no island</p>')).toBeNull();
  });
});

describe('percentile', () => {
  it('is the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 97.5)).toBe(98);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 50)).toBe(0);
    expect(percentile([7], 99)).toBe(7);
  });
});
