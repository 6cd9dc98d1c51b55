/** The checkout page in one call (src/lib/commerce/checkout-page.ts `checkoutPage`), on PGlite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan, createProduct } from '../../src/lib/store/repository.ts';
import { addToCart, openCart } from '../../src/lib/commerce/cart.ts';
import { checkoutPage, type CheckoutPageApp, type CheckoutPageView } from '../../src/lib/commerce/checkout-page.ts';
import type { CheckoutDeps } from '../../src/lib/commerce/orders.ts';
import { createBankTransferProvider } from '../../src/lib/commerce/payments/bank-transfer-provider.ts';
import { quoteShipping, siteShippingTable } from '../../src/lib/commerce/shipping.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';

const fields = { name: 'Pembeli Contoh', email: 'pembeli@contoh.test', phone: '+6281234567890', line1: 'Jl. Contoh No. 1', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID', paymentMethod: 'bank_transfer' };

const post = (body: Record<string, string>, type = 'application/x-www-form-urlencoded') =>
  new Request('http://canting.test/id/checkout', { method: 'POST', headers: { 'Content-Type': type }, body: new URLSearchParams(body).toString() });

describe('the checkout page', () => {
  let db: Database;
  let cartId: string;
  let delivered = 0;
  let app: CheckoutPageApp;
  const table = siteShippingTable();
  const view = (answer: unknown): CheckoutPageView => {
    expect(answer).not.toHaveProperty('redirect');
    return answer as CheckoutPageView;
  };

  beforeAll(async () => {
    db = await openPgliteDatabase('memory://');
    await migrate(db);
    const artisanId = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
    await createProduct(db, buildProductInput({ artisanId, slug: 'kain-contoh', stock: 3, priceIdr: 450_000 }));
    cartId = (await openCart(db, undefined)).cartId;
    await addToCart(db, cartId, 'kain-contoh', 1);
    const deps: CheckoutDeps = {
      // The same table the page quotes from; the form names the courier it showed.
      quoteShipping: ({ province, country, weightGrams, courierId }) =>
        quoteShipping(table, { originRegionIsland: 'sumatra', destinationProvince: province, country, weightGrams: Math.max(1, weightGrams), courierId: courierId ?? 'none' }),
      payments: { bank_transfer: createBankTransferProvider({ bankName: 'Bank Contoh', accountName: 'Koperasi Canting', accountNumber: '000-000-0000' }) },
      settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 },
      urls: ({ number }) => ({ successUrl: `http://canting.test/ok/${number}`, cancelUrl: `http://canting.test/cancel/${number}` }),
    };
    app = { db, stripe: null, shipping: table, regionIsland: () => 'sumatra', checkoutDeps: () => deps, deliverEffects: async () => void delivered++ };
  });
  afterAll(async () => db?.close());

  it('shows the cart with an empty form, card first only when Stripe is there', async () => {
    const page = view(await checkoutPage(app, cartId, new Request('http://canting.test/id/checkout'), 'id'));
    expect(page).toMatchObject({ status: 200, refusal: null, unreadable: null, fieldIssues: {}, shippingKnown: false, goodsTotal: 450_000 });
    expect(page.values).toMatchObject({ name: '', country: 'ID', paymentMethod: 'bank_transfer' });
    expect(page.cart.groups.map((g) => g.items.map((i) => i.productSlug))).toEqual([['kain-contoh']]);
    expect(page.provinces).toContain('Jawa Tengah');
    const withCard = view(await checkoutPage({ ...app, stripe: {} }, cartId, new Request('http://canting.test/id/checkout'), 'id'));
    expect(withCard.values.paymentMethod).toBe('stripe');
    // Nobody's cart yet: nothing to show, nothing refused.
    expect(view(await checkoutPage(app, null, new Request('http://canting.test/id/checkout'), 'id')).cart.groups).toEqual([]);
  });

  it('works out shipping for the province typed, and marks one the table does not know', async () => {
    const quoted = view(await checkoutPage(app, cartId, post({ ...fields, intent: 'quote' }), 'en'));
    expect(quoted).toMatchObject({ status: 200, refusal: null, shippingKnown: true, fieldIssues: {} });
    expect(quoted.values).toMatchObject({ name: 'Pembeli Contoh', province: 'Jawa Tengah' });
    expect(quoted.grandTotal).toBe(450_000 + quoted.groups[0]!.chosen!.costIdr);
    const unknown = view(await checkoutPage(app, cartId, post({ ...fields, province: 'Atlantis', intent: 'quote' }), 'id'));
    expect(unknown.fieldIssues).toEqual({ address_province: '' });
    expect(unknown.shippingKnown).toBe(false);
  });

  it('answers a form it cannot read, a mistyped one and a changed total with their status, placing nothing', async () => {
    const unreadable = view(await checkoutPage(app, cartId, post({ intent: 'place' }, 'text/plain'), 'id'));
    expect(unreadable).toMatchObject({ status: 400, unreadable: 400, refusal: null });
    const mistyped = view(await checkoutPage(app, cartId, post({ ...fields, email: 'bukan-alamat', intent: 'place', expectedTotal: '1' }), 'id'));
    expect(mistyped).toMatchObject({ status: 400, refusal: { problem: 'fix' } });
    expect(Object.keys(mistyped.fieldIssues)).toContain('buyer_email');
    expect(mistyped.values.email).toBe('bukan-alamat');
    const { group, chosen } = view(await checkoutPage(app, cartId, post({ ...fields, intent: 'quote' }), 'id')).groups[0]!;
    const changed = view(await checkoutPage(app, cartId, post({ ...fields, [`courier:${group.artisan.slug}`]: chosen!.courierId, intent: 'place', expectedTotal: '1' }), 'id'));
    expect(changed).toMatchObject({ status: 409, refusal: { problem: 'totalChanged' } });
    expect(delivered).toBe(0);
  });

  it('places the checkout at the total it showed and sends the buyer to their summary', async () => {
    const quoted = view(await checkoutPage(app, cartId, post({ ...fields, intent: 'quote' }), 'en'));
    const { group, chosen } = quoted.groups[0]!;
    const placed = await checkoutPage(app, cartId, post({ ...fields, [`courier:${group.artisan.slug}`]: chosen!.courierId, intent: 'place', expectedTotal: String(quoted.grandTotal) }), 'en');
    expect(placed).toEqual({ redirect: expect.stringMatching(/^\/en\/checkout\/done\?o=[^,]+\.[^,]+$/) });
    expect(delivered).toBe(1);
    expect(view(await checkoutPage(app, cartId, new Request('http://canting.test/en/checkout'), 'en')).cart.groups).toEqual([]);
  });
});
