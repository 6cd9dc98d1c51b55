/**
 * Orders: one per artisan per checkout. Stock is reserved atomically when orders are created and
 * released exactly once when an order expires or is cancelled; payment never un-does itself.
 * Every state change is a conditional UPDATE on the current status, so replays are harmless.
 */
import { isOrderNumber } from '../ids.ts';
import { z } from 'astro/zod';
import type { Database, Queryable, Row } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { takeStock } from '../store/repository.ts';
import { NUL_MESSAGE, hasNul, jsonForDatabase } from '../text.ts';
import type { PaymentOrder, PaymentProvider, PaymentUrls, StartedPayment } from './payments/types.ts';
import { clearCart, viewCart, type CartClassGroup, type CartGroup } from './cart.ts';
import { formatClassStart as classWhen, takeSeats, type ClassTimeZone } from '../classes/sessions.ts';
import { enqueueEffect, lockCheckoutStock, paymentArrived, transitionOrder, type OrderStatus, type Transition } from './order-state.ts';
import { hashToken, newToken, tokenMatches } from './tokens.ts';
import { textIn } from '../i18n/index.ts';

export { ORDER_STATUSES, type OrderStatus, type Transition } from './order-state.ts';

/** Text that the database can store: no NUL characters. */
const storable = (schema: z.ZodString) => schema.refine((s) => !hasNul(s), NUL_MESSAGE);
/** Names and address lines go into e-mails and labels: one line each, so they cannot start a paragraph of their own. */
const oneLine = (schema: z.ZodString) => storable(schema).refine((s) => !/[\r\n\u2028\u2029\u0085\v\f]/.test(s), 'one line, without line breaks');

export const checkoutInputSchema = z.strictObject({
  buyer: z.strictObject({
    name: oneLine(z.string().trim().min(2).max(120)),
    email: z.email().max(200),
    phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'a phone number of 8–15 digits'),
  }),
  address: z
    .strictObject({
      line1: oneLine(z.string().trim().min(5).max(300)),
      city: oneLine(z.string().trim().min(2).max(120)),
      /** An Indonesian province; free text (or empty) abroad. */
      province: oneLine(z.string().trim().max(80)).default(''),
      postalCode: z.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, 'a postal code'),
      country: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter country code such as ID').default('ID'),
    })
    .refine((a) => a.country !== 'ID' || a.province.length >= 2, { message: 'a province', path: ['province'] })
    // Only parcels need an address: a cart of batik classes alone ships nothing (decision 015).
    .optional(),
  couriers: z.record(z.string().max(80), z.string().max(40)).default({}),
  paymentMethod: z.enum(['stripe', 'bank_transfer']),
  lang: z.enum(['id', 'en']).default('id'),
  /** The grand total (goods and every parcel's shipping) the buyer was shown; refused when ours differs. */
  expectedTotalIdr: z.number().int().min(0).max(10_000_000_000).optional(),
});
export type CheckoutInput = z.input<typeof checkoutInputSchema>;

/** The message of the AppError('invalid') for a checkout with an empty cart; pages say it in the reader's language. */
export const EMPTY_CART = 'the cart is empty';

export interface ShippingQuote {
  courierId: string;
  name: string;
  costIdr: number;
  zone: string;
  etaDays: [number, number];
}

/** Quotes shipping for one artisan's parcel; throws AppError('invalid') for an unknown province or courier. */
export type QuoteShipping = (input: { originRegion: string; province: string; country: string; weightGrams: number; courierId: string | undefined }) => ShippingQuote;

export interface CheckoutDeps {
  quoteShipping: QuoteShipping;
  payments: Partial<Record<'stripe' | 'bank_transfer', PaymentProvider>>;
  settings: {
    payoutMode: 'platform' | 'connect';
    commissionPercent: number;
    stripeHoldMinutes: number;
    bankHoldHours: number;
    /** A bank-transfer checkout holding a one-of-a-kind piece holds it at most this long (default: bankHoldHours). */
    oneOfAKindHoldHours?: number;
    /** Unpaid checkouts one buyer (same e-mail or phone) may have open at once (default: no limit). */
    maxUnpaidPerBuyer?: number;
  };
  /**
   * Where the buyer lands after paying or cancelling on Stripe. `orders` lists every order of the
   * checkout with its status token, so the return page can show them all.
   */
  urls: (checkout: { number: string; lang: 'id' | 'en' }, orders: { number: string; token: string }[]) => PaymentUrls;
  /**
   * The buyer's status token for an order number, signed with the server's link secret
   * (status-links.ts), so later e-mails can carry the link. Without it a token is random and only
   * the "placed" e-mail can carry it.
   */
  statusToken?: (orderNumber: string) => string;
  now?: () => Date;
}

export interface PlacedOrder {
  id: string;
  number: string;
  token: string;
  artisan: { slug: string; name: string };
  totalIdr: number;
  paymentMethod: 'stripe' | 'bank_transfer';
  /** The checkout it was placed in; its one payment pays every order of it. */
  checkoutNumber?: string | undefined;
  paymentUrl?: string | undefined;
  payment?: StartedPayment | undefined;
}

/** Rupiah of commission on the goods of an order. */
export function commissionOf(subtotalIdr: number, percent: number): number {
  return Math.round((subtotalIdr * percent) / 100);
}

