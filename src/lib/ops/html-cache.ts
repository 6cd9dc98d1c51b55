/**
 * The rendered HTML of public on-demand pages, kept in memory so a repeat view costs no rendering:
 * product pages, workshop pages, the motif listing, search, the visit page and region pages (places and
 * events from the database), and the live-pieces, shop-window and upcoming-events server islands (never
 * the cart badge's: it reads the visitor's cart cookie).
 * The HTTP server (http-server.ts) answers a hit itself, before Astro's handler, with an `ETag`, and
 * a `304 Not Modified` to a matching `If-None-Match`.
 *
 * What is never cached — by construction, not by care in each page:
 * - any address outside `CACHEABLE_PATHS` (carts, checkout, orders, portal, admin, API, …);
 * - any request but GET (HEAD is answered from an entry, never stored), or one that carries the
 *   sign-in session cookie (a signed-in visitor always gets a fresh render);
 * - any response but a 200 `text/html` one, or one that sets a cookie, says `private`/`no-store`,
 *   varies on `Cookie`, or is larger than `maxEntryBytes`.
 *
 * Freshness: the cache is emptied by every catalogue write in this process (the same signal that
 * empties the catalogue read cache: src/lib/store/cached-reads.ts `onCatalogueWrite`); a page
 * whose render began before such a write is not stored. Entries also expire after `ttlMs` — the bound
 * for writes by other processes (another server on the same PostgreSQL). Bounded by `maxEntries`
 * and `maxBytes`, least recently used first out.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';

/** Public pages rendered on demand whose HTML depends only on their URL (the language is in the path). */
export const CACHEABLE_PATHS: readonly RegExp[] = [
  /^\/(id|en)\/products\/[a-z0-9-]+\/?$/,
  /^\/(id|en)\/artisans\/[a-z0-9-]+\/?$/,
  /^\/(id|en)\/motifs\/?$/,
  /^\/(id|en)\/search\/?$/,
  // Places and events from the database (issue #15): the visit page and the region pages.
  /^\/(id|en)\/visit\/?$/,
  /^\/(id|en)\/visit\/(events|places)\/[a-z0-9-]+\/?$/,
  /^\/(id|en)\/regions\/[a-z0-9-]+\/?$/,
  /^\/_server-islands\/(LivePieces|ShopWindow|UpcomingEvents)\/?$/,
];


/** Headers that belong to one response, not to the page: the server sets them again for every answer. */
const PER_RESPONSE = new Set(['x-request-id', 'content-length', 'content-encoding', 'transfer-encoding', 'date', 'connection', 'keep-alive', 'etag', 'vary']);

export interface HtmlCacheOptions {
  /** How long an entry may be served (writes by other processes show within this). */
  ttlMs: number;
  /** Default 2 000 pages. */
  maxEntries?: number;
  /** Default 64 MB of HTML. */
  maxBytes?: number;
  /** Larger pages are not kept; default 1 MB. */
  maxEntryBytes?: number;
  now?: () => number;
}

export interface CachedPage {
  headers: [string, string | string[]][];
  body: Buffer;
  etag: string;
  at: number;
}

export interface HtmlCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  notModified: number;
  stored: number;
  invalidations: number;
}

export interface HtmlCache {
  /** The cache key of a request that may be answered from (or stored in) the cache, else null. */
  keyOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): string | null;
  get(key: string): CachedPage | undefined;
  /**
   * Answers `req` from the cache, or calls `render` (Astro's handler) and keeps a cacheable answer.
   * Views of a page whose render is under way wait for it instead of rendering it again (a burst of
   * visitors to one new page is one render); if it turns out not to be kept, each renders its own.
   */
  handle(req: IncomingMessage, res: ServerResponse, render: () => void): void;
  invalidate(): void;
  stats(): HtmlCacheStats;
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/** Whether a response's headers allow keeping it for other visitors. */
export function storableResponse(status: number, headers: OutgoingHttpHeaders): boolean {
  if (status !== 200) return false;
  if (!String(headers['content-type'] ?? '').startsWith('text/html')) return false;
  if (headers['set-cookie'] !== undefined) return false;
  // `no-cache` (the product page's) is for browsers and proxies — revalidate before reuse, which the
  // ETag makes cheap; this cache is the origin itself and is emptied by every catalogue write.
  if (/\b(private|no-store)\b/i.test(String(headers['cache-control'] ?? ''))) return false;
  if (/\bcookie\b|\*/i.test(String(headers.vary ?? ''))) return false;
  return true;
}

