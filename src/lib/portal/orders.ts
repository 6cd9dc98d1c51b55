/**
 * The artisan portal's orders: every function takes the signed-in artisan's id and reads or changes
 * only that artisan's orders. Someone else's order is "not found" (never "forbidden"), so order
 * numbers cannot be probed. Artisans never confirm payments (the cooperative holds the money;
 * curators confirm on the order desk): they see "awaiting payment" / "paid — ship it" and ship.
 * State changes go through the order state machine (order-state.ts), which queues the e-mails.
 */
import { checkArtisanId, isOrderNumber } from '../ids.ts';
import { z } from 'astro/zod';
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { withoutNul } from '../text.ts';
import {
  endUnpaidOrder,
  findOrderById,
  markShipped,
  ORDER_STATUSES,
  type OrderStatus,
  type OrderView,
  type Transition,
} from '../commerce/orders.ts';

/** The rule markShipped applies, checked first so that nothing is touched for a bad number. */
export const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,40}$/;

/** Whether a string is one of the order statuses (for a `?status=` filter). */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** One line of the artisan's order list. */
export interface OwnOrderSummary {
  number: string;
  status: OrderStatus;
  paymentMethod: 'stripe' | 'bank_transfer';
  buyerName: string;
  city: string;
  courier: string;
  trackingNumber: string | null;
  itemCount: number;
  totalIdr: number;
  holdExpiresAt: Date;
  createdAt: Date;
}

/**
 * The artisan's own orders, newest first, optionally of one status.
 * @example await listOwnOrders(db, user.artisanId, { status: 'paid' }) // what is waiting to be shipped
 */
export async function listOwnOrders(
  db: Queryable,
  artisanId: string,
  filter: { status?: OrderStatus | null | undefined; limit?: number | undefined; offset?: number | undefined } = {},
): Promise<OwnOrderSummary[]> {
  checkArtisanId(artisanId);
  if (filter.status != null && !isOrderStatus(filter.status)) throw new AppError('invalid', `unknown order status "${String(filter.status)}"`);
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 100), 1), 500);
  const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
  const rows = await db.query<{
    number: string;
    status: OrderStatus;
    payment_method: 'stripe' | 'bank_transfer';
    buyer_name: string;
    city: string | null;
    courier: string;
    tracking_number: string | null;
    item_count: number;
    total_idr: number;
    hold_expires_at: string | Date;
    created_at: string | Date;
  }>(
    `SELECT o.number, o.status, o.payment_method, o.buyer_name, o.address->>'city' AS city, o.courier, o.tracking_number, o.total_idr,
       o.hold_expires_at, o.created_at, (SELECT COALESCE(sum(oi.quantity), 0)::int FROM order_items oi WHERE oi.order_id = o.id) AS item_count
     FROM orders o
     WHERE o.artisan_id = $1 AND ($2::text IS NULL OR o.status = $2)
     ORDER BY o.created_at DESC, o.number DESC
     LIMIT $3 OFFSET $4`,
    [artisanId, filter.status ?? null, limit, offset],
  );
  return rows.map((r) => ({
    number: r.number,
    status: r.status,
    paymentMethod: r.payment_method,
    buyerName: r.buyer_name,
    city: r.city ?? '',
    courier: r.courier,
    trackingNumber: r.tracking_number,
    itemCount: r.item_count,
    totalIdr: r.total_idr,
    holdExpiresAt: new Date(r.hold_expires_at),
    createdAt: new Date(r.created_at),
  }));
}

/** An order as its artisan sees it: the order, plus the note the system left (e.g. "refund the buyer"). */
export type OwnOrder = OrderView & { note: string | null };

/**
 * One of the artisan's own orders by its number.
 * @throws AppError('not_found') when there is no such order *or* it belongs to another artisan.
 */
export async function getOwnOrder(db: Queryable, artisanId: string, number: string): Promise<OwnOrder> {
  checkArtisanId(artisanId);
  const notFound = new AppError('not_found', `no order ${String(number).slice(0, 40)}`);
  if (!isOrderNumber(number)) throw notFound;
  const [row] = await db.query<{ id: string; note: string | null }>('SELECT id, note FROM orders WHERE number = $1 AND artisan_id = $2', [number, artisanId]);
  if (!row) throw notFound;
  const order = await findOrderById(db, row.id);
  if (!order) throw notFound;
  return { ...order, note: row.note };
}

/** What a portal action did: `unchanged` for a replay (a form sent twice). */
export interface OwnOrderOutcome {
  outcome: Transition;
  order: OwnOrder;
}

