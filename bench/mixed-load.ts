#!/usr/bin/env node
/**
 * `npm run bench:mixed`: a mixed browsing load against the server as `npm start` runs it
 * (`node scripts/start.mjs`), with autocannon, on PGlite or PostgreSQL.
 *
 * Per database it
 *   1. prepares a database: PGlite on a fresh DATA_DIR (empty, so start.mjs seeds the sample
 *      catalogue, or a copy of a seeded one with --data-dir); PostgreSQL on a fresh database made
 *      with CREATE DATABASE (empty, or from --pg-template), or on the --database-url you give;
 *   2. starts `node scripts/start.mjs` (PORT = a free port, HOST=127.0.0.1, REQUEST_LOG=off, its
 *      stdout and stderr drained) and waits for /id/;
 *   3. gathers real URLs: motif slugs from content/motifs/*.yaml (and each motif page's server
 *      island URL from its HTML), product slugs from GET /api/search, facet values for the search
 *      filters; checks every URL answers 2xx before loading it;
 *   4. runs autocannon (warm-up, then the measured run) with a FIXED weighted mix: a deterministic
 *      sequence of 1 000 requests (mulberry32, --seed) that every connection walks from its own
 *      offset. Each connection is one visitor: it keeps its cookies (its own cart, created by its
 *      first add to cart and reused afterwards) for the whole run;
 *   5. records per-route counts, statuses and latencies, the server's CPU, peak RSS and the load
 *      average (sampled every second), stops the server by its pid and prints a table.
 *
 *   request mix (share of requests)
 *     home          10 %  /id/ and /en/ (prerendered)
 *     motif         15 %  /{lang}/motifs/{slug} (prerendered), always followed by
 *     motif-island  15 %  its server island /_server-islands/LivePieces?… (live pieces from the database)
 *     product       30 %  /{lang}/products/{slug} (rendered on demand)
 *     search        20 %  GET /api/search with varied words, typos, prefixes, synonyms, filters, sorts, pages
 *     cart-add      10 %  POST /api/cart/items {productSlug, quantity: 1} (JSON): each visitor adds
 *                           its own 4 in-stock pieces (mixed-plan.ts CART_SLOTS) again and again, so
 *                           its cart keeps a realistic few lines while quantities rise (capped at stock)
 *
 * Options (all optional):
 *   --db pglite|postgres|both     default pglite
 *   --connections N               default 50
 *   --duration S                  measured seconds, default 60
 *   --warmup S                    default 10
 *   --data-dir DIR                a seeded DATA_DIR to copy for PGlite (default: an empty one, seeded at start)
 *   --database-url URL            PostgreSQL database to use as is (default: a fresh one per run, see below)
 *   --pg-admin-url URL            where to CREATE/DROP the fresh database
 *                                 (default postgres://canting:canting@127.0.0.1:5432/postgres)
 *   --pg-template NAME            create the fresh database as a copy of this (seeded) one
 *   --node-env production         NODE_ENV for the server (npm start leaves it unset; with production
 *                                 start.mjs does not seed, so the fresh database is seeded first)
 *   --node-args="…"               extra node flags for the server (e.g. --node-args="--cpu-prof --cpu-prof-dir=/tmp/prof")
 *   --keep                        keep the fresh data dir / database (printed) instead of deleting it
 *   --json FILE                   where to write the JSON summary (default bench/results/mixed-<db>-<time>.json)
 *   --seed N                      seed of the request sequence (default 7)
 *   --label TEXT                  a note stored with the results
 *   --app-dir DIR                 run scripts/start.mjs (and its dist/) from this copy of the project
 *                                 instead of this one, e.g. a snapshot of an earlier version to compare
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { mulberry32, type Rng } from '../src/lib/random.ts';
import { copyDataDir, cpuMeter, freePort, machine, procStatus, ROOT, runAutocannon } from './lib/server.mjs';
import { readEventLoopWindow } from './lib/event-loop-probe.mjs';

const EVENT_LOOP_PROBE = new URL('./lib/event-loop-probe.mjs', import.meta.url).pathname;
const EVENT_LOOP_FILE = join(tmpdir(), `canting-mixed-eld-${process.pid}.json`);
import { cartBody, CART_SLOTS, islandUrl, percentile, planSequence, ROUTES, type Action, type Route } from './mixed-plan.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'pg-admin-url': { type: 'string', default: 'postgres://canting:canting@127.0.0.1:5432/postgres' },
    'pg-template': { type: 'string' },
    'node-env': { type: 'string' },
    'node-args': { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    seed: { type: 'string', default: '7' },
    label: { type: 'string', default: '' },
    'app-dir': { type: 'string' },
  },
});

const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const seed = Number(args.seed);
const databases = args.db === 'both' ? ['pglite', 'postgres'] : [args.db];
for (const db of databases) if (db !== 'pglite' && db !== 'postgres') throw new Error(`--db must be pglite, postgres or both (got ${db})`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const load1 = () => round(loadavg()[0]!, 2);
const log = (line: string) => console.error(`[mixed] ${line}`);
function buildStampOf(dir: string): string | null {
  try {
    return readFileSync(join(dir, 'dist', '.build-stamp'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** The project whose `scripts/start.mjs` (and so whose dist/) is benchmarked. */