/** `If-None-Match` matches `etag` (weak comparison, lists and `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

export function createHtmlCache(options: HtmlCacheOptions): HtmlCache {
  const { ttlMs, maxEntries = 2_000, maxBytes = 64 * 1024 * 1024, maxEntryBytes = 1024 * 1024, now = () => performance.now() } = options;
  const entries = new Map<string, CachedPage>();
  /** Renders under way, by key: later views of the same page wait for them. */
  const rendering = new Map<string, Promise<CachedPage | null>>();
  let bytes = 0;
  let generation = 0;
  const counts = { hits: 0, misses: 0, notModified: 0, stored: 0, invalidations: 0 };

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  };
  const get = (key: string): CachedPage | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (now() - entry.at >= ttlMs) {
      drop(key);
      return undefined;
    }
    // Least recently used goes first: move to the end.
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };
  const put = (key: string, page: CachedPage) => {
    drop(key);
    entries.set(key, page);
    bytes += page.body.length;
    counts.stored++;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(oldest);
    }
  };
  const keyOf: HtmlCache['keyOf'] = (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    if (!CACHEABLE_PATHS.some((p) => p.test(path))) return null;
    if (hasSessionCookie(req.headers.cookie)) return null;
    return url;
  };

  return {
    keyOf,
    get,
    handle(req, res, render) {
      const key = keyOf(req);
      if (key === null) {
        render();
        return;
      }
      const page = get(key);
      if (page) {
        counts.hits++;
        answer(req, res, page);
        return;
      }
      const pending = rendering.get(key);
      if (pending) {
        void pending.then((rendered) => {
          if (res.destroyed) return;
          if (rendered) {
            counts.hits++;
            answer(req, res, rendered);
          } else {
            counts.misses++;
            render();
          }
        });
        return;
      }
      counts.misses++;
      if (req.method === 'GET') capture(res, key);
      render();
    },
    invalidate() {
      generation++;
      counts.invalidations++;
      entries.clear();
      bytes = 0;
    },
    stats: () => ({ entries: entries.size, bytes, ...counts }),
  };

  function answer(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.setHeader('ETag', page.etag);
    if (etagMatches(req.headers['if-none-match'], page.etag)) {
      counts.notModified++;
      res.removeHeader('Content-Type');
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader('Content-Length', page.body.length);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : page.body);
  }

  /** Collects what the handler writes; stores it at the end if it may be kept and nothing changed meanwhile. */
  function capture(res: ServerResponse, key: string): void {
    const startedIn = generation;
    let settle: (page: CachedPage | null) => void = () => undefined;
    rendering.set(
      key,
      new Promise<CachedPage | null>((resolve) => {
        settle = (page) => {
          if (rendering.get(key) === promise) rendering.delete(key);
          resolve(page);
        };
      }),
    );
    const promise = rendering.get(key)!;
    res.once('close', () => settle(null)); // aborted before the end: the waiters render their own
    const chunks: Buffer[] = [];
    let size = 0;
    let keep = true;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      size += buffer.length;
      if (size > maxEntryBytes) {
        keep = false;
        chunks.length = 0;
        return;
      }
      // A copy: the handler may reuse its buffer after write() returns.
      chunks.push(Buffer.from(buffer));
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      if (keep && startedIn === generation && storableResponse(res.statusCode, res.getHeaders())) {
        const body = Buffer.concat(chunks);
        const headers = Object.entries(res.getHeaders())
          .filter(([name]) => !PER_RESPONSE.has(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
        const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
        const page = { headers, body, etag, at: now() };
        put(key, page);
        settle(page);
      } else {
        settle(null);
      }
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['end'];
  }
}
