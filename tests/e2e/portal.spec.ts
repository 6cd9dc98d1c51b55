import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
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

/** A photo as a phone would send it: a JPEG with GPS EXIF. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 900, channels: 3, background: '#7a4a24' } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900"><circle cx="450" cy="450" r="300" fill="#c9a227"/></svg>') }])
    .jpeg()
    .withExif({ IFD0: { Make: 'Contoh' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '3/1 39/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '103/1 46/1 0/1' } })
    .toBuffer();
}

describe('an artisan lists a piece, a shopper buys it, the artisan ships it', () => {
  it('sign in → create a product with a photo → on the site and in search → ordered → shipped → tracking on the status page', async () => {
    const artisan = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await signIn(artisan, 'perajin1@contoh.test');
    const title = `Kain Uji Portal ${Date.now()}`;

    await artisan.goto(`${baseUrl}/portal/products/new`);
    expect(await seriousViolations(artisan)).toEqual([]);
    await artisan.getByLabel('Judul (bahasa Indonesia)').fill(title);
    await artisan.getByLabel('Judul (bahasa Inggris, boleh kosong)').fill(`${title} (test cloth)`);
    await artisan.getByLabel('Keterangan (bahasa Indonesia)').fill('Kain batik cap untuk uji ujung ke ujung.');
    await artisan.getByLabel('Keterangan (bahasa Inggris, boleh kosong)').fill('A stamped batik cloth for the end-to-end test.');
    await artisan.locator('input[name="motifs"]').first().check();
    for (const select of await artisan.locator('select').all()) {
      if ((await select.inputValue()) === '') await select.selectOption({ index: 1 });
    }
    await artisan.getByLabel('Berat untuk pengiriman (gram)').fill('400');
    await artisan.getByLabel('Harga (rupiah)').fill('275000');
    await artisan.getByLabel('Stok', { exact: true }).fill('3');
    await artisan.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await artisan.waitForURL(/\/portal\/products\/[0-9a-f-]{36}/);

    // A photo from a phone, with GPS: uploaded through the image pipeline, metadata stripped.
    await artisan.locator('input[type="file"]').setInputFiles({ name: 'kain.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
    await artisan.getByRole('button', { name: 'Unggah' }).click();
    await expect.poll(async () => artisan.locator('img[src^="/media/"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const src = await artisan.locator('img[src^="/media/"]').first().getAttribute('src');
    const meta = await sharp(Buffer.from(await (await fetch(`${baseUrl}${src}`)).arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();

    await artisan.getByRole('button', { name: 'Simpan dan terbitkan' }).click();
    await artisan.getByText('Produk diterbitkan').waitFor();
    const slug = (await artisan.getByRole('link', { name: 'Lihat di situs' }).getAttribute('href'))!.split('/').pop()!;

    // On the site and in search within seconds.
    expect((await fetch(`${baseUrl}/id/products/${slug}`)).status).toBe(200);
    await expect
      .poll(async () => ((await (await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(title)}`)).json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug), { timeout: 10_000 })
      .toContain(slug);

    // A shopper orders it by bank transfer; a curator confirms the transfer.
    const shopper = await browser.newPage();
    await shopper.goto(`${baseUrl}/en/products/${slug}`);
    await shopper.locator('form.add-to-cart[data-enhanced]').waitFor();
    await shopper.getByRole('button', { name: 'Add to cart' }).click();
    await shopper.getByRole('status').filter({ hasText: 'In your cart' }).waitFor();
    const order = await shopper.evaluate(async () => {
      const res = await fetch('/api/checkout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          buyer: { name: 'Sari Contoh', email: 'sari@contoh.test', phone: '+6281234567890' },
          address: { line1: 'Jl. Contoh No. 12', city: 'Bandung', province: 'Jawa Barat', postalCode: '40111', country: 'ID' },
          paymentMethod: 'bank_transfer',
          lang: 'en',
        }),
      });
      return ((await res.json()) as { orders: { number: string; token: string }[] }).orders[0]!;
    });
    const confirmed = await fetch(`${baseUrl}/api/admin/orders/${order.number}/confirm-payment`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    });
    expect((await confirmed.json()).status).toBe('paid');

    // The artisan sees the order and marks it shipped with a tracking number.
    await artisan.goto(`${baseUrl}/portal/orders/${order.number}`);
    await artisan.getByLabel('Nomor resi').fill('JNE1234567890');
    await artisan.getByRole('button', { name: 'Tandai sudah dikirim' }).click();
    await artisan.getByText('Pesanan ditandai dikirim').waitFor();

    // The buyer's status page shows it.
    await shopper.goto(`${baseUrl}/en/orders/${order.number}?token=${order.token}`);
    expect(await shopper.getByTestId('order-status').textContent()).toBe('Shipped');
    expect(await shopper.getByTestId('tracking').textContent()).toBe('JNE1234567890');
    // …with a link to the courier's own tracking page, named after the courier.
    const follow = shopper.getByTestId('tracking-link');
    expect(await follow.getAttribute('href')).toMatch(/^https:\/\/www\.(jne\.co\.id|jet\.co\.id|sicepat\.com|posindonesia\.co\.id)\/$/);
    expect(await follow.textContent()).toMatch(/^Track on (JNE REG|J&T Express|SiCepat REG|POS Indonesia)'s site/);
    // The buyer confirms receipt: delivered, through the state machine.
    await shopper.getByRole('button', { name: 'I have received this order' }).click();
    await shopper.getByText('Thank you! The order is marked as delivered.').waitFor();
    expect(await shopper.getByTestId('order-status').textContent()).toBe('Delivered');
    await shopper.close();
    await artisan.close();
  });

  it('another artisan cannot see or change that artisan’s products or orders', async () => {
    const own = await browser.newPage();
    await signIn(own, 'perajin1@contoh.test');
    const mine = ((await (await own.request.get(`${baseUrl}/api/portal/products`)).json()) as { products: { id: string }[] }).products;
    expect(mine.length).toBeGreaterThan(0);
    await own.close();

    const other = await browser.newPage();
    await signIn(other, 'perajin2@contoh.test');
    const id = mine[0]!.id;
    expect((await other.request.get(`${baseUrl}/api/portal/products/${id}`)).status()).toBe(404);
    // Same-origin writes, as the portal's own pages make them.
    const headers = { Origin: baseUrl, 'Content-Type': 'application/json' };
    expect((await other.request.patch(`${baseUrl}/api/portal/products/${id}`, { data: { priceIdr: 1000 }, headers })).status()).toBe(404);
    expect((await other.request.delete(`${baseUrl}/api/portal/products/${id}`, { headers })).status()).toBe(404);
    expect((await other.goto(`${baseUrl}/portal/products/${id}`))!.status()).toBe(404);
    expect((await other.request.get(`${baseUrl}/api/portal/products/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
    await other.close();
  });
});
