/**
 * The process's search engine, opened on first use with the catalogue and the database.
 * (Astro side: it needs the content collections, which src/lib cannot import.)
 */
import { openSearchEngine } from '../lib/search/search-service.ts';
import type { SearchEngine } from '../lib/search/types.ts';
import { getServices } from '../lib/services.server.ts';
import { loadCatalogue } from './catalogue.ts';

let engine: Promise<SearchEngine> | undefined;

export function getSearchEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const [{ config, db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
    return openSearchEngine(config, db, catalogue);
  })().catch((error: unknown) => {
    engine = undefined; // try again on the next request rather than caching a failure
    throw error;
  });
  return engine;
}