/**
 * The artisan marks a paid order shipped with its tracking number (the courier is the one the
 * buyer chose and paid for); the state machine queues the buyer's e-mail in the same transaction.
 * @throws AppError('invalid') for a malformed tracking number (nothing changes); AppError('not_found')
 *   for someone else's order; AppError('conflict') when the order is not paid.
 */
export async function shipOwnOrder(db: Database, artisanId: string, number: string, trackingNumber: string): Promise<OwnOrderOutcome> {
  const tracking = String(trackingNumber ?? '').trim();
  if (!TRACKING_NUMBER.test(tracking)) throw new AppError('invalid', 'a tracking number is 4–40 letters, digits or dashes');
  const order = await getOwnOrder(db, artisanId, number);
  if (order.status === 'shipped' || order.status === 'delivered') return { outcome: 'unchanged', order };
  if (order.status !== 'paid') throw new AppError('conflict', `order ${order.number} is ${order.status}; only a paid order can be shipped`);
  const outcome = await markShipped(db, order.id, tracking, `artisan:${order.artisan.slug}`);
  return { outcome, order: await getOwnOrder(db, artisanId, number) };
}

/**
 * The artisan cancels an unpaid order; its stock is released exactly once. A paid order is not
 * cancelled here: its buyer must be refunded first (by a curator).
 * @param reason optional, shown in the order's history (at most 300 characters).
 * @returns the slugs of the order's products too, whose stock changed (to reindex).
 * @throws AppError('not_found') for someone else's order; AppError('conflict') for a paid or ended order.
 */
export async function cancelOwnOrder(
  db: Database,
  artisanId: string,
  number: string,
  reason: string | null = null,
): Promise<OwnOrderOutcome & { productSlugs: string[] }> {
  const text = withoutNul(String(reason ?? '')).trim();
  const note = text ? text.slice(0, 300) : null;
  const order = await getOwnOrder(db, artisanId, number);
  const slugs = order.items.map((i) => i.productSlug);
  if (order.status === 'cancelled') return { outcome: 'unchanged', order, productSlugs: slugs };
  const refuse = (status: OrderStatus) =>
    status === 'paid' || status === 'shipped' || status === 'delivered'
      ? new AppError('conflict', `order ${order.number} is already paid: refund the buyer first (ask a curator), then it can be closed`, { reason: 'needs_refund' })
      : new AppError('conflict', `order ${order.number} is ${status}; only an order awaiting payment can be cancelled`);
  if (order.status !== 'awaiting_payment') throw refuse(order.status);
  // One payment covers the whole checkout: an artisan cannot end other workshops' orders with it.
  const [shared] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE checkout_id = $1', [order.checkoutId]);
  if ((shared?.n ?? 1) > 1) throw new AppError('conflict', `order ${order.number} shares its checkout with other workshops; ask a curator to cancel it`, { reason: 'shares_checkout' });
  const outcome = await endUnpaidOrder(db, order.id, 'cancelled', note ? `dibatalkan perajin: ${note}` : 'dibatalkan perajin', `artisan:${order.artisan.slug}`);
  const after = await getOwnOrder(db, artisanId, number);
  // Paid (or ended) by someone else between our read and our update: say so rather than pretend.
  if (outcome === 'unchanged' && after.status !== 'cancelled') throw refuse(after.status);
  return { outcome, order: after, productSlugs: slugs };
}

/** The order page's one form: ship (with a tracking number) or cancel (with the "I am sure" box). */
export const ownOrderActionSchema = z.object({
  action: z.string().catch(''),
  tracking: z.string().catch(''),
  reason: z.string().catch(''),
  sure: z.string().catch(''),
});

/**
 * Runs the artisan's action on their order `number`; answers the outcome, the flash key for the page,
 * and the products whose stock changed (to reindex).
 * @throws AppError('invalid') with reason `confirm_required` or `unknown_action`, or as shipOwnOrder and cancelOwnOrder do.
 */
export async function ownOrderAction(
  db: Database,
  artisanId: string,
  number: string,
  input: z.infer<typeof ownOrderActionSchema>,
): Promise<{ outcome: Transition; flash: 'shipped' | 'cancelled' | 'unchanged'; productSlugs: string[] }> {
  if (input.action === 'ship') {
    const tracking = input.tracking.trim();
    if (!TRACKING_NUMBER.test(tracking)) throw new AppError('invalid', 'a tracking number is 4–40 letters, digits or dashes');
    const done = await shipOwnOrder(db, artisanId, number, tracking);
    return { outcome: done.outcome, flash: done.outcome === 'changed' ? 'shipped' : 'unchanged', productSlugs: [] };
  }
  if (input.action === 'cancel') {
    if (input.sure !== 'yes') throw new AppError('invalid', 'tick the box to confirm', { reason: 'confirm_required' });
    const done = await cancelOwnOrder(db, artisanId, number, input.reason);
    return { outcome: done.outcome, flash: done.outcome === 'changed' ? 'cancelled' : 'unchanged', productSlugs: done.outcome === 'changed' ? done.productSlugs : [] };
  }
  throw new AppError('invalid', `unknown action "${input.action.slice(0, 40)}"`, { reason: 'unknown_action' });
}

