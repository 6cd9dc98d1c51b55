/**
 * The HTTP server in front of Astro's request handler (`handler` from dist/server/entry.mjs, which
 * serves prerendered files and renders on-demand routes): gives every request an id, puts the
 * security headers on every response, and writes one structured log line per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { compressResponse } from './compression.ts';
import { formatRequestLog, pathOnly, requestId } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface ServerOptions {
  https: boolean;
  /** Where request log lines go; `null` turns request logging off (benchmarks). */
  log: ((line: string) => void) | null;
  /** Brotli/gzip for text answers (off when a proxy or CDN in front already compresses). */
  compress?: boolean;
}

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
    if (options.compress) compressResponse(req, res);
    try {
      const pending = handler(req, res);
      if (pending instanceof Promise) pending.catch((error: unknown) => fail(res, id, error));
    } catch (error) {
      fail(res, id, error);
    }
  });
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
