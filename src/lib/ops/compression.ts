/**
 * Response compression for the Node server (the @astrojs/node standalone handler sends every
 * response uncompressed). Call `compressResponse(req, res)` on each request *before* handing it to
 * Astro's handler; whatever the handler then writes (server-rendered pages, API JSON, server
 * islands, and the static files it serves from dist/client) leaves gzip- or brotli-encoded when:
 *   - the client accepts it (`Accept-Encoding`: br preferred, then gzip, q-values honoured),
 *   - the type is text (HTML, CSS, JavaScript, JSON, XML, SVG, plain text…), not images or archives,
 *   - the body is at least `threshold` bytes (when its size is known: Content-Length, or one `end`),
 *   - the response is not HEAD, 1xx, 204 or 304, not already encoded, not `Cache-Control: no-transform`.
 * Compressible types get `Vary: Accept-Encoding` either way. Streaming is kept: chunks pass through
 * a zlib stream as the handler writes them (with backpressure), no whole-body buffering.
 *
 *   import { createServer } from 'node:http';
 *   import { compressResponse } from './src/lib/ops/compression.ts';
 *   process.env.ASTRO_NODE_AUTOSTART = 'disabled';
 *   const { handler } = await import('./dist/server/entry.mjs');
 *   createServer((req, res) => { compressResponse(req, res); handler(req, res); }).listen(port, host);
 */
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

export interface CompressionOptions {
  /** Bodies smaller than this (bytes) are sent as they are: compressing them gains nothing. Default 1024. */
  threshold?: number;
  /**
   * Brotli quality 0–11. Default 5: ~6 % smaller than gzip -6 on these pages for a few ms of CPU in
   * libuv's thread pool (zlib streams do not run on the event loop); 4 comes out larger than gzip,
   * 11 is for compressing at build time.
   */
  brotliQuality?: number;
  /** gzip level 1–9. Default 6. */
  gzipLevel?: number;
}

/** The encoding to use for an `Accept-Encoding` header: br, then gzip, each only if its q > 0; else null. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => q.get(name) ?? (name === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return br > 0 ? 'br' : null;
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|ecmascript|json|ld\+json|manifest\+json|xml|xhtml\+xml|rss\+xml|atom\+xml|geo\+json|wasm)|image\/svg\+xml|image\/x-icon|image\/vnd\.microsoft\.icon|font\/(ttf|otf))/;

/** Whether a Content-Type is worth compressing (text-like); images, fonts in woff2, archives are not. */
export function isCompressibleType(contentType: string | number | string[] | undefined): boolean {
  if (contentType === undefined) return false;
  const type = String(Array.isArray(contentType) ? contentType[0] : contentType).split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return false; // server-sent events must not wait in a zlib buffer
  return COMPRESSIBLE.test(type);
}

function appendVary(res: ServerResponse, field: string) {
  const current = res.getHeader('vary');
  const list = (Array.isArray(current) ? current.join(',') : current === undefined ? '' : String(current))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.includes('*') || list.some((v) => v.toLowerCase() === field.toLowerCase())) return;
  res.setHeader('Vary', [...list, field].join(', '));
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : chunk);
const byteLength = (chunk: Chunk | undefined, encoding?: BufferEncoding) =>
  chunk === undefined ? 0 : typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding ?? 'utf8') : chunk.byteLength;

/**
 * Makes `res` compress what is written to it, when worth it (see the file's comment). Call once per
 * request, before anything is written. It changes nothing when the client accepts no compression,
 * apart from `Vary: Accept-Encoding` on compressible types.
 */
