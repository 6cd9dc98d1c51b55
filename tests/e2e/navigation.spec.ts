import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a reader finds a motif and reads it in the other language', () => {
  it('home → region → motif → English, staying on the same page', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl}/id/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');

    await page.getByRole('link', { name: 'Muara Enim', exact: true }).first().click();
    await page.waitForURL('**/id/regions/muara-enim');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Muara Enim');

    await page.getByRole('link', { name: 'Kopi Semende' }).first().click();
    await page.waitForURL('**/id/motifs/kopi');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kopi Semende');
    expect(await page.getByRole('heading', { name: 'Makna' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Baca halaman ini dalam bahasa Inggris' }).click();
    await page.waitForURL('**/en/motifs/kopi');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kopi Semende (coffee)');
    expect(await page.getByRole('heading', { name: 'Meaning' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Read this page in Indonesian' }).click();
    await page.waitForURL('**/id/motifs/kopi');
    await page.close();
  });

  it('filters motifs by region and technique without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/motifs/`);
    const all = await page.locator('main .grid > li').count();
    await page.getByLabel('Region').selectOption('cirebon');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**/en/motifs/?region=cirebon*');
    const names = await page.locator('main .grid h2').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThan(all);
    expect(names).toContain('Mega Mendung (rain clouds)');
    expect(names).not.toContain('Kopi Semende (coffee)');

    await page.getByLabel('Technique').selectOption('songket');
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await page.getByText('No motif matches these filters.').count()).toBe(1);
    await context.close();
  });
});
