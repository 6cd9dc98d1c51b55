import type { APIRoute } from 'astro';

export const prerender = false;

/**
 * Any other path under `/api/` (a typo, a removed route, `..` resolved away): a JSON 404 like every
 * other API error, never the HTML "page not found", whatever the method.
 */
export const ALL: APIRoute = () =>
  Response.json({ error: 'not_found', message: 'There is no such API route.' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
