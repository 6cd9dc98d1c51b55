#!/usr/bin/env node
/**
 * `npm run bench:lighthouse`: Lighthouse (mobile preset: Moto G Power viewport, simulated slow 4G
 * and 4× CPU slowdown, the defaults) on four templates of the built site: home (/id/), a motif
 * page (/id/motifs/kopi), a product page (the first in-stock product hit of /api/search?q=kopi, so
 * the add-to-cart form is there) and search (/id/search?q=kopi), in each language of BENCH_LANGS.
 * Prints the four category scores, the core metrics, what costs points, and page weight per
 * template; checks the budgets. Writes the JSON summary to bench/results/lighthouse.json.
 *
 * How: seed a PGlite DATA_DIR with the sample catalogue (`node scripts/seed.ts`, 1.5–8 min) unless
 * BENCH_PGLITE_DIR names a seeded one (copied first, never modified); start
 * `node dist/server/entry.mjs` on a free port (bench/lib/server.mjs); request every page once (the
 * search index and the database open on first use); start Debian's Chromium headless with a fresh
 * profile and no background networking, and run Lighthouse's Node API against it (`port`), one page
 * at a time. Everything started here is stopped by its pid at the end.
 *
 * Page weight (1 KB = 1024 bytes), from Lighthouse's network records (http(s) requests only; data:
 * URLs are part of the HTML that carries them):
 *   - transfer: bytes on the wire as this server sends them, headers included (the standalone
 *     adapter does not compress; with BENCH_COMPRESS=1 this is brotli, Chromium's first choice);
 *   - gzip: what the same page weighs with gzip: every same-origin text response (HTML, JS, CSS,
 *     SVG, JSON, server-island HTML) fetched again and gzipped here at level 6; images and other
 *     binary responses at their transfer size. This is the figure the budgets use;
 *   - uncompressed: the decoded body size (resourceSize);
 *   - "lazy below the fold": <img loading="lazy"> whose box lies outside the first mobile viewport
 *     when Lighthouse collects the page's images (after load); Chrome may fetch them anyway (its
 *     lazy-load margin is ~1 250–2 500 px), but a visitor who does not scroll need not.
 * Budgets: motif page JavaScript ≤ 15 KB gzipped (script files + inline scripts, each gzipped on
 * its own); product page total ≤ 60 KB gzipped without the lazy images below the fold.
 *
 * Environment (all optional):
 *   BENCH_LANGS        "id,en"     BENCH_RUNS  1 (runs per page; the run with the median
 *                                  performance score is reported, with the min–max range)
 *   BENCH_COMPRESS     1: serve through src/lib/ops/compression.ts (bench/lib/compressed-server.ts),
 *                      as a production wrapper would; default: the standalone server, uncompressed
 *   BENCH_TEMPLATES    "home,motif,product,search" (a subset to run)
 *   BENCH_PRODUCT      the product slug (default: the first in-stock product hit for "kopi")
 *   BENCH_PGLITE_DIR   a seeded DATA_DIR to copy instead of seeding a new one
 *   CHROME_PATH        /usr/bin/chromium
 *   BENCH_JSON         where to write the JSON summary (default bench/results/lighthouse.json)
 *   BENCH_REPORT_DIR   also write each run's full Lighthouse report there (HTML and JSON)
 *   BENCH_APP_DIR      a snapshot of dist/ to serve (see bench/lib/server.mjs)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse, { generateReport, type Result, type RunnerResult } from 'lighthouse';
import { copyDataDir, load, machine, ROOT, round, startServer } from './lib/server.mjs';

const env = process.env;
const langs = (env.BENCH_LANGS ?? 'id,en').split(',').map((s) => s.trim()).filter(Boolean);
const runsPerPage = Math.max(1, Number(env.BENCH_RUNS ?? 1));
const chromePath = env.CHROME_PATH ?? '/usr/bin/chromium';
const jsonPath = env.BENCH_JSON ?? join(ROOT, 'bench', 'results', 'lighthouse.json');
const reportDir = env.BENCH_REPORT_DIR;
const compress = env.BENCH_COMPRESS === '1';
const templates = (env.BENCH_TEMPLATES ?? 'home,motif,product,search').split(',').map((s) => s.trim());
const KB = 1024;
const BUDGETS = { motifJsGzip: 15 * KB, productTotalGzip: 60 * KB };

type Template = 'home' | 'motif' | 'product' | 'search';
type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';
const CATEGORIES: Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];

interface Bytes {
  transfer: number;
  gzip: number;
  uncompressed: number;
  count: number;
}
interface Weight {
  requests: number;
  total: Bytes;
  html: Bytes;
  js: Bytes;
  css: Bytes;
  images: Bytes;
  fonts: Bytes;
  other: Bytes;
  lazyBelowFoldImages: Bytes;
  /** Inline scripts in the HTML (already inside `html`): uncompressed bytes, gzip size on their own. */
  inlineJs: { bytes: number; gzip: number; count: number };
  /** gzip total minus lazy images below the fold: the product page budget's figure. */
  budgetGzip: number;
  requestList: { url: string; type: string; transfer: number; gzip: number; uncompressed: number; priority: string; lazyBelowFold: boolean }[];
}
interface RunSummary {
  scores: Record<Category, number>;
  /**
   * The performance score with Total Blocking Time counted as perfect: the part of the score that
   * does not hang on how busy this machine's CPU was (simulated throttling multiplies the main
   * thread's observed task times by 4, so other people's builds on a shared box land in TBT).
   */
  performanceWithoutTbt: number;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** Audits that cost points, per category: id, score, what Lighthouse shows. */
  failing: Record<Category, { id: string; score: number | null; display: string }[]>;
  /** Performance insights and diagnostics with estimated savings. */
  opportunities: { id: string; display: string; savings: Record<string, number> }[];
  lcpElement: string | null;
  benchmarkIndex: number | null;
  warnings: string[];
  weight: Weight;
  loadavg: number[];
}
interface PageSummary {
  template: Template;
  lang: string;
  path: string;
  runs: number;
  performanceRange: [number, number];
  median: RunSummary;
}

