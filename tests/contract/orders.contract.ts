/**
 * Reliability of orders and stock, on every Database implementation: never oversell, release
 * exactly once, replays change nothing, and a crash mid-checkout leaves no stock stuck.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { addProductImage, createArtisan, createProduct, getProductById } from '../../src/lib/store/repository.ts';
import { addToCart, MAX_MADE_TO_ORDER_QUANTITY, openCart, viewCart } from '../../src/lib/commerce/cart.ts';
import { endUnpaidOrder, findOrderById, markPaid, placeOrders, sweepExpiredHolds, type CheckoutDeps } from '../../src/lib/commerce/orders.ts';
import { applySession, handleStripeEvent } from '../../src/lib/commerce/payments/fulfilment.ts';
import type { PaymentOrder, PaymentProvider, PaymentSession, StripeProvider } from '../../src/lib/commerce/payments/types.ts';
import { AppError } from '../../src/lib/errors.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';
import { recordingStripe } from '../fakes/stripe-double.ts';
import { allowConsoleError } from '../setup/console.ts';

const buyer = { name: 'Pembeli Contoh', email: 'pembeli@contoh.test', phone: '+6281234567890' };
const address = { line1: 'Jl. Contoh No. 1', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID' };

function deps(provider: PaymentProvider, overrides: Partial<CheckoutDeps> = {}): CheckoutDeps {
  return {
    quoteShipping: ({ courierId }) => ({ courierId: courierId ?? 'jne', name: 'JNE REG', costIdr: 20_000, zone: 'java', etaDays: [2, 3] }),
    payments: { [provider.method]: provider },
    settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 },
    urls: ({ number }) => ({ successUrl: `http://x/ok/${number}`, cancelUrl: `http://x/cancel/${number}` }),
    ...overrides,
  };
}

const bank: PaymentProvider = {
  method: 'bank_transfer',
  async start(order, _urls, { expiresInMinutes }) {
    return { reference: order.number, expiresAt: new Date(Date.now() + expiresInMinutes * 60_000) };
  },
};

/** Sessions as a Stripe double would report them. */
const stripeDouble = (sessions: Map<string, PaymentSession>): StripeProvider => recordingStripe(sessions).stripe;

