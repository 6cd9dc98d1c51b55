import type { APIRoute } from 'astro';
import { parseSearchParams } from '../../lib/search/search-params.ts';
import { otherMethods } from '../../lib/http.ts';

export const prerender = false;

/**
 * `GET /api/search?q&lang&region&motif&technique&category&color&minPrice&maxPrice&inStock&sort&page&pageSize`
 * → `{ hits, facets, total, page, pageSize }`. Bad parameters are a 400 `{ error, message, messages }`
 * with the messages in `lang` (`message` is all of them in one line, like every other API error).
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) {
    return Response.json(
      { error: 'invalid_parameters', message: parsed.errors.join(' '), messages: parsed.errors },
      { status: 400, headers: { 'Content-Language': parsed.lang } },
    );
  }
  const engine = await locals.app.search();
  const result = await engine.search(parsed.query);
  return Response.json(result, { headers: { 'Cache-Control': 'public, max-age=30', 'Content-Language': parsed.query.lang } });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ GET });
