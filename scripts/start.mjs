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

// The site's mode (a real shop, or a try-out with the sample catalogue) is its own setting,
// CANTING_MODE; it is pinned here from the environment as given, before NODE_ENV is set below.
const { loadConfig: readConfig, siteMode } = await import('../src/lib/config.ts');
process.env.CANTING_MODE = siteMode(readConfig());
// `npm start` serves the built site: React and Astro in their production builds (React's development
// build renders several times slower). `NODE_ENV=development npm start` still gets React's warnings.
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';

// Migrations, places and events from content/ on an empty database, and the sample catalogue's rows on an
// empty database (never in production mode), through
// the services the server then uses (one database handle per process). Its pictures come after the
// server listens, in the background (src/lib/store/sample-pictures.ts).
const started = performance.now();
const { sharedDatabase } = await import('../src/lib/db/open.ts');
const { config, db } = await sharedDatabase();
// Places and events come from content/ once, into an empty database, in every mode (src/lib/visit/import.ts).
const { importVisits } = await import('./seed.ts');
await importVisits(db);
let pendingPictures = [];
if (process.env.CANTING_MODE !== 'production') {
  const { seedRows } = await import('./seed.ts');
  pendingPictures = await seedRows(db, config);
}

// Say now, not at the first search, when a configured Meilisearch does not answer.
if (config.MEILISEARCH_HOST) {
  const { createMeilisearchEngine } = await import('../src/lib/search/meilisearch-engine.ts');
  const meili = createMeilisearchEngine({ host: config.MEILISEARCH_HOST, apiKey: config.MEILISEARCH_API_KEY });
  if (!(await meili.isHealthy())) {
    console.warn(
      `canting: WARNING — MEILISEARCH_HOST=${config.MEILISEARCH_HOST} does not answer; the site will serve with the embedded search engine.\n` +
        '  Start Meilisearch or fix MEILISEARCH_HOST / MEILISEARCH_API_KEY and restart, or unset MEILISEARCH_HOST.',
    );
  }
}

// Astro's handler (prerendered files and on-demand routes) behind our own small server, which
// adds request ids, security headers on every response and one JSON log line per request.
const { servedHosts } = await import('../src/lib/config.ts');
const { createCantingServer } = await import('../src/lib/ops/http-server.ts');
const { createUploadGate } = await import('../src/lib/ops/upload-gate.ts');
const { createHtmlCache } = await import('../src/lib/ops/html-cache.ts');
const { createOpsEndpoint } = await import('../src/lib/ops/ops-stats.ts');
const { catalogueCacheTtl, onCatalogueWrite } = await import('../src/lib/store/cached-reads.ts');
const { samplePictureProgress } = await import('../src/lib/store/sample-pictures.ts');
// Rendered public pages, dropped by every catalogue write here and expiring like the catalogue read
// cache (the bound for writes by other servers on the same PostgreSQL). HTML_CACHE=off renders every view.
const htmlCache = config.HTML_CACHE === 'on' ? createHtmlCache({ ttlMs: catalogueCacheTtl(db) }) : null;
if (htmlCache) onCatalogueWrite(() => htmlCache.invalidate());
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import('../dist/server/entry.mjs');
const server = createCantingServer(handler, {
  https: config.PUBLIC_SITE_URL.startsWith('https:'),
  compress: config.COMPRESSION === 'on',
  hosts: servedHosts(config),
  uploads: createUploadGate(config.UPLOAD_SLOTS),
  log: config.REQUEST_LOG === 'off' ? null : (line) => process.stdout.write(`${line}\n`),
  ...(htmlCache ? { htmlCache } : {}),
  ops: createOpsEndpoint({ htmlCache: () => htmlCache?.stats() ?? null, samplePictures: samplePictureProgress }),
});
const { PORT: port, HOST: host } = config;
server.once('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `canting: port ${port} is already in use; stop the other server or set PORT to another number.`
      : `canting: cannot listen on ${host}:${port}: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`canting: serving on http://localhost:${port}/ (ready ${((performance.now() - started) / 1000).toFixed(1)} s after the build check)`);
  if (pendingPictures.length > 0) void drawInBackground(pendingPictures);
});

/** The sample pictures, on worker threads, while the server serves; stopped (and resumed next start) on shutdown. */
async function drawInBackground(pending) {
  const { drawPictures } = await import('./seed.ts');
  const { onShutdown } = await import('../src/lib/ops/shutdown.ts');
  const stop = new AbortController();
  const drawing = drawPictures(db, config, pending, console.log, stop.signal).catch((error) => {
    console.error(`canting: drawing the sample pictures failed (the pieces keep their motif tiles; restart to try again): ${error.message}`);
    // Said on /ops/stats too, so nothing waits for pictures that will not come.
    const progress = samplePictureProgress();
    Object.assign(progress, { failed: progress.total - progress.done, finished: true });
  });
  // Before the database closes (hooks run newest first): let the pictures in hand finish, keep the rest for the next start.
  onShutdown(async () => {
    stop.abort();
    await drawing;
  });
}

// Stop taking new connections, let requests in flight finish, close the database, exit (at most 10 s).
const { runShutdownHooks } = await import('../src/lib/ops/shutdown.ts');
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    console.log(`canting: ${signal}, finishing requests in flight`);
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => runShutdownHooks().finally(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
