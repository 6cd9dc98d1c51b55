/**
 * A search query as URL parameters. Kept free of zod so browser code can use it without shipping
 * the validation library.
 */
import type { SearchQuery } from './types.ts';

export const LIST_KEYS = ['region', 'motif', 'technique', 'category', 'color', 'artisan'] as const;

/** The query as URL parameters, the inverse of `parseSearchParams` (for shareable URLs). */
export function toSearchParams(query: SearchQuery, options: { includeLang?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (options.includeLang) params.set('lang', query.lang);
  for (const key of LIST_KEYS) for (const v of query.filters[key] ?? []) params.append(key, v);
  if (query.filters.minPrice !== undefined) params.set('minPrice', String(query.filters.minPrice));
  if (query.filters.maxPrice !== undefined) params.set('maxPrice', String(query.filters.maxPrice));
  if (query.filters.inStock) params.set('inStock', 'true');
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== 24) params.set('pageSize', String(query.pageSize));
  return params;
}

/**
 * The shop's listing (the search page without words) filtered to a motif, region or workshop.
 * @example listingPath('en', { motif: ['kopi'] }) // '/en/search?motif=kopi'
 */
export function listingPath(lang: 'id' | 'en', filters: Pick<SearchQuery['filters'], 'motif' | 'region' | 'artisan'> = {}): string {
  const params = toSearchParams({ q: '', lang, filters, sort: 'relevance', page: 1, pageSize: 24 });
  return `/${lang}/search${params.size ? `?${params}` : ''}`;
}