/** Which of the portal's messages answers a refused order action. */
export function ownOrderRefusal(error: AppError, action: string): 'tracking' | 'shipNotPaid' | 'cancelConfirm' | 'cancelPaid' | 'cancelShared' | 'cancelEnded' | 'unknownAction' {
  if (action === 'ship') return error.code === 'invalid' ? 'tracking' : 'shipNotPaid';
  if (action !== 'cancel') return 'unknownAction';
  if (error.code === 'invalid') return 'cancelConfirm';
  return error.reason === 'needs_refund' ? 'cancelPaid' : error.reason === 'shares_checkout' ? 'cancelShared' : 'cancelEnded';
}

/** The portal's front page numbers. */
export interface DashboardStats {
  /** Paid orders waiting for the parcel to leave. */
  toShip: number;
  /** Bank transfers and card payments not yet paid. */
  awaitingPayment: number;
  /** Active pieces with at most one left (not made to order, not a one-of-a-kind piece still for sale). */
  lowStock: { slug: string; title: string; stock: number }[];
  /** What the artisan earned this month (Asia/Jakarta): the sum of `owed` ledger entries. */
  earnedThisMonthIdr: number;
}

/** Jakarta keeps UTC+7 all year (no daylight saving), so a month starts at 17:00 UTC the day before. */
const JAKARTA_OFFSET_MS = 7 * 3600_000;

/**
 * The start and end of the calendar month (Asia/Jakarta) that `now` falls in.
 * @example jakartaMonth(new Date('2026-03-31T18:00:00Z')) // April: 2026-03-31T17:00Z … 2026-04-30T17:00Z
 */
export function jakartaMonth(now: Date): { start: Date; end: Date } {
  const local = new Date(now.getTime() + JAKARTA_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { start: new Date(Date.UTC(y, m, 1) - JAKARTA_OFFSET_MS), end: new Date(Date.UTC(y, m + 1, 1) - JAKARTA_OFFSET_MS) };
}

/** Orders to ship, low stock and this month's earnings of one artisan. */
export async function dashboardStats(db: Queryable, artisanId: string, now: Date = new Date()): Promise<DashboardStats> {
  checkArtisanId(artisanId);
  const { start, end } = jakartaMonth(now);
  const [[counts], lowStock, [earned]] = await Promise.all([
    db.query<{ to_ship: number; awaiting: number }>(
      `SELECT count(*) FILTER (WHERE status = 'paid')::int AS to_ship, count(*) FILTER (WHERE status = 'awaiting_payment')::int AS awaiting
       FROM orders WHERE artisan_id = $1`,
      [artisanId],
    ),
    db.query<{ slug: string; title_id: string; stock: number }>(
      `SELECT slug, title_id, stock FROM products
       WHERE artisan_id = $1 AND status = 'active' AND stock <= 1
         AND NOT (stock = 0 AND lead_time_days IS NOT NULL)
         AND NOT (one_of_a_kind AND stock = 1)
       ORDER BY stock, title_id LIMIT 50`,
      [artisanId],
    ),
    db.query<{ total: number }>(
      `SELECT COALESCE(sum(amount_idr), 0)::float8 AS total FROM ledger_entries
       WHERE artisan_id = $1 AND kind = 'owed' AND created_at >= $2 AND created_at < $3`,
      [artisanId, start, end],
    ),
  ]);
  return {
    toShip: counts?.to_ship ?? 0,
    awaitingPayment: counts?.awaiting ?? 0,
    lowStock: lowStock.map((p) => ({ slug: p.slug, title: p.title_id, stock: p.stock })),
    earnedThisMonthIdr: Number(earned?.total ?? 0),
  };
}

/** The JSON of one order in `GET /api/portal/orders` (dates as ISO strings). */
export function toOwnOrderJson(order: OwnOrderSummary) {
  return {
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    buyerName: order.buyerName,
    city: order.city,
    courier: order.courier,
    trackingNumber: order.trackingNumber,
    itemCount: order.itemCount,
    totalIdr: order.totalIdr,
    holdExpiresAt: order.holdExpiresAt.toISOString(),
    createdAt: order.createdAt.toISOString(),
  };
}
