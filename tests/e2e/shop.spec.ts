/**
 * The shop as a new shopper meets it on a phone: from home to the listing in one tap, a region
 * filter, a piece, the cart's count in the header; and a motif page's "see all" opening the listing
 * with the count it announced.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations, signIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('shop', () => {
  it('home → the listing in one tap → a region → a piece → added: the header says 1, on this page and the next', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/id/`);
    // An empty cart shows no count.
    expect(await page.locator('a.cart-link .cart-count').count()).toBe(0);

    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Belanja' }).click();
    await page.waitForURL(`${baseUrl}/id/search`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Belanja batik');
    // The listing is pieces only: no motif page among the results.
    expect(await page.locator('.results .hit-motif').count()).toBe(0);
    expect(await page.locator('.results .hit-product').count()).toBeGreaterThan(0);

    // Filters fold away on a phone: open them, choose a region and in-stock pieces.
    await page.locator('form.search[data-enhance]').waitFor();
    await page.locator('details.facet-panel > summary').click();
    await page.locator('input[name="region"][value="muara-enim"]').check();
    await page.waitForURL(/region=muara-enim/);
    await page.locator('input[name="inStock"]').check();
    await page.waitForURL(/inStock=true/);
    await page.locator('.results[aria-busy="false"]').waitFor();
    const status = await page.locator('.results [role="status"]').textContent();
    expect(status).toMatch(/^\d+ hasil$/);

    await page.locator('.results .hit-product h3 a').first().click();
    await page.waitForURL(/\/id\/products\//);
    await page.locator('form.add-to-cart[data-enhanced]').waitFor();
    await page.getByRole('button', { name: 'Masukkan ke keranjang' }).click();
    await page.getByRole('status').filter({ hasText: 'Sudah di keranjang' }).waitFor();
    const badge = page.locator('a.cart-link .cart-count');
    expect(await badge.getAttribute('data-cart-count')).toBe('1');
    expect(await page.getByRole('link', { name: /Keranjang/ }).first().textContent()).toContain('1');

    // The next page (prerendered) gets its count from the server.
    await page.goto(`${baseUrl}/id/motifs/`);
    await page.locator('a.cart-link .cart-count').waitFor();
    expect(await page.locator('a.cart-link .cart-count').getAttribute('data-cart-count')).toBe('1');
    expect(await page.locator('a.cart-link .cart-count .visually-hidden').textContent()).toBe('1 barang');
    await context.close();
  });

  it('a motif page’s "see all" opens the listing filtered to that motif, with the count it announced', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 760 } });
    await page.goto(`${baseUrl}/en/motifs/kopi`);
    const seeAll = page.getByRole('link', { name: /^See (all )?\d+ pieces?/ });
    await seeAll.waitFor();
    const announced = Number(/(\d+)/.exec((await seeAll.textContent()) ?? '')![1]);
    expect(announced).toBeGreaterThan(1);
    await seeAll.click();
    await page.waitForURL(`${baseUrl}/en/search?motif=kopi`);
    expect(await page.locator('.results [role="status"]').textContent()).toBe(`${announced} results`);
    expect(await page.locator('input[name="motif"][value="kopi"]').isChecked()).toBe(true);
    expect(await page.locator('.results .hit-motif').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('a region page and a workshop page link their pieces in the listing with the same count', async () => {
    const page = await browser.newPage();
    for (const path of ['/id/regions/pekalongan']) {
      await page.goto(`${baseUrl}${path}`);
      const seeAll = page.getByRole('link', { name: /^Lihat semua \d+ produk/ });
      await seeAll.waitFor();
      const announced = (/(\d+)/.exec((await seeAll.textContent()) ?? '') ?? [])[1];
      await seeAll.click();
      await page.waitForURL(/\/id\/search\?region=pekalongan/);
      expect(await page.locator('.results [role="status"]').textContent()).toBe(`${announced} hasil`);
      // A workshop of that region, and its own listing.
      const workshop = await page.locator('.results .hit-product .muted').first().textContent();
      await page.locator('.results .hit-product h3 a').first().click();
      await page.getByRole('heading', { level: 2, name: workshop! }).getByRole('link').click();
      const own = page.getByRole('link', { name: /^Lihat semua \d+ produk/ });
      const count = (/(\d+)/.exec((await own.textContent()) ?? '') ?? [])[1];
      await own.click();
      await page.waitForURL(/\/id\/search\?artisan=/);
      expect(await page.locator('.results [role="status"]').textContent()).toBe(`${count} hasil`);
      expect(await page.locator('.results').textContent()).toContain(workshop!);
    }
    await page.close();
  });

  it('search cards name the workshop, as the product page does', async () => {
    const res = await fetch(`${baseUrl}/api/search?q=kopi&pageSize=5&inStock=true`);
    const hit = ((await res.json()) as { hits: { kind: string; slug: string; artisan: { name: string } | null }[] }).hits.find((h) => h.kind === 'product')!;
    const product = await (await fetch(`${baseUrl}/en/products/${hit.slug}`)).text();
    expect(product).toContain(`>${hit.artisan!.name}</a></h2>`);
  });
  it('a piece written only in Indonesian is published, and its English page shows the Indonesian text marked lang="id"', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, 'perajin6@contoh.test');
    // Unique per run: a reused data directory keeps earlier runs' pieces.
    const title = `Selendang Uji Tanpa Terjemahan ${randomUUID().slice(0, 8)}`;
    const answer = await page.evaluate(async (title) => {
      const res = await fetch('/api/portal/products', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title: { id: title },
          description: { id: 'Selendang cap untuk uji: sanggar hanya menulis dalam bahasa Indonesia.' },
          motifs: ['kopi'], technique: 'cap', dye: 'synthetic', fabric: 'katun-prima', category: 'selendang',
          weightGrams: 200, priceIdr: 150000, stock: 2, status: 'active',
        }),
      });
      return { status: res.status, body: (await res.json()) as { product?: { slug: string; id: string } } };
    }, title);
    expect(answer.status).toBe(201);
    const slug = answer.body.product!.slug;
    await page.goto(`${baseUrl}/en/products/${slug}`);
    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.textContent()).toBe(title);
    expect(await h1.getAttribute('lang')).toBe('id');
    expect(await page.getByTestId('untranslated').textContent()).toMatch(/wrote this in Indonesian/);
    // The Indonesian page has nothing to mark.
    await page.goto(`${baseUrl}/id/products/${slug}`);
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBeNull();
    expect(await page.getByTestId('untranslated').count()).toBe(0);

    // A curator adds the translation on the admin's product list; the English page then shows it.
    const desk = await (await browser.newContext()).newPage();
    await signIn(desk, baseUrl, 'kurator@contoh.test');
    await desk.goto(`${baseUrl}/admin/products?q=${encodeURIComponent(title)}`);
    await desk.getByText('Tambah terjemahan bahasa Inggris').click();
    await desk.getByLabel('Judul (bahasa Inggris)').fill('Test shawl with no translation yet');
    await desk.getByLabel('Keterangan (bahasa Inggris)').fill('A stamped test shawl; the workshop wrote only Indonesian.');
    await desk.getByRole('button', { name: 'Simpan terjemahan' }).click();
    await desk.getByRole('status').filter({ hasText: 'Terjemahan disimpan' }).waitFor();
    await desk.context().close();
    await page.goto(`${baseUrl}/en/products/${slug}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Test shawl with no translation yet');
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBeNull();
    expect(await page.getByTestId('untranslated').count()).toBe(0);
    // Gone again: other suites search the shared sample shop and expect its pieces (with photos).
    await page.goto(`${baseUrl}/portal`);
    const removed = await page.evaluate(async (id) => (await fetch(`/api/portal/products/${id}`, { method: 'DELETE' })).status, answer.body.product!.id);
    expect(removed).toBe(200);
    await context.close();
  });
});
