/**
 * Batik classes on every Database implementation: a session's seats are stock booked through the same
 * cart, checkout and one payment as pieces (decision 015). Five buyers at once for three seats get
 * exactly three; an expired unpaid booking gives its seat back once; cancelling a session refunds
 * every paid booking through the order desk and ends the unpaid ones; a cart with a piece and a class
 * pays once, ships only the piece, and the booking e-mail carries an .ics.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan, createProduct, getProductById } from '../../src/lib/store/repository.ts';
import { addSeatsToCart, addToCart, openCart, viewCart } from '../../src/lib/commerce/cart.ts';
import { createEffectHandlers, deliverDueEffects } from '../../src/lib/commerce/effects.ts';
import { endCheckout, listCheckoutOrders, payCheckout, placeCheckout, refundOrder, sweepExpiredHolds, type CheckoutDeps } from '../../src/lib/commerce/orders.ts';
import { createBankTransferProvider } from '../../src/lib/commerce/payments/bank-transfer-provider.ts';
import { createOutboxMailer, listOutbox } from '../../src/lib/mail/outbox-mailer.ts';
import {
  cancelClassSession,
  checkSessionForm,
  createClassSession,
  findClassSession,
  listAttendees,
  type NewSession,
  type SessionFormValues,
} from '../../src/lib/classes/sessions.ts';
import { classFeedEntries, upcomingClassCards } from '../../src/lib/classes/class-page.ts';
import { catalogueFromContent } from '../../src/lib/content/load-content.ts';
import { importVisitContent } from '../../src/lib/visit/import.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';
import { recordingStripe } from '../fakes/stripe-double.ts';

const address = { line1: 'Jl. Contoh No. 1', city: 'Muara Enim', province: 'Sumatera Selatan', postalCode: '31311', country: 'ID' };
const bankAccount = { bankName: 'Bank Contoh', accountName: 'Koperasi Canting', accountNumber: '000-000-0000' };
const buyerNo = (n: number) => ({ name: `Peserta ${n}`, email: `peserta${n}@contoh.test`, phone: `+62812000000${String(n).padStart(2, '0')}` });

function deps(payments: CheckoutDeps['payments']): CheckoutDeps {
  return {
    quoteShipping: ({ courierId }) => ({ courierId: courierId ?? 'jne', name: 'JNE REG', costIdr: 20_000, zone: 'sumatra', etaDays: [2, 3] }),
    payments,
    settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 },
    urls: ({ number }) => ({ successUrl: `http://canting.test/ok/${number}`, cancelUrl: `http://canting.test/cancel/${number}` }),
  };
}

/** A class of a sample place, three days ahead, with realistic defaults. */
export function buildSession(overrides: Partial<NewSession> = {}): NewSession {
  return {
    placeId: 'rumah-batik-serasan',
    placeName: 'Rumah Batik Serasan (RBS)',
    titleId: 'Kelas membatik cap (contoh)',
    titleEn: 'Stamped batik class (sample)',
    startsAt: new Date(Date.now() + 3 * 86_400_000),
    timeZone: 'Asia/Jakarta',
    durationMinutes: 180,
    language: 'id',
    priceIdr: 150_000,
    seats: 3,
    includesId: 'Kain katun, malam, cap tembaga dan pewarna',
    includesEn: 'Cotton cloth, wax, copper stamp and dyes',
    ...overrides,
  };
}

const form = (overrides: Partial<SessionFormValues> = {}): SessionFormValues => ({
  placeId: 'rumah-batik-serasan',
  titleId: 'Kelas membatik tulis',
  titleEn: '',
  start: '2027-01-09T09:00',
  timeZone: 'Asia/Jakarta',
  durationMinutes: '180',
  language: 'id',
  price: 'Rp 150.000',
  seats: '8',
  includesId: 'Kain, malam dan canting',
  includesEn: '',
  ...overrides,
});

