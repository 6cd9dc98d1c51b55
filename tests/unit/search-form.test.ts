import { describe, expect, it } from 'vitest';
import { searchParamsOf, searchUrl } from '../../src/components/search/enhance-search.ts';
import { toSearchParams } from '../../src/lib/search/search-url.ts';

describe('the search form’s enhancement: the URL it asks for', () => {
  it('sends what the GET form sends, without empty fields and the default sort', () => {
    const params = searchParamsOf([
      ['q', 'kopi semende'],
      ['sort', 'relevance'],
      ['region', 'muara-enim'],
      ['region', 'pekalongan'],
      ['minPrice', ''],
      ['maxPrice', ' 500000 '],
      ['inStock', 'true'],
    ]);
    expect(params.toString()).toBe('q=kopi+semende&region=muara-enim&region=pekalongan&maxPrice=500000&inStock=true');
    expect(searchUrl('/id/search', params)).toBe('/id/search?q=kopi+semende&region=muara-enim&region=pekalongan&maxPrice=500000&inStock=true');
  });

  it('matches the shareable URL the server builds for the same query', () => {
    const query = { q: 'batik', lang: 'en' as const, filters: { motif: ['kopi'], minPrice: 100000 }, sort: 'price_asc' as const, page: 1, pageSize: 24 };
    const fromForm = searchParamsOf([['q', 'batik'], ['sort', 'price_asc'], ['motif', 'kopi'], ['minPrice', '100000'], ['maxPrice', '']]);
    expect([...fromForm].sort()).toEqual([...toSearchParams(query)].sort());
  });

  it('is the bare page when nothing is asked', () => {
    expect(searchUrl('/en/search', searchParamsOf([['q', '  '], ['sort', 'relevance']]))).toBe('/en/search');
  });
});
