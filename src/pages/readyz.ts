import type { APIRoute } from 'astro';
import { loadCatalogue } from '../collections.ts';
import { appConfig, getApp } from '../lib/app.server.ts';
import { checkReadiness } from '../lib/ops/readiness.ts';

export const prerender = false;

/** `GET /readyz`: 200 when the database and the search engine are ready, else 503 naming what is not. */
export const GET: APIRoute = async () => {
  const app = () => getApp({ loadCatalogue });
  const readiness = await checkReadiness({
    db: async () => (await app()).db,
    search: async () => (await app()).search(),
    meilisearchConfigured: Boolean(appConfig().MEILISEARCH_HOST),
  });
  return Response.json(
    { status: readiness.ready ? 'ready' : 'not_ready', checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
};
