/**
 * The one order state machine. Every change of an order's status goes through `transitionOrder`,
 * inside the caller's transaction: it checks the move against `TRANSITIONS`, updates the row, writes
 * the timeline event (with who did it), books the ledger, moves stock, and queues the side effects
 * of the move in `order_effects` — all in that one transaction, so a state change and its effects
 * are committed together or not at all. The worker in `effects.ts` delivers each effect once.
 *
 * `awaiting_payment` is the state the issue calls "placed".
 */
import type { Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { takeStock } from '../store/repository.ts';
import { releaseSeats, takeSeats } from '../classes/sessions.ts';

export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded', 'needs_refund'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The allowed moves. A payment that arrives for an order that is no longer payable makes it
 * `needs_refund` (money taken, nothing to ship); an expired order whose stock is still there is
 * simply paid late.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  awaiting_payment: ['paid', 'expired', 'cancelled'],
  expired: ['paid', 'needs_refund'],
  cancelled: ['needs_refund'],
  paid: ['shipped', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  needs_refund: ['refunded'],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What a side effect is about: one order, or the whole checkout (the buyer's one payment). */
export type EffectScope = 'order' | 'checkout';

/**
 * The side effects each move queues, keyed by (order or checkout, kind): the key is unique in
 * `order_effects`, so however many callers race to the same move, each effect exists once.
 */
export const EFFECTS: Readonly<Partial<Record<OrderStatus, readonly { scope: EffectScope; kind: string; only?: 'pieces' | 'classes' }[]>>> = {
  paid: [
    { scope: 'checkout', kind: 'mail.paid.buyer' },
    // A workshop's order: the artisan ships it. A place's (classes): the buyer gets the booking with its .ics.
    { scope: 'order', kind: 'mail.paid.artisan', only: 'pieces' },
    { scope: 'order', kind: 'mail.class-booked.buyer', only: 'classes' },
  ],
  shipped: [{ scope: 'order', kind: 'mail.shipped.buyer' }],
  delivered: [{ scope: 'order', kind: 'mail.delivered.buyer' }],
  needs_refund: [{ scope: 'order', kind: 'mail.needs-refund.buyer' }],
  refunded: [{ scope: 'order', kind: 'mail.refunded.buyer' }],
};

/**
 * Queues one side effect; a second call with the same (order or checkout, kind) does nothing, nor does
 * one for an account that already has a pending effect of that kind (migration 012).
 * @returns whether this call queued it.
 */
export async function enqueueEffect(
  tx: Queryable,
  target: { orderId: string } | { checkoutId: string } | { accountId: string },
  kind: string,
  payload: Record<string, unknown> = {},
): Promise<boolean> {
  const orderId = 'orderId' in target ? target.orderId : null;
  const checkoutId = 'checkoutId' in target ? target.checkoutId : null;
  const accountId = 'accountId' in target ? target.accountId : null;
  const rows = await tx.query(
    `INSERT INTO order_effects (kind, order_id, checkout_id, account_id, payload) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT DO NOTHING RETURNING id`,
    [kind, orderId, checkoutId, accountId, JSON.stringify(payload)],
  );
  return rows.length > 0;
}

export interface TransitionOptions {
  /** Who: `buyer`, `stripe`, `system`, or a signed-in account's e-mail. */
  actor: string;
  note?: string | null | undefined;
  /** shipped: the tracking number. */
  trackingNumber?: string | undefined;
  /** paid / needs_refund: Stripe's payment intent. */
  paymentIntentId?: string | null | undefined;
  /** refunded: through Stripe's Refund API (queued) or by a bank transfer a curator made by hand. */
  refund?: { method: 'stripe' | 'bank'; alreadyAtStripe?: boolean } | undefined;
}

export type Transition = 'changed' | 'unchanged';

interface LockedOrder {
  id: string;
  status: OrderStatus;
  checkout_id: string;
  /** A workshop's order; null for a place's (its classes). */
  artisan_id: string | null;
  place_id: string | null;
  stock_held: boolean;
  total_idr: number;
  commission_idr: number;
  payout_mode: 'platform' | 'connect';
  payment_method: 'stripe' | 'bank_transfer';
  payment_intent_id: string | null;
  paid_at: Date | null;
}

/** Locks an order row for the rest of the transaction. */
export async function lockOrder(tx: Queryable, orderId: string): Promise<LockedOrder> {
  const [order] = await tx.query<LockedOrder>(
    `SELECT id, status, checkout_id, artisan_id, place_id, stock_held, total_idr, commission_idr, payout_mode, payment_method, payment_intent_id, paid_at
     FROM orders WHERE id = $1 FOR UPDATE`,
    [orderId],
  );
  if (!order) throw new AppError('not_found', `no order ${orderId}`);
  return order;
}

/**
 * Moves one order to `to` if the table allows it from its current status; otherwise changes
 * nothing and answers `unchanged` (replays and races are harmless). Call inside a transaction.
 */
export async function transitionOrder(tx: Queryable, orderId: string, to: OrderStatus, options: TransitionOptions): Promise<Transition> {
  const order = await lockOrder(tx, orderId);
  if (!canTransition(order.status, to)) return 'unchanged';
  let note = options.note ?? null;

  switch (to) {
    case 'paid': {
      if (!order.stock_held && !(await retakeStock(tx, orderId))) {
        throw new AppError('internal', `order ${orderId}: paid late but its stock is gone; move it to needs_refund instead`);
      }
      await tx.query(
        `UPDATE orders SET status = 'paid', stock_held = true, paid_at = now(), closed_at = NULL, updated_at = now(),
           payment_intent_id = COALESCE($2, payment_intent_id) WHERE id = $1`,
        [orderId, options.paymentIntentId ?? null],
      );
      // With Connect, the artisan's share is transferred at Stripe (one Transfer per workshop, from
      // the checkout's one charge): nothing is owed through our ledger.
      if (order.payout_mode === 'connect') {
        const [target] = await tx.query<{ stripe_account_id: string | null; checkout_number: string; payment_intent_id: string | null }>(
          `SELECT a.stripe_account_id, c.number AS checkout_number, c.payment_intent_id
           FROM orders o JOIN artisans a ON a.id = o.artisan_id JOIN checkouts c ON c.id = o.checkout_id WHERE o.id = $1`,
          [orderId],
        );
        await enqueueEffect(tx, { orderId }, 'stripe.transfer', {
          destination: target?.stripe_account_id ?? null,
          amountIdr: order.total_idr - order.commission_idr,
          transferGroup: target?.checkout_number ?? null,
          paymentIntentId: options.paymentIntentId ?? target?.payment_intent_id ?? null,
        });
      } else {
        // Owed to whoever the order is of: the workshop, or the place that teaches the class.
        await tx.query(
          `INSERT INTO ledger_entries (artisan_id, place_id, order_id, kind, amount_idr) VALUES ($1, $2, $3, 'owed', $4), ($1, $2, $3, 'commission', $5)
           ON CONFLICT DO NOTHING`,
          [order.artisan_id, order.place_id, orderId, order.total_idr - order.commission_idr, order.commission_idr],
        );
      }
      break;
    }
    case 'expired':
    case 'cancelled': {
      if (order.stock_held) await releaseStock(tx, orderId);
      await tx.query(`UPDATE orders SET status = $2, stock_held = false, closed_at = now(), updated_at = now() WHERE id = $1`, [orderId, to]);
      break;
    }
    case 'needs_refund': {
      note ??= 'dibayar setelah pesanan berakhir: kembalikan dana pembeli';
      await tx.query(
        `UPDATE orders SET status = 'needs_refund', paid_at = now(), updated_at = now(), payment_intent_id = COALESCE($2, payment_intent_id), note = $3 WHERE id = $1`,
        [orderId, options.paymentIntentId ?? null, note],
      );
      break;
    }
    case 'shipped': {
      await tx.query(`UPDATE orders SET status = 'shipped', tracking_number = $2, shipped_at = now(), updated_at = now() WHERE id = $1`, [
        orderId,
        options.trackingNumber ?? null,
      ]);
      note ??= options.trackingNumber ?? null;
      break;
    }
    case 'delivered': {
      await tx.query(`UPDATE orders SET status = 'delivered', delivered_at = now(), updated_at = now() WHERE id = $1`, [orderId]);
      break;
    }
    case 'refunded': {
      const method = options.refund?.method ?? (order.payment_method === 'stripe' ? 'stripe' : 'bank');
      await tx.query(`UPDATE orders SET status = 'refunded', refund_method = $2, refunded_at = now(), closed_at = now(), updated_at = now() WHERE id = $1`, [
        orderId,
        method,
      ]);
      // Only an order that was credited (paid) has a credit to reverse; needs_refund never was.
      if (order.status !== 'needs_refund' && order.payout_mode === 'platform') {
        await tx.query(`INSERT INTO ledger_entries (artisan_id, place_id, order_id, kind, amount_idr) VALUES ($1, $2, $3, 'refund', $4) ON CONFLICT DO NOTHING`, [
          order.artisan_id,
          order.place_id,
          orderId,
          -(order.total_idr - order.commission_idr),
        ]);
      }
      // A paid order keeps its pieces (they were sold); the stock of one never shipped goes back.
      if (order.status === 'paid' && order.stock_held) {
        await releaseStock(tx, orderId);
        await tx.query('UPDATE orders SET stock_held = false WHERE id = $1', [orderId]);
      }
      if (method === 'stripe' && !options.refund?.alreadyAtStripe) {
        const [checkout] = await tx.query<{ payment_intent_id: string | null }>('SELECT payment_intent_id FROM checkouts WHERE id = $1', [order.checkout_id]);
        const intent = order.payment_intent_id ?? checkout?.payment_intent_id ?? null;
        if (!intent) throw new AppError('invalid', `order ${orderId} has no Stripe payment to refund; record a bank refund instead`);
        await enqueueEffect(tx, { orderId }, 'stripe.refund', { paymentIntentId: intent, amountIdr: order.total_idr });
      }
      break;
    }
    case 'awaiting_payment':
      throw new AppError('internal', 'no order goes back to awaiting payment');
  }

  await tx.query('INSERT INTO order_events (order_id, status, note, actor) VALUES ($1, $2, $3, $4)', [orderId, to, note, options.actor]);
  for (const effect of EFFECTS[to] ?? []) {
    if (effect.only && effect.only !== (order.place_id ? 'classes' : 'pieces')) continue;
    await enqueueEffect(tx, effect.scope === 'order' ? { orderId } : { checkoutId: order.checkout_id }, effect.kind);
  }
  return 'changed';
}

/**
 * A payment arrived for this order (its checkout was paid): `paid` when it can still be sold —
 * an expired order takes its stock again if the pieces are still there — else `needs_refund`.
 * Paid, shipped, delivered, refunded or already flagged orders are left as they are.
 */
export async function paymentArrived(tx: Queryable, orderId: string, options: TransitionOptions): Promise<{ outcome: Transition; status: OrderStatus }> {
  const order = await lockOrder(tx, orderId);
  let to: OrderStatus | null = null;
  if (order.status === 'awaiting_payment') to = 'paid';
  else if (order.status === 'expired') {
    if (await retakeStock(tx, orderId)) {
      await tx.query('UPDATE orders SET stock_held = true WHERE id = $1', [orderId]);
      to = 'paid';
    } else to = 'needs_refund';
  } else if (order.status === 'cancelled') to = 'needs_refund';
  if (!to) return { outcome: 'unchanged', status: order.status };
  const noteFor = to === 'needs_refund' ? (order.status === 'cancelled' ? 'dibayar setelah pesanan dibatalkan: kembalikan dana pembeli' : 'dibayar setelah masa tahan habis dan barangnya sudah terjual: kembalikan dana pembeli') : options.note;
  return { outcome: await transitionOrder(tx, orderId, to, { ...options, note: noteFor }), status: to };
}

/** Gives an order's reserved stock back. Only the transaction that ends the hold calls it. */
async function releaseStock(tx: Queryable, orderId: string): Promise<void> {
  // Piece by piece in id order, as a checkout takes them (one lock order everywhere: no deadlock).
  const items = await tx.query<{ product_id: string; quantity: number }>(
    'SELECT product_id, quantity FROM order_items WHERE order_id = $1 AND NOT made_to_order ORDER BY product_id',
    [orderId],
  );
  for (const item of items) {
    await tx.query('UPDATE products SET stock = stock + $2, updated_at = now() WHERE id = $1', [item.product_id, item.quantity]);
  }
  // Then seats, session by session in id order (after every piece: the one lock order).
  for (const seat of await seatsOf(tx, orderId)) await releaseSeats(tx, seat.session_id, seat.quantity);
}

function seatsOf(tx: Queryable, orderId: string) {
  return tx.query<{ session_id: string; quantity: number }>('SELECT session_id, quantity FROM order_seats WHERE order_id = $1 ORDER BY session_id', [orderId]);
}

/**
 * Locks every stocked piece of a checkout, in id order, before its orders give stock back or take it
 * again one order after another: every transaction that touches several pieces' stock locks them in
 * the same order (a checkout takes its stock by id too), so two of them never wait on each other.
 */
export async function lockCheckoutStock(tx: Queryable, checkoutId: string): Promise<void> {
  await tx.query(
    `SELECT p.id FROM products p
     WHERE p.id IN (SELECT oi.product_id FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.checkout_id = $1 AND NOT oi.made_to_order)
     ORDER BY p.id FOR NO KEY UPDATE`,
    [checkoutId],
  );
  // Then its class sessions, in id order: every piece first, then every session, in every transaction.
  await tx.query(
    `SELECT s.id FROM class_sessions s
     WHERE s.id IN (SELECT os.session_id FROM order_seats os JOIN orders o ON o.id = os.order_id WHERE o.checkout_id = $1)
     ORDER BY s.id FOR NO KEY UPDATE`,
    [checkoutId],
  );
}

/** Takes an order's stock again (a late payment); all or nothing. */
export async function retakeStock(tx: Queryable, orderId: string): Promise<boolean> {
  const items = await tx.query<{ product_id: string; quantity: number }>(
    'SELECT product_id, quantity FROM order_items WHERE order_id = $1 AND NOT made_to_order ORDER BY product_id',
    [orderId],
  );
  const taken: typeof items = [];
  const giveBack = async () => {
    for (const back of taken) await tx.query('UPDATE products SET stock = stock + $2 WHERE id = $1', [back.product_id, back.quantity]);
  };
  for (const item of items) {
    if ((await takeStock(tx, item.product_id, item.quantity)) === null) {
      await giveBack();
      return false;
    }
    taken.push(item);
  }
  // A class's seats: only while the session is still scheduled and to come, and has them.
  const seatsTaken: { session_id: string; quantity: number }[] = [];
  for (const seat of await seatsOf(tx, orderId)) {
    if ((await takeSeats(tx, seat.session_id, seat.quantity)) === null) {
      await giveBack();
      for (const back of seatsTaken) await releaseSeats(tx, back.session_id, back.quantity);
      return false;
    }
    seatsTaken.push(seat);
  }
  return true;
}
