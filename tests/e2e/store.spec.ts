import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, seriousViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
const get = (path: string) => fetch(`${baseUrl}${path}`, { redirect: 'manual' });
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a shopper goes from a motif to a piece to its artisan', () => {
  it('motif page → a tengkiang piece → the artisan who made it', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl}/id/motifs/tengkiang`);
    // The pieces arrive through a server island, read live from the database.
    const pieces = page.getByRole('region', { name: /Produk bermotif/ });
    await pieces.getByRole('link').first().waitFor();
    const firstPiece = pieces.locator('.product-card h3 a').first();
    const title = (await firstPiece.textContent())!.trim();
    await firstPiece.click();
    await page.waitForURL('**/id/products/**');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.locator('.buy-box .price').textContent()).toMatch(/^Rp\d{1,3}(\.\d{3})+$/);
    expect(await page.getByRole('note').textContent()).toMatch(/Data contoh/);
    expect(await page.getByRole('link', { name: 'Tengkiang' }).count()).toBeGreaterThan(0);

    const img = page.locator('.gallery img').first();
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

    const artisanLink = page.locator('#artisan-heading a');
    const workshop = (await artisanLink.textContent())!.trim();
    await artisanLink.click();
    await page.waitForURL('**/id/artisans/**');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(workshop);
    expect(await page.locator('.product-card').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the product page passes axe and carries Product JSON-LD priced in whole rupiah', async () => {
    const sitemap = await (await get('/sitemap.xml')).text();
    const productUrl = /<loc>http:\/\/localhost:4321(\/en\/products\/[^<]+)<\/loc>/.exec(sitemap)![1]!;
    const html = await (await get(productUrl)).text();
    const product = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
      .map((m) => JSON.parse(m[1]!))
      .find((b) => b['@type'] === 'Product');
    expect(product.offers.priceCurrency).toBe('IDR');
    expect(product.offers.price).toMatch(/^\d+$/);
    expect(product.offers.availability).toMatch(/^https:\/\/schema\.org\/(InStock|OutOfStock|MadeToOrder)$/);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}${productUrl}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('store URLs', () => {
  it('unknown products and artisans answer 404', async () => {
    expect((await get('/id/products/tidak-ada')).status).toBe(404);
    expect((await get('/en/artisans/nobody')).status).toBe(404);
    expect((await get('/en/products/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('the sitemap lists products and artisans in both languages', async () => {
    const xml = await (await get('/sitemap.xml')).text();
    expect(xml.match(/<loc>[^<]+\/id\/products\//g)!.length).toBeGreaterThanOrEqual(240);
    expect(xml.match(/<loc>[^<]+\/en\/artisans\//g)!.length).toBeGreaterThanOrEqual(12);
  });

  it('serves product pictures as cacheable AVIF and WebP, and refuses other paths', async () => {
    const xml = await (await get('/sitemap.xml')).text();
    const productUrl = /<loc>http:\/\/localhost:4321(\/en\/products\/[^<]+)<\/loc>/.exec(xml)![1]!;
    const page = await (await get(productUrl)).text();
    const avif = /srcset="(\/media\/[^ ]+\.avif)/.exec(page)![1]!;
    const res = await get(avif);
    expect(res.headers.get('content-type')).toBe('image/avif');
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).format).toBe('heif');
    expect((await get('/media/../../etc/passwd')).status).toBe(404);
    expect((await get('/media/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
