#!/usr/bin/env node
/**
 * `npm run bench:product`: the product page (/{lang}/products/{slug}, rendered on demand, reading
 * the database on every view) under load with autocannon, against the built server, once with
 * the embedded PGlite database and once with PostgreSQL.
 *
 * For each database: start `node dist/server/entry.mjs`, read the product URLs from /sitemap.xml,
 * take BENCH_PRODUCTS products spread over the list in both languages, warm up, measure, read
 * the server's peak RSS (VmHWM), stop the server. Prints a JSON summary and a Markdown table.
 * Nothing here asserts a timing: it measures and reports.
 *
 * Environment (all optional):
 *   BENCH_PGLITE_DIR   seeded DATA_DIR for PGlite; copied to a temporary directory per run
 *                      (default /tmp/canting-data2, else ./.data)
 *   BENCH_DATABASE_URL PostgreSQL URL (default postgres://canting:canting@127.0.0.1:5432/canting_bench)
 *   BENCH_PG_DATA_DIR  DATA_DIR for the PostgreSQL run (its media/ directory; default /tmp/canting-bench-pg)
 *   BENCH_ONLY         pglite | postgres: run one database only
 *   BENCH_CONNECTIONS  10      BENCH_DURATION  20 (s)     BENCH_WARMUP  3 (s)
 *   BENCH_PRODUCTS     50 (products; each requested in both languages)
 *   BENCH_NODE_ARGS    extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 *   BENCH_SERVER       entry (default: dist/server/entry.mjs, every view rendered) | start (scripts/start.mjs,
 *                      as npm start: the HTML cache answers repeat views)
 *   BENCH_JSON         write the JSON summary to this file too
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_DIR, copyDataDir, cpuMeter, load, machine, procStatus, runAutocannon, startServer, summarise } from './lib/server.mjs';

const env = process.env;
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const duration = Number(env.BENCH_DURATION ?? 20);
const warmup = Number(env.BENCH_WARMUP ?? 3);
const productCount = Number(env.BENCH_PRODUCTS ?? 50);
const nodeArgs = (env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const pgliteSource = env.BENCH_PGLITE_DIR ?? (existsSync('/tmp/canting-data2') ? '/tmp/canting-data2' : '.data');
const databaseUrl = env.BENCH_DATABASE_URL ?? 'postgres://canting:canting@127.0.0.1:5432/canting_bench';
const pgDataDir = env.BENCH_PG_DATA_DIR ?? '/tmp/canting-bench-pg';

/** Product paths from the sitemap: `count` products evenly spread over the sorted list, both languages. */
async function productPaths(origin, count) {
  const res = await fetch(`${origin}/sitemap.xml`);
  if (!res.ok) throw new Error(`/sitemap.xml answered ${res.status}`);
  const xml = await res.text();
  const slugs = [...new Set([...xml.matchAll(/<loc>[^<]*\/(?:id|en)\/products\/([^<\/]+)<\/loc>/g)].map((m) => m[1]))].sort();
  if (slugs.length === 0) throw new Error('the sitemap lists no products: is the database seeded?');
  const n = Math.min(count, slugs.length);
  const chosen = Array.from({ length: n }, (_, i) => slugs[Math.floor((i * slugs.length) / n)]);
  // Interleave languages so neighbouring requests differ in both slug and language.
  return { available: slugs.length, paths: chosen.flatMap((slug) => [`/id/products/${slug}`, `/en/products/${slug}`]) };
}

/**
 * BENCH_SERVER: `entry` (default: `node dist/server/entry.mjs`, Astro's handler alone, NODE_ENV=production:
 * every view is rendered) or `start` (`node scripts/start.mjs` as `npm start` runs it, NODE_ENV as a shell
 * leaves it: with the HTML cache of public pages, REQUEST_LOG=off).
 */
const viaStart = env.BENCH_SERVER === 'start';

