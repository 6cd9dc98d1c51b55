/**
 * Orders: one per artisan per checkout. Stock is reserved atomically when orders are created and
 * released exactly once when an order expires or is cancelled; payment never un-does itself.
 * Every state change is a conditional UPDATE on the current status, so replays are harmless.
 */
import { z } from 'astro/zod';
import type { Database, Queryable, Row } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { NUL_MESSAGE, hasNul, jsonForDatabase } from '../text.ts';
import type { PaymentOrder, PaymentProvider, PaymentUrls, StartedPayment } from './payments/types.ts';
import { clearCart, viewCart, type CartGroup } from './cart.ts';
import { hashToken, newToken, tokenMatches } from './tokens.ts';

export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Text that the database can store: no NUL characters. */
const storable = (schema: z.ZodString) => schema.refine((s) => !hasNul(s), NUL_MESSAGE);

export const checkoutInputSchema = z.strictObject({
  buyer: z.strictObject({
    name: storable(z.string().trim().min(2).max(120)),
    email: z.email().max(200),
    phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'a phone number of 8–15 digits'),
  }),
  address: z
    .strictObject({
      line1: storable(z.string().trim().min(5).max(300)),
      city: storable(z.string().trim().min(2).max(120)),
      /** An Indonesian province; free text (or empty) abroad. */
      province: storable(z.string().trim().max(80)).default(''),
      postalCode: z.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, 'a postal code'),
      country: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter country code such as ID').default('ID'),
    })
    .refine((a) => a.country !== 'ID' || a.province.length >= 2, { message: 'a province', path: ['province'] }),
  couriers: z.record(z.string().max(80), z.string().max(40)).default({}),
  paymentMethod: z.enum(['stripe', 'bank_transfer']),
  lang: z.enum(['id', 'en']).default('id'),
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
  };
  /**
   * Where the buyer lands after paying or cancelling on Stripe, per order. `all` lists every order
   * of this checkout, so the buyer can come back to a summary and pay the next one.
   */
  urls: (order: { number: string; token: string; lang: 'id' | 'en' }, all: { number: string; token: string }[]) => PaymentUrls;
  /** Mail and other side effects after the purchase; their failure never fails the purchase. */
  afterPlaced?: (orders: PlacedOrder[]) => Promise<void>;
  now?: () => Date;
}

