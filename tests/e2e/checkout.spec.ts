import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Stripe from 'stripe';
import { launchBrowser, seriousViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Hit { slug: string; kind: string; inStock: boolean; artisan: { slug: string } | null }

/** Two in-stock pieces by two different artisans. */
async function twoPiecesFromTwoArtisans(q: string): Promise<[string, string]> {
  const res = await fetch(`${baseUrl}/api/search?q=${q}&inStock=true&pageSize=60&sort=newest`);
  const hits = ((await res.json()) as { hits: Hit[] }).hits.filter((h) => h.kind === 'product');
  const first = hits[0]!;
  const second = hits.find((h) => h.artisan!.slug !== first.artisan!.slug)!;
  return [first.slug, second.slug];
}

/** The stock a product page shows ("In stock: n", or one of a kind). */
async function stockOf(slug: string): Promise<number> {
  const page = await (await fetch(`${baseUrl}/en/products/${slug}`)).text();
  const m = /In stock: (\d+)|One of a kind/.exec(page);
  return m ? (m[1] ? Number(m[1]) : 1) : 0;
}

async function addToCart(page: Page, slug: string) {
  await page.goto(`${baseUrl}/en/products/${slug}`);
  await page.locator('form.add-to-cart[data-enhanced]').waitFor(); // enhanced
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'In your cart' }).waitFor();
}

async function fillCheckout(page: Page, method: 'Card or e-wallet (Stripe)' | 'Bank transfer') {
  await page.goto(`${baseUrl}/en/checkout`);
  await page.getByLabel('Full name').fill('Sari Contoh');
  await page.getByLabel('E-mail').fill('sari@contoh.test');
  await page.getByLabel('WhatsApp number').fill('+6281234567890');
  await page.getByLabel('Address (street, number)').fill('Jl. Contoh No. 12');
  await page.getByLabel('City/regency').fill('Semarang');
  await page.getByLabel('Province').selectOption('Jawa Tengah');
  await page.getByLabel('Postal code').fill('50111');
  await page.getByRole('button', { name: 'Work out shipping' }).click();
  await page.getByText(/JNE REG — Rp/).first().waitFor({ state: 'attached' });
  await page.getByLabel(method).check();
}

describe('checkout', () => {
  it('pieces from two artisans → two orders → the first paid through Stripe → paid, stock down', async () => {
    const [a, b] = await twoPiecesFromTwoArtisans('kain');
    const stockBefore = await stockOf(a);
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await addToCart(page, a);
    await addToCart(page, b);
    await page.goto(`${baseUrl}/en/cart`);
    expect(await page.locator('.cart-group').count()).toBe(2);

    await fillCheckout(page, 'Card or e-wallet (Stripe)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL('**/en/checkout/done?o=*');
    const cards = page.locator('.order-card');
    expect(await cards.count()).toBe(2);
    expect(await page.getByTestId('order-status').allTextContents()).toEqual(['Awaiting payment', 'Awaiting payment']);

    // Pay the first order on the (fake) Stripe page: it sends a signed webhook, then returns us here.
    await cards.first().getByRole('link', { name: /^Pay CTG-/ }).click();
    await page.waitForURL(/\/en\/checkout\/done\?o=.*session_id=cs_/);
    expect(await page.getByTestId('order-status').allTextContents()).toEqual(['Paid', 'Awaiting payment']);

    const statusLink = await cards.first().getByRole('link', { name: /View order/ }).getAttribute('href');
    await page.goto(`${baseUrl}${statusLink}`);
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    expect(await stockOf(a)).toBe(stockBefore - 1);

    const number = statusLink!.match(/CTG-\d{4}-\d+/)![0];
    const token = new URL(`${baseUrl}${statusLink}`).searchParams.get('token');
    const api = await (await fetch(`${baseUrl}/api/orders/${number}?token=${token}`)).json();
    expect(api).toMatchObject({ number, status: 'paid' });
    expect((await fetch(`${baseUrl}/api/orders/${number}?token=wrong`)).status).toBe(404);
    await page.close();
  });

  it('a bank-transfer order, from start to confirmation', async () => {
    const [a] = await twoPiecesFromTwoArtisans('selendang');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await addToCart(page, a);
    await fillCheckout(page, 'Bank transfer');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL('**/en/checkout/done?o=*');
    const card = page.locator('.order-card').first();
    expect(await card.getByText(/Transfer exactly Rp/).count()).toBe(1);
    const number = (await card.getByRole('heading').textContent())!.replace('Order ', '');

    const refused = await fetch(`${baseUrl}/api/admin/orders/${number}/confirm-payment`, { method: 'POST', headers: { Authorization: 'Bearer wrong-token-0000000000', 'Content-Type': 'application/json' } });
    expect(refused.status).toBe(401);
    const confirmed = await fetch(`${baseUrl}/api/admin/orders/${number}/confirm-payment`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' } });
    expect(await confirmed.json()).toMatchObject({ number, outcome: 'changed', status: 'paid' });
    await page.reload();
    expect(await page.getByTestId('order-status').first().textContent()).toBe('Paid');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('refuses forged webhooks and answers 200 to event types it ignores', async () => {
    const forged = await fetch(`${baseUrl}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=deadbeef' },
      body: JSON.stringify({ id: 'evt_forged', type: 'checkout.session.completed', data: { object: { id: 'cs_x' } } }),
    });
    expect(forged.status).toBe(400);

    const payload = JSON.stringify({ id: `evt_ignored_${Date.now()}`, object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: inject('webhookSecret') });
    const send = () => fetch(`${baseUrl}/api/stripe/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header }, body: payload });
    const ignored = await send();
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toEqual({ received: true, outcome: 'ignored' });
    // Tampered after signing: refused.
    const tampered = await fetch(`${baseUrl}/api/stripe/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header }, body: payload.replace('cus_1', 'cus_2') });
    expect(tampered.status).toBe(400);
  });

  it('shows clear messages for a bad checkout form, in the reader’s language', async () => {
    const [a] = await twoPiecesFromTwoArtisans('tas');
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/id/products/${a}`);
    await page.locator('form.add-to-cart[data-enhanced]').waitFor();
    await page.getByRole('button', { name: 'Masukkan ke keranjang' }).click();
    await page.getByRole('status').filter({ hasText: 'Sudah di keranjang' }).waitFor();
    await page.goto(`${baseUrl}/id/checkout`);
    await page.getByLabel('E-mail').fill('bukan-email');
    await page.getByRole('button', { name: 'Buat pesanan' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Periksa isian yang ditandai.');
    expect(await page.getByText('Tulis alamat e-mail yang benar, misalnya nama@contoh.id.').count()).toBe(1);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('bukan-email');
    await page.close();
  });
});
