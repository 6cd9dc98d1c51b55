import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientAddress } from '../../src/lib/ops/client-address.ts';
import { createCantingServer, type NodeHandler } from '../../src/lib/ops/http-server.ts';
import { checkReadiness } from '../../src/lib/ops/readiness.ts';
import { formatRequestLog, pathOnly, requestId } from '../../src/lib/ops/request-log.ts';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../../src/lib/ops/security-headers.ts';
import type { SearchEngine } from '../../src/lib/search/types.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(handler: NodeHandler, log: ((line: string) => void) | null = null, https = false): Promise<string> {
  server = createCantingServer(handler, { https, log });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the HTTP server in front of Astro', () => {
  it('puts the security headers and a request id on every response, also when the handler sets its own headers', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=60' });
      res.end('<h1>ok</h1>');
    });
    const res = await fetch(`${base}/id/motif/kopi/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives each request its own id, keeps a well-formed id from a proxy and replaces a malformed one', async () => {
    const seen: string[] = [];
    const base = await serve((req, res) => {
      seen.push(String(req.headers['x-request-id']));
      res.end('ok');
    });
    const a = (await fetch(base)).headers.get('x-request-id');
    const b = (await fetch(base)).headers.get('x-request-id');
    expect(a).not.toBe(b);
    expect((await fetch(base, { headers: { 'X-Request-Id': 'lb-1234abcd' } })).headers.get('x-request-id')).toBe('lb-1234abcd');
    const forged = await fetch(base, { headers: { 'X-Request-Id': '<script>alert(1)</script>' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The handler (Astro) sees the same id the response carries.
    expect(seen).toEqual([a, b, 'lb-1234abcd', forged.headers.get('x-request-id')]);
  });

  it('writes one JSON log line per request, without the query string (it can carry an order token)', async () => {
    const lines: string[] = [];
    const base = await serve((req, res) => {
      res.statusCode = req.url!.startsWith('/missing') ? 404 : 200;
      res.setHeader('Content-Length', '2');
      res.end('ok');
    }, (line) => lines.push(line));
    const ok = await fetch(`${base}/id/pesanan/CTG-2026-000001?token=secret-token`);
    await fetch(`${base}/missing`);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/id/pesanan/CTG-2026-000001', status: 200, bytes: 2, id: ok.headers.get('x-request-id') });
    expect(typeof first.ms).toBe('number');
    expect(Date.parse(first.time)).not.toBeNaN();
    expect(lines[0]).not.toContain('secret-token');
    expect(second).toMatchObject({ level: 'warn', status: 404, path: '/missing' });
  });

  it('answers 500 with the request id when the handler throws or rejects, and keeps serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const base = await serve(async (req) => {
      if (req.url === '/sync') throw new Error('boom');
      throw new Error('async boom');
    });
    for (const path of ['/sync', '/async']) {
      const res = await fetch(base + path);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).toContain(res.headers.get('x-request-id')!);
      expect(text).not.toContain('boom');
    }
    expect(errors).toHaveBeenCalledTimes(2);
    expect(String(errors.mock.calls[0]?.[0])).toContain('boom');
    errors.mockRestore();
  });

  it('sends Strict-Transport-Security only for a site served over HTTPS', () => {
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })['Strict-Transport-Security']).toBeUndefined();
  });
});

describe('request log helpers', () => {
  it('keeps only the path of a URL', () => {
    expect(pathOnly('/a/b?token=x#y')).toBe('/a/b');
    expect(pathOnly('/a#frag?x')).toBe('/a');
    expect(pathOnly(undefined)).toBe('/');
  });

  it('grades the level by status', () => {
    const entry = { id: 'x', method: 'GET', path: '/', ms: 1.234, bytes: 1 };
    expect(JSON.parse(formatRequestLog({ ...entry, status: 503 })).level).toBe('error');
    expect(JSON.parse(formatRequestLog({ ...entry, status: 429 })).level).toBe('warn');
    expect(JSON.parse(formatRequestLog({ ...entry, status: 304 }))).toMatchObject({ level: 'info', ms: 1.2 });
  });

  it('accepts only plausible incoming ids', () => {
    expect(requestId(['abcdefgh-1', 'other'])).toBe('abcdefgh-1');
    expect(requestId('short')).not.toBe('short');
    expect(requestId('a'.repeat(81))).toHaveLength(36);
  });
});

describe('readiness', () => {
  const engine = (name: 'embedded' | 'meilisearch', healthy = true) => ({ name, isHealthy: async () => healthy }) as unknown as SearchEngine;
  const db = (answer: () => Promise<unknown[]>) => async () => ({ query: answer }) as never;

  it('is ready when the database answers and the search engine is healthy', async () => {
    const r = await checkReadiness({ db: db(async () => [{ ok: 1 }]), search: async () => engine('meilisearch'), meilisearchConfigured: true });
    expect(r.ready).toBe(true);
    expect(r.checks.search.detail).toBe('meilisearch');
  });

  it('is not ready when the database fails or does not answer in time, and says which', async () => {
    const failing = await checkReadiness({ db: db(async () => Promise.reject(new Error('connection refused'))), search: async () => engine('embedded'), meilisearchConfigured: false });
    expect(failing).toMatchObject({ ready: false, checks: { database: { ok: false, detail: 'connection refused' }, search: { ok: true } } });
    const hanging = await checkReadiness({ db: db(() => new Promise(() => {})), search: async () => engine('embedded'), meilisearchConfigured: false }, 50);
    expect(hanging.ready).toBe(false);
    expect(hanging.checks.database.detail).toContain('50 ms');
  });

  it('is not ready when the search engine is unhealthy, and names the embedded fallback when Meilisearch was configured', async () => {
    const unhealthy = await checkReadiness({ db: db(async () => [{ ok: 1 }]), search: async () => engine('meilisearch', false), meilisearchConfigured: true });
    expect(unhealthy).toMatchObject({ ready: false, checks: { search: { ok: false } } });
    const fallback = await checkReadiness({ db: db(async () => [{ ok: 1 }]), search: async () => engine('embedded'), meilisearchConfigured: true });
    expect(fallback.ready).toBe(true);
    expect(fallback.checks.search.detail).toContain('fallback');
  });
});

describe('client address behind proxies', () => {
  it('is the socket address unless proxies are trusted', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(clientAddress(null, '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('takes the entry our own proxy appended, not one the client wrote', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; our load balancer appended the real address.
    expect(clientAddress('1.2.3.4, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('1.2.3.4, 203.0.113.9, 10.0.0.7', '10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8::1', '10.0.0.2', 1)).toBe('2001:db8::1');
  });

  it('falls back to the socket address when the header is short or not an address', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.2', 2)).toBe('10.0.0.2');
    expect(clientAddress("' OR 1=1 --", '10.0.0.2', 1)).toBe('10.0.0.2');
  });
});

describe('shutdown hooks', () => {
  it('run once each, last registered first, and a failing hook does not stop the others', async () => {
    const { onShutdown, runShutdownHooks } = await import('../../src/lib/ops/shutdown.ts');
    const ran: string[] = [];
    const logged: string[] = [];
    onShutdown(() => void ran.push('database'));
    onShutdown(() => Promise.reject(new Error('search gone')));
    onShutdown(async () => void ran.push('mailer'));
    await runShutdownHooks((m) => logged.push(m));
    expect(ran).toEqual(['mailer', 'database']);
    expect(logged).toEqual(['shutdown: a hook failed: search gone']);
    await runShutdownHooks((m) => logged.push(m));
    expect(ran).toHaveLength(2);
  });
});

describe('addresses with broken percent-encoding', () => {
  it('answer 400 before reaching Astro: JSON under /api/, text elsewhere, with the request id', async () => {
    let reached = 0;
    const base = await serve((_req, res) => {
      reached += 1;
      res.end('ok');
    });
    const api = await fetch(`${base}/api/search/%zz`);
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: 'invalid', requestId: api.headers.get('x-request-id') });
    const page = await fetch(`${base}/id/motifs/%E0%A4%A`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Alamat ini tidak valid');
    expect(page.headers.get('content-security-policy')).toBeTruthy();
    expect(reached).toBe(0);
    expect((await fetch(`${base}/id/motifs/mega%20mendung?q=%zz`)).status).toBe(200);
    expect(reached).toBe(1);
  });
});

describe('long addresses', () => {
  it('a long but well-encoded path reaches the handler whole; only its log line is cut', async () => {
    const lines: string[] = [];
    const seen: string[] = [];
    const base = await serve((req, res) => {
      seen.push(req.url!);
      res.end('ok');
    }, (line) => lines.push(line));
    const path = `/api/x/${'%E2%80%AE'.repeat(400)}`;
    expect((await fetch(base + path)).status).toBe(200);
    expect(seen).toEqual([path]);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(JSON.parse(lines[0]!).path).toHaveLength(2048);
  });
});

describe('compression in the server', () => {
  it('compresses a text answer when asked to, with the security headers still on it', async () => {
    const { gunzipSync } = await import('node:zlib');
    const page = `<p>${'batik tulis '.repeat(400)}</p>`;
    server = createCantingServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    }, { https: false, log: null, compress: true });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const { request } = await import('node:http');
    const port = (server.address() as AddressInfo).port;
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request({ port, host: '127.0.0.1', path: '/', headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(body.length).toBeLessThan(page.length / 10);
    expect(gunzipSync(body).toString()).toBe(page);
  });
});