export interface PlacedOrder {
  id: string;
  number: string;
  token: string;
  artisan: { slug: string; name: string };
  totalIdr: number;
  paymentMethod: 'stripe' | 'bank_transfer';
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

async function addEvent(db: Queryable, orderId: string, status: string, note: string | null = null): Promise<void> {
  await db.query('INSERT INTO order_events (order_id, status, note) VALUES ($1, $2, $3)', [orderId, status, note]);
}

/** Releases an order's reserved stock. Call only from the transaction that flipped stock_held off. */
async function releaseStock(db: Queryable, orderId: string): Promise<void> {
  await db.query(
    `UPDATE products p SET stock = p.stock + oi.quantity, updated_at = now()
     FROM order_items oi WHERE oi.order_id = $1 AND oi.product_id = p.id AND NOT oi.made_to_order`,
    [orderId],
  );
}

/** Takes an order's stock again (a late payment for an order whose hold had ended). */
async function retakeStock(db: Queryable, orderId: string): Promise<boolean> {
  const items = await db.query<{ product_id: string; quantity: number }>(
    'SELECT product_id, quantity FROM order_items WHERE order_id = $1 AND NOT made_to_order',
    [orderId],
  );
  for (const item of items) {
    const rows = await db.query('UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING id', [item.product_id, item.quantity]);
    if (!rows.length) return false;
  }
  return true;
}

/**
 * Places the cart as one order per artisan: validates, quotes shipping, reserves every piece's
 * stock in one transaction (all or nothing), empties the cart, then starts each payment.
 * Out of stock → AppError('conflict') naming the piece, and nothing is reserved.
 */
export async function placeOrders(db: Database, cartId: string | null, rawInput: unknown, deps: CheckoutDeps): Promise<PlacedOrder[]> {
  const parsed = checkoutInputSchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new AppError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const input = parsed.data;
  const provider = deps.payments[input.paymentMethod];
  if (!provider) throw new AppError('invalid', `payment by ${input.paymentMethod} is not available here`);
  const now = deps.now?.() ?? new Date();
  const holdMinutes = input.paymentMethod === 'stripe' ? deps.settings.stripeHoldMinutes : deps.settings.bankHoldHours * 60;
  // The hold outlives the Stripe session a little, so a payment made in its last second still finds its stock.
  const holdUntil = new Date(now.getTime() + (holdMinutes + (input.paymentMethod === 'stripe' ? 10 : 0)) * 60_000);

  const cart = await viewCart(db, cartId);
  if (!cart.groups.length) throw new AppError('invalid', EMPTY_CART);
  const unavailable = cart.groups.flatMap((g) => g.items).filter((i) => !i.available);
  if (unavailable.length) {
    throw new AppError('conflict', `no longer available in that quantity: ${unavailable.map((i) => i.title[input.lang]).join(', ')}`);
  }
  const quotes = new Map<string, ShippingQuote>(
    cart.groups.map((g) => [
      g.artisan.id,
      deps.quoteShipping({
        originRegion: g.artisan.region,
        province: input.address.province,
        country: input.address.country,
        weightGrams: g.weightGrams,
        courierId: input.couriers[g.artisan.slug],
      }),
    ]),
  );

  // Connect: each artisan's card payments go straight to their connected account, less our fee.
  const payoutMode = input.paymentMethod === 'stripe' && deps.settings.payoutMode === 'connect' ? 'connect' : 'platform';
  const connectAccounts = new Map<string, string>();
  if (payoutMode === 'connect') {
    const rows = await db.query<{ id: string; workshop: string; stripe_account_id: string | null }>(
      'SELECT id, workshop, stripe_account_id FROM artisans WHERE id = ANY ($1::uuid[])',
      [cart.groups.map((g) => g.artisan.id)],
    );
    const missing = rows.filter((r) => !r.stripe_account_id).map((r) => r.workshop);
    if (missing.length) throw new AppError('invalid', `cannot take card payments yet: ${missing.join(', ')}; choose bank transfer`);
    for (const r of rows) connectAccounts.set(r.id, r.stripe_account_id!);
  }

  const checkoutId = crypto.randomUUID();
  const created = await db.transaction(async (tx) => {
    const orders: (PlacedOrder & { group: CartGroup; quote: ShippingQuote; commissionIdr: number; artisanId: string })[] = [];
    for (const group of cart.groups) {
      const quote = quotes.get(group.artisan.id)!;
      const token = newToken();
      const number = await nextOrderNumber(tx, now);
      const commission = commissionOf(group.subtotalIdr, deps.settings.commissionPercent);
      const [order] = await tx.query<{ id: string }>(
        `INSERT INTO orders (number, token_hash, checkout_id, artisan_id, lang, payment_method, buyer_name, buyer_email, buyer_phone,
           address, courier, shipping_zone, subtotal_idr, shipping_idr, total_idr, commission_idr, lead_time_days, hold_expires_at, payout_mode)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
        [
          number, hashToken(token), checkoutId, group.artisan.id, input.lang, input.paymentMethod, input.buyer.name, input.buyer.email,
          input.buyer.phone, jsonForDatabase(input.address), quote.courierId, quote.zone, group.subtotalIdr, quote.costIdr,
          group.subtotalIdr + quote.costIdr, commission, group.leadTimeDays, holdUntil, payoutMode,
        ],
      );
      for (const item of group.items) {
        await tx.query(
          `INSERT INTO order_items (order_id, product_id, title_id, title_en, unit_price_idr, quantity, weight_grams, made_to_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [order!.id, item.productId, item.title.id, item.title.en, item.unitPriceIdr, item.quantity, item.weightGrams, item.madeToOrder],
        );
        if (item.madeToOrder) continue;
        const taken = await tx.query('UPDATE products SET stock = stock - $2, updated_at = now() WHERE id = $1 AND stock >= $2 RETURNING stock', [
          item.productId,
          item.quantity,
        ]);
        if (!taken.length) {
          throw new AppError('conflict', `sold out just now: ${item.title[input.lang]}`);
        }
      }
      await addEvent(tx, order!.id, 'awaiting_payment');
      orders.push({
        id: order!.id,
        number,
        token,
        artisan: { slug: group.artisan.slug, name: group.artisan.name },
        totalIdr: group.subtotalIdr + quote.costIdr,
        paymentMethod: input.paymentMethod,
        commissionIdr: commission,
        artisanId: group.artisan.id,
        group,
        quote,
      });
    }
    if (cartId) await clearCart(tx, cartId);
    return orders;
  });

  // Payments start after the stock is safely ours. If a provider fails here the order keeps its
  // hold until the sweep releases it, and the buyer can retry from the status page.
  const placed: PlacedOrder[] = [];
  for (const order of created) {
    const paymentOrder: PaymentOrder = {
      id: order.id,
      number: order.number,
      buyerEmail: input.buyer.email,
      lang: input.lang,
      lines: order.group.items.map((i) => ({ name: i.title[input.lang], quantity: i.quantity, unitPriceIdr: i.unitPriceIdr })),
      shipping: { name: order.quote.name, amountIdr: order.quote.costIdr },
      totalIdr: order.totalIdr,
      connect:
        payoutMode === 'connect'
          ? { destinationAccountId: connectAccounts.get(order.artisanId)!, applicationFeeIdr: order.commissionIdr }
          : undefined,
    };
    const { group: _group, quote: _quote, commissionIdr: _fee, artisanId: _artisan, ...rest } = order;
    try {
      const all = created.map((o) => ({ number: o.number, token: o.token }));
      const urls = deps.urls({ number: order.number, token: order.token, lang: input.lang }, all);
      const payment = await startPaymentFor(db, provider, paymentOrder, urls, holdMinutes);
      placed.push({ ...rest, paymentUrl: payment.paymentUrl, payment });
    } catch (error) {
      console.error(`checkout: could not start the payment of ${order.number}:`, error);
      placed.push(rest);
    }
  }
  if (deps.afterPlaced) {
    await deps.afterPlaced(placed).catch((error: unknown) => console.error('checkout: after-order side effects failed:', error));
  }
  return placed;
}

async function startPaymentFor(db: Queryable, provider: PaymentProvider, order: PaymentOrder, urls: PaymentUrls, holdMinutes: number): Promise<StartedPayment> {
  const payment = await provider.start(order, urls, { expiresInMinutes: Math.min(holdMinutes, 1440) });
  await db.query('UPDATE orders SET payment_reference = $2, payment_url = $3, updated_at = now() WHERE id = $1', [
    order.id,
    payment.reference,
    payment.paymentUrl ?? null,
  ]);
  return payment;
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
  subtotalIdr: number;
  shippingIdr: number;
  totalIdr: number;
  commissionIdr: number;
  leadTimeDays: number | null;
  holdExpiresAt: Date;
  createdAt: Date;
  timeline: { status: string; note: string | null; at: Date }[];
}

async function loadOrder(db: Queryable, where: string, param: unknown): Promise<(OrderView & { tokenHash: string }) | null> {
  const [o] = await db.query(
    `SELECT o.*, a.slug AS artisan_slug, a.workshop AS artisan_name, a.whatsapp AS artisan_whatsapp, a.is_sample AS artisan_is_sample
     FROM orders o JOIN artisans a ON a.id = o.artisan_id WHERE ${where}`,
    [param],
  );
  if (!o) return null;
  const [items, events] = await Promise.all([
    db.query(
      `SELECT oi.*, p.slug FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1 ORDER BY oi.title_id`,
      [o.id],
    ),
    db.query('SELECT status, note, created_at FROM order_events WHERE order_id = $1 ORDER BY id', [o.id]),
  ]);
  return toOrderView(o, items, events);
}

function toOrderView(o: Row, items: Row[], events: Row[]): OrderView & { tokenHash: string } {
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
    subtotalIdr: o.subtotal_idr as number,
    shippingIdr: o.shipping_idr as number,
    totalIdr: o.total_idr as number,
    commissionIdr: o.commission_idr as number,
    leadTimeDays: (o.lead_time_days as number | null) ?? null,
    holdExpiresAt: new Date(o.hold_expires_at as string),
    createdAt: new Date(o.created_at as string),
    timeline: events.map((e) => ({ status: e.status as string, note: (e.note as string | null) ?? null, at: new Date(e.created_at as string) })),
  };
}

