/**
 * A search query as URL parameters. Kept free of zod so browser code can use it without shipping
 * the validation library.
 */
import type { SearchQuery } from './types.ts';

export const LIST_KEYS = ['region', 'motif', 'technique', 'category', 'color'] as const;

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
