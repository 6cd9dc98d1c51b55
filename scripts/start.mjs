#!/usr/bin/env node
/**
 * `npm start`: builds when needed, then serves the site on PORT (default 4321) with the
 * embedded defaults — no other service to install.
 */
import { buildIfNeeded } from './build-if-needed.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `canting: Node ${process.versions.node} is too old; Astro 7 needs Node >= 22.12.\n` +
      '  Install Node 24 from npm:  npm install -g --prefix /usr/local node@24   (then open a new shell)',
  );
  process.exit(1);
}

buildIfNeeded();

// Migrations, and the sample catalogue on an empty database (never in production).
const { seed } = await import('./seed.ts');
if (process.env.NODE_ENV === 'production') {
  const { loadConfig } = await import('../src/lib/config.ts');
  const { openDatabase } = await import('../src/lib/services.server.ts');
  await (await openDatabase(loadConfig())).close();
} else {
  await seed();
}

// Say now, not at the first search, when a configured Meilisearch does not answer.
if (process.env.MEILISEARCH_HOST) {
  const { createMeilisearchEngine } = await import('../src/lib/search/meilisearch-engine.ts');
  const meili = createMeilisearchEngine({ host: process.env.MEILISEARCH_HOST, apiKey: process.env.MEILISEARCH_API_KEY });
  if (!(await meili.isHealthy())) {
    console.warn(
      `canting: WARNING — MEILISEARCH_HOST=${process.env.MEILISEARCH_HOST} does not answer; the site will serve with the embedded search engine.\n` +
        '  Start Meilisearch or fix MEILISEARCH_HOST / MEILISEARCH_API_KEY and restart, or unset MEILISEARCH_HOST.',
    );
  }
}

process.env.PORT ??= '4321';
process.env.HOST ??= '0.0.0.0';
console.log(`canting: serving on http://localhost:${process.env.PORT}/`);
await import('../dist/server/entry.mjs');