export function compressResponse(req: IncomingMessage, res: ServerResponse, options: CompressionOptions = {}): void {
  const threshold = options.threshold ?? 1024;
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  const originalWrite = res.write.bind(res);
  const originalEnd = res.end.bind(res);
  const originalWriteHead = res.writeHead.bind(res);
  let decided = false;
  let compressor: Gzip | BrotliCompress | null = null;
  let ending = false;

  /** Decides once, just before the headers go out; `knownLength` is the whole body's size when known. */
  function decide(knownLength?: number) {
    if (decided || res.headersSent) return;
    decided = true;
    if (!isCompressibleType(res.getHeader('content-type'))) return;
    appendVary(res, 'Accept-Encoding');
    if (!encoding || req.method === 'HEAD') return;
    if (res.statusCode < 200 || res.statusCode === 204 || res.statusCode === 304) return;
    const existing = res.getHeader('content-encoding');
    if (existing !== undefined && String(existing).toLowerCase() !== 'identity') return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(String(res.getHeader('cache-control') ?? ''))) return;
    const declared = res.hasHeader('content-length') ? Number(res.getHeader('content-length')) : Number.NaN;
    const size = knownLength ?? (Number.isFinite(declared) ? declared : undefined);
    if (size !== undefined && size < threshold) return;

    res.setHeader('Content-Encoding', encoding);
    res.removeHeader('Content-Length');
    const stream =
      encoding === 'br'
        ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: options.brotliQuality ?? 5, ...(size !== undefined ? { [constants.BROTLI_PARAM_SIZE_HINT]: size } : {}) } })
        : createGzip({ level: options.gzipLevel ?? 6 });
    compressor = stream;
    stream.on('data', (data: Buffer) => {
      if (!originalWrite(data)) stream.pause();
    });
    // The socket drained: let compressed output flow again.
    res.on('drain', () => stream.resume());
    // The compressor drained: tell whoever writes to `res` (a pipe, say) that it may go on.
    stream.on('drain', () => res.emit('drain'));
    stream.on('end', () => originalEnd());
    stream.on('error', (error) => res.destroy(error));
  }

  res.writeHead = function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const message = typeof rest[0] === 'string' ? rest[0] : undefined;
    const headers = rest.find((r) => r !== undefined && typeof r === 'object') as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;
    if (!res.headersSent) {
      // Apply the headers now so the decision sees them (Content-Type, Content-Length…).
      if (Array.isArray(headers)) {
        const flat = headers.flat() as string[];
        for (let i = 0; i + 1 < flat.length; i += 2) res.setHeader(flat[i]!, flat[i + 1]!);
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      }
      res.statusCode = statusCode;
      if (message !== undefined) res.statusMessage = message;
      decide();
    }
    return message !== undefined ? originalWriteHead(res.statusCode, message) : originalWriteHead(res.statusCode);
  } as ServerResponse['writeHead'];

  res.write = function write(this: ServerResponse, ...args: unknown[]): boolean {
    decide();
    if (!compressor) return Reflect.apply(originalWrite, undefined, args) as boolean;
    const [chunk, encodingOrCallback, callback] = args as [Chunk, BufferEncoding | Callback | undefined, Callback | undefined];
    const enc = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    const cb = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (!res.headersSent) originalWriteHead(res.statusCode);
    return cb ? compressor.write(toBuffer(chunk, enc), cb) : compressor.write(toBuffer(chunk, enc));
  } as ServerResponse['write'];

  res.end = function end(this: ServerResponse, ...args: unknown[]): ServerResponse {
    const [chunk, encodingOrCallback, callback] = args as [Chunk | Callback | null | undefined, BufferEncoding | Callback | undefined, Callback | undefined];
    const cb = typeof chunk === 'function' ? chunk : typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    const body = typeof chunk === 'function' ? undefined : chunk ?? undefined;
    const enc = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    decide(byteLength(body, enc));
    if (!compressor) return Reflect.apply(originalEnd, undefined, args) as ServerResponse;
    if (ending) return res;
    ending = true;
    if (!res.headersSent) originalWriteHead(res.statusCode);
    if (cb) res.once('finish', () => cb());
    if (body !== undefined && byteLength(body, enc) > 0) compressor.end(toBuffer(body, enc));
    else compressor.end();
    return res;
  } as ServerResponse['end'];
}
