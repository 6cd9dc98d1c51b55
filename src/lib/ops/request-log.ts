/**
 * Structured request logs: one JSON line per request, with the request id that the response
 * carries in `X-Request-Id` and error pages show, so a shopper's "it broke" can be found in the log.
 */
import { randomUUID } from 'node:crypto';

/** An id handed in by a proxy is kept when it looks like one; anything else gets a fresh UUID. */
export function requestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && /^[A-Za-z0-9._:-]{8,80}$/.test(value) ? value : randomUUID();
}

export interface RequestLogEntry {
  id: string;
  method: string;
  /** The path only: query strings can carry secrets (an order's status-page token). */
  path: string;
  status: number;
  ms: number;
  /** The declared Content-Length; absent for streamed (chunked) answers. */
  bytes?: number;
  /** True when the client went away before the answer was complete. */
  aborted?: boolean;
}

export function pathOnly(url: string | undefined): string {
  const raw = url ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

export function formatRequestLog(entry: RequestLogEntry, now = new Date()): string {
  const level = entry.status >= 500 ? 'error' : entry.status >= 400 ? 'warn' : 'info';
  // Paths are cut at 2 KB in the log (a hostile client can send 16 KB).
  return JSON.stringify({ time: now.toISOString(), level, msg: 'request', ...entry, path: entry.path.slice(0, 2048), ms: Math.round(entry.ms * 10) / 10 });
}
