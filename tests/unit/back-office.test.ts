/**
 * The house's shared pieces: the one guard, the one form-action helper, error reasons (not message
 * text), the order desk's and the artisan's order actions, and the checkout page's view model.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { orderFilterFrom } from '../../src/lib/admin/admin.ts';
import { deskAction, deskActionSchema, deskRefusal } from '../../src/lib/admin/order-desk.ts';
import { backOfficeGate, requireArtisanAccess, requireRole } from '../../src/lib/auth/guard.ts';
import { checkoutPageData, checkoutRefusal, checkoutValuesFromForm, emptyCheckoutValues, submitCheckout } from '../../src/lib/commerce/checkout-page.ts';
import type { CartGroup } from '../../src/lib/commerce/cart.ts';
import { siteShippingTable } from '../../src/lib/commerce/shipping.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { AppError, ERROR_REASONS, hasReason } from '../../src/lib/errors.ts';
import { flashFrom, handleFormPost, runFormAction } from '../../src/lib/form-action.ts';
import { isOrderNumber, isUuid } from '../../src/lib/ids.ts';
import { ownOrderAction, ownOrderActionSchema, ownOrderRefusal } from '../../src/lib/portal/orders.ts';

const artisan = (status: 'pending' | 'approved' | 'suspended' | null) => ({ role: 'artisan', artisanId: '0b8e6a4e-3f2c-4d5e-9a1b-2c3d4e5f6a7b', artisanStatus: status });
const curator = { role: 'curator', artisanId: null, artisanStatus: null };

describe('the one guard', () => {
  it('sends the signed-out to sign in, and lets only curators into the admin', () => {
    expect(backOfficeGate(null, '/admin/orders')).toEqual({ area: 'admin', access: 'login' });
    expect(backOfficeGate(artisan('approved'), '/admin')).toEqual({ area: 'admin', access: 'forbidden' });
    expect(backOfficeGate(curator, '/admin/payouts/')).toEqual({ area: 'admin', access: 'ok' });
    expect(requireRole(curator, 'artisan')).toBe('forbidden');
  });

  it('lets a workshop awaiting approval prepare its products but not see orders or earnings', () => {
    expect(backOfficeGate(artisan('pending'), '/portal/products/new')).toEqual({ area: 'portal', access: 'ok' });
    expect(backOfficeGate(artisan('pending'), '/portal/orders')).toEqual({ area: 'portal', access: 'pending' });
    expect(backOfficeGate(artisan('pending'), '/portal')).toEqual({ area: 'portal', access: 'pending' });
    expect(backOfficeGate(artisan('suspended'), '/portal/earnings')).toEqual({ area: 'portal', access: 'ok' });
    expect(backOfficeGate(curator, '/portal/products')).toEqual({ area: 'portal', access: 'forbidden' });
    expect(requireArtisanAccess(artisan(null))).toBe('pending');
  });

  it('leaves the open forms, the endpoints that answer for themselves, and the public site alone', () => {
    for (const path of ['/portal/login', '/portal/signup/', '/portal/reset', '/portal/logout', '/portal/earnings.csv', '/portal/access', '/id/', '/api/portal/orders', '/portals']) {
      expect(backOfficeGate(null, path), path).toBeNull();
    }
  });
});

function formRequest(fields: Record<string, string>, type = 'application/x-www-form-urlencoded'): Request {
  return new Request('http://localhost/admin/x', { method: 'POST', headers: { 'Content-Type': type }, body: new URLSearchParams(fields).toString() });
}
const texts = { tooLarge: 'terlalu besar', unreadable: 'tidak terbaca' };

describe('the one form-action helper', () => {
  const schema = z.object({ action: z.enum(['hide', 'show']), id: z.string().catch('') });

  it('validates with zod, acts, and answers where to go', async () => {
    const outcome = await runFormAction(formRequest({ action: 'hide', id: 'p1' }), {
      schema,
      act: async ({ action, id }) => `/admin/products?done=${action}-${id}`,
      message: () => 'no',
      texts,
    });
    expect(outcome).toEqual({ redirect: '/admin/products?done=hide-p1' });
  });

  it('answers a refusal with its status and the page’s sentence, and a form it cannot read with 400', async () => {
    const refused = await runFormAction(formRequest({ action: 'hide', id: 'gone' }), {
      schema,
      act: async () => {
        throw new AppError('not_found', 'no product gone');
      },
      message: (e) => (e.code === 'not_found' ? 'Tidak ditemukan.' : 'Lain.'),
      texts,
    });
    expect(refused).toEqual({ status: 404, error: 'Tidak ditemukan.' });
    const invalid = await runFormAction(formRequest({ action: 'explode' }), { schema, act: async () => '/x', message: (e) => `invalid:${e.code}`, texts });
    expect(invalid).toEqual({ status: 400, error: 'invalid:invalid' });
    const unreadable = await runFormAction(formRequest({ action: 'hide' }, 'text/plain'), { schema, act: async () => '/x', message: () => 'x', texts });
    expect(unreadable).toEqual({ status: 400, error: 'tidak terbaca' });
  });

  it('rethrows faults of ours and the codes the page handles itself', async () => {
    const failing = (error: Error) => runFormAction(formRequest({ action: 'hide' }), { schema, act: async () => Promise.reject(error), message: () => 'x', texts, rethrow: ['not_found'] });
    await expect(failing(new Error('database down'))).rejects.toThrow('database down');
    await expect(failing(new AppError('unavailable', 'search down'))).rejects.toThrow('search down');
    await expect(failing(new AppError('not_found', 'no checkout'))).rejects.toThrow('no checkout');
  });

  it('handleFormPost: nothing for a GET, a 303 for a done action, the status set for a refusal', async () => {
    const page = (request: Request) => ({ request, response: {} as { status?: number }, redirect: (to: string, status?: number) => new Response(null, { status: status ?? 302, headers: { Location: to } }) });
    const get = page(new Request('http://localhost/admin/x'));
    expect(await handleFormPost(get, { schema, act: async () => '/y', message: () => 'x', texts })).toBeNull();
    const done = await handleFormPost(page(formRequest({ action: 'show' })), { schema, act: async () => '/y?done=shown', message: () => 'x', texts });
    expect(done).toBeInstanceOf(Response);
    expect((done as Response).status).toBe(303);
    expect((done as Response).headers.get('location')).toBe('/y?done=shown');
    const refusedPage = page(formRequest({ action: 'show' }));
    const refused = await handleFormPost(refusedPage, { schema, act: async () => Promise.reject(new AppError('conflict', 'x')), message: () => 'Bentrok.', texts });
    expect(refused).toBe('Bentrok.');
    expect(refusedPage.response.status).toBe(409);
  });

  it('flashFrom shows only the messages the table has', () => {
    const table = { saved: 'Tersimpan.', count: (n: number) => `${n}` };
    expect(flashFrom(new URL('http://x/?done=saved'), table)).toBe('Tersimpan.');
    expect(flashFrom(new URL('http://x/?done=count'), table)).toBeNull();
    expect(flashFrom(new URL('http://x/?done=toString'), table)).toBeNull();
    expect(flashFrom(new URL('http://x/'), table)).toBeNull();
  });
});

describe('error reasons, not message text', () => {
  it('the closed list of reasons, and hasReason', () => {
    expect(ERROR_REASONS).toContain('empty_cart');
    expect(ERROR_REASONS).toContain('needs_refund');
    expect(hasReason(new AppError('conflict', 'anything at all', { reason: 'sold_out' }), 'sold_out')).toBe(true);
    expect(hasReason(new AppError('conflict', 'sold out'), 'sold_out')).toBe(false);
  });

  it('the order desk maps refusals by reason and action', async () => {
    expect(deskRefusal(new AppError('invalid', 'whatever', { reason: 'confirm_required' }), 'cancel')).toBe('check');
    expect(deskRefusal(new AppError('invalid', 'whatever', { reason: 'unknown_action' }), 'x')).toBe('unknown');
    expect(deskRefusal(new AppError('invalid', 'card'), 'confirm')).toBe('notBank');
    expect(deskRefusal(new AppError('invalid', 'bank'), 'refund-stripe')).toBe('stripeForBank');
    expect(deskRefusal(new AppError('conflict', 'nothing paid'), 'refund-bank')).toBe('notRefundable');
    const db = {} as Database; // never reached: the refusals come before any query
    await expect(deskAction(db, 'CO-2026-000001', 'kurator@contoh.test', deskActionSchema.parse({ action: 'cancel' }))).rejects.toMatchObject({ reason: 'confirm_required' });
    await expect(deskAction(db, 'CO-2026-000001', 'kurator@contoh.test', deskActionSchema.parse({ action: 'burn' }))).rejects.toMatchObject({ reason: 'unknown_action' });
  });

  it('the artisan’s order page maps refusals by reason and action', async () => {
    expect(ownOrderRefusal(new AppError('conflict', 'x', { reason: 'needs_refund' }), 'cancel')).toBe('cancelPaid');
    expect(ownOrderRefusal(new AppError('conflict', 'x', { reason: 'shares_checkout' }), 'cancel')).toBe('cancelShared');
    expect(ownOrderRefusal(new AppError('conflict', 'refund the buyer'), 'cancel')).toBe('cancelEnded');
    expect(ownOrderRefusal(new AppError('invalid', 'x'), 'ship')).toBe('tracking');
    expect(ownOrderRefusal(new AppError('conflict', 'x'), 'ship')).toBe('shipNotPaid');
    expect(ownOrderRefusal(new AppError('invalid', 'x'), 'dance')).toBe('unknownAction');
    const db = {} as Database;
    const id = artisan('approved').artisanId;
    await expect(ownOrderAction(db, id, 'CTG-2026-000001', ownOrderActionSchema.parse({ action: 'ship', tracking: 'a b' }))).rejects.toMatchObject({ code: 'invalid' });
    await expect(ownOrderAction(db, id, 'CTG-2026-000001', ownOrderActionSchema.parse({ action: 'cancel' }))).rejects.toMatchObject({ reason: 'confirm_required' });
  });

  it('the checkout page says each refusal by its reason, with the pieces named', () => {
    expect(checkoutRefusal(new AppError('conflict', 'zzz', { reason: 'sold_out', subject: 'Kain Kopi' }))).toMatchObject({ problem: 'soldOut', subject: 'Kain Kopi', status: 409 });
    expect(checkoutRefusal(new AppError('invalid', 'zzz', { reason: 'empty_cart' }))).toMatchObject({ problem: 'emptyCart', status: 400 });
    expect(checkoutRefusal(new AppError('conflict', 'zzz', { reason: 'total_changed' }))).toMatchObject({ problem: 'totalChanged' });
    expect(checkoutRefusal(new AppError('conflict', 'zzz', { reason: 'too_many_unpaid' }))).toMatchObject({ problem: 'tooManyUnpaid' });
    expect(checkoutRefusal(new AppError('invalid', 'zzz', { reason: 'bad_province' })).fields.map((f) => f.key)).toEqual(['address_province']);
    expect(checkoutRefusal(new AppError('invalid', 'zzz', { reason: 'bad_country' })).fields.map((f) => f.key)).toEqual(['address_country']);
    expect(checkoutRefusal(new AppError('invalid', 'zzz', { reason: 'bad_courier' }))).toMatchObject({ problem: 'badCourier', fields: [] });
    // An English message that mentions a province is not a province problem any more.
    expect(checkoutRefusal(new AppError('invalid', 'province is weird')).fields.map((f) => f.key)).toEqual(['paymentMethod']);
  });
});

describe('the checkout page’s view model', () => {
  const shipping = siteShippingTable();
  const group = (slug: string, subtotalIdr: number, weightGrams: number): CartGroup => ({
    artisan: { id: slug, slug, name: slug, region: 'muara-enim', isSample: true },
    items: [],
    subtotalIdr,
    weightGrams,
    leadTimeDays: null,
  });

  it('offers each parcel its couriers cheapest first, keeps the buyer’s choice, and adds the totals', () => {
    const cart = { groups: [group('a', 100_000, 900), group('b', 250_000, 2500)] };
    const data = checkoutPageData(shipping, () => 'sumatra', cart, { province: 'Jawa Tengah', country: 'ID', couriers: {} });
    expect(data.shippingKnown).toBe(true);
    for (const g of data.groups) {
      const costs = g.couriers.map((c) => c.costIdr);
      expect(costs).toEqual([...costs].sort((x, y) => x - y));
      expect(g.chosen).toEqual(g.couriers[0]);
    }
    expect(data.goodsTotal).toBe(350_000);
    expect(data.grandTotal).toBe(350_000 + data.groups.reduce((n, g) => n + g.chosen!.costIdr, 0));
    const dearer = data.groups[1]!.couriers.at(-1)!;
    const chosen = checkoutPageData(shipping, () => 'sumatra', cart, { province: 'Jawa Tengah', country: 'ID', couriers: { b: dearer.courierId } });
    expect(chosen.groups[1]!.chosen!.courierId).toBe(dearer.courierId);
    expect(data.provinces).toContain('Jawa Tengah');
  });

  it('without a destination there is no shipping yet; an unknown province is marked', () => {
    const cart = { groups: [group('a', 100_000, 900)] };
    expect(checkoutPageData(shipping, () => 'java', cart, emptyCheckoutValues('bank_transfer')).shippingKnown).toBe(false);
    expect(checkoutPageData(shipping, () => 'java', cart, { province: 'Atlantis', country: 'ID', couriers: {} }).provinceInvalid).toBe(true);
  });

  it('reads the form, and only "place" places anything; a form without the shown total is refused', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ name: 'Sari', email: 'sari@contoh.test', phone: '+6281234567890', line1: 'Jl. Contoh 1', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: '', paymentMethod: 'bank_transfer', 'courier:a': 'jne' })) form.set(k, v);
    expect(checkoutValuesFromForm(form)).toMatchObject({ country: 'ID', couriers: { a: 'jne' } });
    const placing = { db: {} as Database, deps: {} as never, deliverEffects: async () => undefined };
    expect(await submitCheckout(placing, null, form, 'id', '/id/checkout/done')).toMatchObject({ refusal: null });
    form.set('intent', 'place');
    expect((await submitCheckout(placing, null, form, 'id', '/id/checkout/done')).refusal).toMatchObject({ problem: 'totalChanged', status: 409 });
    form.set('email', 'not-an-address');
    const refused = await submitCheckout(placing, null, form, 'id', '/id/checkout/done');
    expect(refused.refusal).toMatchObject({ problem: 'fix', status: 400 });
    expect(refused.refusal!.fields.map((f) => f.key)).toContain('buyer_email');
  });
});

describe('shared id patterns and the order desk filters', () => {
  it('knows a UUID and an order number when it sees one', () => {
    expect(isUuid('0B8E6A4E-3F2C-4D5E-9A1B-2C3D4E5F6A7B')).toBe(true);
    expect(isUuid("1' OR '1'='1")).toBe(false);
    expect(isOrderNumber('CTG-2026-000042')).toBe(true);
    expect(isOrderNumber('CO-2026-000042')).toBe(false);
  });

  it('reads the desk filters from the address, ignoring what it does not know', () => {
    expect(orderFilterFrom(new URLSearchParams('status=paid&method=stripe&awaitingHours=24'))).toEqual({ status: 'paid', paymentMethod: 'stripe', awaitingHours: 24, needsRefund: false });
    expect(orderFilterFrom(new URLSearchParams('status=paid&needsRefund=1&method=cash&awaitingHours=1e9'))).toEqual({ status: 'needs_refund', paymentMethod: null, awaitingHours: null, needsRefund: true });
  });
});