export function describeClasses(name: string, open: () => Promise<Database>) {
  describe(`Batik classes: ${name}`, () => {
    let db: Database;
    const bank = createBankTransferProvider(bankAccount);

    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec(
        'TRUNCATE outbox, ledger_entries, order_effects, order_events, order_seats, order_items, orders, checkouts, cart_seats, cart_items, carts, class_sessions, product_images, products, artisans CASCADE',
      );
      // The places the classes are at (a session's place is a row of visit_places, migration 009).
      await db.query(
        `INSERT INTO visit_places (id, region, draft, draft_at) VALUES ('rumah-batik-serasan', 'muara-enim', '{}'::jsonb, now()), ('desa-seleman', 'muara-enim', '{}'::jsonb, now())
         ON CONFLICT (id) DO NOTHING`,
      );
    });

    const seatsLeft = async (id: string) => (await findClassSession(db, id))!.seatsLeft;
    async function bookingCart(sessionId: string, seats = 1) {
      const { cartId } = await openCart(db, undefined);
      await addSeatsToCart(db, cartId, sessionId, seats);
      return cartId;
    }

    it('a session form with 0 seats, a price in sen, or a start in the past is refused with a reason for each; nothing is saved', () => {
      const known = (id: string) => (id === 'rumah-batik-serasan' ? 'Rumah Batik Serasan (RBS)' : null);
      const now = new Date('2026-12-03T00:00:00Z');
      const bad = checkSessionForm(form({ seats: '0', price: '150.000,50', start: '2026-12-01T09:00', placeId: 'tidak-ada' }), known, now);
      expect(bad).toEqual({ ok: false, problems: { seats: 'seatsZero', price: 'priceWhole', start: 'startPast', placeId: 'place' } });
      expect(checkSessionForm(form({ price: '150000.5' }), known, now)).toMatchObject({ ok: false, problems: { price: 'priceWhole' } });
      expect(checkSessionForm(form({ price: 'seratus ribu' }), known, now)).toMatchObject({ ok: false, problems: { price: 'price' } });
      expect(checkSessionForm(form({ start: '2027-02-30T09:00' }), known, now)).toMatchObject({ ok: false, problems: { start: 'start' } });
      const good = checkSessionForm(form(), known, now);
      expect(good.ok && good.session).toMatchObject({ priceIdr: 150_000, seats: 8, placeName: 'Rumah Batik Serasan (RBS)' });
      // 09.00 WIB is 02.00 UTC; in WITA it is 01.00 UTC.
      expect(good.ok && good.session.startsAt.toISOString()).toBe('2027-01-09T02:00:00.000Z');
      const wita = checkSessionForm(form({ timeZone: 'Asia/Makassar' }), known, now);
      expect(wita.ok && wita.session.startsAt.toISOString()).toBe('2027-01-09T01:00:00.000Z');
    });

    it('the database refuses a session that slipped past the form (0 seats, a place that does not exist), and keeps nothing of it', async () => {
      await expect(createClassSession(db, buildSession({ seats: 0 }), { actor: 'kurator@contoh.test' })).rejects.toThrow();
      await expect(createClassSession(db, buildSession({ placeId: 'tidak-ada' }), { actor: 'kurator@contoh.test' })).rejects.toThrow();
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM class_sessions'))[0]!.n).toBe(0);
    });

    it('a class with 3 seats: 5 buyers booking at the same moment get exactly 3 bookings; the attendee list names them', async () => {
      const session = await createClassSession(db, buildSession({ seats: 3 }), { actor: 'kurator@contoh.test' });
      const carts = await Promise.all([1, 2, 3, 4, 5].map(() => bookingCart(session.id)));
      const results = await Promise.allSettled(
        carts.map((cartId, n) => placeCheckout(db, cartId, { buyer: buyerNo(n + 1), address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }))),
      );
      const placed = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(placed).toHaveLength(3);
      expect(refused).toHaveLength(2);
      for (const r of refused) expect(r.reason).toMatchObject({ code: 'conflict', reason: 'sold_out' });
      expect(await seatsLeft(session.id)).toBe(0);
      const attendees = await listAttendees(db, session.id);
      expect(attendees).toHaveLength(3);
      expect(attendees.every((a) => a.status === 'awaiting_payment' && a.seats === 1)).toBe(true);
      const placedEmails = (await db.query<{ buyer_email: string }>('SELECT buyer_email FROM orders ORDER BY buyer_email')).map((r) => r.buyer_email);
      expect(attendees.map((a) => a.email).sort()).toEqual(placedEmails);
      // The order is the place's, not a workshop's, and ships nothing.
      const [order] = await db.query<{ artisan_id: string | null; place_id: string; shipping_idr: number; courier: string }>('SELECT artisan_id, place_id, shipping_idr, courier FROM orders LIMIT 1');
      expect(order).toEqual({ artisan_id: null, place_id: 'rumah-batik-serasan', shipping_idr: 0, courier: 'none' });
      // A sixth buyer cannot even put it in the cart now.
      const { cartId } = await openCart(db, undefined);
      await expect(addSeatsToCart(db, cartId, session.id, 1)).rejects.toMatchObject({ code: 'conflict', reason: 'sold_out' });
    });

    it('an expired unpaid booking gives its seat back, exactly once; a late payment retakes it if still free', async () => {
      const session = await createClassSession(db, buildSession({ seats: 2 }), { actor: 'kurator@contoh.test' });
      const { checkout } = await placeCheckout(db, await bookingCart(session.id, 2), { buyer: buyerNo(1), address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      expect(await seatsLeft(session.id)).toBe(0);
      const later = new Date(checkout.expiresAt.getTime() + 60_000);
      expect(await sweepExpiredHolds(db, later)).toBe(1);
      expect(await sweepExpiredHolds(db, later)).toBe(0);
      expect(await endCheckout(db, checkout.id, 'cancelled', { actor: 'system' })).toBe('unchanged');
      expect(await seatsLeft(session.id)).toBe(2);
      expect((await listAttendees(db, session.id)).map((a) => a.status)).toEqual(['expired']);
      // The transfer arrives late and the seats are still free: paid, seats taken again.
      expect(await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' })).toBe('changed');
      expect(await seatsLeft(session.id)).toBe(0);
      expect((await listAttendees(db, session.id)).map((a) => a.status)).toEqual(['paid']);
    });

    it('a late payment for a booking whose seats were taken by someone else is flagged for a refund, not overbooked', async () => {
      const session = await createClassSession(db, buildSession({ seats: 1 }), { actor: 'kurator@contoh.test' });
      const first = await placeCheckout(db, await bookingCart(session.id), { buyer: buyerNo(1), address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      await sweepExpiredHolds(db, new Date(first.checkout.expiresAt.getTime() + 60_000));
      await placeCheckout(db, await bookingCart(session.id), { buyer: buyerNo(2), address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      await payCheckout(db, first.checkout.id, { actor: 'kurator@contoh.test' });
      expect((await listCheckoutOrders(db, first.checkout.id)).map((o) => o.status)).toEqual(['needs_refund']);
      expect(await seatsLeft(session.id)).toBe(0);
    });

    it('cancelling a session refunds every paid booking through the order desk, ends the unpaid ones, and is safe to repeat', async () => {
      const double = recordingStripe();
      const session = await createClassSession(db, buildSession({ seats: 5 }), { actor: 'kurator@contoh.test' });
      const both = deps({ bank_transfer: bank, stripe: double.stripe });
      const byBank = await placeCheckout(db, await bookingCart(session.id, 2), { buyer: buyerNo(1), address, paymentMethod: 'bank_transfer' }, both);
      const byCard = await placeCheckout(db, await bookingCart(session.id), { buyer: buyerNo(2), address, paymentMethod: 'stripe' }, both);
      const unpaid = await placeCheckout(db, await bookingCart(session.id), { buyer: buyerNo(3), address, paymentMethod: 'bank_transfer' }, both);
      await payCheckout(db, byBank.checkout.id, { actor: 'kurator@contoh.test' });
      await payCheckout(db, byCard.checkout.id, { actor: 'stripe', paymentIntentId: 'pi_kelas' });
      expect(await seatsLeft(session.id)).toBe(1);

      const outcome = await cancelClassSession(db, session.id, { actor: 'kurator@contoh.test', reason: 'pembatik sakit' }, { endCheckout, refundOrder });
      expect(outcome.cancelled).toBe(true);
      expect(outcome.refunded.sort()).toEqual([byBank.orders[0]!.number, byCard.orders[0]!.number].sort());
      expect(outcome.ended).toEqual([unpaid.orders[0]!.number]);
      const cancelled = await findClassSession(db, session.id);
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'pembatik sakit', seatsLeft: 5 });
      // Each paid booking refunded once, its ledger credit to the place reversed; the card one through Stripe.
      const ledger = await db.query<{ place_id: string; total: number }>(
        `SELECT place_id, sum(amount_idr)::int AS total FROM ledger_entries WHERE kind IN ('owed', 'refund') GROUP BY place_id`,
      );
      expect(ledger).toEqual([{ place_id: 'rumah-batik-serasan', total: 0 }]);
      const refunds = await db.query<{ kind: string; payload: { amountIdr: number } }>(`SELECT kind, payload FROM order_effects WHERE kind = 'stripe.refund'`);
      expect(refunds.map((r) => r.payload.amountIdr)).toEqual([150_000]);
      expect((await listAttendees(db, session.id)).map((a) => a.status).sort()).toEqual(['cancelled', 'refunded', 'refunded']);
      // Again: nothing more happens.
      expect(await cancelClassSession(db, session.id, { actor: 'kurator@contoh.test', reason: '' }, { endCheckout, refundOrder })).toEqual({ cancelled: false, ended: [], refunded: [] });
      // Nobody can book it any more.
      const { cartId } = await openCart(db, undefined);
      await expect(addSeatsToCart(db, cartId, session.id, 1)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('a cart of classes alone needs no address (nothing is shipped); a cart with a piece still does', async () => {
      const session = await createClassSession(db, buildSession({ seats: 4 }), { actor: 'kurator@contoh.test' });
      const { orders } = await placeCheckout(db, await bookingCart(session.id), { buyer: buyerNo(1), paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }));
      expect(orders).toHaveLength(1);
      const artisan = await createArtisan(db, buildArtisanInput({ status: 'approved' }));
      const piece = await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-tanpa-alamat', stock: 1 }));
      const cartId = await bookingCart(session.id);
      await addToCart(db, cartId, piece.slug, 1);
      await expect(placeCheckout(db, cartId, { buyer: buyerNo(2), paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }))).rejects.toMatchObject({ code: 'invalid', reason: 'address_required' });
      expect(await seatsLeft(session.id)).toBe(3); // nothing held by the refused one
      expect((await getProductById(db, piece.id))!.stock).toBe(1);
    });

    it('a cart with a piece and a class pays once: shipping only for the piece, two orders, each owed to its own; the booking e-mail carries an .ics', async () => {
      const artisan = await createArtisan(db, buildArtisanInput({ status: 'approved', email: 'perajin@contoh.test' }));
      const piece = await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-kopi-kelas', priceIdr: 300_000, stock: 1 }));
      const session = await createClassSession(db, buildSession({ seats: 4, priceIdr: 175_000 }), { actor: 'kurator@contoh.test', isSample: true });
      const { cartId } = await openCart(db, undefined);
      await addToCart(db, cartId, piece.slug, 1);
      await addSeatsToCart(db, cartId, session.id, 2);
      const cart = await viewCart(db, cartId);
      expect(cart.count).toBe(3);
      expect(cart.totalIdr).toBe(300_000 + 2 * 175_000);

      const { checkout, orders } = await placeCheckout(db, cartId, { buyer: buyerNo(1), address, paymentMethod: 'bank_transfer', expectedTotalIdr: 300_000 + 20_000 + 350_000 }, deps({ bank_transfer: bank }));
      expect(orders).toHaveLength(2);
      expect(checkout.shippingIdr).toBe(20_000); // one parcel: the piece's
      expect(checkout.goodsIdr).toBe(650_000);
      expect(checkout.totalIdr).toBe(670_000 + checkout.uniqueCodeIdr);
      expect((await viewCart(db, cartId)).count).toBe(0);
      expect(await seatsLeft(session.id)).toBe(2);

      expect(await payCheckout(db, checkout.id, { actor: 'kurator@contoh.test' })).toBe('changed');
      const paid = await listCheckoutOrders(db, checkout.id);
      expect(paid.map((o) => o.status)).toEqual(['paid', 'paid']);
      const owed = await db.query<{ artisan_id: string | null; place_id: string | null; amount_idr: number }>(`SELECT artisan_id, place_id, amount_idr FROM ledger_entries WHERE kind = 'owed' ORDER BY amount_idr`);
      expect(owed).toEqual([
        { artisan_id: artisan.id, place_id: null, amount_idr: 320_000 - 30_000 },
        { artisan_id: null, place_id: 'rumah-batik-serasan', amount_idr: 350_000 - 35_000 },
      ]);
      const effects = (await db.query<{ kind: string }>('SELECT kind FROM order_effects ORDER BY kind')).map((r) => r.kind);
      expect(effects).toEqual(['mail.class-booked.buyer', 'mail.paid.artisan', 'mail.paid.buyer', 'mail.placed.buyer']);

      const handlers = createEffectHandlers({
        db,
        mailer: createOutboxMailer(db),
        stripe: null,
        bankAccount,
        siteUrl: 'https://canting.test',
        statusUrl: (o, token) => `https://canting.test/${o.lang}/orders/${o.number}?token=${token}`,
      });
      expect(await deliverDueEffects(db, handlers)).toEqual({ delivered: 4, failed: 0 });
      const mail = await listOutbox(db);
      const booking = mail.find((m) => m.kind === 'order.class-booked.buyer')!;
      expect(booking.to).toBe('peserta1@contoh.test');
      expect(booking.text).toContain('Data contoh');
      expect(booking.attachments).toHaveLength(1);
      const ics = booking.attachments[0]!.content.replace(/\r\n /g, ''); // unfolded (RFC 5545 folds at 75 octets)
      expect(ics).toContain(`DTSTART:${session.startsAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
      expect(ics).toContain(`URL:https://canting.test/id/visit/classes/${session.id}`);
      expect(ics).toContain('LOCATION:Rumah Batik Serasan (RBS)');
      const placedMail = mail.find((m) => m.kind === 'checkout.placed.buyer')!;
      expect(placedMail.text).toContain('Kelas: tanpa pengiriman');
      // The artisan gets the "ship it" e-mail for the piece only.
      expect(mail.filter((m) => m.kind === 'order.paid.artisan').map((m) => m.to)).toEqual(['perajin@contoh.test']);
      expect((await getProductById(db, piece.id))!.stock).toBe(0);
    });

    it('a region page lists its places\' upcoming classes, next first, and its feed has them as timed entries', async () => {
      await db.exec('TRUNCATE visit_events, visit_places CASCADE');
      await importVisitContent(db, await catalogueFromContent(new URL('../../content/', import.meta.url).pathname));
      const later = await createClassSession(db, buildSession({ startsAt: new Date(Date.now() + 9 * 86_400_000) }), { actor: 'kurator@contoh.test' });
      const sooner = await createClassSession(db, buildSession({ startsAt: new Date(Date.now() + 2 * 86_400_000) }), { actor: 'kurator@contoh.test' });
      await createClassSession(db, buildSession({ placeId: 'kampoeng-batik-pesindon', placeName: 'Kampoeng Wisata Batik Pesindon' }), { actor: 'kurator@contoh.test' });
      const cards = await upcomingClassCards(db, { region: 'muara-enim' }, 'en');
      expect(cards.map((c) => c.session.id)).toEqual([sooner.id, later.id]);
      expect(cards[0]!.location).toMatchObject({ name: 'Rumah Batik Serasan (RBS)', regionId: 'muara-enim' });
      expect((await upcomingClassCards(db, { place: 'kampoeng-batik-pesindon' }, 'id')).map((c) => c.location.regionId)).toEqual(['pekalongan']);
      expect(await upcomingClassCards(db, {}, 'id')).toHaveLength(3);
      const feed = await classFeedEntries(db, { region: 'muara-enim' }, 'id', new URL('https://canting.test'));
      expect(feed[0]).toMatchObject({ uid: `session-${sooner.id}@canting`, url: `https://canting.test/id/visit/classes/${sooner.id}`, yearly: false, cancelled: false });
      expect(feed[0]!.startsAt).toMatch(/\+07:00$/);
    });

    it('checkouts holding the same pieces and sessions in opposite orders, placed and ended at once, never deadlock and lose no seat', async () => {
      const artisan = await createArtisan(db, buildArtisanInput({ status: 'approved' }));
      const p1 = await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-kunci-1', stock: 50 }));
      const s1 = await createClassSession(db, buildSession({ seats: 50 }), { actor: 'kurator@contoh.test' });
      const s2 = await createClassSession(db, buildSession({ seats: 50, placeId: 'desa-seleman', placeName: 'Desa Seleman' }), { actor: 'kurator@contoh.test' });
      const carts: string[] = [];
      for (let n = 0; n < 20; n++) {
        const { cartId } = await openCart(db, undefined);
        const [first, second] = n % 2 ? [s1.id, s2.id] : [s2.id, s1.id];
        await addSeatsToCart(db, cartId, first, 1);
        await addToCart(db, cartId, p1.slug, 1);
        await addSeatsToCart(db, cartId, second, 1);
        carts.push(cartId);
      }
      const placed = await Promise.all(carts.map((cartId, n) => placeCheckout(db, cartId, { buyer: buyerNo(n + 1), address, paymentMethod: 'bank_transfer' }, deps({ bank_transfer: bank }))));
      expect(await seatsLeft(s1.id)).toBe(30);
      await Promise.all(placed.map((p, n) => (n % 2 ? endCheckout(db, p.checkout.id, 'cancelled', { actor: 'system' }) : payCheckout(db, p.checkout.id, { actor: 'kurator@contoh.test' }))));
      expect(await seatsLeft(s1.id)).toBe(40);
      expect(await seatsLeft(s2.id)).toBe(40);
      expect((await getProductById(db, p1.id))!.stock).toBe(40);
    });
  });
}
