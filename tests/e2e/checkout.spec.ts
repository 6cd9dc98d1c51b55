import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Stripe from 'stripe';
import { launchBrowser, seriousViolations, signIn as signInAt } from './browser.ts';

const baseUrl = inject('baseUrl');
const signIn = (page: Page, email: string) => signInAt(page, baseUrl, email);
const adminToken = inject('adminToken');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Hit { slug: string; kind: string; inStock: boolean; artisan: { slug: string } | null }

/** Pieces an earlier test of this file took: never picked twice (they may be sold or held). */
const used = new Set<string>();

/** Two in-stock pieces by two different artisans, not used by an earlier test. */
async function twoPiecesFromTwoArtisans(q: string): Promise<[string, string]> {
  const res = await fetch(`${baseUrl}/api/search?q=${q}&inStock=true&pageSize=60&sort=newest`);
  const hits = ((await res.json()) as { hits: Hit[] }).hits.filter((h) => h.kind === 'product' && !used.has(h.slug));
  const first = hits[0]!;
  const second = hits.find((h) => h.artisan!.slug !== first.artisan!.slug)!;
  used.add(first.slug).add(second.slug);
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

const rupiah = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

describe('checkout', () => {
  it('pieces from two artisans → every parcel’s shipping and the grand total before placing → ONE Stripe payment → both orders paid', async () => {
    const [a, b] = await twoPiecesFromTwoArtisans('kain');
    const stockBefore = await stockOf(a);
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await addToCart(page, a);
    await addToCart(page, b);
    await page.goto(`${baseUrl}/en/cart`);
    expect(await page.locator('.cart-group').count()).toBe(2);

    await fillCheckout(page, 'Card or e-wallet (Stripe)');
    expect(await seriousViolations(page)).toEqual([]);
    // Each parcel's courier and price, and the grand total, are on the page before the button.
    const parcels = page.locator('[data-parcel]');
    expect(await parcels.count()).toBe(2);
    const shippingLines = await page.locator('[data-testid^="parcel-shipping-"]').allTextContents();
    expect(shippingLines).toHaveLength(2);
    const grandTotal = rupiah(await page.getByTestId('grand-total').textContent());
    const parcelTotals = (await page.locator('[data-parcel] .subtotal strong').allTextContents()).map(rupiah);
    expect(parcelTotals.reduce((n, x) => n + x, 0)).toBe(grandTotal);
    await page.screenshot({ path: 'test-results/checkout-360-en.png', fullPage: true });

    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL('**/en/checkout/done?o=*');
    const cards = page.locator('.order-card');
    expect(await cards.count()).toBe(2);
    expect(await page.getByTestId('order-status').allTextContents()).toEqual(['Awaiting payment', 'Awaiting payment']);
    // One payment for both: one Pay button, for the grand total that was shown.
    expect(rupiah(await page.getByTestId('checkout-total').textContent())).toBe(grandTotal);
    const pay = page.getByRole('link', { name: /^Pay Rp/ });
    expect(await pay.count()).toBe(1);
    const checkoutNumbers = new Set(await page.getByTestId('order-checkout').allTextContents());
    expect(checkoutNumbers.size).toBe(1);

    // Pay on the (fake) Stripe page: it sends a signed webhook, then returns us here.
    await pay.click();
    await page.waitForURL(/\/en\/checkout\/done\?o=.*session_id=cs_/);
    expect(await page.getByTestId('order-status').allTextContents()).toEqual(['Paid', 'Paid']);

    const statusLink = await cards.first().getByRole('link', { name: /View order/ }).getAttribute('href');
    await page.goto(`${baseUrl}${statusLink}`);
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    expect(await stockOf(a)).toBe(stockBefore - 1);

    const number = statusLink!.match(/CTG-\d{4}-\d+/)![0];
    const token = new URL(`${baseUrl}${statusLink}`).searchParams.get('token');
    const api = await (await fetch(`${baseUrl}/api/orders/${number}?token=${token}`)).json();
    expect(api).toMatchObject({ number, status: 'paid', checkout: expect.stringMatching(/^CO-\d{4}-\d{6}$/) });
    expect((await fetch(`${baseUrl}/api/orders/${number}?token=wrong`)).status).toBe(404);
    await page.close();
  });

  it('the Indonesian checkout at 360 px shows each parcel’s courier and price and the grand total before "Buat pesanan"', async () => {
    const [a, b] = await twoPiecesFromTwoArtisans('kain');
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await addToCart(page, a);
    await addToCart(page, b);
    await page.goto(`${baseUrl}/id/checkout`);
    // With JavaScript, choosing the province is enough: the couriers and prices arrive in place.
    await page.getByLabel('Provinsi').selectOption('Jawa Tengah');
    await page.locator('[data-testid^="parcel-shipping-"]').nth(1).waitFor();
    expect(await page.locator('[data-parcel] fieldset.couriers').count()).toBe(2);
    expect(await page.locator('[data-parcel] fieldset.couriers label').first().textContent()).toMatch(/termurah/);
    const total = await page.getByTestId('grand-total');
    const button = page.getByRole('button', { name: 'Buat pesanan' });
    expect((await total.boundingBox())!.y).toBeLessThan((await button.boundingBox())!.y);
    await page.screenshot({ path: 'test-results/checkout-360-id.png', fullPage: true });
    await page.close();
  });

  it('refuses to place a checkout whose total differs from the one shown, with a message in the page’s language', async () => {
    const [a] = await twoPiecesFromTwoArtisans('selendang');
    const page = await browser.newPage();
    await addToCart(page, a);
    await page.goto(`${baseUrl}/id/checkout`);
    await page.getByLabel('Nama lengkap').fill('Sari Contoh');
    await page.getByLabel('E-mail').fill('sari@contoh.test');
    await page.getByLabel('Nomor WhatsApp').fill('+6281234567890');
    await page.getByLabel('Alamat (jalan, nomor, RT/RW)').fill('Jl. Contoh No. 12');
    await page.getByLabel('Kota/kabupaten').fill('Semarang');
    await page.getByLabel('Kode pos').fill('50111');
    // The province is chosen by script only (no change event): the page still shows no shipping.
    await page.locator('select[name="province"]').evaluate((el: HTMLSelectElement) => { el.value = 'Papua'; });
    await page.getByLabel('Transfer bank (dikonfirmasi kurator koperasi, stok ditahan 24 jam)').check();
    await page.getByRole('button', { name: 'Buat pesanan' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/^Total berubah sejak ditampilkan/);
    expect(page.url()).toMatch(/\/id\/checkout$/);
    // The page now shows the shipping and the real total; placing again works.
    await page.locator('[data-testid^="parcel-shipping-"]').first().waitFor();
    await page.getByRole('button', { name: 'Buat pesanan' }).click();
    await page.waitForURL('**/id/checkout/done?o=*');
    await page.close();
  });

  it('bank transfer: one instruction with the kode unik; a curator confirms it on the desk (360 px and 1280 px)', async () => {
    const [a, b] = await twoPiecesFromTwoArtisans('selendang');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await addToCart(page, a);
    await addToCart(page, b);
    await fillCheckout(page, 'Bank transfer');
    const shown = rupiah(await page.getByTestId('grand-total').textContent());
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL('**/en/checkout/done?o=*');
    expect(await page.getByText(/Transfer exactly Rp/).count()).toBe(1);
    const code = rupiah(await page.getByTestId('unique-code').textContent());
    expect(code).toBeGreaterThanOrEqual(1);
    expect(code).toBeLessThanOrEqual(999);
    const expected = rupiah(await page.getByTestId('checkout-total').textContent());
    expect(expected).toBe(shown + code);
    const reference = (await page.getByTestId('transfer-reference').textContent())!;
    expect(reference).toMatch(/^CO-\d{4}-\d{6}$/);
    expect(await page.getByTestId('transfer-deadline').textContent()).toMatch(/WIB\.$/);
    const orderNumbers = (await page.locator('.order-card h2').allTextContents()).map((h) => h.replace('Order ', ''));
    expect(orderNumbers).toHaveLength(2);

    for (const width of [360, 1280]) {
      const curator = await browser.newPage({ viewport: { width, height: 900 } });
      await signIn(curator, 'kurator@contoh.test');
      await curator.goto(`${baseUrl}/admin/orders?method=bank_transfer&status=awaiting_payment`);
      expect(await curator.getByRole('link', { name: orderNumbers[0]! }).count()).toBe(1);
      await curator.goto(`${baseUrl}/admin/orders/${reference}`);
      expect(rupiah(await curator.getByTestId('expected-amount').textContent())).toBe(expected);
      expect(await seriousViolations(curator)).toEqual([]);
      await curator.screenshot({ path: `test-results/order-desk-${width}.png`, fullPage: true });
      if (width === 1280) {
        await curator.getByRole('button', { name: 'Transfer sudah masuk' }).click();
        await curator.getByText('Transfer dikonfirmasi').waitFor();
        expect(await curator.getByTestId('order-status').allTextContents()).toEqual(['Sudah dibayar — siap dikirim', 'Sudah dibayar — siap dikirim']);
        expect(await curator.getByTestId('paid-by').textContent()).toMatch(/^kurator@contoh\.test · /);
      }
      await curator.close();
    }
    await page.reload();
    expect(await page.getByTestId('order-status').allTextContents()).toEqual(['Paid', 'Paid']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('an artisan sees "Menunggu pembayaran", cannot confirm the transfer, and sees "Sudah dibayar — kirim pesanan" once a curator has; the held piece says "reserved until … WIB"', async () => {
    // A workshop with a piece that has one left and is not made to order, so the order empties its shelf.
    type OwnProduct = { slug: string; status: string; stock: number; leadTimeDays?: number | null };
    let artisan: Page | null = null;
    let piece: OwnProduct | undefined;
    for (let n = 1; n <= 12 && !piece; n++) {
      await artisan?.close();
      artisan = await browser.newPage({ viewport: { width: 360, height: 780 } });
      await signIn(artisan, `perajin${n}@contoh.test`);
      const own = ((await (await artisan.request.get(`${baseUrl}/api/portal/products`)).json()) as { products: OwnProduct[] }).products;
      piece = own.find((p) => p.status === 'active' && p.stock === 1 && !p.leadTimeDays && !used.has(p.slug));
    }
    if (!artisan || !piece) throw new Error('no sample workshop has a piece with one left');
    used.add(piece.slug);
    const shopper = await browser.newPage();
    await addToCart(shopper, piece.slug);
    await fillCheckout(shopper, 'Bank transfer');
    await shopper.getByRole('button', { name: 'Place order' }).click();
    await shopper.waitForURL('**/en/checkout/done?o=*');
    const number = (await shopper.locator('.order-card h2').first().textContent())!.replace('Order ', '');
    // Held for this unpaid order: another shopper reads "reserved until … WIB", not "sold out".
    expect(await (await fetch(`${baseUrl}/en/products/${piece.slug}`)).text()).toMatch(/Reserved by another shopper until [^<]+ WIB/);

    await artisan.goto(`${baseUrl}/portal/orders/${number}`);
    expect(await artisan.getByTestId('payment-state').textContent()).toMatch(/^Menunggu pembayaran/);
    expect(await artisan.getByRole('button', { name: /Transfer sudah masuk/ }).count()).toBe(0);
    // The old form, sent by hand: refused, and the order stays unpaid.
    const forged = await artisan.request.post(`${baseUrl}/portal/orders/${number}`, { form: { action: 'confirm' }, headers: { Origin: baseUrl } });
    expect(forged.status()).toBe(400);
    await artisan.reload();
    expect(await artisan.getByTestId('order-status').textContent()).toBe('Menunggu pembayaran');

    const confirmed = await fetch(`${baseUrl}/api/admin/orders/${number}/confirm-payment`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' } });
    expect((await confirmed.json()).status).toBe('paid');
    await artisan.reload();
    expect(await artisan.getByTestId('payment-state').textContent()).toBe('Sudah dibayar — kirim pesanan');
    const sold = await (await fetch(`${baseUrl}/en/products/${piece.slug}`)).text();
    expect(sold).toContain('Sold out');
    expect(sold).not.toContain('Reserved by another shopper');
    await shopper.close();
    await artisan.close();
  });

  it('the interim admin-token API confirms a transfer only with the token', async () => {
    const [a] = await twoPiecesFromTwoArtisans('tas');
    const page = await browser.newPage();
    await addToCart(page, a);
    await fillCheckout(page, 'Bank transfer');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL('**/en/checkout/done?o=*');
    const number = (await page.locator('.order-card h2').first().textContent())!.replace('Order ', '');
    const refused = await fetch(`${baseUrl}/api/admin/orders/${number}/confirm-payment`, { method: 'POST', headers: { Authorization: 'Bearer wrong-token-0000000000', 'Content-Type': 'application/json' } });
    expect(refused.status).toBe(401);
    const confirmed = await fetch(`${baseUrl}/api/admin/orders/${number}/confirm-payment`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' } });
    expect(await confirmed.json()).toMatchObject({ number, outcome: 'changed', status: 'paid' });
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
