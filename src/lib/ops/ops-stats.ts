/**
 * `GET /ops/stats`: how the server process is doing, for benchmarks and an operator on the machine —
 * event-loop delay (`perf_hooks.monitorEventLoopDelay`: how late timers fire, i.e. how long the
 * rendering thread was busy in one go), memory, and whatever sections the server adds (the HTML
 * cache, the sample pictures). `?reset=1` starts a new measuring window after answering.
 *
 * Answered only to a client on this machine that came straight in (loopback socket, no
 * `X-Forwarded-For`): through a proxy, or from anywhere else, it is a 404 like any unknown address.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const OPS_STATS_PATH = '/ops/stats';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export type OpsEndpoint = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Answers `GET /ops/stats` (true) or leaves the request alone (false). */
export function createOpsEndpoint(sections: Record<string, () => unknown> = {}): OpsEndpoint {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let since = new Date();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    if ((q === -1 ? url : url.slice(0, q)) !== OPS_STATS_PATH) return false;
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || req.headers['x-forwarded-for'] !== undefined || req.method !== 'GET') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Halaman tidak ditemukan / Not found\n');
      return true;
    }
    const memory = process.memoryUsage();
    const body: Record<string, unknown> = {
      since: since.toISOString(),
      eventLoopDelayMs: {
        mean: ms(delay.mean),
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
        samples: delay.count,
      },
      memoryMB: { rss: Math.round(memory.rss / 1048576), heapUsed: Math.round(memory.heapUsed / 1048576) },
    };
    for (const [name, read] of Object.entries(sections)) body[name] = read();
    if (new URLSearchParams(q === -1 ? '' : url.slice(q + 1)).get('reset') === '1') {
      delay.reset();
      since = new Date();
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
    return true;
  };
}
