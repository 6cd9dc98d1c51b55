/** The search page's view (src/lib/search/search-page.ts): listing or search, results, facet values, suggestions. */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueFromContent } from '../../src/lib/content/load-content.ts';
import type { Catalogue } from '../../src/lib/content/catalogue.ts';
import { searchPage } from '../../src/lib/search/search-page.ts';
import type { SearchQuery, SearchResult } from '../../src/lib/search/types.ts';

describe('the search page', () => {
  let catalogue: Catalogue;
  const asked: SearchQuery[] = [];
  const engine = async () => ({
    search: async (query: SearchQuery): Promise<SearchResult> => {
      asked.push(structuredClone(query));
      return { hits: [], facets: { region: {}, motif: {}, technique: {}, category: {}, color: {} }, total: 0, page: query.page, pageSize: query.pageSize };
    },
  });
  const url = (qs: string) => new URL(`http://canting.test/en/search${qs}`);

  beforeAll(async () => {
    catalogue = await catalogueFromContent(fileURLToPath(new URL('../../content/', import.meta.url)));
  });

  it('without words is the shop’s listing: pieces only', async () => {
    asked.length = 0;
    const view = await searchPage(catalogue, engine, url('?q=++&region=muara-enim'), 'en');
    expect(view).toMatchObject({ listing: true, status: 200, errors: [] });
    expect(asked).toEqual([{ q: '', lang: 'en', filters: { region: ['muara-enim'], productsOnly: true }, sort: 'relevance', page: 1, pageSize: 24 }]);
    expect(view.result).toMatchObject({ total: 0 });
  });

  it('with words searches everything, in the page’s language whatever the address says', async () => {
    asked.length = 0;
    const view = await searchPage(catalogue, engine, url('?q=kopi&lang=en&sort=price_asc'), 'id');
    expect(view.listing).toBe(false);
    expect(asked).toEqual([{ q: 'kopi', lang: 'id', filters: {}, sort: 'price_asc', page: 1, pageSize: 24 }]);
  });

  it('a bad address is a 400 with the reasons in the reader’s language, the words kept, and no search', async () => {
    asked.length = 0;
    const view = await searchPage(catalogue, engine, url(`?q=${'kain'.repeat(60)}&minPrice=-5`), 'id');
    expect(view).toMatchObject({ status: 400, result: null, listing: false });
    expect(view.errors).toContain('Harga terendah harus angka rupiah bulat, 0 atau lebih.');
    expect(view.query).toEqual({ q: 'kain'.repeat(50), lang: 'id', filters: {}, sort: 'relevance', page: 1, pageSize: 24 });
    expect(asked).toEqual([]);
  });

  it('names each facet’s values in the reader’s language, and suggests motifs the catalogue has', async () => {
    const [id, en] = await Promise.all([searchPage(catalogue, engine, url(''), 'id'), searchPage(catalogue, engine, url(''), 'en')]);
    expect(en.options.region.map((r) => r.id).sort()).toEqual(catalogue.regions.map((r) => r.id).sort());
    const motifNames = en.options.motif.map((m) => m.name);
    expect(motifNames).toEqual([...motifNames].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const kopi = catalogue.motifs.find((m) => m.id === 'kopi')!;
    expect(id.options.motif.find((m) => m.id === 'kopi')!.name).toBe(kopi.name.id);
    expect(en.options.motif.find((m) => m.id === 'kopi')!.name).toBe(kopi.name.en);
    expect(en.options.technique.map((x) => x.id)).toEqual([...catalogue.techniques].sort((a, b) => a.order - b.order).map((x) => x.id));
    expect(en.options.color.every((c) => c.swatch)).toBe(true);
    expect(id.options.category.map((c) => c.name)).not.toEqual(en.options.category.map((c) => c.name));
    expect(en.suggestions[0]).toEqual({ id: 'kopi', name: kopi.name.id });
    expect(en.suggestions.every((s) => catalogue.motifs.some((m) => m.id === s.id))).toBe(true);
  });
});
