import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHtmlCache, etagMatches, storableResponse, type HtmlCache } from '../../src/lib/ops/html-cache.ts';
import { createCantingServer, type NodeHandler } from '../../src/lib/ops/http-server.ts';
import { createOpsEndpoint } from '../../src/lib/ops/ops-stats.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** A stand-in for Astro's handler: counts renders and puts the count in the page. */
function renderer(extra: (req: Parameters<NodeHandler>[0], res: Parameters<NodeHandler>[1]) => void = () => undefined) {
  const state = { renders: 0 };
  const handler: NodeHandler = (req, res) => {
    state.renders++;
    extra(req, res);
    if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.writeHead(res.statusCode);
    res.write(`<h1>${req.url}</h1>`);
    res.end(`<p>render ${state.renders}</p>`);
  };
  return { state, handler };
}

async function serve(handler: NodeHandler, cache: HtmlCache, compress = false): Promise<string> {
  server = createCantingServer(handler, { https: false, log: null, htmlCache: cache, compress, ops: createOpsEndpoint({ htmlCache: () => cache.stats() }) });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the HTML cache of public pages', () => {
  it('answers a repeat view of a product page from memory, with an ETag, and 304 to If-None-Match', async () => {
    const { state, handler } = renderer();
    const base = await serve(handler, createHtmlCache({ ttlMs: 60_000 }));
    const first = await fetch(`${base}/id/products/kain-parang-1`);
    expect(await first.text()).toContain('render 1');
    const second = await fetch(`${base}/id/products/kain-parang-1`);
    expect(await second.text()).toContain('render 1');
    expect(state.renders).toBe(1);
    const etag = second.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    // Every answer still carries its own request id and the security headers.
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(second.headers.get('content-security-policy')).toBeTruthy();
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');

    const revalidated = await fetch(`${base}/id/products/kain-parang-1`, { headers: { 'If-None-Match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const changedTag = await fetch(`${base}/id/products/kain-parang-1`, { headers: { 'If-None-Match': '"something-else"' } });
    expect(changedTag.status).toBe(200);
    expect(state.renders).toBe(1);
  });

  it('keys by the whole address: each language and each query is its own page', async () => {
    const { state, handler } = renderer();
    const base = await serve(handler, createHtmlCache({ ttlMs: 60_000 }));
    for (const path of ['/id/products/a', '/en/products/a', '/id/search?q=parang', '/id/search?q=kawung', '/id/search?q=parang', '/_server-islands/ShopWindow?p=a', '/_server-islands/ShopWindow?p=a']) {
      const body = await (await fetch(base + path)).text();
      expect(body).toContain(`<h1>${path}</h1>`);
    }
    expect(state.renders).toBe(5);
  });

  it('drops every page at invalidate(), and does not keep a page whose render began before it', async () => {
    let cache: HtmlCache;
    let invalidateDuringRender = false;
    const { state, handler } = renderer(() => {
      if (invalidateDuringRender) cache.invalidate(); // a catalogue write lands while this page renders
    });
    cache = createHtmlCache({ ttlMs: 60_000 });
    const base = await serve(handler, cache);
    await fetch(`${base}/en/artisans/batik-sari`);
    cache.invalidate();
    expect(await (await fetch(`${base}/en/artisans/batik-sari`)).text()).toContain('render 2');
    invalidateDuringRender = true;
    await fetch(`${base}/en/products/b`);
    invalidateDuringRender = false;
    expect(await (await fetch(`${base}/en/products/b`)).text()).toContain('render 4'); // render 3 was not kept
    expect(state.renders).toBe(4);
  });

  it('renders a page once for a burst of concurrent views; when it is not kept, each view renders its own', async () => {
    let renders = 0;
    const slow: NodeHandler = (req, res) => {
      renders++;
      setTimeout(() => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        if (req.url!.includes('private')) res.setHeader('Cache-Control', 'private');
        res.end(`<h1>${req.url}</h1>`);
      }, 50);
    };
    const base = await serve(slow, createHtmlCache({ ttlMs: 60_000 }));
    const burst = await Promise.all(Array.from({ length: 10 }, () => fetch(`${base}/id/products/viral`).then((r) => r.text())));
    expect(new Set(burst)).toEqual(new Set(['<h1>/id/products/viral</h1>']));
    expect(renders).toBe(1);
    await Promise.all(Array.from({ length: 5 }, () => fetch(`${base}/id/search?q=private`).then((r) => r.text())));
    expect(renders).toBe(1 + 5);
  });

  it('lets an entry expire after ttlMs (the bound for writes by another server)', async () => {
    let t = 0;
    const { state, handler } = renderer();
    const base = await serve(handler, createHtmlCache({ ttlMs: 5_000, now: () => t }));
    await fetch(`${base}/id/products/a`);
    t = 4_999;
    await fetch(`${base}/id/products/a`);
    expect(state.renders).toBe(1);
    t = 5_000;
    await fetch(`${base}/id/products/a`);
    expect(state.renders).toBe(2);
  });

  it('stays within its bounds, least recently used out first', async () => {
    const cache = createHtmlCache({ ttlMs: 60_000, maxEntries: 3 });
    const { state, handler } = renderer();
    const base = await serve(handler, cache);
    for (const slug of ['a', 'b', 'c']) await fetch(`${base}/id/products/${slug}`);
    await fetch(`${base}/id/products/a`); // a is now the most recent
    await fetch(`${base}/id/products/d`); // b goes
    expect(cache.stats().entries).toBe(3);
    expect(state.renders).toBe(4);
    await fetch(`${base}/id/products/a`);
    expect(state.renders).toBe(4);
    await fetch(`${base}/id/products/b`);
    expect(state.renders).toBe(5);

    const small = createHtmlCache({ ttlMs: 60_000, maxBytes: 100 });
    const bySize = renderer();
    server?.close();
    const base2 = await serve(bySize.handler, small);
    for (const slug of ['a', 'b', 'c', 'd', 'e']) await fetch(`${base2}/id/products/${slug}`);
    expect(small.stats().bytes).toBeLessThanOrEqual(100);
    expect(small.stats().entries).toBeGreaterThan(0);
  });

  it('never keeps carts, checkout, orders, portal, admin or API answers', async () => {
    const cache = createHtmlCache({ ttlMs: 60_000 });
    const { state, handler } = renderer();
    const base = await serve(handler, cache);
    const personal = ['/_server-islands/CartCount?e=x&p=y&s=z', '/id/cart', '/en/checkout/', '/en/checkout/done?order=x', '/id/orders/CT-1', '/portal', '/portal/products', '/admin/orders', '/api/cart', '/api/search?q=a', '/id/products/a/edit'];
    for (const path of personal) {
      await fetch(base + path);
      await fetch(base + path);
    }
    expect(state.renders).toBe(personal.length * 2);
    expect(cache.stats().entries).toBe(0);
  });

  it('steps aside for a signed-in visitor, and never keeps an answer that sets a cookie or says private', async () => {
    const cache = createHtmlCache({ ttlMs: 60_000 });
    const { state, handler } = renderer((req, res) => {
      if (req.url?.includes('cookie')) res.setHeader('Set-Cookie', 'canting_cart=abc; HttpOnly');
      if (req.url?.includes('private')) res.setHeader('Cache-Control', 'private, no-store');
      if (req.url?.includes('missing')) res.statusCode = 404;
    });
    const base = await serve(handler, cache);
    await fetch(`${base}/id/products/a`); // kept
    const signedIn = await fetch(`${base}/id/products/a`, { headers: { Cookie: 'canting_cart=x; canting_session=secret' } });
    expect(await signedIn.text()).toContain('render 2');
    expect(signedIn.headers.get('etag')).toBeNull();
    for (const path of ['/id/search?q=cookie', '/id/search?q=private', '/id/products/missing']) {
      await fetch(base + path);
      await fetch(base + path);
    }
    expect(state.renders).toBe(2 + 6);
    expect(cache.stats().entries).toBe(1);
    // A cart cookie alone changes nothing on a product page: still served from the cache.
    expect(await (await fetch(`${base}/id/products/a`, { headers: { Cookie: 'canting_cart=x' } })).text()).toContain('render 1');
  });

  it('does not store a POST or a HEAD, but answers a HEAD from a kept page', async () => {
    const cache = createHtmlCache({ ttlMs: 60_000 });
    const { state, handler } = renderer();
    const base = await serve(handler, cache);
    await fetch(`${base}/id/search?q=a`, { method: 'POST', body: 'x' });
    await fetch(`${base}/id/search?q=a`, { method: 'HEAD' });
    expect(cache.stats().entries).toBe(0);
    await fetch(`${base}/id/search?q=a`);
    const head = await fetch(`${base}/id/search?q=a`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(state.renders).toBe(3);
  });

  it('compresses a cached page like a rendered one', async () => {
    const cache = createHtmlCache({ ttlMs: 60_000 });
    const { handler } = renderer((_req, res) => res.setHeader('X-Pad', 'x'));
    const big: NodeHandler = (req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<h1>${req.url}</h1>${'<p>kawung parang</p>'.repeat(200)}`);
      void handler;
    };
    const base = await serve(big, cache, true);
    const first = await fetch(`${base}/id/products/a`, { headers: { 'Accept-Encoding': 'gzip' } });
    const firstBody = await first.text();
    const second = await fetch(`${base}/id/products/a`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(second.headers.get('content-encoding')).toBe('gzip');
    expect(await second.text()).toBe(firstBody); // fetch decodes it
    expect(cache.stats().hits).toBe(1);
  });

  it('reports its counters on /ops/stats to this machine only', async () => {
    const cache = createHtmlCache({ ttlMs: 60_000 });
    const base = await serve(renderer().handler, cache);
    await fetch(`${base}/id/products/a`);
    await fetch(`${base}/id/products/a`);
    const stats = (await (await fetch(`${base}/ops/stats`)).json()) as { htmlCache: { hits: number; misses: number }; eventLoopDelayMs: { p99: number } };
    expect(stats.htmlCache).toMatchObject({ hits: 1, misses: 1 });
    expect(typeof stats.eventLoopDelayMs.p99).toBe('number');
    // Through a proxy it is an unknown address.
    expect((await fetch(`${base}/ops/stats`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(404);
  });
});

describe('what may be kept', () => {
  it('only a 200 text/html answer without cookies, private, no-store or Vary: Cookie', () => {
    expect(storableResponse(200, { 'content-type': 'text/html; charset=utf-8' })).toBe(true);
    expect(storableResponse(404, { 'content-type': 'text/html' })).toBe(false);
    expect(storableResponse(200, { 'content-type': 'application/json' })).toBe(false);
    expect(storableResponse(200, { 'content-type': 'text/html', 'set-cookie': ['a=b'] })).toBe(false);
    expect(storableResponse(200, { 'content-type': 'text/html', 'cache-control': 'no-store' })).toBe(false);
    expect(storableResponse(200, { 'content-type': 'text/html', 'cache-control': 'private, max-age=60' })).toBe(false);
    // The product page's no-cache asks browsers to revalidate (the ETag answers that); the origin may keep it.
    expect(storableResponse(200, { 'content-type': 'text/html', 'cache-control': 'no-cache' })).toBe(true);
    expect(storableResponse(200, { 'content-type': 'text/html', vary: 'Accept-Encoding, Cookie' })).toBe(false);
  });

  it('compares entity tags weakly, in lists and with *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abcd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});