const APP = args['app-dir'] ?? ROOT;

/* ------------------------------------------------------------------------------------------ */
/* The server, as npm start runs it                                                            */
/* ------------------------------------------------------------------------------------------ */

interface Server {
  pid: number;
  origin: string;
  output: () => string;
  stop: () => Promise<unknown>;
}

async function startServer(env: Record<string, string | undefined>): Promise<Server> {
  const port = await freePort();
  // The event-loop probe (bench/lib/event-loop-probe.mjs): the same figure as GET /ops/stats, also on older builds.
  const nodeArgs = [`--import=${EVENT_LOOP_PROBE}`, ...args['node-args'].split(' ').filter(Boolean)];
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', REQUEST_LOG: 'off', BENCH_EVENT_LOOP_FILE: EVENT_LOOP_FILE })) {
    if (v !== undefined) childEnv[k] = v;
  }
  if (!args['node-env']) delete childEnv.NODE_ENV; // as `npm start` from a shell without NODE_ENV
  else childEnv.NODE_ENV = args['node-env'];
  const child = spawn(process.execPath, [...nodeArgs, join(APP, 'scripts', 'start.mjs')], { cwd: APP, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000); // drained: a request log on stdout can never block the server
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: { code: number | null; signal: string | null } | null = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10 * 60_000; // seeding an empty database takes 1–2 minutes, a build more
  for (;;) {
    if (exited) throw new Error(`the server exited during start-up (${JSON.stringify(exited)}):\n${output}`);
    try {
      const res = await fetch(`${origin}/id/`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /id/ in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    pid: child.pid!,
    origin,
    output: () => output,
    async stop() {
      if (exited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => exited ?? child.kill('SIGKILL'), 10_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Databases                                                                                   */
/* ------------------------------------------------------------------------------------------ */

interface Prepared {
  env: Record<string, string | undefined>;
  describe: string;
  cleanup: () => Promise<void>;
}

/** With NODE_ENV=production start.mjs does not seed: seed the fresh database first, as development would. */
function seedFirst(env: Record<string, string | undefined>) {
  if (args['node-env'] !== 'production') return;
  log('seeding first (NODE_ENV=production does not seed)…');
  const childEnv = { ...process.env, ...env } as Record<string, string>;
  delete childEnv.NODE_ENV;
  const result = spawnSync(process.execPath, [join(APP, 'scripts', 'seed.ts')], { cwd: APP, env: childEnv, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('seeding failed');
}

async function preparePglite(): Promise<Prepared> {
  const source = args['data-dir'];
  const dir = source ? copyDataDir(source, 'mixed') : mkdtempSync(join(tmpdir(), 'canting-bench-mixed-'));
  const env = { DATA_DIR: dir, DATABASE_URL: '' };
  if (!source) seedFirst(env);
  return {
    env,
    describe: source ? `PGlite, copy of ${source} in ${dir}` : `PGlite, fresh DATA_DIR ${dir}`,
    async cleanup() {
      if (args.keep) log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function preparePostgres(): Promise<Prepared> {
  const media = mkdtempSync(join(tmpdir(), 'canting-bench-mixed-pg-'));
  const given = args['database-url'] ?? process.env.BENCH_DATABASE_URL;
  if (given) {
    return {
      env: { DATABASE_URL: given, DATA_DIR: media },
      describe: `PostgreSQL ${given.replace(/:[^:@/]*@/, ':***@')}`,
      cleanup: async () => rmSync(media, { recursive: true, force: true }),
    };
  }
  const admin = new URL(args['pg-admin-url']);
  const name = `canting_mixed_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  const template = args['pg-template'];
  if (template && !/^[a-z0-9_]+$/.test(template)) throw new Error('--pg-template: a plain database name');
  await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await client.end();
  const url = new URL(admin.href);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.href, DATA_DIR: media };
  if (!template) seedFirst(env);
  return {
    env,
    describe: `PostgreSQL, fresh database ${name}${template ? ` (copy of ${template})` : ''}`,
    async cleanup() {
      rmSync(media, { recursive: true, force: true });
      if (args.keep) return log(`kept database ${name}`);
      const c = new pg.Client({ connectionString: admin.href });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Real URLs                                                                                   */
/* ------------------------------------------------------------------------------------------ */

interface SearchHitLite {
  kind: string;
  slug: string;
  inStock: boolean | null;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

async function gatherUrls(origin: string, rng: Rng) {
  const motifs = readdirSync(join(APP, 'content', 'motifs'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  // Each motif page, with the server island its HTML asks for (the URL carries encrypted props).
  const motifPages: { path: string; island: string }[] = [];
  for (const lang of ['id', 'en']) {
    for (const slug of motifs) {
      const path = `/${lang}/motifs/${slug}`;
      const res = await fetch(origin + path);
      const html = await res.text();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      const island = islandUrl(html);
      if (!island) throw new Error(`${path}: no server island URL found in the HTML`);
      motifPages.push({ path, island });
    }
  }
  // Every product through the search API (empty query = all documents), and the facet values.
  const products: SearchHitLite[] = [];
  let facets: Record<string, Record<string, number>> = {};
  for (let page = 1; ; page++) {
    const r = await getJson<{ hits: SearchHitLite[]; total: number; facets: typeof facets }>(`${origin}/api/search?q=&pageSize=60&page=${page}`);
    if (page === 1) facets = r.facets;
    products.push(...r.hits.filter((h) => h.kind === 'product'));
    if (page * 60 >= r.total || r.hits.length === 0) break;
  }
  if (!products.length) throw new Error('GET /api/search lists no products: is the database seeded?');
  const slugs = products.map((p) => p.slug).sort();
  const inStock = products.filter((p) => p.inStock).map((p) => p.slug).sort();
  return { motifs, motifPages, slugs, inStock, searches: searchQueries(facets, rng) };
}

/** ~60 varied search API calls: words, typos, prefixes, synonyms in both languages; filters from the real facets; sorts; pages. */
function searchQueries(facets: Record<string, Record<string, number>>, rng: Rng): string[] {
  const words: [string, 'id' | 'en'][] = [
    ['kopi', 'id'], ['coffee', 'en'], ['tengkiang', 'id'], ['nanas', 'id'], ['pineapple', 'en'], ['mega mendung', 'id'],
    ['batik tulis', 'id'], ['hand drawn', 'en'], ['kain panjang', 'id'], ['selendang', 'id'], ['shirt', 'en'], ['kemeja', 'id'],
    ['gajah', 'id'], ['elephant', 'en'], ['awan', 'id'], ['cloud', 'en'], ['indigo', 'en'], ['biru', 'id'], ['merah', 'id'],
    ['pekalongan', 'id'], ['cirebon', 'id'], ['lampung', 'en'], ['cap', 'id'], ['stamped', 'en'], ['sutra', 'id'], ['silk', 'en'],
    ['tengkaing', 'id'], ['kemjea', 'id'], ['pineaple', 'en'], ['jlampang', 'id'],
    ['teng', 'id'], ['bat', 'id'], ['kain pan', 'id'], ['ele', 'en'], ['b', 'en'],
  ];
  const sorts = ['relevance', 'price_asc', 'price_desc', 'newest'];
  const keys = (facet: string) => Object.keys(facets[facet] ?? {}).sort();
  const out: string[] = [];
  for (const [q, lang] of words) {
    const p = new URLSearchParams({ q, lang });
    if (rng() < 0.3) p.set('sort', sorts[Math.floor(rng() * sorts.length)]!);
    if (rng() < 0.15) p.set('page', '2');
    out.push(p.toString());
  }
  for (const facet of ['region', 'motif', 'technique', 'category', 'color']) {
    const values = keys(facet);
    for (let i = 0; i < 4 && values.length; i++) {
      const p = new URLSearchParams({ q: rng() < 0.3 ? 'batik' : '', lang: rng() < 0.7 ? 'id' : 'en' });
      p.set(facet, values[Math.floor(rng() * values.length)]!);
      if (rng() < 0.4) p.set('inStock', 'true');
      if (rng() < 0.3) p.set('minPrice', String(100_000 * Math.ceil(rng() * 5)));
      if (rng() < 0.3) p.set('maxPrice', String(1_000_000 * Math.ceil(rng() * 5)));
      if (rng() < 0.5) p.set('sort', sorts[Math.floor(rng() * sorts.length)]!);
      out.push(p.toString());
    }
  }
  return out.map((qs) => `/api/search?${qs}`);
}

/* ------------------------------------------------------------------------------------------ */
/* The load                                                                                    */
/* ------------------------------------------------------------------------------------------ */

interface RouteStats {
  count: number;
  statuses: Record<string, number>;
  latencies: number[];
  /** Sent but never answered (timeout or broken connection). */
  lost: number;
}

interface Visitor {
  id: number;
  step: number;
  cookies: Record<string, string>;
  inflight: { route: Route; t0: number } | null;
  cartsCreated: number;
}

function runLoad(origin: string, sequence: Action[], cartSlugs: readonly string[], seconds: number, stats: Map<Route, RouteStats> | null) {
  let visitors = 0;
  const allVisitors: Visitor[] = [];
  const record = (route: Route, status: number | null, ms: number | null) => {
    if (!stats) return;
    let s = stats.get(route);
    if (!s) stats.set(route, (s = { count: 0, statuses: {}, latencies: [], lost: 0 }));
    if (status === null) {
      s.lost++;
      return;
    }
    s.count++;
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
    if (ms !== null) s.latencies.push(ms);
  };
  const cookieHeader = (v: Visitor) =>
    Object.entries(v.cookies)
      .map(([k, val]) => `${k}=${val}`)
      .join('; ');
  const options = {
    url: origin,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { 'accept-language': 'id,en;q=0.8', 'user-agent': 'canting-bench-mixed' },
    // One visitor per connection: autocannon resets a connection's context after each pass over
    // `requests`; setupClient keeps it instead, so cookies (the cart) live for the whole run.
    setupClient(client: { requestIterator: { context: Visitor; resetContext: () => void; rebuildRequest: () => void } }) {
      const visitor: Visitor = { id: visitors++, step: 0, cookies: {}, inflight: null, cartsCreated: 0 };
      allVisitors.push(visitor);
      const it = client.requestIterator;
      it.context = visitor;
      it.resetContext = () => undefined;
      it.rebuildRequest(); // the first request was built before this visitor existed
    },
    requests: [
      {
        setupRequest(req: Record<string, unknown> & { headers: Record<string, string> }, context: Visitor) {
          if (context.id === undefined) return { ...req, method: 'GET', path: '/id/' }; // placeholder, rebuilt in setupClient
          if (context.inflight) record(context.inflight.route, null, null); // the previous one never came back
          // Every visitor walks the same fixed sequence, from its own offset.
          const action = sequence[(context.id * 131 + context.step++) % sequence.length]!;
          context.inflight = { route: action.route, t0: performance.now() };
          const headers = { ...req.headers };
          const cookie = cookieHeader(context);
          if (cookie) headers.cookie = cookie;
          if (action.method === 'POST') {
            headers['content-type'] = 'application/json';
            headers.origin = origin;
          }
          const body = action.route === 'cart-add' ? cartBody(action, context.id, cartSlugs) : undefined;
          return { ...req, method: action.method, path: action.path, headers, body };
        },
        onResponse(status: number, _body: string, context: Visitor, headers: Record<string, string | string[]>) {
          const inflight = context.inflight;
          context.inflight = null;
          const setCookie = headers['set-cookie'] ?? headers['Set-Cookie'];
          for (const line of [setCookie ?? []].flat()) {
            const m = /^([^=;\s]+)=([^;]*)/.exec(line);
            if (!m) continue;
            if (m[1] === 'canting_cart' && context.cookies.canting_cart !== m[2]) context.cartsCreated++;
            context.cookies[m[1]!] = m[2]!;
          }
          if (inflight) record(inflight.route, status, performance.now() - inflight.t0);
        },
      },
    ],
  };
  return (runAutocannon(options) as Promise<AutocannonResult>).then((result) => ({ result, visitors: allVisitors }));
}

/** The parts of autocannon's result used here. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { mean: number; p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

/* ------------------------------------------------------------------------------------------ */
/* One database                                                                                */
/* ------------------------------------------------------------------------------------------ */

async function benchOne(database: string) {
  const prepared = database === 'pglite' ? await preparePglite() : await preparePostgres();
  log(`${database}: ${prepared.describe}; starting node scripts/start.mjs…`);
  const startedAt = performance.now();
  const server = await startServer(prepared.env).catch(async (error: unknown) => {
    await prepared.cleanup(); // no stray database or data directory when the server did not start
    throw error;
  });
  log(`${database}: server ${server.pid} answers after ${round((performance.now() - startedAt) / 1000)} s`);
  try {
    const rng = mulberry32(seed);
    const urls = await gatherUrls(server.origin, rng);
    const sequence = planSequence({ rng, motifPages: urls.motifPages, productSlugs: urls.slugs, searches: urls.searches });
    // Every distinct GET answers 2xx before we load it, and every piece a visitor may add can be added.
    for (const path of new Set(sequence.filter((a) => a.method === 'GET').map((a) => a.path))) {
      const res = await fetch(server.origin + path);
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`GET ${path} answered ${res.status}`);
    }
    for (const productSlug of urls.inStock) {
      const res = await fetch(`${server.origin}/api/cart/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify({ productSlug, quantity: 1 }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST /api/cart/items ${productSlug} answered ${res.status}`);
    }
    const distinct = (route: Route) => new Set(sequence.filter((a) => a.route === route).map((a) => a.path)).size;
    log(
      `${database}: ${urls.motifs.length} motifs, ${urls.slugs.length} products (${urls.inStock.length} in stock, ${CART_SLOTS} per visitor's cart), ` +
        `${urls.searches.length} searches; sequence of ${sequence.length}: ` +
        ROUTES.map((r) => `${r} ${sequence.filter((a) => a.route === r).length}${r === 'cart-add' ? '' : ` (${distinct(r)} distinct)`}`).join(', '),
    );

    log(`${database}: warm-up ${warmup} s with ${connections} connections…`);
    await runLoad(server.origin, sequence, urls.inStock, warmup, null);
    const rssAfterWarmup = procStatus(server.pid).VmRSS ?? 0;
    await readEventLoopWindow(server.pid, EVENT_LOOP_FILE); // the measured run gets a window of its own

    const loadSamples: number[] = [];
    const loadBefore = loadavg().map((n) => round(n, 2));
    const sampler = setInterval(() => loadSamples.push(load1()), 1_000);
    const meter = cpuMeter(server.pid);
    log(`${database}: measuring ${duration} s with ${connections} connections (load ${loadBefore.join(' ')})…`);
    const stats = new Map<Route, RouteStats>();
    const { result, visitors } = await runLoad(server.origin, sequence, urls.inStock, duration, stats);
    const cpu = meter.stop();
    const eventLoopDelayMs = (await readEventLoopWindow(server.pid, EVENT_LOOP_FILE)) as { p50: number; p99: number; max: number; mean: number } | null;
    clearInterval(sampler);
    const loadAfter = loadavg().map((n) => round(n, 2));
    const status = procStatus(server.pid);

    // The carts are real: one visitor's cart, read back through GET /api/cart.
    const sample = visitors.find((v) => v.cookies.canting_cart);
    const cart = sample
      ? ((await (await fetch(`${server.origin}/api/cart`, { headers: { cookie: `canting_cart=${sample.cookies.canting_cart}` } })).json()) as {
          count: number;
          groups: { items: unknown[] }[];
        })
      : null;

    const routes = ROUTES.map((route) => {
      const s = stats.get(route) ?? { count: 0, statuses: {}, latencies: [], lost: 0 };
      const sorted = s.latencies.sort((a, b) => a - b);
      const non2xx = Object.entries(s.statuses).filter(([code]) => !code.startsWith('2')).reduce((n, [, c]) => n + c, 0);
      return {
        route,
        requests: s.count,
        share: 0,
        rps: round(s.count / duration),
        latencyMs: { p50: round(percentile(sorted, 50)), p97_5: round(percentile(sorted, 97.5)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) },
        statuses: s.statuses,
        non2xx,
        lost: s.lost,
      };
    });
    const total = routes.reduce((n, r) => n + r.requests, 0);
    for (const r of routes) r.share = round((100 * r.requests) / Math.max(1, total));

    return {
      database,
      describe: prepared.describe,
      label: args.label,
      date: new Date().toISOString(),
      nodeEnv: args['node-env'] ?? '(unset, as npm start)',
      connections,
      durationS: duration,
      warmupS: warmup,
      rps: round(result.requests.average),
      requests: result.requests.total,
      latencyMs: { mean: round(result.latency.mean, 2), p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes: result.statusCodeStats,
      routes,
      carts: { visitors: visitors.length, created: visitors.reduce((n, v) => n + v.cartsCreated, 0), sample: cart ? { lines: cart.groups.reduce((n, g) => n + g.items.length, 0), pieces: cart.count } : null },
      server: { pid: server.pid, peakRssMB: Math.round((status.VmHWM ?? 0) / 1024), rssAfterWarmupMB: Math.round(rssAfterWarmup / 1024) },
      cpu,
      eventLoopDelayMs,
      serverCpuMsPerRequest: round((cpu.serverPct * 10) / result.requests.average, 2),
      loadavg: {
        before: loadBefore,
        after: loadAfter,
        during1m: loadSamples.length
          ? { min: Math.min(...loadSamples), mean: round(loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length, 2), max: Math.max(...loadSamples) }
          : null,
      },
    };
  } finally {
    await server.stop();
    log(`${database}: server ${server.pid} stopped`);
    await prepared.cleanup();
  }
}

/* ------------------------------------------------------------------------------------------ */

const runs = [];
for (const database of databases) runs.push(await benchOne(database));
const summary = { bench: 'mixed-load', machine: { ...machine(), app: APP, buildStamp: buildStampOf(APP) }, seed, runs };
const jsonFile =
  args.json ?? join(ROOT, 'bench', 'results', `mixed-${args.db}-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`);
mkdirSync(join(jsonFile, '..'), { recursive: true });
writeFileSync(jsonFile, JSON.stringify(summary, null, 2));

for (const r of runs) {
  console.log(`\n## ${r.database} — ${r.describe}${r.label ? ` — ${r.label}` : ''}`);
  console.log(`${r.date}, app ${APP}, NODE_ENV ${r.nodeEnv}, ${r.connections} connections, ${r.durationS} s (after ${r.warmupS} s warm-up)`);
  console.log(
    `load average 1m: before ${r.loadavg.before[0]}, during ${r.loadavg.during1m?.min}–${r.loadavg.during1m?.max} (mean ${r.loadavg.during1m?.mean}), after ${r.loadavg.after[0]}; ` +
      `CPU % server / client / postgres / others: ${r.cpu.serverPct} / ${r.cpu.benchClientPct} / ${r.cpu.postgresPct} / ${r.cpu.othersPct}; ` +
      `server CPU ${r.serverCpuMsPerRequest} ms/request; peak RSS ${r.server.peakRssMB} MB; ` +
      `event-loop delay p50 / p99 / max ${r.eventLoopDelayMs?.p50 ?? '?'} / ${r.eventLoopDelayMs?.p99 ?? '?'} / ${r.eventLoopDelayMs?.max ?? '?'} ms`,
  );
  console.log(
    `carts: ${r.carts.created} created by ${r.carts.visitors} visitors; one visitor's cart after the run: ${r.carts.sample?.lines ?? '?'} lines, ${r.carts.sample?.pieces ?? '?'} pieces\n`,
  );
  console.log('| route | share % | req/s | p50 ms | p97.5 ms | p99 ms | max ms | non-2xx | lost |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const x of r.routes) {
    console.log(`| ${x.route} | ${x.share} | ${x.rps} | ${x.latencyMs.p50} | ${x.latencyMs.p97_5} | ${x.latencyMs.p99} | ${x.latencyMs.max} | ${x.non2xx} | ${x.lost} |`);
  }
  console.log(
    `| **all** (autocannon) | 100 | **${r.rps}** | ${r.latencyMs.p50} | ${r.latencyMs.p97_5} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.non2xx} | errors ${r.errors}, timeouts ${r.timeouts} |`,
  );
}
console.log(`\nJSON: ${jsonFile}`);
