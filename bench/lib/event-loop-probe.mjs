/**
 * Preloaded into a benchmarked server (`node --import ./bench/lib/event-loop-probe.mjs …`): measures the
 * event loop's delay with `perf_hooks.monitorEventLoopDelay` — the same figure as the server's own
 * `GET /ops/stats`, but it also works on an older build without that endpoint (a baseline snapshot).
 *
 * On SIGUSR2 it writes `{ p50, p99, max, mean, samples }` (ms, since the last SIGUSR2 or the start) to
 * the file named by BENCH_EVENT_LOOP_FILE, then starts a new window. `readEventLoopWindow` below does
 * both sides of that from the benchmark.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_EVENT_LOOP_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on('SIGUSR2', () => {
    writeFileSync(file, JSON.stringify({ p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean), samples: delay.count }));
    delay.reset();
  });
}

/** Ends the probe's window in process `pid` and returns its figures (null if the probe is not loaded). */
export async function readEventLoopWindow(pid, windowFile) {
  rmSync(windowFile, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(windowFile, 'utf8'));
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return null;
}
