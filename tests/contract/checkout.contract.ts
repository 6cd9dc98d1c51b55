/**
 * One checkout, one payment, one order state machine — on every Database implementation:
 * a cart from two workshops is one payment; the "paid" e-mail goes out once per checkout however the
 * return page and the webhook race; cancel → session expiry; a late payment → needs_refund → one
 * refund request; the outbox worker retries with backoff; and a property-based run of random
 * interleavings keeps money, ledger, stock and side effects consistent after every step.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan, createProduct, getProductById } from '../../src/lib/store/repository.ts';
import { addToCart, openCart } from '../../src/lib/commerce/cart.ts';
import { createEffectHandlers, deliverDueEffects, backoffSeconds, type EffectHandler } from '../../src/lib/commerce/effects.ts';
import { canTransition, TRANSITIONS, transitionOrder, ORDER_STATUSES } from '../../src/lib/commerce/order-state.ts';
import {
  TOO_MANY_UNPAID,
  endCheckout,
  findCheckoutById,
  findOrderForBuyer,
  findOrderById,
  listCheckoutOrders,
  payCheckout,
  placeCheckout,
  completeShippedOrders,
  heldUntil,
  markDelivered,
  markShipped,
  remindUnshippedOrders,
  refundOrder,
  sweepExpiredHolds,
  TOTAL_CHANGED,
  type CheckoutDeps,
} from '../../src/lib/commerce/orders.ts';
import { createBankTransferProvider } from '../../src/lib/commerce/payments/bank-transfer-provider.ts';
import { loadLinkSecret, orderStatusToken } from '../../src/lib/commerce/status-links.ts';
import { applySession, handleStripeEvent } from '../../src/lib/commerce/payments/fulfilment.ts';
import type { StripeProvider } from '../../src/lib/commerce/payments/types.ts';
import { createOutboxMailer } from '../../src/lib/mail/outbox-mailer.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';
import { recordingStripe } from '../fakes/stripe-double.ts';
import { allowConsoleError } from '../setup/console.ts';

const buyer = { name: 'Pembeli Contoh', email: 'pembeli@contoh.test', phone: '+6281234567890' };
const address = { line1: 'Jl. Contoh No. 1', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID' };
const bankAccount = { bankName: 'Bank Contoh', accountName: 'Koperasi Canting', accountNumber: '000-000-0000' };

function deps(payments: CheckoutDeps['payments'], overrides: Partial<CheckoutDeps> = {}): CheckoutDeps {
  return {
    quoteShipping: ({ courierId }) => ({ courierId: courierId ?? 'jne', name: 'JNE REG', costIdr: 20_000, zone: 'java', etaDays: [2, 3] }),
    payments,
    settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 },
    urls: ({ number }) => ({ successUrl: `http://canting.test/ok/${number}`, cancelUrl: `http://canting.test/cancel/${number}` }),
    ...overrides,
  };
}

export function describeCheckout(name: string, open: () => Promise<Database>) {
  describe(`One checkout, one payment: ${name}`, () => {
    let db: Database;
    let artisanA: string;
    let artisanB: string;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec(
        'TRUNCATE login_attempts, password_resets, sessions, users, outbox, stripe_events, ledger_entries, order_effects, order_events, order_items, orders, checkouts, cart_items, carts, product_images, products, artisans CASCADE',
      );
      artisanA = (await createArtisan(db, buildArtisanInput({ status: 'approved', email: 'a@contoh.test' }))).id;
      artisanB = (await createArtisan(db, buildArtisanInput({ status: 'approved', email: 'b@contoh.test' }))).id;
    });

    let seq = 0;
    /** A cart with one piece from each workshop (Rp 300.000 and Rp 150.000, stock 1 each). */
    async function twoWorkshopCart(stock = 1) {
      seq += 1;
      const a = await createProduct(db, buildProductInput({ artisanId: artisanA, slug: `kain-a-${seq}`, priceIdr: 300_000, stock }));
      const b = await createProduct(db, buildProductInput({ artisanId: artisanB, slug: `tas-b-${seq}`, priceIdr: 150_000, stock }));
      const { cartId } = await openCart(db, undefined);
      await addToCart(db, cartId, a.slug, 1);
      await addToCart(db, cartId, b.slug, 1);
      return { cartId, a, b };
    }
    const outboxKinds = async () =>
      (await db.query<{ kind: string; to_address: string }>('SELECT kind, to_address FROM outbox ORDER BY id')).map((r) => `${r.kind} → ${r.to_address}`);
    const handlersWith = (stripe: StripeProvider | null) =>
      createEffectHandlers({
        db,
        mailer: createOutboxMailer(db),
        stripe,
        bankAccount,
        siteUrl: 'https://canting.test',
        statusUrl: (o, token) => `https://canting.test/${o.lang}/orders/${o.number}?token=${token}`,
      });

    it('a buyer holds at most the configured unpaid checkouts; a one-of-a-kind piece waits for a transfer a shorter time', async () => {
      const bank = createBankTransferProvider(bankAccount);
      const limited = deps({ bank_transfer: bank }, { settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24, oneOfAKindHoldHours: 6, maxUnpaidPerBuyer: 2 } });
      const place = async (email: string, phone = buyer.phone) => {
        const { cartId } = await twoWorkshopCart(5);
        return placeCheckout(db, cartId, { buyer: { ...buyer, email, phone }, address, paymentMethod: 'bank_transfer' }, limited);
      };
      await place('penimbun@contoh.test');
      await place('PENIMBUN@contoh.test');
      // A third unpaid checkout, by the same e-mail or by the same phone: refused, nothing reserved.
      await expect(place('penimbun@contoh.test', '+6281200000002')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(TOO_MANY_UNPAID) });
      await expect(place('lain@contoh.test', buyer.phone)).rejects.toMatchObject({ code: 'conflict' });
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkouts'))[0]!.n).toBe(2);
      // Another buyer is not held back.
      const other = await place('pembeli-lain@contoh.test', '+6281200000003');
      const hours = (other.checkout.expiresAt.getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23);

      const piece = await createProduct(db, buildProductInput({ artisanId: artisanA, slug: 'kain-tunggal-tahan', oneOfAKind: true, stock: 1 }));
      const { cartId } = await openCart(db, undefined);
      await addToCart(db, cartId, piece.slug, 1);
      const { checkout } = await placeCheckout(db, cartId, { buyer: { ...buyer, email: 'satu@contoh.test', phone: '+6281200000004' }, address, paymentMethod: 'bank_transfer' }, limited);
      const held = (checkout.expiresAt.getTime() - Date.now()) / 3_600_000;
      expect(held).toBeGreaterThan(5.9);
      expect(held).toBeLessThanOrEqual(6);
    });

    it('two workshops’ pieces become two orders under one checkout and ONE payment: goods and every parcel’s shipping', async () => {
      const double = recordingStripe();
      const { cartId } = await twoWorkshopCart();
      const { checkout, orders } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'stripe', expectedTotalIdr: 490_000 }, deps({ stripe: double.stripe }));
      expect(orders).toHaveLength(2);
      expect(double.started).toHaveLength(1);
      const payment = double.started[0]!;
      expect(payment).toMatchObject({ id: checkout.id, number: checkout.number, totalIdr: 300_000 + 150_000 + 2 * 20_000 });
      expect(payment.lines.filter((l) => l.name.startsWith('Ongkos kirim'))).toHaveLength(2);
      expect(payment.lines.reduce((n, l) => n + l.unitPriceIdr * l.quantity, payment.shipping.amountIdr)).toBe(payment.totalIdr);
      expect(checkout.number).toMatch(/^CO-\d{4}-\d{6}$/);
      expect(checkout.uniqueCodeIdr).toBe(0);
      const stored = await Promise.all(orders.map((o) => findOrderById(db, o.id)));
      expect(stored.map((o) => o!.checkoutNumber)).toEqual([checkout.number, checkout.number]);
      expect((await findCheckoutById(db, checkout.id))!.stripeSessionId).toBe(payment && double.sessions.keys().next().value);

      // Stripe says paid: both orders are paid, each workshop credited its share less commission.
      const session = double.pay([...double.sessions.keys()][0]!);
      expect(await applySession(db, session)).toBe('changed');
      const after = await listCheckoutOrders(db, checkout.id);
      expect(after.map((o) => o.status)).toEqual(['paid', 'paid']);
      const ledger = await db.query<{ artisan_id: string; kind: string; amount_idr: number }>('SELECT artisan_id, kind, amount_idr FROM ledger_entries ORDER BY amount_idr');
      expect(ledger).toEqual(
        expect.arrayContaining([
          { artisan_id: artisanA, kind: 'owed', amount_idr: 320_000 - 30_000 },
          { artisan_id: artisanB, kind: 'owed', amount_idr: 170_000 - 15_000 },
        ]),
      );
      await deliverDueEffects(db, handlersWith(double.stripe));
      expect(await outboxKinds()).toEqual([
        'checkout.placed.buyer → pembeli@contoh.test',
        'checkout.paid.buyer → pembeli@contoh.test',
        'order.paid.artisan → a@contoh.test',
        'order.paid.artisan → b@contoh.test',
      ]);
    });

    it('every buyer e-mail (placed, paid, shipped, delivered) carries each order’s own status link; the token is stored nowhere', async () => {
      const secret = await loadLinkSecret(db);
      expect(await loadLinkSecret(db)).toBe(secret); // made once, then the same for every server on this database
      const signed = deps({ bank_transfer: createBankTransferProvider(bankAccount) }, { statusToken: (n) => orderStatusToken(secret, n) });
      const { cartId } = await twoWorkshopCart();
      const { checkout, orders } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, signed);
      const handlers = createEffectHandlers({
        db, mailer: createOutboxMailer(db), stripe: null, bankAccount, siteUrl: 'https://canting.test', linkSecret: secret,
        statusUrl: (o, token) => `https://canting.test/${o.lang}/orders/${o.number}?token=${token}`,
      });
      // The queued effects hold no token: they are rebuilt from the secret when the mail goes out.
      const payloads = await db.query<{ payload: unknown }>('SELECT payload FROM order_effects');
      for (const o of orders) expect(JSON.stringify(payloads)).not.toContain(o.token);

      expect(await payCheckout(db, checkout.id, { actor: 'curator:test' })).toBe('changed');
      await markShipped(db, orders[0]!.id, 'JNE-SIGNED-1');
      await markDelivered(db, orders[0]!.id, { actor: 'buyer' });
      await deliverDueEffects(db, handlers);
      const mails = await db.query<{ kind: string; body_text: string }>('SELECT kind, body_text FROM outbox ORDER BY id');
      const bodyOf = (kind: string) => mails.find((m) => m.kind === kind)?.body_text ?? '';
      for (const o of orders) {
        const link = `https://canting.test/id/orders/${o.number}?token=${o.token}`;
        expect(bodyOf('checkout.placed.buyer')).toContain(link);
        expect(bodyOf('checkout.paid.buyer')).toContain(link);
        // The link opens that order and no other.
        expect((await findOrderForBuyer(db, o.number, o.token))?.id).toBe(o.id);
      }
      expect(bodyOf('order.shipped.buyer')).toContain(`https://canting.test/id/orders/${orders[0]!.number}?token=${orders[0]!.token}`);
      // …and the courier's name and where to follow the parcel.
      expect(bodyOf('order.shipped.buyer')).toContain('Kurir: JNE REG\nNomor resi: JNE-SIGNED-1\nLacak kiriman: https://www.jne.co.id/');
      expect(bodyOf('order.delivered.buyer')).toContain(`?token=${orders[0]!.token}`);
      expect(await findOrderForBuyer(db, orders[1]!.number, orders[0]!.token)).toBeNull();
      // Another secret signs other links: a forged token opens nothing.
      expect(await findOrderForBuyer(db, orders[0]!.number, orderStatusToken('x'.repeat(32), orders[0]!.number))).toBeNull();
    });

    it('bank transfer: one instruction with a kode unik added to the total and kept; two open transfers never ask the same amount', async () => {
      const bank = createBankTransferProvider(bankAccount);
      const totals = new Set<number>();
      for (let i = 0; i < 6; i++) {
        const { cartId } = await twoWorkshopCart();
        const { checkout } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
        expect(checkout.uniqueCodeIdr).toBeGreaterThanOrEqual(1);
        expect(checkout.uniqueCodeIdr).toBeLessThanOrEqual(999);
        expect(checkout.totalIdr).toBe(490_000 + checkout.uniqueCodeIdr);
        expect(checkout.payment?.instructions).toMatchObject({ amountIdr: checkout.totalIdr, reference: checkout.number });
        expect((await findCheckoutById(db, checkout.id))!.uniqueCodeIdr).toBe(checkout.uniqueCodeIdr);
        totals.add(checkout.totalIdr);
      }
      expect(totals.size).toBe(6);
      // The database refuses a second open transfer of the same amount, whoever writes it.
      const [one] = await db.query<{ goods_idr: number; shipping_idr: number; unique_code_idr: number }>('SELECT goods_idr, shipping_idr, unique_code_idr FROM checkouts LIMIT 1');
      await expect(
        db.query(
          `INSERT INTO checkouts (number, lang, buyer_name, buyer_email, buyer_phone, payment_method, goods_idr, shipping_idr, unique_code_idr, total_idr, expires_at)
           VALUES ('CO-2026-999999', 'id', 'x', 'x@contoh.test', '+628123456789', 'bank_transfer', $1, $2, $3, $4, now())`,
          [one!.goods_idr, one!.shipping_idr, one!.unique_code_idr, one!.goods_idr + one!.shipping_idr + one!.unique_code_idr],
        ),
      ).rejects.toThrow();
    });

    it('refuses a checkout whose total is not the one the buyer was shown, and reserves nothing', async () => {
      const double = recordingStripe();
      const { cartId, a } = await twoWorkshopCart();
      await expect(
        placeCheckout(db, cartId, { buyer, address, paymentMethod: 'stripe', expectedTotalIdr: 450_000 }, deps({ stripe: double.stripe })),
      ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(TOTAL_CHANGED) });
      expect((await getProductById(db, a.id))!.stock).toBe(1);
      expect(double.started).toHaveLength(0);
    });

    it('the return page and the webhook racing, 25 times: exactly one "paid" e-mail per checkout and one "to ship" per workshop', async () => {
      const double = recordingStripe();
      const handlers = handlersWith(double.stripe);
      for (let round = 0; round < 25; round++) {
        const { cartId } = await twoWorkshopCart();
        const { checkout } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'stripe' }, deps({ stripe: double.stripe }));
        const reference = (await findCheckoutById(db, checkout.id))!.stripeSessionId!;
        const paid = double.pay(reference);
        const event = { id: `evt_${round}`, type: 'checkout.session.completed', session: paid };
        // The return page (twice: a reload), the webhook and its retry, and two workers, all at once.
        await Promise.all([
          applySession(db, paid),
          handleStripeEvent(db, double.stripe, event),
          applySession(db, paid),
          handleStripeEvent(db, double.stripe, { ...event, id: `evt_${round}_retry` }),
          deliverDueEffects(db, handlers),
          deliverDueEffects(db, handlers),
        ]);
        await deliverDueEffects(db, handlers);
        const mails = await db.query<{ kind: string; n: number }>(
          `SELECT kind, count(*)::int AS n FROM outbox WHERE kind IN ('checkout.paid.buyer', 'order.paid.artisan') GROUP BY kind ORDER BY kind`,
        );
        expect(mails).toEqual([
          { kind: 'checkout.paid.buyer', n: round + 1 },
          { kind: 'order.paid.artisan', n: 2 * (round + 1) },
        ]);
      }
      const [pending] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_effects WHERE status <> 'done'`);
      expect(pending!.n).toBe(0);
    });

    it('cancel a Stripe checkout → its session is expired at Stripe; a payment afterwards → needs_refund → one refund request, ledger untouched', async () => {
      const double = recordingStripe();
      const handlers = handlersWith(double.stripe);
      const { cartId, a, b } = await twoWorkshopCart();
      const { checkout } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'stripe' }, deps({ stripe: double.stripe }));
      const reference = (await findCheckoutById(db, checkout.id))!.stripeSessionId!;
      expect(await endCheckout(db, checkout.id, 'cancelled', { actor: 'kurator@contoh.test', note: 'pembeli minta batal' })).toBe('changed');
      expect((await getProductById(db, a.id))!.stock).toBe(1);
      await deliverDueEffects(db, handlers);
      expect(double.expired).toEqual([reference]);

      // The buyer had the page open and paid anyway (the session was still open at Stripe).
      double.sessions.get(reference)!.status = 'open';
      const paid = double.pay(reference, 'pi_late');
      await handleStripeEvent(db, double.stripe, { id: 'evt_late', type: 'checkout.session.completed', session: paid });
      const flagged = await listCheckoutOrders(db, checkout.id);
      expect(flagged.map((o) => o.status)).toEqual(['needs_refund', 'needs_refund']);
      expect((await getProductById(db, b.id))!.stock).toBe(1); // stock stays free: nothing will ship
      expect(await db.query('SELECT * FROM ledger_entries')).toEqual([]);

      // A curator refunds both; the worker runs twice at once: one Stripe request per order, keyed by it.
      for (const o of flagged) expect(await refundOrder(db, o.id, { actor: 'kurator@contoh.test', method: 'stripe' })).toBe('changed');
      for (const o of flagged) expect(await refundOrder(db, o.id, { actor: 'kurator@contoh.test', method: 'stripe' })).toBe('unchanged');
      await Promise.all([deliverDueEffects(db, handlers), deliverDueEffects(db, handlers)]);
      expect(double.refunds.map((r) => r.idempotencyKey).sort()).toEqual(flagged.map((o) => `canting-refund-${o.id}`).sort());
      expect(double.refunds.map((r) => r.amountIdr).sort()).toEqual([170_000, 320_000]);
      expect(double.refunds.every((r) => r.paymentIntentId === 'pi_late')).toBe(true);
      const timeline = (await findOrderById(db, flagged[0]!.id))!.timeline;
      expect(timeline.map((e) => [e.status, e.actor])).toEqual([
        ['awaiting_payment', 'buyer'],
        ['cancelled', 'kurator@contoh.test'],
        ['needs_refund', 'stripe'],
        ['refunded', 'kurator@contoh.test'],
      ]);
    });

    it('a refund of a paid order reverses its ledger credit; a bank refund is recorded without calling Stripe', async () => {
      const bank = createBankTransferProvider(bankAccount);
      const { cartId } = await twoWorkshopCart();
      const { checkout } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      expect(await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' })).toBe('changed');
      expect(await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' })).toBe('unchanged');
      const [first] = await listCheckoutOrders(db, checkout.id);
      await expect(refundOrder(db, first!.id, { actor: 'kurator@contoh.test', method: 'stripe' })).rejects.toMatchObject({ code: 'invalid' });
      expect(await refundOrder(db, first!.id, { actor: 'kurator@contoh.test', method: 'bank' })).toBe('changed');
      const [sum] = await db.query<{ total: number }>('SELECT sum(amount_idr)::int AS total FROM ledger_entries WHERE artisan_id = $1 AND kind IN ($2, $3)', [
        (await db.query<{ artisan_id: string }>('SELECT artisan_id FROM orders WHERE id = $1', [first!.id]))[0]!.artisan_id,
        'owed',
        'refund',
      ]);
      expect(sum!.total).toBe(0);
      const [stripeEffects] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_effects WHERE kind = 'stripe.refund'`);
      expect(stripeEffects!.n).toBe(0);
    });

    it('a shipped order nobody confirmed becomes delivered N days after shipping, once, by the system', async () => {
      const bank = createBankTransferProvider(bankAccount);
      const { cartId } = await twoWorkshopCart();
      const { checkout, orders } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' });
      await markShipped(db, orders[0]!.id, 'JNE-0001', 'artisan:a');
      expect(await completeShippedOrders(db, 14, new Date(Date.now() + 13 * 86_400_000))).toBe(0);
      expect(await completeShippedOrders(db, 14, new Date(Date.now() + 15 * 86_400_000))).toBe(1);
      expect(await completeShippedOrders(db, 14, new Date(Date.now() + 16 * 86_400_000))).toBe(0);
      const done = (await findOrderById(db, orders[0]!.id))!;
      expect(done.status).toBe('delivered');
      expect(done.timeline.at(-1)).toMatchObject({ status: 'delivered', actor: 'system' });
      expect((await findOrderById(db, orders[1]!.id))!.status).toBe('paid'); // never shipped: untouched
      const [mail] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_effects WHERE kind = 'mail.delivered.buyer'`);
      expect(mail!.n).toBe(1);
    });

    it('an artisan is reminded once of a paid order left unshipped, and not after it shipped', async () => {
      const bank = createBankTransferProvider(bankAccount);
      const { cartId } = await twoWorkshopCart();
      const { checkout, orders } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' });
      const later = new Date(Date.now() + 49 * 3_600_000);
      expect(await remindUnshippedOrders(db, 48, new Date(Date.now() + 47 * 3_600_000))).toBe(0);
      await markShipped(db, orders[1]!.id, 'JNE-0002', 'artisan:b');
      expect(await remindUnshippedOrders(db, 48, later)).toBe(1);
      expect(await remindUnshippedOrders(db, 48, later)).toBe(0);
      await deliverDueEffects(db, handlersWith(null));
      const reminders = await db.query<{ to_address: string; order_id: string }>(`SELECT to_address, order_id FROM outbox WHERE kind = 'order.ship-reminder.artisan'`);
      expect(reminders).toEqual([{ to_address: 'a@contoh.test', order_id: orders[0]!.id }]);
    });

    it('an empty shelf held by an unpaid order says until when; once paid or released it does not', async () => {
      const bank = createBankTransferProvider(bankAccount);
      const { cartId, a, b } = await twoWorkshopCart();
      const { checkout } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      expect((await heldUntil(db, a.id))?.getTime()).toBe(checkout.expiresAt.getTime());
      await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' });
      expect(await heldUntil(db, a.id)).toBeNull();
      const second = await twoWorkshopCart();
      const { checkout: other } = await placeCheckout(db, second.cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      await endCheckout(db, other.id, 'cancelled', { actor: 'kurator@contoh.test' });
      expect(await heldUntil(db, second.b.id)).toBeNull();
      expect(await heldUntil(db, b.id)).toBeNull();
    });

    it('the state table allows only its moves, and a refused move changes nothing', async () => {
      expect(canTransition('awaiting_payment', 'paid')).toBe(true);
      expect(canTransition('paid', 'awaiting_payment')).toBe(false);
      expect(canTransition('refunded', 'paid')).toBe(false);
      expect(canTransition('cancelled', 'needs_refund')).toBe(true);
      expect(Object.keys(TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
      const bank = createBankTransferProvider(bankAccount);
      const { cartId } = await twoWorkshopCart();
      const { orders } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      const id = orders[0]!.id;
      expect(await db.transaction((tx) => transitionOrder(tx, id, 'shipped', { actor: 'x', trackingNumber: 'JNE123' }))).toBe('unchanged');
      expect(await db.transaction((tx) => transitionOrder(tx, id, 'refunded', { actor: 'x' }))).toBe('unchanged');
      expect((await findOrderById(db, id))!.status).toBe('awaiting_payment');
    });

    it('the worker retries a failing effect with backoff, then delivers it once', async () => {
      allowConsoleError(/^effects: .* failed \(attempt \d+\): SMTP down/);
      const bank = createBankTransferProvider(bankAccount);
      const { cartId } = await twoWorkshopCart();
      await placeCheckout(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      let calls = 0;
      const flaky: Record<string, EffectHandler> = {
        'mail.placed.buyer': async () => {
          calls++;
          if (calls < 3) throw new Error('SMTP down');
        },
      };
      const t0 = new Date(Date.now() + 1000);
      expect(await deliverDueEffects(db, flaky, { now: t0 })).toEqual({ delivered: 0, failed: 1 });
      // Not due again before its backoff: nothing is attempted.
      expect(await deliverDueEffects(db, flaky, { now: new Date(t0.getTime() + (backoffSeconds(1) - 1) * 1000) })).toEqual({ delivered: 0, failed: 0 });
      const t1 = new Date(t0.getTime() + backoffSeconds(1) * 1000);
      expect(await deliverDueEffects(db, flaky, { now: t1 })).toEqual({ delivered: 0, failed: 1 });
      const t2 = new Date(t1.getTime() + backoffSeconds(2) * 1000);
      expect(await deliverDueEffects(db, flaky, { now: t2 })).toEqual({ delivered: 1, failed: 0 });
      expect(await deliverDueEffects(db, flaky, { now: new Date(t2.getTime() + 86_400_000) })).toEqual({ delivered: 0, failed: 0 });
      expect(calls).toBe(3);
      const [row] = await db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM order_effects WHERE kind = 'mail.placed.buyer'`);
      expect(row).toEqual({ status: 'done', attempts: 3 });
    });

    it('random interleavings of payments, replays, sweeps, cancels, refunds and confirmations keep money, ledger, stock and effects consistent', async () => {
      const commands = fc.constantFrom('return', 'webhook', 'webhook-replay', 'expired-event', 'sweep', 'cancel', 'confirm', 'refund-a', 'refund-b', 'work');
      await fc.assert(
        fc.asyncProperty(fc.array(commands, { minLength: 1, maxLength: 12 }), fc.boolean(), async (steps, byCard) => {
          await db.exec('TRUNCATE outbox, stripe_events, ledger_entries, order_effects, order_events, order_items, orders, checkouts, cart_items, carts CASCADE');
          const double = recordingStripe();
          const handlers = handlersWith(double.stripe);
          const bank = createBankTransferProvider(bankAccount);
          const { cartId, a, b } = await twoWorkshopCart(2);
          const method = byCard ? 'stripe' : 'bank_transfer';
          const { checkout } = await placeCheckout(db, cartId, { buyer, address, paymentMethod: method }, deps({ stripe: double.stripe, bank_transfer: bank }));
          const reference = (await findCheckoutById(db, checkout.id))!.stripeSessionId;
          let event = 0;
          for (const step of steps) {
            const orders = await listCheckoutOrders(db, checkout.id);
            const session = reference ? double.sessions.get(reference)! : null;
            if (step === 'return' && session?.status === 'complete') await applySession(db, { ...session });
            if ((step === 'webhook' || step === 'return') && session && session.status === 'open') {
              const paid = double.pay(reference!, 'pi_prop');
              await handleStripeEvent(db, double.stripe, { id: `evt_${++event}`, type: 'checkout.session.completed', session: paid });
            }
            if (step === 'webhook-replay' && session?.status === 'complete') {
              await handleStripeEvent(db, double.stripe, { id: `evt_${event}`, type: 'checkout.session.completed', session: { ...session } });
            }
            if (step === 'expired-event' && session?.status === 'open') {
              session.status = 'expired';
              await handleStripeEvent(db, double.stripe, { id: `evt_${++event}`, type: 'checkout.session.expired', session: { ...session } });
            }
            if (step === 'sweep') await sweepExpiredHolds(db, new Date(Date.now() + 48 * 3600_000));
            if (step === 'cancel') await endCheckout(db, checkout.id, 'cancelled', { actor: 'kurator@contoh.test' });
            if (step === 'confirm' && !byCard) await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' });
            if (step === 'refund-a' || step === 'refund-b') {
              const target = orders.find((o) => o.artisan.slug === (step === 'refund-a' ? orders[0]!.artisan.slug : orders[1]!.artisan.slug))!;
              if (['paid', 'shipped', 'delivered', 'needs_refund'].includes(target.status)) {
                await refundOrder(db, target.id, { actor: 'kurator@contoh.test', method: byCard ? 'stripe' : 'bank' });
              }
            }
            if (step === 'work') await deliverDueEffects(db, handlers);
            await checkInvariants(checkout.id, [a.id, b.id]);
          }
          await deliverDueEffects(db, handlers);
          await checkInvariants(checkout.id, [a.id, b.id]);
          // Each refund request went to Stripe at most once per order.
          expect(new Set(double.refunds.map((r) => r.idempotencyKey)).size).toBe(double.refunds.length);
        }),
        { numRuns: 40, seed: 20261203 },
      );
    });

    async function checkInvariants(checkoutId: string, productIds: string[]) {
      const c = (await findCheckoutById(db, checkoutId))!;
      const orders = await listCheckoutOrders(db, checkoutId);
      // Money received = the sum of what the orders it paid are worth (plus the kode unik the cooperative keeps).
      const paidOrders = orders.filter((o) => ['paid', 'shipped', 'delivered', 'refunded', 'needs_refund'].includes(o.status));
      if (c.paymentStatus === 'paid') {
        expect(paidOrders.length).toBe(orders.length);
        expect(paidOrders.reduce((n, o) => n + o.totalIdr, 0) + c.uniqueCodeIdr).toBe(c.totalIdr);
      } else {
        expect(paidOrders).toEqual([]);
      }
      // Each workshop's ledger = its share of paid orders less refunds of those credited.
      for (const o of orders) {
        const [row] = await db.query<{ total: number | null }>(`SELECT sum(amount_idr)::int AS total FROM ledger_entries WHERE order_id = $1 AND kind IN ('owed', 'refund')`, [o.id]);
        const expected = ['paid', 'shipped', 'delivered'].includes(o.status) ? o.totalIdr - o.commissionIdr : 0;
        expect(row!.total ?? 0).toBe(expected);
      }
      // Stock never negative, never lost: what the shelves hold plus what held orders keep is the start (2 each).
      for (const id of productIds) {
        const product = (await getProductById(db, id))!;
        const [held] = await db.query<{ n: number }>(
          `SELECT coalesce(sum(oi.quantity), 0)::int AS n FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = $1 AND o.stock_held`,
          [id],
        );
        expect(product.stock).toBeGreaterThanOrEqual(0);
        expect(product.stock + held!.n).toBe(2);
      }
      // Each side effect at most once: one row per (target, kind), and one e-mail per effect.
      const [dupes] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT kind, to_address, order_id FROM outbox GROUP BY kind, to_address, order_id HAVING count(*) > 1) d`,
      );
      expect(dupes!.n).toBe(0);
    }
  });
}