export function describeOrders(name: string, open: () => Promise<Database>) {
  describe(`Orders and stock: ${name}`, () => {
    let db: Database;
    let artisanId: string;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec('TRUNCATE login_attempts, password_resets, sessions, users, outbox, stripe_events, ledger_entries, order_effects, order_events, order_items, orders, checkouts, cart_items, carts, product_images, products, artisans CASCADE');
      artisanId = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
    });

    async function cartWith(slug: string, quantity = 1) {
      const { cartId } = await openCart(db, undefined);
      await addToCart(db, cartId, slug, quantity);
      return cartId;
    }
    const stockOf = async (id: string) => (await getProductById(db, id))!.stock;

    it('50 concurrent checkouts for a one-of-a-kind piece: exactly one order holds it', async () => {
      const piece = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-tunggal', oneOfAKind: true, stock: 1 }));
      const carts = await Promise.all(Array.from({ length: 50 }, () => cartWith('kain-tunggal')));
      const results = await Promise.allSettled(
        carts.map((cartId) => placeOrders(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps(bank))),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      expect(lost.every((r) => r.reason instanceof AppError && r.reason.code === 'conflict')).toBe(true);
      expect(await stockOf(piece.id)).toBe(0);
      const counted = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
      expect(counted[0]!.n).toBe(1);
    });

    it('concurrent checkouts of the same two pieces, added in opposite orders, all go through (no deadlock)', async () => {
      // Two buyers whose carts hold the same pieces in opposite orders must not each lock one piece and
      // wait for the other's (PostgreSQL would abort one of them with a deadlock, a 500 to the buyer).
      const x = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-x', stock: 100 }));
      // From another workshop: each checkout is two orders, and ending one gives both pieces back.
      const other = (await createArtisan(db, buildArtisanInput({ slug: 'sanggar-lain', status: 'approved' }))).id;
      const y = await createProduct(db, buildProductInput({ artisanId: other, slug: 'kain-y', stock: 100 }));
      const both = async (first: string, second: string) => {
        const cartId = await cartWith(first);
        await addToCart(db, cartId, second, 1);
        return cartId;
      };
      const carts = await Promise.all(Array.from({ length: 30 }, (_, n) => (n % 2 ? both('kain-x', 'kain-y') : both('kain-y', 'kain-x'))));
      const results = await Promise.allSettled(carts.map((cartId) => placeOrders(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps(bank))));
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      expect([await stockOf(x.id), await stockOf(y.id)]).toEqual([70, 70]);

      // Cancelling those checkouts while others are placed, in both orders: still no deadlock.
      const placed = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof placeOrders>>>).value[0]!.id);
      const more = await Promise.all(Array.from({ length: 30 }, (_, n) => (n % 2 ? both('kain-x', 'kain-y') : both('kain-y', 'kain-x'))));
      const mixed = await Promise.allSettled([
        ...placed.map((orderId) => endUnpaidOrder(db, orderId, 'cancelled', null, 'buyer')),
        ...more.map((cartId) => placeOrders(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps(bank))),
      ]);
      expect(mixed.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      expect([await stockOf(x.id), await stockOf(y.id)]).toEqual([70, 70]);
    });

    it('adds to a cart line up to what can be sold, atomically, and touches the cart', async () => {
      const lima = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-lima', stock: 5 }));
      await addProductImage(db, lima.id, {
        position: 0, imageKey: 'lima', width: 1200, height: 900, placeholder: 'data:image/webp;base64,AAAA', dominantColors: ['#4a2c1a'],
        variants: [
          { format: 'webp', width: 640, height: 480, path: 'li/lima-640.webp' },
          { format: 'webp', width: 320, height: 240, path: 'li/lima-320.webp' },
        ],
        alt: { id: 'Kain', en: 'Cloth' },
      });
      await createProduct(db, buildProductInput({ artisanId, slug: 'kain-tunggal', oneOfAKind: true, stock: 1 }));
      await createProduct(db, buildProductInput({ artisanId, slug: 'kain-pesanan', stock: 0, leadTimeDays: 14 }));
      await createProduct(db, buildProductInput({ artisanId, slug: 'kain-habis', stock: 0 }));
      const { cartId } = await openCart(db, undefined);
      await db.query(`UPDATE carts SET updated_at = now() - interval '1 day' WHERE id = $1`, [cartId]);
      expect(await addToCart(db, cartId, 'kain-lima', 2)).toBe(2);
      expect(await addToCart(db, cartId, 'kain-lima', 2)).toBe(4);
      expect(await addToCart(db, cartId, 'kain-lima', 9)).toBe(5); // capped at the stock
      expect(await addToCart(db, cartId, 'kain-tunggal', 3)).toBe(1);
      expect(await addToCart(db, cartId, 'kain-pesanan', 9)).toBe(MAX_MADE_TO_ORDER_QUANTITY);
      await expect(addToCart(db, cartId, 'kain-habis', 1)).rejects.toMatchObject({ code: 'conflict' });
      await expect(addToCart(db, cartId, 'tidak-ada', 1)).rejects.toMatchObject({ code: 'not_found' });
      const [cart] = await db.query<{ fresh: boolean }>(`SELECT updated_at > now() - interval '1 minute' AS fresh FROM carts WHERE id = $1`, [cartId]);
      expect(cart!.fresh).toBe(true);

      // Concurrent adds of one piece to one cart all count (no lost update).
      await createProduct(db, buildProductInput({ artisanId, slug: 'kain-banyak', stock: 50 }));
      const other = (await openCart(db, undefined)).cartId;
      await Promise.all(Array.from({ length: 8 }, () => addToCart(db, other, 'kain-banyak', 1)));
      const view = await viewCart(db, other);
      expect(view.groups[0]?.items.map((i) => [i.productSlug, i.quantity])).toEqual([['kain-banyak', 8]]);

      // Without pictures, the same cart (the JSON answers show none).
      const lean = await viewCart(db, cartId, { images: false });
      const full = await viewCart(db, cartId);
      expect(full.groups[0]?.items.find((i) => i.productSlug === 'kain-lima')?.imagePath).toBe('li/lima-320.webp');
      expect(lean.groups[0]?.items.every((i) => i.imagePath === null)).toBe(true);
      expect(lean).toEqual({ ...full, groups: full.groups.map((g) => ({ ...g, items: g.items.map((i) => ({ ...i, imagePath: null })) })) });
      expect(full.count).toBe(5 + 1 + MAX_MADE_TO_ORDER_QUANTITY);
    });

    it('splits a cart into one order per artisan, with totals from database prices', async () => {
      const other = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
      await createProduct(db, buildProductInput({ artisanId, slug: 'kain-a', priceIdr: 300_000, stock: 5 }));
      await createProduct(db, buildProductInput({ artisanId: other, slug: 'tas-b', priceIdr: 150_000, stock: 5 }));
      const { cartId } = await openCart(db, undefined);
      await addToCart(db, cartId, 'kain-a', 2);
      await addToCart(db, cartId, 'tas-b', 1);
      const orders = await placeOrders(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps(bank));
      expect(orders.map((o) => o.totalIdr).sort()).toEqual([170_000, 620_000]);
      expect(orders.every((o) => /^CTG-\d{4}-\d{6}$/.test(o.number))).toBe(true);
      expect((await viewCart(db, cartId)).groups).toEqual([]);
    });

    it('an expired order releases its stock exactly once, however often it is told', async () => {
      const piece = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-stok', stock: 3 }));
      const [order] = await placeOrders(db, await cartWith('kain-stok', 2), { buyer, address, paymentMethod: 'bank_transfer' }, deps(bank));
      expect(await stockOf(piece.id)).toBe(1);
      const outcomes = await Promise.all([
        endUnpaidOrder(db, order!.id, 'expired'),
        endUnpaidOrder(db, order!.id, 'expired'),
        sweepExpiredHolds(db, new Date(Date.now() + 48 * 3600_000)),
      ]);
      const changes = outcomes.filter((o) => o === 'changed').length + (outcomes[2] as number);
      expect(changes).toBe(1);
      expect(await stockOf(piece.id)).toBe(3);
      expect((await findOrderById(db, order!.id))!.status).toBe('expired');
    });

    it('a replayed or late event never un-pays a paid order nor releases its stock', async () => {
      const sessions = new Map<string, PaymentSession>();
      const stripe = stripeDouble(sessions);
      const piece = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-bayar', stock: 1, oneOfAKind: true }));
      const [order] = await placeOrders(db, await cartWith('kain-bayar'), { buyer, address, paymentMethod: 'stripe' }, deps(stripe));
      const reference = order!.payment!.reference;
      sessions.set(reference, { ...sessions.get(reference)!, status: 'complete', paymentStatus: 'paid', paymentIntentId: 'pi_1' });
      const completed = { id: 'evt_1', type: 'checkout.session.completed', session: sessions.get(reference)! };
      expect(await handleStripeEvent(db, stripe, completed)).toBe('processed');
      expect(await handleStripeEvent(db, stripe, completed)).toBe('duplicate');
      // A late "expired" for the same session, as Stripe might send out of order:
      const expired = { ...sessions.get(reference)!, status: 'expired' as const };
      expect(await applySession(db, expired)).toBe('unchanged');
      expect(await handleStripeEvent(db, stripe, { id: 'evt_2', type: 'checkout.session.expired', session: expired })).toBe('processed');
      expect(await sweepExpiredHolds(db, new Date(Date.now() + 48 * 3600_000))).toBe(0);
      const paid = (await findOrderById(db, order!.id))!;
      expect(paid.status).toBe('paid');
      expect(await stockOf(piece.id)).toBe(0);
      const ledger = await db.query<{ kind: string; amount_idr: number }>('SELECT kind, amount_idr FROM ledger_entries ORDER BY kind');
      expect(ledger).toEqual([
        { kind: 'commission', amount_idr: 25_000 },
        { kind: 'owed', amount_idr: 245_000 },
      ]);
      expect(await markPaid(db, order!.id)).toBe('unchanged');
      expect(await handleStripeEvent(db, stripe, { id: 'evt_3', type: 'customer.created' })).toBe('ignored');
    });

    it('a crash between reserving stock and creating the session leaves no stock stuck', async () => {
      allowConsoleError(/^checkout: could not start the payment of CO-/);
      const broken: PaymentProvider = {
        method: 'stripe',
        async start() {
          throw new AppError('unavailable', 'Stripe is down');
        },
      };
      const piece = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-crash', stock: 2 }));
      const [order] = await placeOrders(db, await cartWith('kain-crash'), { buyer, address, paymentMethod: 'stripe' }, deps(broken));
      expect(order!.paymentUrl).toBeUndefined();
      expect(await stockOf(piece.id)).toBe(1);
      expect(await sweepExpiredHolds(db, new Date())).toBe(0); // still within its hold
      expect(await sweepExpiredHolds(db, new Date(Date.now() + 41 * 60_000))).toBe(1);
      expect(await stockOf(piece.id)).toBe(2);
    });

    it('a payment arriving after the hold ended takes the stock again, or flags a refund', async () => {
      const piece = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-telat', stock: 1, oneOfAKind: true }));
      const [first] = await placeOrders(db, await cartWith('kain-telat'), { buyer, address, paymentMethod: 'bank_transfer' }, deps(bank));
      await endUnpaidOrder(db, first!.id, 'expired');
      expect(await markPaid(db, first!.id)).toBe('changed');
      expect(await stockOf(piece.id)).toBe(0);
      expect((await findOrderById(db, first!.id))!.status).toBe('paid');
    });

    it('in connect mode, one charge and one Transfer per workshop less the commission are queued, and nothing is owed through us', async () => {
      const sessions = new Map<string, PaymentSession>();
      const started: PaymentOrder[] = [];
      const double = stripeDouble(sessions);
      const stripe: StripeProvider = { ...double, start: (order, urls, options) => (started.push(order), double.start(order, urls, options)) };
      await createProduct(db, buildProductInput({ artisanId, slug: 'kain-connect', priceIdr: 400_000, stock: 2 }));
      const connect = deps(stripe, { settings: { payoutMode: 'connect', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 } });
      await expect(placeOrders(db, await cartWith('kain-connect'), { buyer, address, paymentMethod: 'stripe' }, connect)).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringContaining('cannot take card payments yet'),
      });
      await db.query(`UPDATE artisans SET stripe_account_id = 'acct_contoh' WHERE id = $1`, [artisanId]);
      const [order] = await placeOrders(db, await cartWith('kain-connect'), { buyer, address, paymentMethod: 'stripe' }, connect);
      expect(started.at(-1)!.transferGroup).toBe(order!.checkoutNumber);
      expect(await markPaid(db, order!.id, { paymentIntentId: 'pi_connect' })).toBe('changed');
      expect(await db.query('SELECT * FROM ledger_entries')).toEqual([]);
      // One Transfer per workshop is queued: its share less the commission, under the checkout's group.
      const transfers = await db.query<{ order_id: string; payload: Record<string, unknown> }>(`SELECT order_id, payload FROM order_effects WHERE kind = 'stripe.transfer'`);
      expect(transfers).toEqual([
        { order_id: order!.id, payload: { destination: 'acct_contoh', amountIdr: 400_000 + 20_000 - 40_000, transferGroup: order!.checkoutNumber, paymentIntentId: 'pi_connect' } },
      ]);
    });

    it('refuses bad checkout input with a clear message and reserves nothing', async () => {
      const piece = await createProduct(db, buildProductInput({ artisanId, slug: 'kain-valid', stock: 2 }));
      const cartId = await cartWith('kain-valid');
      await expect(placeOrders(db, cartId, { buyer: { ...buyer, email: 'bukan-email' }, address, paymentMethod: 'bank_transfer' }, deps(bank))).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringContaining('buyer.email'),
      });
      await expect(placeOrders(db, cartId, { buyer, address, paymentMethod: 'stripe' }, deps(bank))).rejects.toMatchObject({ code: 'invalid' });
      expect(await stockOf(piece.id)).toBe(2);
    });
  });
}