/** The order behind a buyer's status link; `null` unless the token matches (no hint which was wrong). */
export async function findOrderForBuyer(db: Queryable, number: string, token: string | null | undefined): Promise<OrderView | null> {
  if (!/^CTG-\d{4}-\d{6,}$/.test(number)) return null;
  const order = await loadOrder(db, 'o.number = $1', number);
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
  if (!/^CTG-\d{4}-\d{6,}$/.test(number)) return null;
  const order = await loadOrder(db, 'o.number = $1', number);
  if (!order) return null;
  const { tokenHash: _hidden, ...view } = order;
  return view;
}

export type Transition = 'changed' | 'unchanged';

/**
 * Marks an order paid, exactly once. An order whose hold had ended (expired) takes its stock again;
 * if that stock is gone the order is still paid — the money was taken — with a note for a refund.
 * Writes the ledger: what the artisan is owed, and the commission.
 */
export async function markPaid(db: Database, orderId: string, details: { paymentIntentId?: string | null; note?: string } = {}): Promise<Transition> {
  return db.transaction(async (tx) => {
    const [order] = await tx.query<{ status: string; stock_held: boolean; artisan_id: string; total_idr: number; commission_idr: number; payout_mode: string }>(
      'SELECT status, stock_held, artisan_id, total_idr, commission_idr, payout_mode FROM orders WHERE id = $1 FOR UPDATE',
      [orderId],
    );
    if (!order) throw new AppError('not_found', `no order ${orderId}`);
    if (order.status !== 'awaiting_payment' && order.status !== 'expired') return 'unchanged';
    let note = details.note ?? null;
    if (!order.stock_held && !(await retakeStock(tx, orderId))) {
      note = 'paid after the hold ended, and the piece was sold meanwhile: refund the buyer';
    }
    await tx.query(
      `UPDATE orders SET status = 'paid', stock_held = true, paid_at = now(), updated_at = now(),
         payment_intent_id = COALESCE($2, payment_intent_id), note = COALESCE($3, note) WHERE id = $1`,
      [orderId, details.paymentIntentId ?? null, note],
    );
    await addEvent(tx, orderId, 'paid', note);
    // With Connect, Stripe already paid the artisan their share: nothing is owed through us.
    if (order.payout_mode === 'connect') return 'changed';
    await tx.query(
      `INSERT INTO ledger_entries (artisan_id, order_id, kind, amount_idr) VALUES ($1, $2, 'owed', $3), ($1, $2, 'commission', $4)
       ON CONFLICT DO NOTHING`,
      [order.artisan_id, orderId, order.total_idr - order.commission_idr, order.commission_idr],
    );
    return 'changed';
  });
}

