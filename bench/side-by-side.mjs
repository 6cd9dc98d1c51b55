#!/usr/bin/env node
/**
 * `npm run bench:side-by-side`: in one run, on one server started as `npm start` does
 * (`node scripts/start.mjs`, REQUEST_LOG=off), the same load against
 *   1. product pages, cycling the whole catalogue (every piece in both languages: rendered on demand,
 *      or answered from the HTML cache),
 *   2. prerendered pages through the same server (the motif pages, both languages),
 *   3. a bare `node:http` server in a child process answering one product page's HTML from memory
 *      (the ceiling: no routing, no headers, no rendering),
 * each after its own warm-up, and prints req/s, latency, the ratios, and the server's event-loop delay
 * (p99) during each measured phase (bench/lib/event-loop-probe.mjs). Nothing asserts a timing.
 *
 * Options (environment, all optional):
 *   BENCH_DATA_DIR     seeded DATA_DIR, copied for the run (default /tmp/canting-data2, else ./.data)
 *   BENCH_DATABASE_URL PostgreSQL instead of PGlite (a seeded database, used as is; DATA_DIR still holds media)
 *   BENCH_APP_DIR      run another copy of the project (a snapshot of an earlier version)
 *   BENCH_CONNECTIONS 50   BENCH_DURATION 10 (s)   BENCH_WARMUP 3 (s)
 *   BENCH_JSON         also write the JSON summary to this file
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventLoopWindow } from './lib/event-loop-probe.mjs';
import { APP_DIR, copyDataDir, cpuMeter, freePort, machine, round, runAutocannon, startServer } from './lib/server.mjs';

const env = process.env;
const connections = Number(env.BENCH_CONNECTIONS ?? 50);
const duration = Number(env.BENCH_DURATION ?? 10);
const warmup = Number(env.BENCH_WARMUP ?? 3);
const source = env.BENCH_DATA_DIR ?? (existsSync('/tmp/canting-data2') ? '/tmp/canting-data2' : '.data');
const probe = new URL('./lib/event-loop-probe.mjs', import.meta.url).pathname;
const windowFile = join(tmpdir(), `canting-eld-${process.pid}.json`);

const log = (line) => console.error(`[side-by-side] ${line}`);

async function load(origin, paths, label, serverPid) {
  const requests = paths.map((path) => ({ method: 'GET', path }));
  await runAutocannon({ url: origin, connections, duration: warmup, requests });
  if (serverPid) await readEventLoopWindow(serverPid, windowFile); // a new window for the measured phase
  const before = loadavg()[0];
  const meter = serverPid ? cpuMeter(serverPid) : null;
  log(`${label}: ${paths.length} URLs, ${connections} connections, ${duration} s (load ${round(before)})`);
  const result = await runAutocannon({ url: origin, connections, duration, requests });
  const cpu = meter?.stop() ?? null;
  const eventLoop = serverPid ? await readEventLoopWindow(serverPid, windowFile) : null;
  return {
    label,
    urls: paths.length,
    rps: round(result.requests.average, 0),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    eventLoopDelayMs: eventLoop,
    serverCpuPct: cpu?.serverPct ?? null,
    othersCpuPct: cpu?.othersPct ?? null,
    load1: { before: round(before), after: round(loadavg()[0]) },
  };
}

/** A bare node:http server in its own process, answering `body` to every request. */
async function bareServer(body) {
  const port = await freePort();
  const code = `
    const body = Buffer.from(process.env.BODY, 'base64');
    require('node:http').createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }); res.end(body); })
      .listen(${port}, '127.0.0.1', () => process.send('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, BODY: Buffer.from(body).toString('base64') }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (c) => reject(new Error(`the bare server exited (${c})`)));
  });
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

const dataDir = copyDataDir(source, 'side');
const server = await startServer({
  script: join(APP_DIR, 'scripts', 'start.mjs'),
  nodeArgs: [`--import=${probe}`],
  // NODE_ENV as a shell leaves it: unset (npm start decides).
  env: { NODE_ENV: '', DATA_DIR: dataDir, DATABASE_URL: env.BENCH_DATABASE_URL ?? '', REQUEST_LOG: 'off', BENCH_EVENT_LOOP_FILE: windowFile },
  timeoutMs: 300_000,
});
const phases = [];
try {
  const xml = await (await fetch(`${server.origin}/sitemap.xml`)).text();
  const locs = [...xml.matchAll(/<loc>[^<]*?(\/(?:id|en)\/[^<]*)<\/loc>/g)].map((m) => m[1]);
  const products = locs.filter((p) => /^\/(id|en)\/products\//.test(p));
  const motifs = locs.filter((p) => /^\/(id|en)\/motifs\/[^/]+\/?$/.test(p));
  if (products.length === 0 || motifs.length === 0) throw new Error('the sitemap lists no products or motifs: is the data directory seeded?');
  const sample = await (await fetch(server.origin + products[0])).text();
  log(`server pid ${server.pid}; ${products.length} product URLs, ${motifs.length} prerendered motif URLs; a product page is ${round(sample.length / 1024, 1)} KB`);
  phases.push(await load(server.origin, products, 'product pages, whole catalogue', server.pid));
  phases.push(await load(server.origin, motifs, 'prerendered motif pages', server.pid));
  const ops = await fetch(`${server.origin}/ops/stats`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  await server.stop();
  const bare = await bareServer(sample);
  try {
    phases.push(await load(bare.origin, ['/'], `bare node:http, ${round(sample.length / 1024, 1)} KB from memory`, null));
  } finally {
    bare.stop();
  }
  const [product, prerendered, bareRun] = phases;
  const summary = {
    bench: 'side-by-side',
    date: new Date().toISOString(),
    app: APP_DIR,
    database: env.BENCH_DATABASE_URL ? 'postgres' : 'pglite',
    connections,
    durationS: duration,
    warmupS: warmup,
    machine: machine(),
    phases,
    ratios: { productOverPrerendered: round(product.rps / prerendered.rps, 2), productOverBare: round(product.rps / bareRun.rps, 3), prerenderedOverBare: round(prerendered.rps / bareRun.rps, 3) },
    htmlCache: ops?.htmlCache ?? null,
  };
  if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
  console.log(`\n${summary.date}, ${summary.database}, app ${APP_DIR}, ${connections} connections, ${duration} s each (after ${warmup} s warm-up)\n`);
  console.log('| what | req/s | p50 ms | p99 ms | errors / non-2xx | event-loop delay p99 ms | server CPU % | others CPU % | load 1m before → after |');
  console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |');
  for (const p of phases) {
    console.log(`| ${p.label} | ${p.rps} | ${p.latencyMs.p50} | ${p.latencyMs.p99} | ${p.errors} / ${p.non2xx} | ${p.eventLoopDelayMs?.p99 ?? '—'} | ${p.serverCpuPct ?? '—'} | ${p.othersCpuPct ?? '—'} | ${p.load1.before} → ${p.load1.after} |`);
  }
  console.log(`\nproduct / prerendered: ${summary.ratios.productOverPrerendered}; product / bare: ${summary.ratios.productOverBare}; prerendered / bare: ${summary.ratios.prerenderedOverBare}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(windowFile, { force: true });
}
