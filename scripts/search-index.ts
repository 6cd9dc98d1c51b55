#!/usr/bin/env node
/**
 * `npm run search:index`: rebuilds the Meilisearch index (MEILISEARCH_HOST) from the database
 * and content, with a progress bar. Without MEILISEARCH_HOST it explains that the embedded engine
 * rebuilds itself on every start.
 */
import { fileURLToPath } from 'node:url';
import { catalogueFromContent } from '../src/lib/content/load-content.ts';
import { loadConfig } from '../src/lib/config.ts';
import { createMeilisearchEngine } from '../src/lib/search/meilisearch-engine.ts';
import { rebuildIndex } from '../src/lib/search/search-service.ts';
import { openDatabase } from '../src/lib/db/open.ts';

function bar(done: number, total: number, width = 30): string {
  const ratio = total ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${Math.round(ratio * 100)}%)`;
}

const config = loadConfig();
if (!config.MEILISEARCH_HOST) {
  console.log('search:index: MEILISEARCH_HOST is not set. The embedded engine needs no index: it is built from the database on every start.');
  process.exit(0);
}
const engine = createMeilisearchEngine({ host: config.MEILISEARCH_HOST, apiKey: config.MEILISEARCH_API_KEY, indexUid: config.MEILISEARCH_INDEX });
if (!(await engine.isHealthy())) {
  console.error(`search:index: Meilisearch at ${config.MEILISEARCH_HOST} does not answer. Start it, or check MEILISEARCH_HOST and MEILISEARCH_API_KEY.`);
  process.exit(1);
}
const db = await openDatabase(config);
try {
  const catalogue = await catalogueFromContent(fileURLToPath(new URL('../content/', import.meta.url)));
  const started = Date.now();
  const interactive = process.stdout.isTTY;
  const count = await rebuildIndex(engine, db, catalogue, (done, total) => {
    if (interactive) process.stdout.write(`\rsearch:index: reading ${bar(done, total)}`);
    else console.log(`search:index: reading ${bar(done, total)}`);
  });
  if (interactive) process.stdout.write('\n');
  console.log(`search:index: ${count} documents in index "${config.MEILISEARCH_INDEX}" in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.close();
}