/**
 * Ends an unpaid order (`expired` when its time ran out, `cancelled` otherwise) and releases its
 * stock — exactly once, because only the transaction that flips `awaiting_payment` releases it.
 */
export async function endUnpaidOrder(db: Database, orderId: string, status: 'expired' | 'cancelled', note: string | null = null): Promise<Transition> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE orders SET status = $2, stock_held = false, closed_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'awaiting_payment' RETURNING id`,
      [orderId, status],
    );
    if (!rows.length) return 'unchanged';
    await releaseStock(tx, orderId);
    await addEvent(tx, orderId, status, note);
    return 'changed';
  });
}

/** A refund of a paid order: marks it refunded and books the refund against what the artisan is owed. */
export async function markRefunded(db: Database, orderId: string): Promise<Transition> {
  return db.transaction(async (tx) => {
    const [order] = await tx.query<{ artisan_id: string; total_idr: number; commission_idr: number; payout_mode: string }>(
      `UPDATE orders SET status = 'refunded', closed_at = now(), updated_at = now()
       WHERE id = $1 AND status IN ('paid', 'shipped', 'delivered') RETURNING artisan_id, total_idr, commission_idr, payout_mode`,
      [orderId],
    );
    if (!order) return 'unchanged';
    if (order.payout_mode === 'platform') await tx.query(`INSERT INTO ledger_entries (artisan_id, order_id, kind, amount_idr) VALUES ($1, $2, 'refund', $3) ON CONFLICT DO NOTHING`, [
      order.artisan_id,
      orderId,
      -(order.total_idr - order.commission_idr),
    ]);
    await addEvent(tx, orderId, 'refunded');
    return 'changed';
  });
}

/** Marks a paid order shipped with its courier and tracking number. */
export async function markShipped(db: Database, orderId: string, trackingNumber: string): Promise<Transition> {
  const tracking = trackingNumber.trim();
  if (!/^[A-Za-z0-9-]{4,40}$/.test(tracking)) throw new AppError('invalid', 'a tracking number is 4–40 letters, digits or dashes');
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE orders SET status = 'shipped', tracking_number = $2, shipped_at = now(), updated_at = now() WHERE id = $1 AND status = 'paid' RETURNING id`,
      [orderId, tracking],
    );
    if (!rows.length) return 'unchanged';
    await addEvent(tx, orderId, 'shipped', tracking);
    return 'changed';
  });
}

/** Ends every unpaid order whose hold has run out (a crash mid-checkout, an abandoned transfer). */
export async function sweepExpiredHolds(db: Database, now: Date = new Date()): Promise<number> {
  const due = await db.query<{ id: string }>(`SELECT id FROM orders WHERE status = 'awaiting_payment' AND hold_expires_at < $1`, [now]);
  let ended = 0;
  for (const { id } of due) {
    if ((await endUnpaidOrder(db, id, 'expired', 'payment time ran out')) === 'changed') ended++;
  }
  return ended;
}

/** The JSON of `GET /api/orders/{number}`. */
export function toOrderJson(order: OrderView, lang: 'id' | 'en') {
  return {
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    paymentUrl: order.status === 'awaiting_payment' ? order.paymentUrl : null,
    artisan: { slug: order.artisan.slug, name: order.artisan.name },
    items: order.items.map((i) => ({ productSlug: i.productSlug, title: i.title[lang], quantity: i.quantity, unitPriceIdr: i.unitPriceIdr })),
    subtotalIdr: order.subtotalIdr,
    shippingIdr: order.shippingIdr,
    totalIdr: order.totalIdr,
    courier: order.courier,
    trackingNumber: order.trackingNumber,
    holdExpiresAt: order.holdExpiresAt.toISOString(),
    timeline: order.timeline.map((e) => ({ status: e.status, at: e.at.toISOString() })),
  };
}