async function benchOne(label, serverEnv, cleanup) {
  console.error(`\n[${label}] starting server${viaStart ? ' (scripts/start.mjs)' : ''}…`);
  const server = await startServer(
    viaStart
      ? { env: { ...serverEnv, NODE_ENV: '', REQUEST_LOG: 'off' }, nodeArgs, script: join(APP_DIR, 'scripts', 'start.mjs'), timeoutMs: 300_000 }
      : { env: serverEnv, nodeArgs },
  );
  try {
    const { available, paths } = await productPaths(server.origin, productCount);
    // Sanity: every chosen page renders (200, HTML) before we load it.
    for (const path of paths) {
      const res = await fetch(server.origin + path);
      const body = await res.text();
      if (res.status !== 200 || !body.includes('<h1')) throw new Error(`${path} answered ${res.status}`);
    }
    const requests = paths.map((path) => ({ method: 'GET', path }));
    const common = { url: server.origin, connections, requests, headers: { 'accept-language': 'id' } };
    console.error(`[${label}] ${paths.length} URLs (${paths.length / 2} of ${available} products × 2 languages); warm-up ${warmup} s…`);
    await runAutocannon({ ...common, duration: warmup });
    const rssAfterWarmup = procStatus(server.pid).VmRSS;
    const loadBefore = load();
    console.error(`[${label}] measuring ${duration} s with ${connections} connections (load ${loadBefore.join(' ')})…`);
    const meter = cpuMeter(server.pid);
    const result = await runAutocannon({ ...common, duration });
    const cpu = meter.stop();
    const loadAfter = load();
    const status = procStatus(server.pid);
    return {
      database: label,
      date: new Date().toISOString(),
      urls: paths.length,
      productsAvailable: available,
      connections,
      durationS: duration,
      warmupS: warmup,
      ...summarise(result),
      server: { pid: server.pid, peakRssMB: Math.round((status.VmHWM ?? 0) / 1024), rssAfterWarmupMB: Math.round((rssAfterWarmup ?? 0) / 1024), rssEndMB: Math.round((status.VmRSS ?? 0) / 1024) },
      cpu,
      // Server CPU time per request: what one Node thread spends on a page, whatever the load.
      serverCpuMsPerRequest: Math.round(((cpu.serverPct * 10) / result.requests.average) * 100) / 100,
      loadavg: { atStart: loadAtStart, before: loadBefore, after: loadAfter },
    };
  } finally {
    await server.stop();
    console.error(`[${label}] server ${server.pid} stopped`);
    cleanup?.();
  }
}

const loadAtStart = load();
const runs = [];
if (env.BENCH_ONLY !== 'postgres') {
  const dir = copyDataDir(pgliteSource, 'pglite');
  runs.push(await benchOne('pglite', { DATA_DIR: dir, DATABASE_URL: '' }, () => rmSync(dir, { recursive: true, force: true })));
}
if (env.BENCH_ONLY !== 'pglite') {
  runs.push(await benchOne('postgres', { DATA_DIR: pgDataDir, DATABASE_URL: databaseUrl }));
}

const summary = { bench: 'product-page', machine: machine(), runs };
console.log(JSON.stringify(summary, null, 2));
if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, JSON.stringify(summary, null, 2));

console.log(`\nload average at start (before any server): ${loadAtStart.join(' ')}`);
console.log('\n| database | req/s (mean) | p50 ms | p97.5 ms | p99 ms | max ms | requests | errors | non-2xx | peak RSS MB | CPU % server / client / postgres / others | server CPU ms/req | load 1m before → after |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |');
for (const r of runs) {
  console.log(
    `| ${r.database} | ${r.rps} | ${r.latencyMs.p50} | ${r.latencyMs.p97_5} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.requests} | ${r.errors + r.timeouts} | ${r.non2xx} | ${r.server.peakRssMB} | ${r.cpu.serverPct} / ${r.cpu.benchClientPct} / ${r.cpu.postgresPct} / ${r.cpu.othersPct} | ${r.serverCpuMsPerRequest} | ${r.loadavg.before[0]} → ${r.loadavg.after[0]} |`,
  );
}