async function nextOrderNumber(db: Queryable, now: Date): Promise<string> {
  const [row] = await db.query<{ n: number }>(`SELECT nextval('order_number_seq')::int AS n`);
  return `CTG-${now.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
}

async function addEvent(db: Queryable, orderId: string, status: string, note: string | null, actor: string): Promise<void> {
  await db.query('INSERT INTO order_events (order_id, status, note, actor) VALUES ($1, $2, $3, $4)', [orderId, status, note, actor]);
}

/** The courier (and shipping zone) of a class's order: nothing is shipped. */
export const NO_COURIER = 'none';

/** The message of the AppError('conflict') when the total the buyer was shown is not the total we compute. */
export const TOTAL_CHANGED = 'the total has changed since it was shown';
/** The message of the AppError('conflict') for a buyer who already has too many unpaid checkouts. */
export const TOO_MANY_UNPAID = 'too many unpaid orders for this buyer';

/** The one payment of a checkout: a Stripe Checkout Session or a bank transfer with its kode unik. */
export interface PlacedCheckout {
  id: string;
  /** e.g. `CO-2026-000042`: the bank transfer's reference, and Stripe's client_reference_id. */
  number: string;
  paymentMethod: 'stripe' | 'bank_transfer';
  goodsIdr: number;
  shippingIdr: number;
  /** Bank transfer only: the small amount added to the total so the transfer can be matched. */
  uniqueCodeIdr: number;
  /** What the buyer pays, once, for every order of the checkout. */
  totalIdr: number;
  expiresAt: Date;
  paymentUrl?: string | undefined;
  payment?: StartedPayment | undefined;
}

async function nextCheckoutNumber(db: Queryable, now: Date): Promise<string> {
  const [row] = await db.query<{ n: number }>(`SELECT nextval('checkout_number_seq')::int AS n`);
  return `CO-${now.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
}

/** A kode unik between 1 and 999 (Rp), picked at random; retried when another open transfer has that total. */
function randomUniqueCode(): number {
  return 1 + Math.floor(Math.random() * 999);
}

/**
 * Places the cart as one checkout: one order per artisan (each its own parcel, status and ledger
 * lines) under one checkout number, and ONE payment for the whole total — one Stripe Checkout
 * Session, or one bank transfer with a kode unik. Validates, quotes shipping, refuses a total that
 * differs from `expectedTotalIdr` when one is sent, reserves every piece's stock in one transaction
 * (all or nothing), empties the cart, then starts the payment.
 * Out of stock → AppError('conflict') naming the piece, and nothing is reserved.
 */
export async function placeCheckout(db: Database, cartId: string | null, rawInput: unknown, deps: CheckoutDeps): Promise<{ checkout: PlacedCheckout; orders: PlacedOrder[] }> {
  const parsed = checkoutInputSchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new AppError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const input = parsed.data;
  const provider = deps.payments[input.paymentMethod];
  if (!provider) throw new AppError('invalid', `payment by ${input.paymentMethod} is not available here`);
  const now = deps.now?.() ?? new Date();
  const cart = await viewCart(db, cartId);
  if (!cart.groups.length && !cart.classes.length) throw new AppError('invalid', EMPTY_CART, { reason: 'empty_cart' });
  // A one-of-a-kind piece (or a class's seat: a class is soon and its seats are few) waits for a bank transfer a
  // shorter time: one unpaid checkout cannot keep it from everyone for a day.
  const holdsOneOfAKind = cart.groups.some((g) => g.items.some((i) => i.oneOfAKind && !i.madeToOrder)) || cart.classes.length > 0;
  const bankHoldHours = holdsOneOfAKind ? Math.min(deps.settings.bankHoldHours, deps.settings.oneOfAKindHoldHours ?? deps.settings.bankHoldHours) : deps.settings.bankHoldHours;
  const holdMinutes = input.paymentMethod === 'stripe' ? deps.settings.stripeHoldMinutes : bankHoldHours * 60;
  // The hold outlives the Stripe session a little, so a payment made in its last second still finds its stock.
  const holdUntil = new Date(now.getTime() + (holdMinutes + (input.paymentMethod === 'stripe' ? 10 : 0)) * 60_000);
  if (deps.settings.maxUnpaidPerBuyer !== undefined) {
    const [open] = await db.query<{ n: number }>(
      `SELECT count(DISTINCT checkout_id)::int AS n FROM orders
       WHERE status = 'awaiting_payment' AND (lower(buyer_email) = lower($1) OR buyer_phone = $2)`,
      [input.buyer.email, input.buyer.phone],
    );
    if (open!.n >= deps.settings.maxUnpaidPerBuyer) {
      throw new AppError('conflict', `${TOO_MANY_UNPAID}: ${open!.n} unpaid checkouts (at most ${deps.settings.maxUnpaidPerBuyer}); pay or cancel one first`, { reason: 'too_many_unpaid' });
    }
  }
  if (cart.groups.length > 0 && !input.address) throw new AppError('invalid', 'address: pieces need a shipping address', { reason: 'address_required' });
  const address = input.address ?? { line1: '', city: '', province: '', postalCode: '', country: 'ID' };
  const unavailable = [...cart.groups.flatMap((g) => g.items), ...cart.classes.flatMap((g) => g.items)].filter((i) => !i.available);
  if (unavailable.length) {
    const titles = unavailable.map((i) => textIn(i.title, input.lang)).join(', ');
    throw new AppError('conflict', `no longer available in that quantity: ${titles}`, { reason: 'sold_out', subject: titles });
  }
  const quotes = new Map<string, ShippingQuote>(
    cart.groups.map((g) => [
      g.artisan.id,
      deps.quoteShipping({
        originRegion: g.artisan.region,
        province: address.province,
        country: address.country,
        weightGrams: g.weightGrams,
        courierId: input.couriers[g.artisan.slug],
      }),
    ]),
  );
  // Classes are goods too, but nothing is shipped for them: no parcel, no courier, no shipping.
  const goodsIdr = cart.groups.reduce((n, g) => n + g.subtotalIdr, 0) + cart.classes.reduce((n, g) => n + g.subtotalIdr, 0);
  const shippingIdr = cart.groups.reduce((n, g) => n + quotes.get(g.artisan.id)!.costIdr, 0);
  if (input.expectedTotalIdr !== undefined && input.expectedTotalIdr !== goodsIdr + shippingIdr) {
    throw new AppError('conflict', `${TOTAL_CHANGED}: shown Rp ${input.expectedTotalIdr}, now Rp ${goodsIdr + shippingIdr}`, { reason: 'total_changed' });
  }

  // Connect: one charge on the platform, then one Transfer per workshop (separate charges and transfers).
  const payoutMode = input.paymentMethod === 'stripe' && deps.settings.payoutMode === 'connect' ? 'connect' : 'platform';
  if (payoutMode === 'connect') {
    const rows = await db.query<{ workshop: string; stripe_account_id: string | null }>(
      'SELECT workshop, stripe_account_id FROM artisans WHERE id = ANY ($1::uuid[])',
      [cart.groups.map((g) => g.artisan.id)],
    );
    const missing = rows.filter((r) => !r.stripe_account_id).map((r) => r.workshop);
    if (missing.length) throw new AppError('invalid', `cannot take card payments yet: ${missing.join(', ')}; choose bank transfer`);
  }

  const created = await db.transaction(async (tx) => {
    // Stock first, one piece after another in one fixed order (by id) for every checkout: two carts holding
    // the same pieces in opposite orders would otherwise each lock one and wait for the other (a deadlock).
    const stocked = cart.groups.flatMap((g) => g.items).filter((i) => !i.madeToOrder).sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
    for (const item of stocked) {
      if ((await takeStock(tx, item.productId, item.quantity)) === null) {
        throw new AppError('conflict', `sold out just now: ${textIn(item.title, input.lang)}`, { reason: 'sold_out', subject: textIn(item.title, input.lang) });
      }
    }
    // Then seats, session by session in id order (after every piece: the one lock order, see lockCheckoutStock).
    const seats = cart.classes.flatMap((g) => g.items).sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    for (const item of seats) {
      if ((await takeSeats(tx, item.sessionId, item.quantity)) === null) {
        throw new AppError('conflict', `full just now: ${textIn(item.title, input.lang)}`, { reason: 'sold_out', subject: textIn(item.title, input.lang) });
      }
    }
    const number = await nextCheckoutNumber(tx, now);
    let checkoutId: string | null = null;
    let uniqueCodeIdr = 0;
    for (let attempt = 0; !checkoutId; attempt++) {
      if (attempt >= 20) throw new AppError('unavailable', 'no free kode unik for this amount right now; try again in a moment');
      uniqueCodeIdr = input.paymentMethod === 'bank_transfer' ? randomUniqueCode() : 0;
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO checkouts (number, lang, buyer_name, buyer_email, buyer_phone, payment_method, goods_idr, shipping_idr, unique_code_idr, total_idr, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
        [number, input.lang, input.buyer.name, input.buyer.email, input.buyer.phone, input.paymentMethod, goodsIdr, shippingIdr, uniqueCodeIdr, goodsIdr + shippingIdr + uniqueCodeIdr, holdUntil],
      );
      checkoutId = row?.id ?? null;
    }
    const orders: (PlacedOrder & { group: CartGroup; quote: ShippingQuote })[] = [];
    const classOrders: (PlacedOrder & { classGroup: CartClassGroup })[] = [];
    for (const group of cart.groups) {
      const quote = quotes.get(group.artisan.id)!;
      const orderNumber = await nextOrderNumber(tx, now);
      const token = deps.statusToken?.(orderNumber) ?? newToken();
      const commission = commissionOf(group.subtotalIdr, deps.settings.commissionPercent);
      const [order] = await tx.query<{ id: string }>(
        `INSERT INTO orders (number, token_hash, checkout_id, artisan_id, lang, payment_method, buyer_name, buyer_email, buyer_phone,
           address, courier, shipping_zone, subtotal_idr, shipping_idr, total_idr, commission_idr, lead_time_days, hold_expires_at, payout_mode)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
        [
          orderNumber, hashToken(token), checkoutId, group.artisan.id, input.lang, input.paymentMethod, input.buyer.name, input.buyer.email,
          input.buyer.phone, jsonForDatabase(address), quote.courierId, quote.zone, group.subtotalIdr, quote.costIdr,
          group.subtotalIdr + quote.costIdr, commission, group.leadTimeDays, holdUntil, payoutMode,
        ],
      );
      for (const item of group.items) {
        await tx.query(
          `INSERT INTO order_items (order_id, product_id, title_id, title_en, unit_price_idr, quantity, weight_grams, made_to_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [order!.id, item.productId, item.title.id, item.title.en, item.unitPriceIdr, item.quantity, item.weightGrams, item.madeToOrder],
        );
      }
      await addEvent(tx, order!.id, 'awaiting_payment', null, 'buyer');
      orders.push({
        id: order!.id,
        number: orderNumber,
        token,
        artisan: { slug: group.artisan.slug, name: group.artisan.name },
        totalIdr: group.subtotalIdr + quote.costIdr,
        paymentMethod: input.paymentMethod,
        group,
        quote,
      });
    }
    // One order per place for its classes: the place's, not a workshop's; nothing to ship, so no courier and no shipping.
    for (const group of cart.classes) {
      const orderNumber = await nextOrderNumber(tx, now);
      const token = deps.statusToken?.(orderNumber) ?? newToken();
      const commission = commissionOf(group.subtotalIdr, deps.settings.commissionPercent);
      const [order] = await tx.query<{ id: string }>(
        `INSERT INTO orders (number, token_hash, checkout_id, artisan_id, place_id, place_name, lang, payment_method, buyer_name, buyer_email, buyer_phone,
           address, courier, shipping_zone, subtotal_idr, shipping_idr, total_idr, commission_idr, lead_time_days, hold_expires_at, payout_mode)
         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $12, $13, 0, $13, $14, NULL, $15, 'platform') RETURNING id`,
        [
          orderNumber, hashToken(token), checkoutId, group.place.id, group.place.name, input.lang, input.paymentMethod, input.buyer.name, input.buyer.email,
          input.buyer.phone, jsonForDatabase(input.address ?? {}), NO_COURIER, group.subtotalIdr, commission, holdUntil,
        ],
      );
      for (const item of group.items) {
        await tx.query(
          `INSERT INTO order_seats (order_id, session_id, title_id, title_en, unit_price_idr, quantity) VALUES ($1, $2, $3, $4, $5, $6)`,
          [order!.id, item.sessionId, item.title.id, item.title.en, item.unitPriceIdr, item.quantity],
        );
      }
      await addEvent(tx, order!.id, 'awaiting_payment', null, 'buyer');
      classOrders.push({
        id: order!.id,
        number: orderNumber,
        token,
        artisan: { slug: group.place.id, name: group.place.name },
        totalIdr: group.subtotalIdr,
        paymentMethod: input.paymentMethod,
        classGroup: group,
      });
    }
    // The buyer's "placed" e-mail, with each order's status link. Signed tokens are rebuilt when the mail
    // is sent and never stored; random ones exist only now, so they ride in the queued effect.
    const links = [...orders, ...classOrders].map((o) => ({ number: o.number, token: o.token }));
    await enqueueEffect(tx, { checkoutId: checkoutId! }, 'mail.placed.buyer', deps.statusToken ? {} : { links });
    if (cartId) await clearCart(tx, cartId);
    const checkout: PlacedCheckout = {
      id: checkoutId!, number, paymentMethod: input.paymentMethod, goodsIdr, shippingIdr, uniqueCodeIdr,
      totalIdr: goodsIdr + shippingIdr + uniqueCodeIdr, expiresAt: holdUntil,
    };
    return { checkout, orders, classOrders };
  });

  // The one payment starts after the stock is safely ours. If the provider fails here the checkout
  // keeps its hold until the sweep releases it.
  const { checkout } = created;
  const multi = created.orders.length > 1;
  const lines: PaymentOrder['lines'] = [];
  for (const order of created.orders) {
    for (const i of order.group.items) lines.push({ name: textIn(i.title, input.lang), quantity: i.quantity, unitPriceIdr: i.unitPriceIdr });
  }
  for (const order of created.classOrders) {
    for (const i of order.classGroup.items) lines.push({ name: `${textIn(i.title, input.lang)} — ${classWhen(i, input.lang)}`, quantity: i.quantity, unitPriceIdr: i.unitPriceIdr });
  }
  for (const order of created.orders) {
    if (order.quote.costIdr <= 0) continue;
    const label = input.lang === 'id' ? 'Ongkos kirim' : 'Shipping';
    lines.push({ name: `${label} ${order.quote.name}${multi ? ` — ${order.artisan.name}` : ''}`, quantity: 1, unitPriceIdr: order.quote.costIdr });
  }
  if (checkout.uniqueCodeIdr > 0) lines.push({ name: input.lang === 'id' ? 'Kode unik' : 'Unique code', quantity: 1, unitPriceIdr: checkout.uniqueCodeIdr });
  const paymentOrder: PaymentOrder = {
    id: checkout.id,
    number: checkout.number,
    buyerEmail: input.buyer.email,
    lang: input.lang,
    lines,
    shipping: { name: '', amountIdr: 0 },
    totalIdr: checkout.totalIdr,
    transferGroup: payoutMode === 'connect' ? checkout.number : undefined,
  };
  try {
    const allOrders = [...created.orders, ...created.classOrders];
    const urls = deps.urls({ number: checkout.number, lang: input.lang }, allOrders.map((o) => ({ number: o.number, token: o.token })));
    const payment = await provider.start(paymentOrder, urls, { expiresInMinutes: Math.min(holdMinutes, 1440) });
    await db.query('UPDATE checkouts SET stripe_session_id = $2, payment_url = $3 WHERE id = $1', [
      checkout.id,
      input.paymentMethod === 'stripe' ? payment.reference : null,
      payment.paymentUrl ?? null,
    ]);
    await db.query('UPDATE orders SET payment_reference = NULL, payment_url = $2, updated_at = now() WHERE checkout_id = $1', [checkout.id, payment.paymentUrl ?? null]);
    checkout.payment = payment;
    checkout.paymentUrl = payment.paymentUrl;
  } catch (error) {
    console.error(`checkout: could not start the payment of ${checkout.number}:`, error);
  }
  const orders = [
    ...created.orders.map(({ group: _group, quote: _quote, ...rest }) => rest),
    ...created.classOrders.map(({ classGroup: _group, ...rest }) => rest),
  ].map((rest) => ({ ...rest, checkoutNumber: checkout.number, paymentUrl: checkout.paymentUrl, payment: checkout.payment }));
  return { checkout, orders };
}

/** `placeCheckout`, answering only its orders (each carries the checkout's one payment). */
export async function placeOrders(db: Database, cartId: string | null, rawInput: unknown, deps: CheckoutDeps): Promise<PlacedOrder[]> {
  return (await placeCheckout(db, cartId, rawInput, deps)).orders;
}

export interface OrderView {
  id: string;
  number: string;
  status: OrderStatus;
  lang: 'id' | 'en';
  paymentMethod: 'stripe' | 'bank_transfer';
  paymentReference: string | null;
  paymentUrl: string | null;
  artisan: { slug: string; name: string; whatsapp: string | null; isSample?: boolean };
  buyer: { name: string; email: string; phone: string };
  address: { line1: string; city: string; province: string; postalCode: string; country: string };
  courier: string;
  trackingNumber: string | null;
  items: { productSlug: string; title: { id: string; en: string }; quantity: number; unitPriceIdr: number; madeToOrder: boolean }[];
  /**
   * A class's order is the place's (decision 015): `place` is set, `artisan` names the place (its id as
   * slug), `items` is empty and `seats` holds the booked seats; nothing is shipped.
   */
  place?: { id: string; name: string } | null;
  seats?: OrderSeat[];
  subtotalIdr: number;
  shippingIdr: number;
  totalIdr: number;
  commissionIdr: number;
  leadTimeDays: number | null;
  holdExpiresAt: Date;
  createdAt: Date;
  checkoutId: string;
  checkoutNumber: string;
  note: string | null;
  refundMethod: 'stripe' | 'bank' | null;
  timeline: { status: string; note: string | null; at: Date; actor: string | null }[];
}

/** Seats of one class session booked by an order. */
export interface OrderSeat {
  sessionId: string;
  title: { id: string; en: string };
  quantity: number;
  unitPriceIdr: number;
  startsAt: Date;
  timeZone: ClassTimeZone;
  durationMinutes: number;
  sessionStatus: 'scheduled' | 'cancelled';
}

async function loadOrder(db: Queryable, where: string, ...params: unknown[]): Promise<(OrderView & { tokenHash: string }) | null> {
  // An order is a workshop's (artisan) or a place's (classes): the place's shows under its own name.
  const [o] = await db.query(
    `SELECT o.*, COALESCE(a.slug, o.place_id) AS artisan_slug, COALESCE(a.workshop, o.place_name) AS artisan_name, a.whatsapp AS artisan_whatsapp,
       COALESCE(a.is_sample, (SELECT bool_or(s.is_sample) FROM order_seats os JOIN class_sessions s ON s.id = os.session_id WHERE os.order_id = o.id)) AS artisan_is_sample,
       c.number AS checkout_number
     FROM orders o LEFT JOIN artisans a ON a.id = o.artisan_id JOIN checkouts c ON c.id = o.checkout_id WHERE ${where}`,
    params,
  );
  if (!o) return null;
  const seats = o.place_id
    ? await db.query(
        `SELECT os.*, s.starts_at, s.time_zone, s.duration_minutes, s.status AS session_status FROM order_seats os JOIN class_sessions s ON s.id = os.session_id
         WHERE os.order_id = $1 ORDER BY s.starts_at, os.session_id`,
        [o.id],
      )
    : [];
  const [items, events] = await Promise.all([
    db.query(
      `SELECT oi.*, p.slug FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1 ORDER BY oi.title_id`,
      [o.id],
    ),
    db.query('SELECT status, note, actor, created_at FROM order_events WHERE order_id = $1 ORDER BY id', [o.id]),
  ]);
  return toOrderView(o, items, events, seats);
}

function toOrderView(o: Row, items: Row[], events: Row[], seats: Row[]): OrderView & { tokenHash: string } {
  return {
    id: o.id as string,
    number: o.number as string,
    tokenHash: o.token_hash as string,
    status: o.status as OrderStatus,
    lang: o.lang as 'id' | 'en',
    paymentMethod: o.payment_method as 'stripe' | 'bank_transfer',
    paymentReference: (o.payment_reference as string | null) ?? null,
    paymentUrl: (o.payment_url as string | null) ?? null,
    artisan: { slug: o.artisan_slug as string, name: o.artisan_name as string, whatsapp: (o.artisan_whatsapp as string | null) ?? null, isSample: o.artisan_is_sample === true },
    buyer: { name: o.buyer_name as string, email: o.buyer_email as string, phone: o.buyer_phone as string },
    address: o.address as OrderView['address'],
    courier: o.courier as string,
    trackingNumber: (o.tracking_number as string | null) ?? null,
    items: items.map((i) => ({
      productSlug: i.slug as string,
      title: { id: i.title_id as string, en: i.title_en as string },
      quantity: i.quantity as number,
      unitPriceIdr: i.unit_price_idr as number,
      madeToOrder: i.made_to_order as boolean,
    })),
    place: o.place_id ? { id: o.place_id as string, name: o.place_name as string } : null,
    seats: seats.map((r) => ({
      sessionId: r.session_id as string,
      title: { id: r.title_id as string, en: r.title_en as string },
      quantity: r.quantity as number,
      unitPriceIdr: r.unit_price_idr as number,
      startsAt: new Date(r.starts_at as string),
      timeZone: r.time_zone as ClassTimeZone,
      durationMinutes: r.duration_minutes as number,
      sessionStatus: r.session_status as 'scheduled' | 'cancelled',
    })),
    subtotalIdr: o.subtotal_idr as number,
    shippingIdr: o.shipping_idr as number,
    totalIdr: o.total_idr as number,
    commissionIdr: o.commission_idr as number,
    leadTimeDays: (o.lead_time_days as number | null) ?? null,
    holdExpiresAt: new Date(o.hold_expires_at as string),
    createdAt: new Date(o.created_at as string),
    checkoutId: o.checkout_id as string,
    checkoutNumber: o.checkout_number as string,
    note: (o.note as string | null) ?? null,
    refundMethod: (o.refund_method as 'stripe' | 'bank' | null) ?? null,
    timeline: events.map((e) => ({ status: e.status as string, note: (e.note as string | null) ?? null, actor: (e.actor as string | null) ?? null, at: new Date(e.created_at as string) })),
  };
}

/**
 * The order behind a buyer's status link; `null` unless the token matches. A wrong token and a
 * number that does not exist take the same path (one lookup by number and token hash, which finds
 * nothing), so neither the answer nor its timing tells whether an order number exists.
 */
export async function findOrderForBuyer(db: Queryable, number: string, token: string | null | undefined): Promise<OrderView | null> {
  if (!isOrderNumber(number) || !token || token.length > 200) return null;
  const order = await loadOrder(db, 'o.number = $1 AND o.token_hash = $2', number, hashToken(token));
  if (!order || !tokenMatches(token, order.tokenHash)) return null;
  const { tokenHash: _hidden, ...view } = order;
  return view;
}

export async function findOrderById(db: Queryable, id: string): Promise<OrderView | null> {
  const order = await loadOrder(db, 'o.id = $1', id);
  if (!order) return null;
  const { tokenHash: _hidden, ...view } = order;
  return view;
}

export async function findOrderByNumber(db: Queryable, number: string): Promise<OrderView | null> {
  if (!isOrderNumber(number)) return null;
  const order = await loadOrder(db, 'o.number = $1', number);
  if (!order) return null;
  const { tokenHash: _hidden, ...view } = order;
  return view;
}

/** Who changes an order: `buyer`, `stripe`, `system`, or a signed-in account's e-mail. */
export interface Actor {
  actor: string;
  note?: string | null | undefined;
}

/**
 * The one payment of a checkout arrived: every order of it becomes `paid` (or `needs_refund` when
 * it is no longer payable), exactly once. The checkout row is locked first, so when the return page
 * and the webhook arrive together one of them does the work and the other finds it done; the
 * "paid" e-mail is queued once per checkout (keyed by checkout and kind).
 */
export async function payCheckout(db: Database, checkoutId: string, details: Actor & { paymentIntentId?: string | null | undefined }): Promise<Transition> {
  return db.transaction(async (tx) => {
    const [checkout] = await tx.query<{ payment_status: string }>('SELECT payment_status FROM checkouts WHERE id = $1 FOR UPDATE', [checkoutId]);
    if (!checkout) throw new AppError('not_found', `no checkout ${checkoutId}`);
    if (checkout.payment_status === 'paid') return 'unchanged';
    await lockCheckoutStock(tx, checkoutId);
    await tx.query(
      `UPDATE checkouts SET payment_status = 'paid', paid_at = now(), paid_by = $2, payment_intent_id = COALESCE($3, payment_intent_id) WHERE id = $1`,
      [checkoutId, details.actor, details.paymentIntentId ?? null],
    );
    const orders = await tx.query<{ id: string }>('SELECT id FROM orders WHERE checkout_id = $1 ORDER BY number', [checkoutId]);
    for (const { id } of orders) await paymentArrived(tx, id, { actor: details.actor, note: details.note, paymentIntentId: details.paymentIntentId });
    return 'changed';
  });
}

/**
 * Ends an unpaid checkout (`expired` when its time ran out, `cancelled` otherwise): every unpaid
 * order of it ends and gives its stock back, exactly once. A cancelled Stripe checkout's session
 * is expired at Stripe (queued), so the buyer cannot pay for what was cancelled.
 */
export async function endCheckout(db: Database, checkoutId: string, status: 'expired' | 'cancelled', who: Actor): Promise<Transition> {
  return db.transaction(async (tx) => {
    const [checkout] = await tx.query<{ payment_status: string; stripe_session_id: string | null }>(
      'SELECT payment_status, stripe_session_id FROM checkouts WHERE id = $1 FOR UPDATE',
      [checkoutId],
    );
    if (!checkout) throw new AppError('not_found', `no checkout ${checkoutId}`);
    if (checkout.payment_status !== 'awaiting') return 'unchanged';
    await lockCheckoutStock(tx, checkoutId);
    await tx.query(`UPDATE checkouts SET payment_status = 'closed' WHERE id = $1`, [checkoutId]);
    const orders = await tx.query<{ id: string }>(`SELECT id FROM orders WHERE checkout_id = $1 ORDER BY number`, [checkoutId]);
    for (const { id } of orders) await transitionOrder(tx, id, status, who);
    if (status === 'cancelled' && checkout.stripe_session_id) {
      await enqueueEffect(tx, { checkoutId }, 'stripe.expire-session', { sessionId: checkout.stripe_session_id });
    }
    return 'changed';
  });
}

async function checkoutOf(db: Queryable, orderId: string): Promise<string> {
  const [row] = await db.query<{ checkout_id: string }>('SELECT checkout_id FROM orders WHERE id = $1', [orderId]);
  if (!row) throw new AppError('not_found', `no order ${orderId}`);
  return row.checkout_id;
}

/** Marks the order's checkout paid (every order of it): see `payCheckout`. */
export async function markPaid(db: Database, orderId: string, details: { paymentIntentId?: string | null; note?: string; actor?: string } = {}): Promise<Transition> {
  return payCheckout(db, await checkoutOf(db, orderId), { actor: details.actor ?? 'system', note: details.note, paymentIntentId: details.paymentIntentId });
}

/**
 * Ends an unpaid order. One payment covers the whole checkout, so the whole checkout ends with it
 * (its other orders too): a buyer never pays a total that no longer matches what they ordered.
 */
export async function endUnpaidOrder(db: Database, orderId: string, status: 'expired' | 'cancelled', note: string | null = null, actor = 'system'): Promise<Transition> {
  return endCheckout(db, await checkoutOf(db, orderId), status, { actor, note });
}

/**
 * A refund of an order: `paid`, `shipped`, `delivered` or `needs_refund` → `refunded`, its ledger
 * credit reversed. `stripe`: a refund through Stripe's Refund API is queued (idempotency key from the
 * order); `bank`: a curator records that they transferred the money back by hand. `alreadyAtStripe`:
 * Stripe told us (charge.refunded) — nothing to send.
 */
export async function refundOrder(db: Database, orderId: string, who: Actor & { method: 'stripe' | 'bank'; alreadyAtStripe?: boolean }): Promise<Transition> {
  return db.transaction((tx) => transitionOrder(tx, orderId, 'refunded', { actor: who.actor, note: who.note, refund: { method: who.method, alreadyAtStripe: who.alreadyAtStripe ?? false } }));
}

/** Stripe says the payment was refunded (outside Canting, or our own refund echoing back). */
export async function markRefunded(db: Database, orderId: string): Promise<Transition> {
  return refundOrder(db, orderId, { actor: 'stripe', method: 'stripe', alreadyAtStripe: true });
}

/** Marks a paid order shipped with its courier and tracking number. */
export async function markShipped(db: Database, orderId: string, trackingNumber: string, actor = 'system'): Promise<Transition> {
  const tracking = trackingNumber.trim();
  if (!/^[A-Za-z0-9-]{4,40}$/.test(tracking)) throw new AppError('invalid', 'a tracking number is 4–40 letters, digits or dashes');
  return db.transaction((tx) => transitionOrder(tx, orderId, 'shipped', { actor, trackingNumber: tracking }));
}

/** Marks a shipped order delivered. */
export async function markDelivered(db: Database, orderId: string, who: Actor): Promise<Transition> {
  return db.transaction((tx) => transitionOrder(tx, orderId, 'delivered', who));
}

/** Ends every unpaid checkout whose hold has run out (a crash mid-checkout, an abandoned transfer). */
export async function sweepExpiredHolds(db: Database, now: Date = new Date()): Promise<number> {
  const due = await db.query<{ id: string }>(`SELECT id FROM checkouts WHERE payment_status = 'awaiting' AND expires_at < $1`, [now]);
  let ended = 0;
  for (const { id } of due) {
    if ((await endCheckout(db, id, 'expired', { actor: 'system', note: 'batas waktu pembayaran habis' })) === 'changed') ended++;
  }
  return ended;
}

/**
 * Shipped orders nobody confirmed as received become delivered `days` after shipping (the buyer's
 * confirmation, or a curator's, usually comes first).
 */
export async function completeShippedOrders(db: Database, days: number, now: Date = new Date()): Promise<number> {
  const due = await db.query<{ id: string }>(`SELECT id FROM orders WHERE status = 'shipped' AND shipped_at < $1`, [new Date(now.getTime() - days * 86_400_000)]);
  let done = 0;
  for (const { id } of due) {
    if ((await markDelivered(db, id, { actor: 'system', note: `selesai otomatis ${days} hari setelah dikirim` })) === 'changed') done++;
  }
  return done;
}

/**
 * Paid orders still not shipped `hours` after payment: the artisan gets one reminder each (keyed by
 * order and kind in the outbox, so a sweep that runs every minute queues it once).
 * @returns how many reminders this call queued.
 */
export async function remindUnshippedOrders(db: Database, hours: number, now: Date = new Date()): Promise<number> {
  // A class's order (a place's) is never shipped: nothing to remind.
  const due = await db.query<{ id: string }>(`SELECT id FROM orders WHERE status = 'paid' AND paid_at < $1 AND artisan_id IS NOT NULL`, [new Date(now.getTime() - hours * 3_600_000)]);
  let queued = 0;
  for (const { id } of due) if (await enqueueEffect(db, { orderId: id }, 'mail.ship-reminder.artisan', { hours })) queued++;
  return queued;
}

/**
 * Until when an unpaid order holds a piece whose shelf is empty: the latest hold of the orders
 * still awaiting payment for it, or null (really sold out). Product pages say "reserved until …"
 * instead of "sold out" while it may still come back.
 */
export async function heldUntil(db: Queryable, productId: string): Promise<Date | null> {
  const [row] = await db.query<{ until: string | Date | null }>(
    `SELECT max(o.hold_expires_at) AS until FROM order_items oi JOIN orders o ON o.id = oi.order_id
     WHERE oi.product_id = $1 AND o.status = 'awaiting_payment' AND o.stock_held AND NOT oi.made_to_order`,
    [productId],
  );
  return row?.until ? new Date(row.until) : null;
}

/** A checkout as the buyer's summary and the order desk show it. */
export interface CheckoutView {
  id: string;
  number: string;
  lang: 'id' | 'en';
  paymentMethod: 'stripe' | 'bank_transfer';
  paymentStatus: 'awaiting' | 'paid' | 'closed';
  buyer: { name: string; email: string; phone: string };
  goodsIdr: number;
  shippingIdr: number;
  uniqueCodeIdr: number;
  totalIdr: number;
  stripeSessionId: string | null;
  paymentUrl: string | null;
  paymentIntentId: string | null;
  expiresAt: Date;
  paidAt: Date | null;
  paidBy: string | null;
  createdAt: Date;
}

function toCheckoutView(r: Row): CheckoutView {
  return {
    id: r.id as string,
    number: r.number as string,
    lang: r.lang as 'id' | 'en',
    paymentMethod: r.payment_method as 'stripe' | 'bank_transfer',
    paymentStatus: r.payment_status as CheckoutView['paymentStatus'],
    buyer: { name: r.buyer_name as string, email: r.buyer_email as string, phone: r.buyer_phone as string },
    goodsIdr: r.goods_idr as number,
    shippingIdr: r.shipping_idr as number,
    uniqueCodeIdr: r.unique_code_idr as number,
    totalIdr: r.total_idr as number,
    stripeSessionId: (r.stripe_session_id as string | null) ?? null,
    paymentUrl: (r.payment_url as string | null) ?? null,
    paymentIntentId: (r.payment_intent_id as string | null) ?? null,
    expiresAt: new Date(r.expires_at as string),
    paidAt: r.paid_at == null ? null : new Date(r.paid_at as string),
    paidBy: (r.paid_by as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

export async function findCheckoutById(db: Queryable, id: string): Promise<CheckoutView | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db.query('SELECT * FROM checkouts WHERE id = $1', [id]);
  return row ? toCheckoutView(row) : null;
}

export async function findCheckoutByNumber(db: Queryable, number: string): Promise<CheckoutView | null> {
  if (!/^(CO|CTG)-\d{4}-\d{6,}$/.test(number)) return null;
  const [row] = await db.query('SELECT * FROM checkouts WHERE number = $1', [number]);
  return row ? toCheckoutView(row) : null;
}

export async function findCheckoutBySession(db: Queryable, sessionId: string): Promise<CheckoutView | null> {
  const [row] = await db.query('SELECT * FROM checkouts WHERE stripe_session_id = $1', [sessionId]);
  return row ? toCheckoutView(row) : null;
}

/** The orders of a checkout, by number. */
export async function listCheckoutOrders(db: Queryable, checkoutId: string): Promise<OrderView[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM orders WHERE checkout_id = $1 ORDER BY number', [checkoutId]);
  const orders = await Promise.all(rows.map((r) => findOrderById(db, r.id)));
  return orders.filter((o): o is OrderView => o !== null);
}

/** The JSON of `GET /api/orders/{number}`. */
export function toOrderJson(order: OrderView, lang: 'id' | 'en') {
  return {
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    paymentUrl: order.status === 'awaiting_payment' ? order.paymentUrl : null,
    artisan: { slug: order.artisan.slug, name: order.artisan.name },
    items: order.items.map((i) => ({ productSlug: i.productSlug, title: textIn(i.title, lang), quantity: i.quantity, unitPriceIdr: i.unitPriceIdr })),
    ...(order.place ? { place: order.place, seats: (order.seats ?? []).map((s) => ({ sessionId: s.sessionId, title: textIn(s.title, lang), quantity: s.quantity, unitPriceIdr: s.unitPriceIdr, startsAt: s.startsAt.toISOString() })) } : {}),
    subtotalIdr: order.subtotalIdr,
    shippingIdr: order.shippingIdr,
    totalIdr: order.totalIdr,
    checkout: order.checkoutNumber,
    courier: order.courier,
    trackingNumber: order.trackingNumber,
    holdExpiresAt: order.holdExpiresAt.toISOString(),
    timeline: order.timeline.map((e) => ({ status: e.status, at: e.at.toISOString() })),
  };
}
