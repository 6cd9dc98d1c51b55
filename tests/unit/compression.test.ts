import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressResponse, isCompressibleType, negotiateEncoding } from '../../src/lib/ops/compression.ts';

describe('negotiateEncoding', () => {
  it('prefers br, then gzip, and honours q-values', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBeNull();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('x-gzip')).toBe('gzip');
  });
});

describe('isCompressibleType', () => {
  it('compresses text, not images or streams', () => {
    for (const t of ['text/html; charset=utf-8', 'text/css', 'application/javascript', 'text/javascript', 'application/json', 'image/svg+xml', 'application/xml', 'text/plain']) {
      expect(isCompressibleType(t), t).toBe(true);
    }
    for (const t of ['image/webp', 'image/avif', 'image/png', 'font/woff2', 'application/zip', 'text/event-stream', 'application/octet-stream']) {
      expect(isCompressibleType(t), t).toBe(false);
    }
    expect(isCompressibleType(undefined)).toBe(false);
  });
});

let endCallbackCalled = false;
const BIG_HTML = `<!doctype html><html><body>${'<p>Batik tulis dari Muara Enim, motif kopi. </p>'.repeat(400)}</body></html>`;

/** Handlers that write the way Astro's node adapter does (writeHead + writes + end) and the way `send` does (setHeader + pipe). */
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/astro': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-extra': 'kept' });
    const half = BIG_HTML.length / 2;
    res.write(new TextEncoder().encode(BIG_HTML.slice(0, half)));
    setTimeout(() => {
      res.write(BIG_HTML.slice(half));
      res.end();
    }, 5);
  },
  '/static': (_req, res) => {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Content-Length', String(Buffer.byteLength(BIG_HTML) * 20));
    // A large body through a pipe: backpressure must hold, every byte must arrive.
    Readable.from((function* () {
      for (let i = 0; i < 20; i++) yield Buffer.from(BIG_HTML);
    })()).pipe(res);
  },
  '/small': (_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end('{"ok":true}');
  },
  '/image': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'image/webp', 'Content-Length': '5000' });
    res.end(Buffer.alloc(5000, 7));
  },
  '/encoded': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' });
    res.end(Buffer.alloc(3000, 1));
  },
  '/no-transform': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-transform' });
    res.end(BIG_HTML);
  },
  '/not-modified': (_req, res) => {
    res.writeHead(304, { 'Content-Type': 'text/html' });
    res.end();
  },
  '/end-callback': (_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.setHeader('Vary', 'Cookie');
    res.end(BIG_HTML, 'utf8', () => {
      endCallbackCalled = true;
    });
  },
};

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    compressResponse(req, res);
    routes[req.url ?? '']!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressResponse', () => {
  it('gzips and brotli-encodes a streamed page written with writeHead, keeping its headers', async () => {
    const gz = await get('/astro', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toBe('Accept-Encoding');
    expect(gz.headers['x-extra']).toBe('kept');
    expect(gz.headers['content-length']).toBeUndefined();
    expect(gunzipSync(gz.raw).toString()).toBe(BIG_HTML);
    expect(gz.raw.length).toBeLessThan(BIG_HTML.length / 10);

    const br = await get('/astro', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.raw).toString()).toBe(BIG_HTML);
  });

  it('compresses a large piped body completely and drops its Content-Length', async () => {
    const res = await get('/static', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-length']).toBeUndefined();
    expect(gunzipSync(res.raw).toString()).toBe(BIG_HTML.repeat(20));
  });

  it('sends as they are: no Accept-Encoding, small bodies, images, already encoded, no-transform, 304, HEAD', async () => {
    const plain = await get('/astro');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.raw.toString()).toBe(BIG_HTML);

    const small = await get('/small', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.raw.toString()).toBe('{"ok":true}');

    const image = await get('/image', 'gzip, br');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['vary']).toBeUndefined();
    expect(image.raw.length).toBe(5000);

    const encoded = await get('/encoded', 'gzip, br');
    expect(encoded.headers['content-encoding']).toBe('br');
    expect(encoded.raw.equals(Buffer.alloc(3000, 1))).toBe(true);

    const noTransform = await get('/no-transform', 'gzip');
    expect(noTransform.headers['content-encoding']).toBeUndefined();
    expect(noTransform.raw.toString()).toBe(BIG_HTML);

    const notModified = await get('/not-modified', 'gzip');
    expect(notModified.status).toBe(304);
    expect(notModified.headers['content-encoding']).toBeUndefined();

    const head = await get('/astro', 'gzip', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.raw.length).toBe(0);
  });

  it('compresses a body given whole to end(), appending to an existing Vary', async () => {
    const res = await get('/end-callback', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toBe('Cookie, Accept-Encoding');
    expect(gunzipSync(res.raw).toString()).toBe(BIG_HTML);
    expect(endCallbackCalled).toBe(true);
  });
});