/* ------------------------------------------------------------------------------------------ */
/* Server and browser                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** A seeded DATA_DIR of our own: a copy of BENCH_PGLITE_DIR, or a fresh one seeded now. */
function prepareDataDir(): string {
  if (env.BENCH_PGLITE_DIR) return copyDataDir(env.BENCH_PGLITE_DIR, 'lighthouse');
  const dir = mkdtempSync(join(tmpdir(), 'canting-bench-lighthouse-'));
  console.error(`seeding the sample catalogue into ${dir} (about 1.5 min)…`);
  const seeded = spawnSync(process.execPath, [join(ROOT, 'scripts', 'seed.ts')], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'development' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (seeded.status !== 0) throw new Error(`scripts/seed.ts failed (${seeded.status})`);
  return dir;
}

interface Browser {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** Debian's Chromium, headless, with a throwaway profile and nothing that talks to the internet. */
async function startChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'canting-lighthouse-chrome-'));
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--metrics-recording-only',
    '--mute-audio',
    '--password-store=basic',
    '--use-mock-keychain',
    `--user-data-dir=${profile}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    'about:blank',
  ];
  const child: ChildProcess = spawn(chromePath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not open its DevTools port:\n${err}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`chromium exited (${code}):\n${err}`)));
  });
  child.stderr!.resume();
  return {
    pid: child.pid!,
    port,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => exited || child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Page weight                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Inline `<script>`s of a page (JSON-LD excepted): their bytes and gzip size, counted with the HTML above. */
async function inlineScripts(url: string): Promise<{ bytes: number; gzip: number; count: number }> {
  const html = await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/type="application\/ld\+json"/i.test(m[1]!) && !/\bsrc=/i.test(m[1]!));
  const bodies = scripts.map((m) => Buffer.from(m[2]!));
  return { bytes: bodies.reduce((n, b) => n + b.length, 0), gzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0), count: bodies.length };
}

const TEXT = /^(text\/|application\/(javascript|json|xml|ld\+json|manifest\+json)|image\/svg\+xml)/;
const gzipCache = new Map<string, number>();

/** The gzip -6 size of a same-origin text response, fetched again (uncompressed) from the server. */
async function gzipSize(url: string, mime: string, fallback: number): Promise<number> {
  if (!TEXT.test(mime)) return fallback;
  const cached = gzipCache.get(url);
  if (cached !== undefined) return cached;
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity', 'accept-language': 'id' } });
  const body = Buffer.from(await res.arrayBuffer());
  const size = gzipSync(body, { level: 6 }).length;
  gzipCache.set(url, size);
  return size;
}

interface NetworkItem {
  url: string;
  resourceType?: string;
  mimeType?: string;
  transferSize?: number;
  resourceSize?: number;
  priority?: string;
  statusCode?: number;
}
interface ImageElement {
  src: string;
  loading?: string;
  isCss: boolean;
  clientRect: { top: number; bottom: number; left: number; right: number };
}

const empty = (): Bytes => ({ transfer: 0, gzip: 0, uncompressed: 0, count: 0 });
const add = (b: Bytes, t: number, g: number, u: number) => {
  b.transfer += t;
  b.gzip += g;
  b.uncompressed += u;
  b.count += 1;
};

async function pageWeight(lhr: Result, images: ImageElement[], origin: string): Promise<Weight> {
  const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter((i) => /^https?:/.test(i.url));
  const { width, height } = lhr.configSettings.screenEmulation;
  const outside = (r: ImageElement['clientRect']) => r.top >= height || r.left >= width || r.bottom <= 0 || r.right <= 0;
  const lazyBelow = new Set(images.filter((i) => !i.isCss && i.loading === 'lazy' && outside(i.clientRect)).map((i) => i.src));
  const w: Weight = { requests: items.length, total: empty(), html: empty(), js: empty(), css: empty(), images: empty(), fonts: empty(), other: empty(), lazyBelowFoldImages: empty(), inlineJs: { bytes: 0, gzip: 0, count: 0 }, budgetGzip: 0, requestList: [] };
  for (const item of items) {
    const transfer = item.transferSize ?? 0;
    const uncompressed = item.resourceSize ?? 0;
    const mime = item.mimeType ?? '';
    const gzip = item.url.startsWith(origin) && (item.statusCode ?? 200) < 400 ? await gzipSize(item.url, mime, transfer) : transfer;
    const type = item.resourceType ?? 'Other';
    const bucket = type === 'Document' ? w.html : type === 'Script' ? w.js : type === 'Stylesheet' ? w.css : type === 'Image' ? w.images : type === 'Font' ? w.fonts : w.other;
    add(bucket, transfer, gzip, uncompressed);
    add(w.total, transfer, gzip, uncompressed);
    if (type === 'Document' && item.url.startsWith(origin)) w.inlineJs = await inlineScripts(item.url);
    const lazy = type === 'Image' && lazyBelow.has(item.url);
    if (lazy) add(w.lazyBelowFoldImages, transfer, gzip, uncompressed);
    w.requestList.push({ url: item.url.replace(origin, ''), type, transfer, gzip, uncompressed, priority: item.priority ?? '', lazyBelowFold: lazy });
  }
  w.budgetGzip = w.total.gzip - w.lazyBelowFoldImages.gzip;
  return w;
}

/* ------------------------------------------------------------------------------------------ */
/* One Lighthouse run                                                                          */
/* ------------------------------------------------------------------------------------------ */

function summariseScores(lhr: Result): Pick<RunSummary, 'scores' | 'performanceWithoutTbt' | 'metrics' | 'failing' | 'opportunities' | 'lcpElement' | 'benchmarkIndex' | 'warnings'> {
  const score = (c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const failing = {} as RunSummary['failing'];
  for (const c of CATEGORIES) {
    failing[c] = (lhr.categories[c]?.auditRefs ?? [])
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ ref, audit }) => audit && ref.weight > 0 && audit.score !== null && audit.score < (c === 'performance' ? 0.9 : 1))
      .map(({ audit }) => ({ id: audit!.id, score: audit!.score, display: audit!.displayValue ?? audit!.title }));
  }
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.metricSavings && Object.values(a.metricSavings).some((v) => (v ?? 0) > 0) && a.score !== null && a.score < 1)
    .map((a) => ({ id: a.id, display: a.displayValue ?? a.title, savings: a.metricSavings as Record<string, number> }));
  const perfRefs = (lhr.categories.performance?.auditRefs ?? []).filter((r) => r.weight > 0);
  const totalWeight = perfRefs.reduce((n, r) => n + r.weight, 0);
  const withoutTbt = perfRefs.reduce((n, r) => n + r.weight * (r.id === 'total-blocking-time' ? 1 : (lhr.audits[r.id]?.score ?? 0)), 0);
  const lcpItems = (lhr.audits['largest-contentful-paint-element']?.details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined)?.items;
  const lcpElement = lcpItems?.[0]?.items?.[0]?.node?.snippet ?? null;
  return {
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
    performanceWithoutTbt: totalWeight ? Math.round((withoutTbt / totalWeight) * 100) : 0,
    metrics: {
      fcpMs: Math.round(num('first-contentful-paint')),
      lcpMs: Math.round(num('largest-contentful-paint')),
      tbtMs: Math.round(num('total-blocking-time')),
      cls: round(num('cumulative-layout-shift'), 3),
      speedIndexMs: Math.round(num('speed-index')),
    },
    failing,
    opportunities,
    lcpElement,
    benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
    warnings: lhr.runWarnings,
  };
}

async function runOnce(url: string, port: number, origin: string, label: string): Promise<RunSummary> {
  const result: RunnerResult | undefined = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  lighthouseVersion = lhr.lighthouseVersion;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (reportDir) {
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, `${label}.html`), generateReport(lhr, 'html'));
    writeFileSync(join(reportDir, `${label}.json`), JSON.stringify(lhr));
  }
  const images = ((result.artifacts as unknown as { ImageElements?: ImageElement[] }).ImageElements ?? []) as ImageElement[];
  return { ...summariseScores(lhr), weight: await pageWeight(lhr, images, origin), loadavg: load() };
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                        */
/* ------------------------------------------------------------------------------------------ */

const kb = (n: number) => (n / KB).toFixed(1);
const loadAtStart = load();
const dataDir = prepareDataDir();
let server: Awaited<ReturnType<typeof startServer>> | undefined;
let browser: Browser | undefined;
const pages: PageSummary[] = [];
let productSlug = '';
let lighthouseVersion = '';
try {
  console.error('starting the server…');
  server = await startServer({ env: { DATA_DIR: dataDir, DATABASE_URL: '' }, ...(compress ? { script: join(ROOT, 'bench', 'lib', 'compressed-server.ts') } : {}) });
  const origin: string = server.origin;
  const api = await fetch(`${origin}/api/search?q=kopi&lang=id`);
  // An in-stock piece: its page carries the add-to-cart form, the heaviest product page.
  const hits = ((await api.json()) as { hits?: { kind: string; slug: string; inStock: boolean | null }[] }).hits ?? [];
  productSlug = env.BENCH_PRODUCT ?? hits.find((h) => h.kind === 'product' && h.inStock)?.slug ?? '';
  if (!productSlug) throw new Error('/api/search?q=kopi found no product: is the database seeded?');

  const targets: { template: Template; lang: string; path: string }[] = langs
    .flatMap((lang) => [
      { template: 'home' as const, lang, path: `/${lang}/` },
      { template: 'motif' as const, lang, path: `/${lang}/motifs/kopi` },
      { template: 'product' as const, lang, path: `/${lang}/products/${productSlug}` },
      { template: 'search' as const, lang, path: `/${lang}/search?q=kopi` },
    ])
    .filter((t) => templates.includes(t.template));
  // Warm the server: the database, the search index and the renderers open on first use.
  for (const t of targets) {
    const res = await fetch(origin + t.path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
  }

  browser = await startChromium();
  console.error(`chromium ${browser.pid} on DevTools port ${browser.port}; load ${load().join(' ')}`);
  for (const t of targets) {
    const runs: RunSummary[] = [];
    for (let i = 0; i < runsPerPage; i++) {
      const label = `${t.lang}-${t.template}-${i + 1}`;
      const run = await runOnce(origin + t.path, browser.port, origin, label);
      console.error(`  ${label}: ${CATEGORIES.map((c) => run.scores[c]).join(' / ')}  (LCP ${run.metrics.lcpMs} ms, TBT ${run.metrics.tbtMs} ms, load ${run.loadavg[0]})`);
      runs.push(run);
    }
    const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
    pages.push({
      ...t,
      runs: runs.length,
      performanceRange: [sorted[0]!.scores.performance, sorted[sorted.length - 1]!.scores.performance],
      median: sorted[Math.floor((sorted.length - 1) / 2)]!,
    });
  }
} finally {
  await browser?.stop();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const budgets = pages
  .filter((p) => p.template === 'motif' || p.template === 'product')
  .map((p) =>
    p.template === 'motif'
      ? { page: p.path, rule: 'JavaScript (files + inline) ≤ 15 KB gzipped', measured: p.median.weight.js.gzip + p.median.weight.inlineJs.gzip, limit: BUDGETS.motifJsGzip, ok: p.median.weight.js.gzip + p.median.weight.inlineJs.gzip <= BUDGETS.motifJsGzip }
      : { page: p.path, rule: 'total ≤ 60 KB gzipped (without lazy images below the fold)', measured: p.median.weight.budgetGzip, limit: BUDGETS.productTotalGzip, ok: p.median.weight.budgetGzip <= BUDGETS.productTotalGzip },
  );
const summary = {
  bench: 'lighthouse',
  date: new Date().toISOString(),
  lighthouse: lighthouseVersion,
  chromium: spawnSync(chromePath, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  preset: 'mobile (default config: simulated throttling, 4× CPU slowdown, slow 4G)',
  machine: machine(),
  loadavg: { atStart: loadAtStart, atEnd: load() },
  runsPerPage,
  server: compress ? 'compressed (bench/lib/compressed-server.ts)' : 'standalone (uncompressed)',
  productSlug,
  budgets,
  pages,
};
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, JSON.stringify(summary, null, 2));

const out: string[] = [];
out.push(`\nLighthouse ${summary.lighthouse}, ${summary.chromium}, mobile preset; ${summary.server} server; ${runsPerPage} run(s) per page (median by performance score); load 1m ${loadAtStart[0]} → ${summary.loadavg.atEnd[0]}`);
out.push('\n| page | perf | a11y | best pr. | SEO | FCP ms | LCP ms | TBT ms | CLS | SI ms | perf range | perf if TBT were 0 | CPU benchmark |');
out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
for (const p of pages) {
  const r = p.median;
  out.push(`| ${p.path} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${r.metrics.fcpMs} | ${r.metrics.lcpMs} | ${r.metrics.tbtMs} | ${r.metrics.cls} | ${r.metrics.speedIndexMs} | ${p.performanceRange.join('–')} | ${r.performanceWithoutTbt} | ${r.benchmarkIndex ?? ''} |`);
}
out.push('\nPage weight in KB (1 KB = 1024 B). transfer = as served; gzip = text responses gzipped (-6), images as served; JS also uncompressed.');
out.push('\n| page | requests | total transfer / gzip | HTML transfer / gzip | JS files transfer / gzip / uncompressed (n) | inline JS bytes / gzip (n) | CSS transfer / gzip | images (n) | of which lazy below the fold | other (fetch, fonts) gzip | budget figure (gzip − lazy below fold) |');
out.push('| --- | ---: | --- | --- | --- | --- | --- | --- | --- | ---: | ---: |');
for (const p of pages) {
  const w = p.median.weight;
  out.push(
    `| ${p.path} | ${w.requests} | ${kb(w.total.transfer)} / ${kb(w.total.gzip)} | ${kb(w.html.transfer)} / ${kb(w.html.gzip)} | ${kb(w.js.transfer)} / ${kb(w.js.gzip)} / ${kb(w.js.uncompressed)} (${w.js.count}) | ${kb(w.inlineJs.bytes)} / ${kb(w.inlineJs.gzip)} (${w.inlineJs.count}) | ${kb(w.css.transfer)} / ${kb(w.css.gzip)} | ${kb(w.images.transfer)} (${w.images.count}) | ${kb(w.lazyBelowFoldImages.transfer)} (${w.lazyBelowFoldImages.count}) | ${kb(w.other.gzip + w.fonts.gzip)} | ${kb(w.budgetGzip)} |`,
  );
}
out.push('\nBudgets:');
for (const b of budgets) out.push(`- ${b.page}: ${b.rule}: ${kb(b.measured)} KB → ${b.ok ? 'met' : `MISSED by ${kb(b.measured - b.limit)} KB`}`);
out.push('\nWhat costs points (performance: audits scoring < 0.9; others: < 1):');
for (const p of pages) {
  const lines = CATEGORIES.flatMap((c) => p.median.failing[c].map((f) => `${c}: ${f.id} (${f.score}) ${f.display}`));
  const opp = p.median.opportunities.map((o) => `${o.id}: ${o.display} ${JSON.stringify(o.savings)}`);
  out.push(`- ${p.path}${lines.length || opp.length ? '' : ': nothing'}`);
  for (const l of lines) out.push(`    ${l}`);
  for (const l of opp) out.push(`    savings: ${l}`);
  if (p.median.lcpElement) out.push(`    LCP element: ${p.median.lcpElement}`);
  for (const wn of p.median.warnings) out.push(`    warning: ${wn}`);
}
out.push(`\nJSON summary: ${jsonPath}`);
console.log(out.join('\n'));
