/**
 * The HTML cache of public pages (src/lib/ops/html-cache.ts) never shows an old price: a change in the
 * portal shows on the product page at once on the same server, and within the documented window
 * (README: the catalogue read cache's 5 s plus the page cache's 5 s on PostgreSQL) on another server
 * sharing the PostgreSQL database.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser.ts';
import { killAllStarted, startServer } from './server-process.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await killAllStarted();
});

interface Own {
  id: string;
  slug: string;
  status: string;
  priceIdr: number;
}

/** The price shown on a product page, digits only ("Rp 275.000" → 275000). */
function shownPrice(html: string): number {
  const m = /<p class="price">([^<]*)<\/p>/.exec(html);
  if (!m) throw new Error('no price on the page');
  return Number(m[1]!.replace(/\D/g, ''));
}

async function artisanPage(origin: string): Promise<{ page: Page; product: Own; setPrice: (priceIdr: number) => Promise<void> }> {
  const page = await browser.newPage();
  await signIn(page, origin, 'perajin1@contoh.test');
  const { products } = (await (await page.request.get(`${origin}/api/portal/products`)).json()) as { products: Own[] };
  const product = products.find((p) => p.status === 'active')!;
  expect(product, 'an active piece of perajin1').toBeTruthy();
  const setPrice = async (priceIdr: number) => {
    const res = await page.request.patch(`${origin}/api/portal/products/${product.id}`, {
      data: { priceIdr },
      headers: { Origin: origin, 'Content-Type': 'application/json' },
    });
    expect(res.status()).toBe(200);
  };
  return { page, product, setPrice };
}

describe('cached product pages and catalogue writes', () => {
  it('a price changed in the portal shows on the product page at once on the same server', async () => {
    const { page, product, setPrice } = await artisanPage(baseUrl);
    const url = `${baseUrl}/id/products/${product.slug}`;
    try {
      await fetch(url); // rendered and kept
      const cached = await fetch(url);
      const etag = cached.headers.get('etag');
      expect(etag, 'the second view came from the page cache').toBeTruthy();
      const before = shownPrice(await cached.text());
      expect(before).toBe(product.priceIdr);
      // The browser asks "still the same?": yes.
      expect((await fetch(url, { headers: { 'If-None-Match': etag! } })).status).toBe(304);

      const changed = product.priceIdr + 12_500;
      await setPrice(changed);
      const after = await fetch(url, { headers: { 'If-None-Match': etag! } });
      expect(after.status).toBe(200);
      expect(shownPrice(await after.text())).toBe(changed);
      expect(shownPrice(await (await fetch(`${baseUrl}/en/products/${product.slug}`)).text())).toBe(changed);
    } finally {
      await setPrice(product.priceIdr);
      await page.close();
    }
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  const twoServers = async (adminUrl: string) => {
    const name = `canting_pagecache_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const dirs = [mkdtempSync(join(tmpdir(), 'canting-pagecache-a-')), mkdtempSync(join(tmpdir(), 'canting-pagecache-b-'))];
    try {
      const env = { DATABASE_URL: url.toString(), CANTING_SAMPLE_SIZE: 'small', REQUEST_LOG: 'off' };
      const a = await startServer({ ...env, DATA_DIR: dirs[0]! });
      const b = await startServer({ ...env, DATA_DIR: dirs[1]! });
      const { page, product, setPrice } = await artisanPage(a.baseUrl);
      const onB = `${b.baseUrl}/id/products/${product.slug}`;
      await fetch(onB);
      expect((await fetch(onB)).headers.get('etag'), 'server B keeps the page').toBeTruthy();
      const changed = product.priceIdr + 7_500;
      await setPrice(changed);
      expect(shownPrice(await (await fetch(`${a.baseUrl}/id/products/${product.slug}`)).text()), 'at once on the server that wrote').toBe(changed);
      // On the other server within the documented window (10 s), polled with room for a busy machine.
      await expect.poll(async () => shownPrice(await (await fetch(onB)).text()), { timeout: 20_000, interval: 250 }).toBe(changed);
      await page.close();
      await a.stop();
      await b.stop();
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
    }
  };
  if (serverUrl) {
    it('and on another server sharing PostgreSQL within the documented window', () => twoServers(serverUrl), 300_000);
  } else if (process.env.CI) {
    it('and on another server sharing PostgreSQL (runs in CI)', () => {
      throw new Error('TEST_DATABASE_URL is not set: .ci/run should have started PostgreSQL');
    });
  } else {
    it.skip('and on another server sharing PostgreSQL — skipped: set TEST_DATABASE_URL to a PostgreSQL server', () => undefined);
  }
});
