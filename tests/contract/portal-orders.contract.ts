/**
 * The artisan portal's orders and earnings, and the curators' admin actions, on every Database
 * implementation: an artisan reaches only their own orders (someone else's is "not found" and stays
 * untouched), artisans cannot confirm payments (curators do, on the order desk), ship/cancel keep
 * stock and the ledger right, the CSV cannot smuggle formulas,
 * payouts never exceed the balance, and suspending an artisan hides their pieces.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan, createProduct, getProductById, listPublicProducts } from '../../src/lib/store/repository.ts';
import { addToCart, openCart } from '../../src/lib/commerce/cart.ts';
import { findOrderById, markPaid, markRefunded, placeOrders, type CheckoutDeps } from '../../src/lib/commerce/orders.ts';
import type { PaymentProvider } from '../../src/lib/commerce/payments/types.ts';
import { AppError } from '../../src/lib/errors.ts';
import { createOutboxMailer } from '../../src/lib/mail/outbox-mailer.ts';
import { createEffectHandlers, deliverDueEffects } from '../../src/lib/commerce/effects.ts';
import { confirmBankTransfer } from '../../src/lib/admin/order-desk.ts';
import * as portal from '../../src/lib/portal/orders.ts';
import { checkPayoutAccount, listPendingPayoutAccounts, pendingPayoutAccount, submitPayoutAccount } from '../../src/lib/portal/payout-accounts.ts';
import {
  cancelOwnOrder,
  dashboardStats,
  getOwnOrder,
  jakartaMonth,
  listOwnOrders,
  shipOwnOrder,
} from '../../src/lib/portal/orders.ts';
import { csvField, getEarnings, toCsv, type LedgerRow } from '../../src/lib/portal/earnings.ts';
import { requireArtisanAccess as portalAccess, requireCurator as adminAccess } from '../../src/lib/auth/guard.ts';
import {
  hideProduct,
  listAllOrders,
  listArtisans,
  listOwed,
  markPayoutPaid,
  setArtisanStatus,
  systemStatus,
  unhideProduct,
} from '../../src/lib/admin/admin.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';

const buyer = { name: 'Pembeli Contoh', email: 'pembeli@contoh.test', phone: '+6281234567890' };
const address = { line1: 'Jl. Contoh No. 1', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID' };

const bank: PaymentProvider = {
  method: 'bank_transfer',
  async start(order, _urls, { expiresInMinutes }) {
    return { reference: order.number, expiresAt: new Date(Date.now() + expiresInMinutes * 60_000) };
  },
};
const card: PaymentProvider = {
  method: 'stripe',
  async start(order, _urls, { expiresInMinutes }) {
    return { reference: `cs_test_${order.id}`, paymentUrl: 'http://stripe.test/pay', expiresAt: new Date(Date.now() + expiresInMinutes * 60_000) };
  },
};

function deps(): CheckoutDeps {
  return {
    // 20,000 shipping; 10 % commission on the goods.
    quoteShipping: ({ courierId }) => ({ courierId: courierId ?? 'jne', name: 'JNE REG', costIdr: 20_000, zone: 'java', etaDays: [2, 3] }),
    payments: { bank_transfer: bank, stripe: card },
    settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 },
    urls: ({ number }) => ({ successUrl: `http://x/ok/${number}`, cancelUrl: `http://x/cancel/${number}` }),
  };
}

const statusUrl = (order: { number: string }) => `https://canting.test/id/orders/${order.number}`;
/** A curator confirms the transfer of the order's checkout on the order desk. */
const confirm = (db: Database, number: string) => confirmBankTransfer(db, number, 'kurator@contoh.test');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

