import type { APIRoute } from 'astro';
import { getSearchEngine } from '../data/search.ts';
import { loadConfig } from '../lib/config.ts';
import { checkReadiness } from '../lib/ops/readiness.ts';
import { getServices } from '../lib/services.server.ts';

export const prerender = false;

/** `GET /readyz`: 200 when the database and the search engine are ready, else 503 naming what is not. */
export const GET: APIRoute = async () => {
  const readiness = await checkReadiness({
    db: async () => (await getServices()).db,
    search: getSearchEngine,
    meilisearchConfigured: Boolean(loadConfig().MEILISEARCH_HOST),
  });
  return Response.json(
    { status: readiness.ready ? 'ready' : 'not_ready', checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
};
