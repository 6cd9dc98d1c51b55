import { readFileSync } from 'node:fs';
import { describe, expect, inject, it, vi } from 'vitest';

const baseUrl = inject('baseUrl');
const serverLog = inject('serverLog');
const get = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });

function logLines(): Array<Record<string, unknown>> {
  return readFileSync(serverLog, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

describe('operations', () => {
  it('GET /healthz says the process is alive', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /readyz checks the database and the search engine', async () => {
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ready', checks: { database: { ok: true }, search: { ok: true, detail: 'embedded' } } });
  });

  it.each([
    ['a prerendered motif page', '/id/motifs/kopi'],
    ['an on-demand page', '/en/products'],
    ['an API answer', '/api/search?q=kopi'],
    ['the 404 page', '/id/motifs/no-such-motif'],
    ['a generated image', '/og/motifs/kopi.png'],
  ])('%s carries the security headers and a request id', async (_name, path) => {
    const res = await get(path);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a static file served from disk carries them too', async () => {
    const res = await get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the 404 page shows the request id that the log line carries', async () => {
    const res = await get('/en/regions/atlantis', { headers: { 'X-Request-Id': 'e2e-trace-0001' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('e2e-trace-0001');
    expect(await res.text()).toContain('<code data-request-id>e2e-trace-0001</code>');
    await vi.waitFor(() => {
      const line = logLines().find((l) => l.id === 'e2e-trace-0001');
      expect(line).toMatchObject({ level: 'warn', msg: 'request', method: 'GET', path: '/en/regions/atlantis', status: 404 });
      expect(typeof line!.ms).toBe('number');
    });
  });

  it('request logs never carry query strings (order tokens travel in them)', async () => {
    await get('/id/orders/CTG-2026-999999?token=do-not-log-this-token', { headers: { 'X-Request-Id': 'e2e-trace-0002' } });
    await vi.waitFor(() => expect(logLines().some((l) => l.id === 'e2e-trace-0002')).toBe(true));
    expect(readFileSync(serverLog, 'utf8')).not.toContain('do-not-log-this-token');
  });
});
