/**
 * The HTTP server in front of Astro's request handler (`handler` from dist/server/entry.mjs, which
 * serves prerendered files and renders on-demand routes): gives every request an id, puts the
 * security headers on every response, and writes one structured log line per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { compressResponse } from './compression.ts';
import { formatRequestLog, pathOnly, requestId } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { hostName } from '../config.ts';
import { isLargeUpload, type UploadGate } from './upload-gate.ts';
import type { HtmlCache } from './html-cache.ts';
import type { OpsEndpoint } from './ops-stats.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface ServerOptions {
  https: boolean;
  /** Where request log lines go; `null` turns request logging off (benchmarks). */
  log: ((line: string) => void) | null;
  /** Brotli/gzip for text answers (off when a proxy or CDN in front already compresses). */
  compress?: boolean;
  /**
   * The host names served (lower case, no port; see `servedHosts` in config.ts). A request whose Host
   * is not among them is refused with 421 before Astro sees it: nothing may build a link from a
   * forged Host. Absent: every host is served (unit tests of the server itself).
   */
  hosts?: ReadonlySet<string>;
  /** Bounds how many large uploads are read at once (memory). Absent: no bound. */
  uploads?: UploadGate;
  /** Public on-demand pages answered from memory (html-cache.ts). Absent: every page is rendered. */
  htmlCache?: HtmlCache;
  /** `GET /ops/stats` for this machine (ops-stats.ts). */
  ops?: OpsEndpoint;
}

/** Liveness and readiness probes answer for any Host: load balancers often probe by IP address. */
const PROBES = new Set(['/healthz', '/readyz']);

export function createCantingServer(handler: NodeHandler, options: ServerOptions): Server {
  const headers = Object.entries(securityHeaders({ https: options.https }));
  return createServer((req, res) => {
    const started = performance.now();
    const id = requestId(req.headers['x-request-id']);
    // Astro builds its Request from these headers: pages and API errors read the id back.
    req.headers['x-request-id'] = id;
    res.setHeader('X-Request-Id', id);
    for (const [name, value] of headers) res.setHeader(name, value);
    if (options.log) {
      const log = options.log;
      res.once('close', () => {
        log(
          formatRequestLog({
            id,
            method: req.method ?? 'GET',
            path: pathOnly(req.url),
            status: res.statusCode,
            ms: performance.now() - started,
            ...(res.hasHeader('content-length') ? { bytes: Number(res.getHeader('content-length')) } : {}),
            ...(res.writableFinished ? {} : { aborted: true }),
          }),
        );
      });
    }
    if (!decodable(req.url)) {
      badAddress(res, id, pathOnly(req.url).startsWith('/api/'));
      return;
    }
    const path = pathOnly(req.url);
    if (options.hosts && !PROBES.has(path) && !options.hosts.has(hostName(req.headers.host ?? ''))) {
      misdirected(res, id, path.startsWith('/api/'));
      return;
    }
    if (options.ops?.(req, res)) return;
    if (options.compress) compressResponse(req, res);
    const run = () => {
      try {
        const pending = handler(req, res);
        if (pending instanceof Promise) pending.catch((error: unknown) => fail(res, id, error));
      } catch (error) {
        fail(res, id, error);
      }
    };
    if (!options.uploads || !isLargeUpload(req)) {
      // After compression (a cached page is compressed like a rendered one), instead of Astro when it can.
      if (options.htmlCache) options.htmlCache.handle(req, res, run);
      else run();
      return;
    }
    void options.uploads.acquire().then((release) => {
      if (!release) {
        busy(res, id, path.startsWith('/api/'));
        return;
      }
      res.once('close', release);
      run();
    });
  });
}

/** A Host we do not serve: 421 Misdirected Request, in the shape the caller expects. */
function misdirected(res: ServerResponse, id: string, api: boolean): void {
  const message = 'this server does not serve that host name';
  if (api) {
    res.writeHead(421, { 'Content-Type': 'application/json', Connection: 'close' });
    res.end(JSON.stringify({ error: 'misdirected', message, requestId: id }));
  } else {
    res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
    res.end(`Alamat situs ini tidak kami layani / This server does not serve that host name. (${id})\n`);
  }
}

/** Every upload slot stayed busy: ask the client to send again shortly (its body was never read). */
function busy(res: ServerResponse, id: string, api: boolean): void {
  const headers = { 'Retry-After': '10', Connection: 'close' };
  if (api) {
    res.writeHead(503, { ...headers, 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'busy', message: 'Too many uploads at once; please send it again in a few seconds.', requestId: id }));
  } else {
    res.writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Server sedang menerima banyak unggahan. Silakan kirim lagi beberapa saat lagi. / Too many uploads at once; please send it again in a few seconds. (${id})\n`);
  }
}

function decodable(url: string | undefined): boolean {
  try {
    decodeURIComponent(pathOnly(url));
    return true;
  } catch {
    return false;
  }
}

/** A path with broken percent-encoding (`/%`, `/%zz`): 400 in the shape the caller expects. */
function badAddress(res: ServerResponse, id: string, api: boolean): void {
  const message = 'the address has broken percent-encoding (a % not followed by two hex digits)';
  if (api) {
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid', message, requestId: id }));
  } else {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Alamat ini tidak valid / This address is not valid: ${message}. (${id})\n`);
  }
}

function fail(res: ServerResponse, id: string, error: unknown): void {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'unhandled', id, error: String((error as Error)?.stack ?? error) }));
  if (!res.headersSent) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Terjadi kesalahan di pihak kami / Something went wrong on our side. (${id})\n`);
  } else {
    res.destroy();
  }
}
