import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
const api = async (qs: string) => {
  const res = await fetch(`${baseUrl}/api/search?${qs}`);
  return { status: res.status, body: await res.json() };
};
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('search page', () => {
  it('typing a misspelt motif shows its pieces, and ticking a region narrows them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/en/search`);
    await page.getByRole('searchbox', { name: 'Search motifs, cloths or artisans' }).fill('tengkaing');
    await page.waitForURL(/q=tengkaing/);
    const status = page.getByRole('status').filter({ hasText: /results/ });
    await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/^\d+ results$/);
    const first = page.locator('.results h3 a').first();
    await expect.poll(async () => first.textContent()).toMatch(/Tengkiang/);
    expect(await first.getAttribute('href')).toBe('/en/motifs/tengkiang');
    const total = Number((await status.textContent())!.split(' ')[0]);
    expect(total).toBeGreaterThan(2);

    expect(await page.locator('.results .hit-product').count()).toBeGreaterThan(0);
    const { body } = await api('q=tengkaing&lang=en&pageSize=60');
    const products = body.hits.filter((h: { kind: string }) => h.kind === 'product');
    expect(products.length).toBeGreaterThan(0);
    // Pieces of the motif rank before pieces that only mention it in their description.
    const withMotif = products.map((h: { motifs: string[] }) => h.motifs.includes('tengkiang'));
    expect(withMotif[0]).toBe(true);
    expect(withMotif.lastIndexOf(true)).toBeLessThan(withMotif.includes(false) ? withMotif.indexOf(false) : Infinity);

    // Tick the region facet of one of the artisans' regions: the count can only go down or stay.
    const regions = page.getByRole('group', { name: 'Region' }).getByRole('checkbox');
    await regions.first().check();
    await page.waitForURL(/region=/);
    await expect.poll(async () => Number(((await status.textContent()) ?? '').split(' ')[0])).toBeLessThanOrEqual(total);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('works without JavaScript as a GET form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/id/search?q=kopi`);
    expect(await page.locator('.results h3 a').first().textContent()).toBe('Kopi Semende');
    await page.getByText('Saringan', { exact: true }).click(); // the filters fold away until opened
    await page.getByRole('checkbox', { name: /Muara Enim/ }).check();
    await page.locator('.search-bar button').click();
    await page.waitForURL(/region=muara-enim/);
    expect(await page.locator('.results .hit-product').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('GET /api/search', () => {
  it('answers hits, facets, total, page and pageSize', async () => {
    const { status, body } = await api('q=coffee&lang=en&pageSize=5');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['facets', 'hits', 'page', 'pageSize', 'total']);
    expect(body.hits[0]).toMatchObject({ slug: 'kopi', kind: 'motif' });
    const product = body.hits.find((h: { kind: string }) => h.kind === 'product');
    expect(product).toMatchObject({ motifs: expect.arrayContaining(['kopi']), region: expect.any(String), priceIdr: expect.any(Number), imageUrl: expect.stringMatching(/^\/media\//) });
    expect(Object.keys(body.facets).sort()).toEqual(['category', 'color', 'motif', 'region', 'technique']);
  });

  it('refuses bad parameters with a 400 in the asked language, never a 500', async () => {
    for (const qs of ['minPrice=-1', 'sort=%27%3B%20DROP%20TABLE', 'page=0', 'region=%22%20OR%20region%20%3D%20%22x', 'lang=en&pageSize=9999']) {
      const { status, body } = await api(qs);
      expect(status, qs).toBe(400);
      expect(body.messages.length, qs).toBeGreaterThan(0);
    }
    expect((await api('lang=en&minPrice=abc')).body.messages).toEqual(['The lowest price must be a whole number of rupiah, 0 or more.']);
  });

  it('treats quotes and operators in the text as words', async () => {
    for (const q of ['" OR 1=1 --', 'kopi AND (region = "x")', '\\\\', '🙂 batik']) {
      const { status } = await api(`q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
    }
  });
});
