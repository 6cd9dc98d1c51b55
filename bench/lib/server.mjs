/**
 * Helpers shared by the benchmarks: start the built server (dist/server/entry.mjs) as a child
 * process, wait until it answers, read its peak RSS, stop it by pid; run autocannon; describe the
 * machine. No test framework, no assertions on timings: the benchmarks only measure and print.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Where the built app is: the repository, or BENCH_APP_DIR, a snapshot holding a copy of dist/
 * (and a node_modules link), so that a rebuild by someone else cannot change it mid-run.
 */
export const APP_DIR = process.env.BENCH_APP_DIR ?? ROOT;
export const ENTRY = join(APP_DIR, 'dist', 'server', 'entry.mjs');

/** When the benchmarked build was made (dist/.build-stamp), or null. */
export function buildStamp() {
  try {
    return readFileSync(join(APP_DIR, 'dist', '.build-stamp'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Copies a seeded data directory to a fresh temporary one, so a run never modifies the original. */
export function copyDataDir(source, label = 'data') {
  if (!existsSync(join(source, 'pglite')) && !existsSync(join(source, 'media'))) {
    throw new Error(`${source} does not look like a seeded DATA_DIR (no pglite/ or media/)`);
  }
  const target = mkdtempSync(join(tmpdir(), `canting-bench-${label}-`));
  cpSync(source, target, { recursive: true });
  return target;
}

/** `/proc/<pid>/status` fields in kB (VmHWM = peak RSS, VmRSS = current RSS). */
export function procStatus(pid) {
  /** @type {Record<string, number>} */
  const out = {};
  try {
    for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
      const m = /^(Vm\w+):\s+(\d+) kB/.exec(line);
      if (m) out[m[1]] = Number(m[2]);
    }
  } catch {
    /* process gone */
  }
  return out;
}

/** CPU ticks (1/100 s) used so far by a process (user + system), or NaN when it is gone. */
function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
  } catch {
    return Number.NaN;
  }
}

/** CPU ticks of every process named `postgres` (the server and its backends), by pid. */
function postgresTicks() {
  const out = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') out.set(pid, processTicks(pid));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Busy and total CPU ticks of the whole machine, from /proc/stat. */
function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0); // idle + iowait
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0); // without guest time (already in user)
  return { busy: total - idle, total };
}

/**
 * Starts counting CPU time; `stop()` returns, in % of one core over the interval: the server,
 * this benchmark process (autocannon), PostgreSQL (every `postgres` process), and everything else
 * on the machine (other users' work), plus the whole machine's busy time and its capacity.
 */
export function cpuMeter(serverPid) {
  const start = { at: performance.now(), server: processTicks(serverPid), self: processTicks(process.pid), postgres: postgresTicks(), machine: machineTicks() };
  return {
    stop() {
      const seconds = (performance.now() - start.at) / 1000;
      const m = machineTicks();
      const pct = (ticks) => Math.round(ticks / seconds); // ticks are 1/100 s, so ticks/s = % of a core
      const server = processTicks(serverPid) - start.server;
      const self = processTicks(process.pid) - start.self;
      const busy = m.busy - start.machine.busy;
      let postgres = 0;
      for (const [pid, ticks] of postgresTicks()) if (Number.isFinite(ticks)) postgres += ticks - (start.postgres.get(pid) ?? 0);
      return {
        serverPct: pct(server),
        benchClientPct: pct(self),
        postgresPct: pct(postgres),
        othersPct: pct(busy - server - self - postgres),
        machineBusyPct: pct(busy),
        coresPct: pct(m.total - start.machine.total),
      };
    },
  };
}

/**
 * Starts `node [nodeArgs] dist/server/entry.mjs` (or `script`, a wrapper that serves the same
 * build) with PORT, HOST=127.0.0.1 and `env`, and waits until `readyPath` answers (any status
 * below 500). Returns { pid, origin, stop(), log() }.
 */
export async function startServer({ env = {}, nodeArgs = [], readyPath = '/id/', timeoutMs = 60_000, cwd = APP_DIR, script = ENTRY } = {}) {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 20_000) output = output.slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`server exited during start-up (${JSON.stringify(exited)}):\n${output}`);
    try {
      const res = await fetch(origin + readyPath, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer ${readyPath} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    pid: child.pid,
    origin,
    log: () => output,
    /** Stops this server (by its pid) and waits for it to exit. */
    async stop() {
      if (exited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 10_000);
      const result = await exitPromise;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Runs autocannon and resolves with its result object. */
export function runAutocannon(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('error', reject);
  });
}

/** The numbers the README tables use, from an autocannon result. */
export function summarise(result) {
  return {
    requests: result.requests.total,
    rps: round(result.requests.average, 1),
    latencyMs: {
      mean: round(result.latency.mean, 2),
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    throughputMBps: round(result.throughput.average / 1e6, 2),
  };
}

export function round(n, digits = 2) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** 1, 5 and 15 minute load averages, rounded. */
export function load() {
  return loadavg().map((n) => round(n, 2));
}

/** nproc, CPU model, Node version: for the README's machine line. */
export function machine() {
  const list = cpus();
  return { nproc: list.length, model: list[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}`, app: APP_DIR, buildStamp: buildStamp() };
}
