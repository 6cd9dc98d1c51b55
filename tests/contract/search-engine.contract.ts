/**
 * The search contract: the behaviour every SearchEngine must share (embedded and Meilisearch).
 * `describeSearchEngine(name, makeEngine)` runs it against one; see search-engine.test.ts.
 *
 * The corpus (tests/fixtures/search-builders.ts) is 5 motifs and 30 products. Expected numbers
 * below are counted by hand from it; the broad filter/facet sweep compares against a naive oracle.
 *
 * Rules pinned here, after Meilisearch's documentation:
 * - typos per query word: none below 5 letters, 1 from 5, 2 from 9; two swapped neighbours are
 *   one typo; a typo on the first letter counts as two
 *   (https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_calculations);
 * - the last query word is a prefix (typos allowed), the others are whole words;
 * - neighbouring query words are also tried joined, and one query word as two neighbours;
 * - synonyms from the content, both directions, multi-word entries as phrases;
 * - every query word must match; when nothing matches all of them, the leading words do
 *   (Meilisearch's `last` strategy as a fallback);
 * - filters: OR within a facet, AND across; prices inclusive; facet counts disjunctive, products only;
 * - motif documents only for the relevance sort with no product-only filter, and before products
 *   that match as well.
 * Engines must have finished indexing when upsert/remove/replaceAll/configure resolve.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FACETS, type Facet, type SearchDocument, type SearchEngine, type SearchFilters, type SearchQuery, type SearchResult } from '../../src/lib/search/types.ts';
import {
  CORPUS_SYNONYMS,
  buildProductDocument,
  CORPUS_EPOCH,
  corpusMotifs,
  corpusProducts,
  searchCorpus,
} from '../fixtures/search-builders.ts';

const PRODUCT_ONLY: readonly (keyof SearchFilters)[] = ['technique', 'category', 'color', 'minPrice', 'maxPrice', 'inStock', 'productsOnly', 'artisan'];

/** Ids of the documents a text query finds, by hand from the corpus (for the oracle sweep). */
const KOPI_DOCS = [
  'motif-kopi',
  'product-kain-panjang-kopi-tulis',
  'product-kain-panjang-kopi-cap',
  'product-sarung-kopi',
  'product-kemeja-kopi',
  'product-kemeja-kopi-tengkiang',
  'product-dompet-kopi',
  'product-kain-panjang-jlamprang-kopi',
];
const KAIN_PANJANG_PRODUCTS = [
  'product-kain-panjang-kopi-tulis',
  'product-kain-panjang-kopi-cap',
  'product-kain-panjang-tengkiang',
  'product-kain-panjang-mega-mendung-tulis',
  'product-kain-panjang-mega-mendung-sogan',
  'product-kain-panjang-nanas-cap',
  'product-kain-panjang-jlamprang',
  'product-kain-panjang-jlamprang-kopi',
];

function passes(doc: SearchDocument, filters: SearchFilters, omit?: Facet): boolean {
  const inList = (values: string[] | undefined, doc: readonly string[]) => !values || values.length === 0 || values.some((v) => doc.includes(v));
  if (omit !== 'region' && !inList(filters.region, [doc.region])) return false;
  if (omit !== 'motif' && !inList(filters.motif, doc.motifs)) return false;
  if (omit !== 'technique' && !inList(filters.technique, doc.technique ? [doc.technique] : [])) return false;
  if (omit !== 'category' && !inList(filters.category, doc.category ? [doc.category] : [])) return false;
  if (omit !== 'color' && !inList(filters.color, doc.colors)) return false;
  if (filters.minPrice !== undefined && !((doc.priceIdr ?? -Infinity) >= filters.minPrice)) return false;
  if (filters.maxPrice !== undefined && !((doc.priceIdr ?? Infinity) <= filters.maxPrice)) return false;
  if (filters.inStock === true && doc.inStock !== true) return false;
  if (filters.artisan?.length && !filters.artisan.includes(doc.artisan?.slug ?? '')) return false;
  return true;
}

/** The naive answer: which documents a query with these filters returns, and its facet counts. */
function oracle(filters: SearchFilters, sort: SearchQuery['sort'], textIds?: readonly string[]) {
  const corpus = searchCorpus().filter((d) => !textIds || textIds.includes(d.id));
  const productOnly = PRODUCT_ONLY.some((k) => {
    const v = filters[k];
    return Array.isArray(v) ? v.length > 0 : k === 'inStock' || k === 'productsOnly' ? v === true : v !== undefined;
  });
  const motifsIn = sort === 'relevance' && !productOnly;
  const docs = corpus.filter((d) => (d.kind === 'product' || motifsIn) && passes(d, filters));
  const facets = {} as Record<Facet, Record<string, number>>;
  for (const facet of FACETS) {
    const counts: Record<string, number> = {};
    for (const d of corpus) {
      if (d.kind !== 'product' || !passes(d, filters, facet)) continue;
      const values =
        facet === 'region' ? [d.region] : facet === 'motif' ? d.motifs : facet === 'color' ? d.colors : facet === 'technique' ? [d.technique!] : [d.category!];
      for (const v of new Set(values)) counts[v] = (counts[v] ?? 0) + 1;
    }
    facets[facet] = counts;
  }
  return { docs, facets };
}

