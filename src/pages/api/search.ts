import type { APIRoute } from 'astro';
import { getSearchEngine } from '../../data/search.ts';
import { parseSearchParams } from '../../lib/search/search-params.ts';

export const prerender = false;

/**
 * `GET /api/search?q&lang&region&motif&technique&category&color&minPrice&maxPrice&inStock&sort&page&pageSize`
 * → `{ hits, facets, total, page, pageSize }`. Bad parameters are a 400 with messages in `lang`.
 */
export const GET: APIRoute = async ({ url }) => {
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) {
    return Response.json({ error: 'invalid_parameters', messages: parsed.errors }, { status: 400, headers: { 'Content-Language': parsed.lang } });
  }
  const engine = await getSearchEngine();
  const result = await engine.search(parsed.query);
  return Response.json(result, { headers: { 'Cache-Control': 'public, max-age=30', 'Content-Language': parsed.query.lang } });
};