export function describePortalOrders(name: string, open: () => Promise<Database>) {
  describe(`Portal orders, earnings and admin: ${name}`, () => {
    let db: Database;
    let a: string;
    let b: string;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec(
        'TRUNCATE login_attempts, password_resets, sessions, users, outbox, stripe_events, ledger_entries, payout_account_changes, order_effects, order_events, order_items, orders, checkouts, cart_items, carts, product_images, products, artisans CASCADE',
      );
      a = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
      b = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
    });

    async function order(slug: string, quantity = 1, paymentMethod: 'bank_transfer' | 'stripe' = 'bank_transfer') {
      const { cartId } = await openCart(db, undefined);
      await addToCart(db, cartId, slug, quantity);
      const [placed] = await placeOrders(db, cartId, { buyer, address, paymentMethod }, deps());
      return placed!;
    }
    const stockOf = async (id: string) => (await getProductById(db, id))!.stock;
    const ledger = () => db.query<{ kind: string; amount_idr: number }>('SELECT kind, amount_idr FROM ledger_entries ORDER BY id');

    it('an artisan cannot list, read, confirm, ship or cancel another artisan’s order, even by guessing its number', async () => {
      const pieceA = await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-a', stock: 3 }));
      const pieceB = await createProduct(db, buildProductInput({ artisanId: b, slug: 'kain-b', stock: 3 }));
      const ownA = await order('kain-a');
      const ofB = await order('kain-b');
      const paidOfB = await order('kain-b');
      await markPaid(db, paidOfB.id);

      expect((await listOwnOrders(db, a)).map((o) => o.number)).toEqual([ownA.number]);
      expect((await listOwnOrders(db, b)).map((o) => o.number).sort()).toEqual([ofB.number, paidOfB.number].sort());
      expect(await listOwnOrders(db, a, { status: 'paid' })).toEqual([]);

      // Thunks, run one at a time: a rejected promise is never left waiting unhandled.
      const attempts: (() => Promise<unknown>)[] = [
        () => getOwnOrder(db, a, ofB.number),
        () => cancelOwnOrder(db, a, ofB.number),
        () => shipOwnOrder(db, a, paidOfB.number, 'JNE-123456'),
        () => cancelOwnOrder(db, a, paidOfB.number),
        // Guessed numbers: one further on in the sequence, a made-up one, and garbage.
        () => getOwnOrder(db, a, ofB.number.replace(/\d{6}$/, (n) => String(Number(n) + 10).padStart(6, '0'))),
        () => shipOwnOrder(db, a, 'CTG-2026-999999', 'JNE-123456'),
        () => getOwnOrder(db, a, "' OR 1=1 --"),
      ];
      for (const attempt of attempts) expect((await rejection(attempt())).code).toBe('not_found');
      const [queued] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_effects WHERE kind = 'mail.shipped.buyer'`);
      expect(queued!.n).toBe(0);

      const b1 = (await findOrderById(db, ofB.id))!;
      const b2 = (await findOrderById(db, paidOfB.id))!;
      expect(b1.status).toBe('awaiting_payment');
      expect(b2.status).toBe('paid');
      expect(b2.trackingNumber).toBeNull();
      expect(await stockOf(pieceB.id)).toBe(1);
      expect(await stockOf(pieceA.id)).toBe(2);
      expect((await ledger()).length).toBe(2); // only paidOfB's owed + commission
      // The artisan's own order is reachable.
      expect((await getOwnOrder(db, a, ownA.number)).number).toBe(ownA.number);
    });

    it('artisans cannot confirm payments; a curator’s confirmation makes the order paid and books the ledger, once', async () => {
      expect('confirmOwnBankTransfer' in portal).toBe(false);
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-konfirmasi', priceIdr: 300_000, stock: 2 }));
      const placed = await order('kain-konfirmasi');
      expect(await confirm(db, placed.number)).toBe('changed');
      expect((await findOrderById(db, placed.id))!.status).toBe('paid');
      expect(await ledger()).toEqual([
        { kind: 'owed', amount_idr: 290_000 },
        { kind: 'commission', amount_idr: 30_000 },
      ]);
      expect(await confirm(db, placed.number)).toBe('unchanged');
      expect((await ledger()).length).toBe(2);
      const paidEvent = (await findOrderById(db, placed.id))!.timeline.find((e) => e.status === 'paid');
      expect(paidEvent?.actor).toBe('kurator@contoh.test');

      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-kartu', stock: 2 }));
      const byCard = await order('kain-kartu', 1, 'stripe');
      expect((await rejection(confirm(db, byCard.number))).code).toBe('invalid');
      expect((await findOrderById(db, byCard.id))!.status).toBe('awaiting_payment');
    });

    it('shipping needs a paid order and a valid tracking number, then the buyer is told (queued, once) and sees it', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-kirim', stock: 2 }));
      const placed = await order('kain-kirim');
      expect((await rejection(shipOwnOrder(db, a, placed.number, 'JNE-123456'))).code).toBe('conflict');
      await confirm(db, placed.number);
      expect((await rejection(shipOwnOrder(db, a, placed.number, 'no<script>'))).code).toBe('invalid');
      expect((await findOrderById(db, placed.id))!.status).toBe('paid');

      const shipped = await shipOwnOrder(db, a, placed.number, '  JNE-123456 ');
      expect(shipped.outcome).toBe('changed');
      const seen = (await findOrderById(db, placed.id))!;
      expect(seen.status).toBe('shipped');
      expect(seen.trackingNumber).toBe('JNE-123456');
      expect(seen.timeline.map((e) => e.status)).toEqual(['awaiting_payment', 'paid', 'shipped']);
      // Sent twice (a double tap): nothing more happens.
      expect((await shipOwnOrder(db, a, placed.number, 'JNE-123456')).outcome).toBe('unchanged');

      const handlers = createEffectHandlers({
        db, mailer: createOutboxMailer(db), stripe: null, bankAccount: { bankName: 'B', accountName: 'K', accountNumber: '1' }, siteUrl: 'https://canting.test',
        statusUrl: (o, token) => `${statusUrl(o)}?token=${token}`,
      });
      await deliverDueEffects(db, handlers);
      await deliverDueEffects(db, handlers);
      const mails = await db.query<{ to_address: string; body_text: string; order_id: string }>(`SELECT to_address, body_text, order_id FROM outbox WHERE kind = 'order.shipped.buyer'`);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ to_address: buyer.email, order_id: placed.id });
      expect(mails[0]!.body_text).toContain('JNE-123456');
      // The status link needs the buyer's token, kept only hashed: the mail points to the confirmation's link, with no placeholder.
      expect(mails[0]!.body_text).toContain(`Status pesanan ${placed.number} dapat dilihat lewat tautan di e-mail konfirmasi pesanan Anda.`);
      expect(mails[0]!.body_text).not.toContain('token=…');
    });

    it('a failing mail does not undo the shipping: it stays queued with its error, for a retry', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-surat', stock: 1 }));
      const placed = await order('kain-surat');
      await confirm(db, placed.number);
      await shipOwnOrder(db, a, placed.number, 'JT-0001');
      const failing = { 'mail.shipped.buyer': async () => { throw new AppError('unavailable', 'SMTP down'); } };
      const quiet = (await import('vitest')).vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect((await deliverDueEffects(db, failing)).failed).toBeGreaterThanOrEqual(1);
      } finally {
        quiet.mockRestore();
      }
      expect((await findOrderById(db, placed.id))!.status).toBe('shipped');
      const [effect] = await db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM order_effects WHERE kind = 'mail.shipped.buyer'`);
      expect(effect).toEqual({ status: 'pending', last_error: 'SMTP down' });
    });

    it('cancelling an unpaid order releases its stock exactly once; a paid order is refused', async () => {
      const piece = await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-batal', stock: 3 }));
      const placed = await order('kain-batal', 2);
      expect(await stockOf(piece.id)).toBe(1);
      const outcomes = await Promise.all([
        cancelOwnOrder(db, a, placed.number, 'Pembeli minta batal, "kata" <b>dia</b>'),
        cancelOwnOrder(db, a, placed.number),
        cancelOwnOrder(db, a, placed.number),
      ]);
      expect(outcomes.filter((o) => o.outcome === 'changed')).toHaveLength(1);
      expect(outcomes[0]!.productSlugs).toEqual(['kain-batal']);
      expect(await stockOf(piece.id)).toBe(3);
      const cancelled = (await findOrderById(db, placed.id))!;
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.timeline.filter((e) => e.status === 'cancelled')).toHaveLength(1);
      const paid = await order('kain-batal', 1);
      await confirm(db, paid.number);
      const refused = await rejection(cancelOwnOrder(db, a, paid.number));
      expect(refused.code).toBe('conflict');
      expect(refused.message).toMatch(/refund/);
      expect((await findOrderById(db, paid.id))!.status).toBe('paid');
      expect(await stockOf(piece.id)).toBe(2);
    });

    it('earnings: totals of owed, commission, refunds and payouts, and a CSV that escapes what artisans write', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-satu', priceIdr: 200_000, stock: 5, title: { id: '=SUM(A1),"kain"\nbaris dua', en: 'Tricky' } }));
      await createProduct(db, buildProductInput({ artisanId: b, slug: 'kain-lain', priceIdr: 500_000, stock: 5 }));
      const one = await order('kain-satu'); // 220,000: owed 200,000, commission 20,000
      const two = await order('kain-satu', 2); // 420,000: owed 380,000, commission 40,000
      const other = await order('kain-lain');
      await confirm(db, one.number);
      await confirm(db, two.number);
      await confirm(db, other.number);
      await markRefunded(db, one.id); // −200,000
      const account = await submitPayoutAccount(db, a, { bank: 'BRI', accountNumber: '0123456789', holderName: 'Perajin A' });
      await checkPayoutAccount(db, account.id, 'kurator@contoh.test', 'approve');
      await markPayoutPaid(db, a, 100_000);

      const { rows, totals } = await getEarnings(db, a);
      expect(totals).toEqual({ owedIdr: 580_000, commissionIdr: 60_000, refundsIdr: 200_000, paidOutIdr: 100_000, balanceIdr: 280_000 });
      expect(rows.map((r) => [r.kind, r.amountIdr])).toEqual([
        ['owed', 200_000],
        ['commission', 20_000],
        ['owed', 380_000],
        ['commission', 40_000],
        ['refund', -200_000],
        ['payout', -100_000],
      ]);
      expect(rows.every((r) => r.orderNumber !== other.number)).toBe(true);

      const csv = toCsv(rows);
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe('Tanggal,Nomor pesanan,Jenis,Keterangan,Jumlah (Rp)');
      expect(csv).toContain(`,${one.number},Hak perajin,"'=SUM(A1),""kain""\nbaris dua × 1",200000\r\n`);
      expect(csv).toContain(',Sudah dibayarkan,ke BRI ••••••6789 a.n. Perajin A,-100000\r\n');
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2},CTG-/);

      const tricky: LedgerRow = { id: 1, date: new Date('2026-03-01T17:30:00Z'), orderNumber: null, kind: 'payout', amountIdr: -5, description: '@cmd|calc' };
      expect(toCsv([tricky]).split('\r\n')[1]).toBe("2026-03-02 00:30,,Sudah dibayarkan,'@cmd|calc,-5");
      expect(['=1+1', '+1', '-1', '@x', '\tx', 'plain', 'a,b', 'say "hi"', 'two\nlines'].map(csvField)).toEqual([
        "'=1+1",
        "'+1",
        "'-1",
        "'@x",
        "'\tx",
        'plain',
        '"a,b"',
        '"say ""hi"""',
        '"two\nlines"',
      ]);
    });

    it('a payout cannot exceed the balance, even when two are recorded at once', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-bayar', priceIdr: 100_000, stock: 5 }));
      const placed = await order('kain-bayar'); // 120,000 with shipping: owed 110,000, commission 10,000
      expect((await rejection(markPayoutPaid(db, a, 1))).code).toBe('conflict'); // nothing owed yet
      await confirm(db, placed.number);
      expect((await rejection(markPayoutPaid(db, a, 110_001))).code).toBe('conflict');
      expect((await rejection(markPayoutPaid(db, a, 0))).code).toBe('invalid');
      expect((await rejection(markPayoutPaid(db, a, 10.5))).code).toBe('invalid');
      expect((await rejection(markPayoutPaid(db, b, 1))).code).toBe('conflict');
      expect((await rejection(markPayoutPaid(db, '00000000-0000-4000-8000-000000000000', 1))).code).toBe('not_found');

      // No account a curator has checked: refused, whatever the balance.
      expect((await rejection(markPayoutPaid(db, a, 10_000))).message).toMatch(/no checked payout account/);
      const change = await submitPayoutAccount(db, a, { bank: 'Bank Contoh', accountNumber: '1234-5678-90', holderName: 'Perajin Contoh' });
      expect((await rejection(markPayoutPaid(db, a, 10_000))).message).toMatch(/no checked payout account/);
      expect(await checkPayoutAccount(db, change.id, 'kurator@contoh.test', 'approve')).toBe('changed');

      const both = await Promise.allSettled([markPayoutPaid(db, a, 60_000), markPayoutPaid(db, a, 60_000)]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = both.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(lost.reason).toMatchObject({ code: 'conflict' });
      expect(await markPayoutPaid(db, a, 50_000)).toMatchObject({ balanceIdr: 0 });

      const owed = await listOwed(db);
      expect(owed.find((o) => o.artisanId === a)).toMatchObject({ owedIdr: 110_000, commissionIdr: 10_000, paidOutIdr: 110_000, balanceIdr: 0 });
      expect(owed.some((o) => o.artisanId === b)).toBe(false);
    });

    it('a payout account change waits for a curator’s check; payouts then go to it and say so', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-rekening', priceIdr: 100_000, stock: 5 }));
      await confirm(db, (await order('kain-rekening')).number);
      expect((await rejection(submitPayoutAccount(db, a, { bank: 'B', accountNumber: '12', holderName: '' }))).code).toBe('invalid');
      const first = await submitPayoutAccount(db, a, { bank: 'Bank Satu', accountNumber: '111122223333', holderName: 'Perajin Contoh' });
      await checkPayoutAccount(db, first.id, 'kurator@contoh.test', 'approve');
      // A change (perhaps not the artisan's own doing) waits: payouts still go to the checked account.
      const second = await submitPayoutAccount(db, a, { bank: 'Bank Dua', accountNumber: '999988887777', holderName: 'Orang Lain' });
      expect((await pendingPayoutAccount(db, a))?.id).toBe(second.id);
      expect((await listPendingPayoutAccounts(db)).map((c) => c.id)).toEqual([second.id]);
      await markPayoutPaid(db, a, 50_000);
      expect(await checkPayoutAccount(db, second.id, 'kurator@contoh.test', 'reject')).toBe('changed');
      expect(await checkPayoutAccount(db, second.id, 'kurator@contoh.test', 'approve')).toBe('unchanged');
      await markPayoutPaid(db, a, 10_000);
      const payouts = await db.query<{ payout_account: string }>(`SELECT payout_account FROM ledger_entries WHERE kind = 'payout' ORDER BY id`);
      expect(payouts.map((p) => p.payout_account)).toEqual(['Bank Satu 111122223333 a.n. Perajin Contoh', 'Bank Satu 111122223333 a.n. Perajin Contoh']);
      const { rows } = await getEarnings(db, a);
      expect(rows.filter((r) => r.kind === 'payout').map((r) => r.description)).toEqual(['ke Bank Satu ••••••••3333 a.n. Perajin Contoh', 'ke Bank Satu ••••••••3333 a.n. Perajin Contoh']);
    });

    it('suspending an artisan hides their pieces from the public lists; approving shows them again', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-tampil' }));
      await createProduct(db, buildProductInput({ artisanId: b, slug: 'kain-tangguh' }));
      const publicSlugs = async () => (await listPublicProducts(db)).map((p) => p.slug).sort();
      expect(await publicSlugs()).toEqual(['kain-tampil', 'kain-tangguh']);

      expect(await setArtisanStatus(db, b, 'suspended')).toEqual({ outcome: 'changed', productSlugs: ['kain-tangguh'] });
      expect(await publicSlugs()).toEqual(['kain-tampil']);
      expect((await setArtisanStatus(db, b, 'suspended')).outcome).toBe('unchanged');
      expect((await listArtisans(db, { status: 'suspended' })).map((x) => x.id)).toEqual([b]);
      await setArtisanStatus(db, b, 'approved');
      expect(await publicSlugs()).toEqual(['kain-tampil', 'kain-tangguh']);
      expect((await rejection(setArtisanStatus(db, b, 'pending' as 'approved'))).code).toBe('invalid');
      expect((await rejection(setArtisanStatus(db, 'not-a-uuid', 'approved'))).code).toBe('not_found');
    });

    it('hiding a product takes it off the public lists; unhiding brings it back', async () => {
      const piece = await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-sembunyi' }));
      expect(await hideProduct(db, piece.id)).toEqual({ outcome: 'changed', slug: 'kain-sembunyi' });
      expect((await listPublicProducts(db)).map((p) => p.slug)).toEqual([]);
      expect((await hideProduct(db, piece.id)).outcome).toBe('unchanged');
      await unhideProduct(db, piece.id);
      expect((await listPublicProducts(db)).map((p) => p.slug)).toEqual(['kain-sembunyi']);
    });

    it('the dashboard counts orders to ship, low stock and this month’s earnings (Jakarta time)', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-banyak', priceIdr: 100_000, stock: 5 }));
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-sisa-satu', stock: 1 }));
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-pesanan', stock: 0, leadTimeDays: 14 }));
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-unik', stock: 1, oneOfAKind: true }));
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-draf', stock: 0, status: 'draft' }));
      await createProduct(db, buildProductInput({ artisanId: b, slug: 'kain-orang-lain', stock: 0 }));
      const paid = await order('kain-banyak');
      await order('kain-banyak');
      await confirm(db, paid.number);

      const stats = await dashboardStats(db, a);
      expect(stats.toShip).toBe(1);
      expect(stats.awaitingPayment).toBe(1);
      expect(stats.lowStock.map((p) => p.slug)).toEqual(['kain-sisa-satu']);
      expect(stats.earnedThisMonthIdr).toBe(110_000); // the goods and the shipping, less the commission
      expect((await dashboardStats(db, a, new Date(Date.now() + 40 * 86_400_000))).earnedThisMonthIdr).toBe(0);
      expect((await dashboardStats(db, b)).toShip).toBe(0);

      // 1 April 00:30 in Jakarta is still 31 March in UTC.
      expect(jakartaMonth(new Date('2026-03-31T17:30:00Z'))).toEqual({ start: new Date('2026-03-31T17:00:00Z'), end: new Date('2026-04-30T17:00:00Z') });
      expect(jakartaMonth(new Date('2026-03-31T16:59:00Z')).start).toEqual(new Date('2026-02-28T17:00:00Z'));
    });

    it('the admin lists every order; access rules; the system status reports each service', async () => {
      await createProduct(db, buildProductInput({ artisanId: a, slug: 'kain-x' }));
      await createProduct(db, buildProductInput({ artisanId: b, slug: 'kain-y' }));
      await order('kain-x');
      await order('kain-y');
      expect((await listAllOrders(db)).length).toBe(2);
      expect(await listAllOrders(db, { status: 'paid' })).toEqual([]);

      expect(portalAccess(null)).toBe('login');
      expect(portalAccess({ role: 'curator', artisanId: null, artisanStatus: null })).toBe('forbidden');
      expect(portalAccess({ role: 'artisan', artisanId: a, artisanStatus: 'pending' })).toBe('pending');
      expect(portalAccess({ role: 'artisan', artisanId: a, artisanStatus: 'approved' })).toBe('ok');
      expect(adminAccess(null)).toBe('login');
      expect(adminAccess({ role: 'artisan' })).toBe('forbidden');
      expect(adminAccess({ role: 'curator' })).toBe('ok');

      const status = await systemStatus({
        db,
        search: async () => {
          throw new Error('no engine here');
        },
        stripeConfigured: false,
        payoutMode: 'platform',
        mailer: 'outbox',
      });
      expect(status.database).toMatchObject({ kind: db.kind, ok: true, error: null });
      expect(status.database.latencyMs).toBeGreaterThanOrEqual(0);
      expect(status.search).toEqual({ name: null, healthy: false, error: 'no engine here' });
      expect(status).toMatchObject({ stripe: { configured: false }, payoutMode: 'platform', mailer: 'outbox' });
    });
  });
}