const byPriceThenId = (a: SearchDocument, b: SearchDocument) => a.priceIdr! - b.priceIdr! || (a.id < b.id ? -1 : 1);

export function describeSearchEngine(name: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`SearchEngine contract: ${name}`, () => {
    let engine: SearchEngine;

    const search = (over: Partial<SearchQuery> = {}): Promise<SearchResult> =>
      engine.search({ q: '', lang: 'id', filters: {}, sort: 'relevance', page: 1, pageSize: 60, ...over });
    const ids = (r: SearchResult) => r.hits.map((h) => h.id);

    /** The shape every answer must have, whatever the input. */
    function expectSane(r: SearchResult, pageSize = 60) {
      expect(Object.keys(r.facets).sort()).toEqual([...FACETS].sort());
      for (const facet of FACETS) {
        for (const count of Object.values(r.facets[facet])) expect(Number.isInteger(count) && count > 0).toBe(true);
      }
      expect(r.hits.length).toBeLessThanOrEqual(pageSize);
      expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
      expect(new Set(ids(r)).size).toBe(r.hits.length);
    }

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.configure(CORPUS_SYNONYMS);
      await engine.replaceAll(searchCorpus());
    });

    it('is healthy and says which engine it is', async () => {
      expect(await engine.isHealthy()).toBe(true);
      expect(['embedded', 'meilisearch']).toContain(engine.name);
    });

    describe('empty query', () => {
      it('returns every document: motifs first, then products newest first', async () => {
        const r = await search();
        expectSane(r);
        expect(r.total).toBe(35);
        expect(ids(r).slice(0, 5)).toEqual(['motif-jlamprang', 'motif-kopi', 'motif-mega-mendung', 'motif-nanas', 'motif-tengkiang']);
        expect(ids(r).slice(5, 8)).toEqual(['product-kain-panjang-jlamprang-kopi', 'product-dompet-jlamprang-edisi', 'product-tas-jlamprang']);
        expect(ids(r).at(-1)).toBe('product-kain-panjang-kopi-tulis');
      });

      it('lists only the pieces with productsOnly (the shop listing), newest first, with the same facets', async () => {
        const all = await search();
        const r = await search({ filters: { productsOnly: true } });
        expectSane(r);
        expect(r.total).toBe(30);
        expect(r.hits.every((h) => h.kind === 'product')).toBe(true);
        expect(ids(r).slice(0, 3)).toEqual(['product-kain-panjang-jlamprang-kopi', 'product-dompet-jlamprang-edisi', 'product-tas-jlamprang']);
        expect(r.facets).toEqual(all.facets);
        const kopi = await search({ filters: { productsOnly: true, motif: ['kopi'] } });
        expect(kopi.total).toBe(all.facets.motif.kopi);
      });

      it("filters to a workshop's pieces with artisan (no motifs, facets over those pieces)", async () => {
        const r = await search({ filters: { artisan: ['sanggar-contoh'] } });
        expect(r.total).toBe(30);
        expect(r.hits.every((h) => h.kind === 'product' && h.artisan?.slug === 'sanggar-contoh')).toBe(true);
        const none = await search({ filters: { artisan: ['nobody-here'] } });
        expect(none.total).toBe(0);
        expect(none.facets.region).toEqual({});
      });

      it('counts every facet over the products only', async () => {
        const r = await search();
        expect(r.facets).toEqual({
          region: { 'muara-enim': 9, cirebon: 8, prabumulih: 6, pekalongan: 7 },
          motif: { kopi: 7, tengkiang: 4, 'mega-mendung': 8, nanas: 6, jlamprang: 7 },
          technique: { tulis: 9, cap: 15, kombinasi: 6 },
          category: { 'kain-panjang': 8, sarung: 4, selendang: 4, kemeja: 6, tas: 4, dompet: 4 },
          color: { cokelat: 8, krem: 7, hijau: 5, merah: 8, hitam: 2, biru: 10, putih: 1, kuning: 6, oranye: 1, ungu: 1 },
        });
      });

      it.each(['   ', '"', '()', '-', '☕'])('treats a query without words (%j) as empty', async (q) => {
        const r = await search({ q });
        expectSane(r);
        expect(r.total).toBe(35);
      });

      it('returns every facet as an object even when nothing matches', async () => {
        const r = await search({ filters: { region: ['nowhere'] } });
        expect(r.total).toBe(0);
        expect(r.hits).toEqual([]);
        for (const facet of FACETS) expect(typeof r.facets[facet]).toBe('object');
        expect(r.facets.region).toEqual({ 'muara-enim': 9, cirebon: 8, prabumulih: 6, pekalongan: 7 });
        expect(r.facets.technique).toEqual({});
      });
    });

    describe('typo tolerance', () => {
      it.each([
        ['kopii', 8, 'motif-kopi', 'one typo from 5 letters'],
        ['nanaz', 7, 'motif-nanas', 'one substitution at 5 letters'],
        ['jlampang', 8, 'motif-jlamprang', 'one missing letter at 8 letters'],
        ['kemeza', 6, 'product-', 'one typo at 6 letters'],
        ['kmeeja', 6, 'product-', 'two swapped letters count as one typo'],
        ['tengkaing', 5, 'motif-tengkiang', 'a swap at 9 letters'],
        ['tangkiank', 5, 'motif-tengkiang', 'two typos from 9 letters'],
        ['rengkiang', 5, 'motif-tengkiang', 'a first-letter typo (counts two) at 9 letters'],
      ])('%s finds %i documents (%s… first): %s', async (q, total, first) => {
        const r = await search({ q });
        expect(r.total).toBe(total);
        expect(r.hits[0]!.id.startsWith(first)).toBe(true);
      });

      it.each([
        ['kpoi', 'no typo below 5 letters'],
        ['kpoi kain', 'no typo below 5 letters, not the last word either'],
        ['samendi', 'two typos at 7 letters'],
        ['lemeja', 'a first-letter typo counts as two'],
        ['ekmeja', 'swapping the first two letters is a first-letter typo'],
        ['tangkaink', 'three typos at 9 letters'],
        ['rengkaing', 'a first-letter typo (two) and a swap (one) at 9 letters'],
      ])('%s finds nothing: %s', async (q) => {
        const r = await search({ q });
        expectSane(r);
        expect(r.total).toBe(0);
      });

      it('finds the same word typed right and with a typo', async () => {
        const right = await search({ q: 'kemeja' });
        const typo = await search({ q: 'kemeza' });
        expect(new Set(ids(typo))).toEqual(new Set(ids(right)));
      });
    });

    describe('prefix search', () => {
      it('treats the last word as a prefix', async () => {
        const r = await search({ q: 'tengk' });
        expect(r.total).toBe(5);
        expect(r.hits[0]!.id).toBe('motif-tengkiang');
        expect((await search({ q: 'jlampr' })).total).toBe(8);
        expect((await search({ q: 'jla' })).total).toBe(8);
        expect((await search({ q: 'kain panjang tengk' })).total).toBe(1);
      });

      it('allows typos in the prefix by the prefix length', async () => {
        expect((await search({ q: 'tangk' })).total).toBe(5);
      });

      it('does not treat earlier words as prefixes', async () => {
        expect((await search({ q: 'tengk kain' })).total).toBe(0);
        expect(ids(await search({ q: 'kain tengk' }))).toEqual(['product-kain-panjang-tengkiang']);
      });
    });

    describe('words typed joined or split', () => {
      it('finds a joined word from words typed apart', async () => {
        const r = await search({ q: 'mega mendung' });
        expect(r.total).toBe(9);
        expect(ids(r)).toContain('product-kemeja-megamendung');
        expect(new Set(ids(await search({ q: 'batik mark' })))).toEqual(
          new Set(['product-kain-panjang-kopi-tulis', 'product-kain-panjang-jlamprang']),
        );
      });

      it('finds neighbouring words from one typed joined', async () => {
        const r = await search({ q: 'megamendung' });
        expect(r.total).toBe(9);
        expect(r.hits[0]!.id).toBe('motif-mega-mendung');
        expect(ids(r)).toContain('product-selendang-mega-mendung');
        expect(ids(await search({ q: 'sarungsutra' }))).toEqual(['product-sarung-sutra-nanas']);
      });
    });

    describe('synonyms', () => {
      it.each([
        ['coffee', 'id', 8, 'motif-kopi'],
        ['lumbung padi', 'id', 5, 'motif-tengkiang'],
        ['pineapple', 'id', 7, 'motif-nanas'],
        // Neither word appears in the searched texts of that language: only the synonym finds them.
        ['awan', 'en', 9, 'motif-mega-mendung'],
        ['lotus', 'id', 8, 'motif-jlamprang'],
        ['kopi', 'en', 8, 'motif-kopi'],
      ] as const)('%s (%s) finds %i documents, %s first', async (q, lang, total, first) => {
        const r = await search({ q, lang });
        expect(r.total).toBe(total);
        expect(r.hits[0]!.id).toBe(first);
      });

      it('expands glossary groups, a multi-word entry as a phrase', async () => {
        expect(new Set(ids(await search({ q: 'jarik' })))).toEqual(new Set(KAIN_PANJANG_PRODUCTS));
      });
    });

    describe('motif documents', () => {
      it.each([
        ['kopi', 'motif-kopi'],
        ['tengkiang', 'motif-tengkiang'],
        ['mega mendung', 'motif-mega-mendung'],
        ['tengkaing', 'motif-tengkiang'],
        ['coffee', 'motif-kopi'],
        ['Mega-Mendung', 'motif-mega-mendung'],
      ])('a query naming a motif (%s) shows it first', async (q, first) => {
        for (const lang of ['id', 'en'] as const) {
          const r = await search({ q, lang });
          expect(r.hits[0]!.id).toBe(first);
          expect(r.hits.slice(1).every((h) => h.kind === 'product')).toBe(true);
        }
      });

      it('gives motif hits their name in the query language and no product fields', async () => {
        const [hit] = (await search({ q: 'kopi', lang: 'en' })).hits;
        expect(hit).toEqual({
          id: 'motif-kopi',
          kind: 'motif',
          slug: 'kopi',
          title: 'Kopi Semende (coffee)',
          motifs: ['kopi'],
          region: 'muara-enim',
          priceIdr: null,
          imageUrl: '/art/motifs/kopi.svg',
          inStock: null,
          artisan: null,
        });
        const product = (await search({ q: 'dompet kopi' })).hits[0]!;
        expect(product).toEqual({
          id: 'product-dompet-kopi',
          kind: 'product',
          slug: 'dompet-kopi',
          title: 'Dompet Kopi Mini',
          motifs: ['kopi'],
          region: 'muara-enim',
          priceIdr: 75_000,
          imageUrl: '/media/ab/dompet-kopi-320.webp',
          inStock: true,
          artisan: { slug: 'sanggar-contoh', name: 'Sanggar Contoh' },
        });
      });

      it('keeps motifs under region and motif filters', async () => {
        expect(ids(await search({ q: 'kopi', filters: { region: ['muara-enim'] } }))[0]).toBe('motif-kopi');
        expect((await search({ q: 'kopi', filters: { region: ['muara-enim'] } })).total).toBe(7);
        expect((await search({ q: 'kopi', filters: { motif: ['kopi'] } })).total).toBe(8);
        const cirebon = await search({ filters: { region: ['cirebon'] } });
        expect(cirebon.total).toBe(9);
        expect(cirebon.hits[0]!.id).toBe('motif-mega-mendung');
      });

      it.each([
        [{ technique: ['cap'] }, 4],
        [{ category: ['kemeja'] }, 2],
        [{ color: ['cokelat'] }, 5],
        [{ minPrice: 0 }, 7],
        [{ maxPrice: 10_000_000 }, 7],
        [{ inStock: true }, 6],
      ] as [SearchFilters, number][])('leaves motifs out under the product-only filter %j', async (filters, total) => {
        const r = await search({ q: 'kopi', filters });
        expect(r.total).toBe(total);
        expect(r.hits.every((h) => h.kind === 'product')).toBe(true);
      });

      it('keeps motifs in when inStock is false (no filter)', async () => {
        expect((await search({ q: 'kopi', filters: { inStock: false } })).total).toBe(8);
      });

      it.each(['price_asc', 'price_desc', 'newest'] as const)('leaves motifs out of the %s sort', async (sort) => {
        const r = await search({ q: 'kopi', sort });
        expect(r.total).toBe(7);
        expect(r.hits.every((h) => h.kind === 'product')).toBe(true);
        expect((await search({ sort })).total).toBe(30);
      });
    });

    describe('filters', () => {
      it('ORs values within a facet and ANDs facets', async () => {
        expect((await search({ filters: { region: ['cirebon', 'prabumulih'] } })).total).toBe(16);
        const r = await search({ filters: { category: ['tas', 'dompet'], color: ['kuning'] } });
        expect(new Set(ids(r))).toEqual(new Set(['product-tas-nanas', 'product-dompet-nanas']));
      });

      it('includes both price bounds', async () => {
        const r = await search({ filters: { minPrice: 250_000, maxPrice: 300_000 } });
        expect(r.total).toBe(7);
        expect(r.hits.every((h) => h.priceIdr! >= 250_000 && h.priceIdr! <= 300_000)).toBe(true);
        expect(ids(r)).toEqual(expect.arrayContaining(['product-kemeja-megamendung', 'product-sarung-mega-mendung']));
        expect((await search({ filters: { minPrice: 1_500_000 } })).total).toBe(1);
        expect((await search({ filters: { maxPrice: 65_000 } })).total).toBe(1);
        expect((await search({ filters: { minPrice: 300_001, maxPrice: 300_000 } })).total).toBe(0);
      });

      it('keeps only products in stock when asked', async () => {
        const r = await search({ filters: { inStock: true } });
        expect(r.total).toBe(24);
        expect(r.hits.every((h) => h.inStock === true)).toBe(true);
      });

      it('matches nothing for unknown values', async () => {
        expect((await search({ filters: { motif: ['parang'] } })).total).toBe(0);
        expect((await search({ filters: { color: ['emas'] } })).total).toBe(0);
      });

      it('matches every combination like the naive oracle, facets included', async () => {
        const regions = [undefined, ['cirebon'], ['muara-enim', 'pekalongan']];
        const techniques = [undefined, ['cap'], ['tulis', 'kombinasi']];
        const colors = [undefined, ['biru'], ['kuning', 'merah']];
        const categories = [undefined, ['kemeja', 'tas']];
        const stock = [undefined, true];
        const prices = [{}, { minPrice: 200_000, maxPrice: 700_000 }];
        for (const region of regions)
          for (const technique of techniques)
            for (const color of colors)
              for (const category of categories)
                for (const inStock of stock)
                  for (const price of prices) {
                    const filters: SearchFilters = { ...price };
                    if (region) filters.region = region;
                    if (technique) filters.technique = technique;
                    if (color) filters.color = color;
                    if (category) filters.category = category;
                    if (inStock) filters.inStock = inStock;
                    const expected = oracle(filters, 'relevance');
                    const r = await search({ filters });
                    const label = JSON.stringify(filters);
                    expect(r.total, label).toBe(expected.docs.length);
                    expect(new Set(ids(r)), label).toEqual(new Set(expected.docs.map((d) => d.id)));
                    expect(r.facets, label).toEqual(expected.facets);
                  }
      });

      it('filters a text query like the oracle', async () => {
        for (const region of [undefined, ['muara-enim'], ['pekalongan', 'cirebon']])
          for (const technique of [undefined, ['cap'], ['tulis']])
            for (const inStock of [undefined, true]) {
              const filters: SearchFilters = {};
              if (region) filters.region = region;
              if (technique) filters.technique = technique;
              if (inStock) filters.inStock = inStock;
              const expected = oracle(filters, 'relevance', KOPI_DOCS);
              const r = await search({ q: 'kopi', filters });
              const label = JSON.stringify(filters);
              expect(new Set(ids(r)), label).toEqual(new Set(expected.docs.map((d) => d.id)));
              expect(r.total, label).toBe(expected.docs.length);
              expect(r.facets, label).toEqual(expected.facets);
            }
      });
    });

    describe('facet counts', () => {
      it('leaves each facet\'s own filter out of its counts', async () => {
        const r = await search({ filters: { region: ['cirebon'], technique: ['tulis'] } });
        expect(new Set(ids(r))).toEqual(
          new Set(['product-kain-panjang-mega-mendung-tulis', 'product-selendang-mega-mendung', 'product-kain-panjang-mega-mendung-sogan']),
        );
        expect(r.facets).toEqual({
          region: { 'muara-enim': 3, cirebon: 3, prabumulih: 1, pekalongan: 2 },
          technique: { tulis: 3, cap: 3, kombinasi: 2 },
          category: { 'kain-panjang': 2, selendang: 1 },
          motif: { 'mega-mendung': 3 },
          color: { biru: 3, merah: 1, cokelat: 1 },
        });
      });

      it('counts multi-valued facets once per product and value', async () => {
        const r = await search({ filters: { category: ['tas', 'dompet'], color: ['kuning'] } });
        expect(r.facets.category).toEqual({ sarung: 1, 'kain-panjang': 1, tas: 1, kemeja: 1, selendang: 1, dompet: 1 });
        expect(r.facets.color).toEqual({ hitam: 1, cokelat: 1, biru: 3, putih: 1, merah: 2, kuning: 2 });
      });

      it('counts over the products a text query finds', async () => {
        const r = await search({ q: 'kopi' });
        expect(r.facets.region).toEqual({ 'muara-enim': 6, pekalongan: 1 });
        expect(r.facets.technique).toEqual({ tulis: 2, cap: 4, kombinasi: 1 });
        expect(r.facets.motif).toEqual({ kopi: 7, tengkiang: 1, jlamprang: 1 });
      });

      it('applies price and stock filters to every facet', async () => {
        const r = await search({ filters: { inStock: true, maxPrice: 100_000 } });
        expect(r.total).toBe(3);
        expect(r.facets.region).toEqual({ 'muara-enim': 1, prabumulih: 1, pekalongan: 1 });
        expect(r.facets.category).toEqual({ dompet: 3 });
      });
    });

    describe('sorting', () => {
      it('sorts by price, ties by id', async () => {
        const expected = corpusProducts().sort(byPriceThenId).map((d) => d.id);
        const asc = await search({ sort: 'price_asc' });
        expect(ids(asc)).toEqual(expected);
        expect(ids(asc).slice(0, 2)).toEqual(['product-dompet-nanas', 'product-dompet-kopi']);
        const tie = ids(asc).filter((id) => ['product-sarung-kopi', 'product-kemeja-nanas', 'product-kemeja-jlamprang'].includes(id));
        expect(tie).toEqual(['product-kemeja-jlamprang', 'product-kemeja-nanas', 'product-sarung-kopi']);
        const desc = await search({ sort: 'price_desc' });
        expect(ids(desc)[0]).toBe('product-kain-panjang-mega-mendung-sogan');
        const descTie = ids(desc).filter((id) => ['product-sarung-kopi', 'product-kemeja-nanas', 'product-kemeja-jlamprang'].includes(id));
        expect(descTie).toEqual(['product-kemeja-jlamprang', 'product-kemeja-nanas', 'product-sarung-kopi']);
      });

      it('sorts a filtered text query by price, not relevance', async () => {
        const r = await search({ q: 'kopi', sort: 'price_asc' });
        const prices = r.hits.map((h) => h.priceIdr!);
        expect(prices).toEqual([...prices].sort((a, b) => a - b));
        expect(ids(r)[0]).toBe('product-dompet-kopi');
      });

      it('sorts newest first', async () => {
        const r = await search({ sort: 'newest', pageSize: 3 });
        expect(ids(r)).toEqual(['product-kain-panjang-jlamprang-kopi', 'product-dompet-jlamprang-edisi', 'product-tas-jlamprang']);
      });

      it('requires every word, and falls back to the leading words when nothing has them all', async () => {
        expect((await search({ q: 'kopi cap' })).total).toBe(4);
        const fallback = await search({ q: 'kopi sutra' });
        expect(new Set(ids(fallback))).toEqual(new Set(KOPI_DOCS));
        expect(fallback.hits[0]!.id).toBe('motif-kopi');
        expect(new Set(ids(await search({ q: 'sutra kopi' })))).toEqual(
          new Set(['product-selendang-tengkiang', 'product-selendang-mega-mendung', 'product-sarung-sutra-nanas']),
        );
      });

      it('ranks documents matching all words before those matching fewer in the fallback', async () => {
        // Nothing matches "dompet kopi xyzzy"; "dompet kopi" matches one product, "dompet" four.
        const r = await search({ q: 'dompet kopi xyzzy' });
        expect(r.total).toBe(4);
        expect(r.hits[0]!.id).toBe('product-dompet-kopi');
      });
    });

    describe('pagination', () => {
      it('continues page 1 on page 2 without overlap, with an exact total', async () => {
        const all = ids(await search({ sort: 'price_asc' }));
        const pages: string[] = [];
        for (let page = 1; page <= 5; page++) {
          const r = await search({ sort: 'price_asc', page, pageSize: 7 });
          expect(r.total).toBe(30);
          expect(r.page).toBe(page);
          expect(r.pageSize).toBe(7);
          pages.push(...ids(r));
        }
        expect(pages).toEqual(all);
      });

      it('pages the relevance order too', async () => {
        const all = ids(await search({ q: 'batik' }));
        const pages: string[] = [];
        for (let page = 1; page * 10 < all.length + 10; page++) pages.push(...ids(await search({ q: 'batik', page, pageSize: 10 })));
        expect(pages).toEqual(all);
        const second = await search({ page: 2, pageSize: 20 });
        expect(ids(second)).toEqual(ids(await search()).slice(20, 40));
      });

      it('answers an empty page past the end, with the total', async () => {
        const r = await search({ page: 9, pageSize: 10 });
        expect(r.hits).toEqual([]);
        expect(r.total).toBe(35);
      });

      it('clamps page size to 1–60 and page to ≥ 1', async () => {
        const big = await search({ pageSize: 1000 });
        expect(big.pageSize).toBe(60);
        expect(big.hits.length).toBe(35);
        const small = await search({ pageSize: 0 });
        expect(small.pageSize).toBe(1);
        expect(small.hits.length).toBe(1);
        const first = await search({ page: 0, pageSize: 5 });
        expect(first.page).toBe(1);
        expect(ids(first)).toEqual(ids(await search({ page: 1, pageSize: 5 })));
      });
    });

    describe('text normalisation', () => {
      it.each([
        ['KOPI', 8],
        ['Kopí', 8],
        ['Mégá Méndung', 9],
        ['mega-mendung', 9],
      ])('ignores case, diacritics and hyphens: %s', async (q, total) => {
        expect((await search({ q })).total).toBe(total);
      });

      it('matches accented text in documents without the accents', async () => {
        expect(ids(await search({ q: 'edisi pesisir' }))).toEqual(['product-dompet-jlamprang-edisi']);
        expect(ids(await search({ q: 'edition', lang: 'en' }))).toEqual(['product-dompet-jlamprang-edisi']);
        expect(ids(await search({ q: 'ÉDITION', lang: 'en' }))).toEqual(['product-dompet-jlamprang-edisi']);
      });

      it('searches titles and descriptions in the query language only', async () => {
        expect((await search({ q: 'wallet', lang: 'id' })).total).toBe(0);
        expect((await search({ q: 'wallet', lang: 'en' })).total).toBe(4);
      });
    });

    describe('unusual input', () => {
      const weird = [
        '"',
        'kopi"',
        '"mega mendung"',
        'kopi OR nanas',
        'kopi AND nanas',
        'region = cirebon',
        '(kopi)',
        '\\',
        'kopi\\',
        '\\"kopi\\"',
        '☕',
        'kopi ☕',
        "'; DROP TABLE products; --",
        '-kopi',
        'kopi*',
        'NOT kopi',
        '{"$ne": null}',
        '%',
        'a'.repeat(500),
        'kopi '.repeat(50),
        '\u0000kopi',
        '🙂🙂🙂',
      ];

      it.each(weird)('never throws on the query %j', async (q) => {
        for (const sort of ['relevance', 'price_asc'] as const) {
          const r = await search({ q, sort, pageSize: 10 });
          expectSane(r, 10);
        }
      });

      it('keeps sensible results around punctuation', async () => {
        expect((await search({ q: '"mega mendung"' })).hits[0]!.id).toBe('motif-mega-mendung');
        expect((await search({ q: '(kopi)' })).hits[0]!.id).toBe('motif-kopi');
        expect(ids(await search({ q: 'kopi ☕' }))).toContain('motif-kopi');
        expect(ids(await search({ q: 'kopi"' }))).toContain('motif-kopi');
      });

      it.each([
        'cirebon" OR region = "muara-enim',
        "cirebon' OR 1=1 --",
        'cirebon) OR (region EXISTS',
        '"',
        '\\',
        '',
        '☕',
        'NOT cirebon',
      ])('treats the filter value %j as a plain value', async (value) => {
        for (const facet of ['region', 'motif', 'technique', 'category', 'color'] as const) {
          const r = await search({ filters: { [facet]: [value] } });
          expectSane(r);
          expect(r.total).toBe(0);
        }
        const mixed = await search({ filters: { region: [value, 'cirebon'] } });
        expect(mixed.total).toBe(9);
      });
    });

    describe('fields and their order (query-rules.ts SEARCHED_FIELDS)', () => {
      // Its own engine and documents: the order of fields, not the corpus, is under test.
      let ranked: SearchEngine;
      const day = 86_400_000;
      const piece = (slug: string, age: number, over: Partial<SearchDocument>) =>
        buildProductDocument(slug, { title: { id: 'Kain', en: 'Cloth' }, description: { id: 'Kain.', en: 'Cloth.' }, motifNames: [], tags: [], motifSynonyms: [], maker: [], createdAt: CORPUS_EPOCH + age * day, ...over });
      const run = (q: string, lang: 'id' | 'en' = 'id') => ranked.search({ q, lang, filters: {}, sort: 'relevance', page: 1, pageSize: 60 });

      beforeAll(async () => {
        ranked = await makeEngine();
        await ranked.configure([]);
        // The newest documents match through the weakest fields, so only the field order can put
        // the others first.
        await ranked.replaceAll([
          piece('lotus-in-description', 5, { description: { id: 'Bunga teratai.', en: 'A lotus flower.' } }),
          piece('lotus-by-maker', 4, { maker: ['Sanggar Lotus'] }),
          piece('lotus-as-synonym', 3, { motifSynonyms: ['lotus', 'padma'] }),
          piece('lotus-in-tags', 2, { tags: ['lotus'] }),
          piece('lotus-in-title', 1, { title: { id: 'Kain Teratai', en: 'Lotus Cloth' } }),
          piece('lotus-own-motif', 0, { motifNames: ['Teratai Putih', 'Teratai Putih (white lotus)'] }),
          piece('merah-tulis', 0, { tags: ['Merah', 'Red', 'batik tulis', 'hand-drawn batik'] }),
        ]);
      });
      afterAll(async () => {
        await ranked?.replaceAll([]);
      });

      it('ranks own motif names, title, tags, motif synonyms, maker, description in that order', async () => {
        expect(ids(await run('lotus', 'en'))).toEqual([
          'product-lotus-own-motif',
          'product-lotus-in-title',
          'product-lotus-in-tags',
          'product-lotus-as-synonym',
          'product-lotus-by-maker',
          'product-lotus-in-description',
        ]);
      });

      it('searches tags, motif synonyms and maker in both languages, titles and descriptions in the query\'s own', async () => {
        expect(ids(await run('lotus', 'id'))).toEqual([
          'product-lotus-own-motif',
          'product-lotus-in-tags',
          'product-lotus-as-synonym',
          'product-lotus-by-maker',
        ]);
        expect(ids(await run('merah tulis', 'en'))).toEqual(['product-merah-tulis']);
        expect(ids(await run('red hand drawn batik', 'id'))).toEqual(['product-merah-tulis']);
      });
    });

    describe('updates', () => {
      // A second engine, so these changes never leak into the tests above.
      let updated: SearchEngine;
      const run = (over: Partial<SearchQuery> = {}) =>
        updated.search({ q: '', lang: 'id', filters: {}, sort: 'relevance', page: 1, pageSize: 60, ...over });

      beforeAll(async () => {
        updated = await makeEngine();
      });
      beforeEach(async () => {
        await updated.configure(CORPUS_SYNONYMS);
        await updated.replaceAll(searchCorpus());
      });
      afterAll(async () => {
        await updated?.replaceAll([]);
      });

      it('re-sorts a product whose price changed', async () => {
        const product = corpusProducts().find((d) => d.slug === 'kain-panjang-kopi-tulis')!;
        await updated.upsert([{ ...product, priceIdr: 50_000 }]);
        const r = await run({ sort: 'price_asc' });
        expect(r.hits[0]!.id).toBe('product-kain-panjang-kopi-tulis');
        expect(r.hits[0]!.priceIdr).toBe(50_000);
        expect(r.total).toBe(30);
        expect((await run({ filters: { maxPrice: 60_000 } })).total).toBe(1);
      });

      it('replaces by id, never duplicates', async () => {
        const product = corpusProducts().find((d) => d.slug === 'dompet-kopi')!;
        await updated.upsert([product, { ...product, title: { id: 'Dompet Kopi Besar', en: 'Large Kopi Wallet' } }]);
        expect((await run()).total).toBe(35);
        expect(ids(await run({ q: 'besar' }))).toEqual(['product-dompet-kopi']);
        expect((await run({ q: 'mini' })).total).toBe(0);
      });

      it('indexes a new product with its facets at once', async () => {
        await updated.upsert([
          buildProductDocument('selendang-sutra-tengkiang-biru', {
            title: { id: 'Selendang Tengkiang Biru Laut', en: 'Sea Blue Tengkiang Shawl' },
            motifs: ['tengkiang'],
            motifNames: ['Tengkiang', 'Tengkiang (rice barn)'],
            region: 'muara-enim',
            category: 'selendang',
            colors: ['biru'],
            inStock: true,
          }),
        ]);
        const r = await run({ q: 'laut' });
        expect(ids(r)).toEqual(['product-selendang-sutra-tengkiang-biru']);
        expect((await run({ q: 'tengkiang' })).total).toBe(6);
        const facets = (await run()).facets;
        expect(facets.motif.tengkiang).toBe(5);
        expect(facets.color.biru).toBe(11);
      });

      it('removes documents, from hits and from counts', async () => {
        await updated.remove(['product-dompet-nanas', 'product-does-not-exist']);
        const r = await run();
        expect(r.total).toBe(34);
        expect(ids(r)).not.toContain('product-dompet-nanas');
        expect(r.facets.category.dompet).toBe(3);
        expect(ids(await run({ q: 'dompet' }))).not.toContain('product-dompet-nanas');
        await updated.remove(['motif-kopi']);
        expect(ids(await run({ q: 'kopi' }))).not.toContain('motif-kopi');
      });

      it('replaces everything with replaceAll', async () => {
        await updated.replaceAll([...corpusMotifs().slice(0, 1), buildProductDocument('tas-baru', { title: { id: 'Tas Anyaman Baru', en: 'New Woven Bag' } })]);
        const r = await run();
        expect(ids(r)).toEqual(['motif-kopi', 'product-tas-baru']);
        expect((await run({ q: 'mega mendung' })).total).toBe(0);
        expect(r.facets.region).toEqual({ 'muara-enim': 1 });
        await updated.replaceAll([]);
        expect((await run()).total).toBe(0);
      });

      it('applies new synonyms at once, and forgets old ones', async () => {
        await updated.configure([...CORPUS_SYNONYMS, ['sogan', 'kecokelatan']]);
        expect(ids(await run({ q: 'kecokelatan' }))).toEqual(['product-kain-panjang-mega-mendung-sogan']);
        await updated.configure([]);
        expect((await run({ q: 'kecokelatan' })).total).toBe(0);
        expect((await run({ q: 'lumbung padi' })).total).toBe(0);
      });
    });
  });
}
