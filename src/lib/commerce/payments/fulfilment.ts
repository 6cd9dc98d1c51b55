/**
 * One idempotent fulfilment path for Stripe Checkout, used by the webhook and by the success page.
 * Stripe's word on a session is fetched fresh; our conditional updates make replays harmless, and an
 * event arriving late or twice never un-pays a paid order nor releases its stock.
 */
import type { Database } from '../../db/database.ts';
import { endUnpaidOrder, markPaid, markRefunded, type Transition } from '../orders.ts';
import type { PaymentEvent, PaymentSession, StripeProvider } from './types.ts';

async function orderIdFor(db: Database, session: PaymentSession): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM orders WHERE payment_reference = $1', [session.reference]);
  if (row) return row.id;
  // A crash between creating the session and saving its id: the session still names our order.
  if (session.orderId && /^[0-9a-f-]{36}$/.test(session.orderId)) {
    const [byId] = await db.query<{ id: string }>(`SELECT id FROM orders WHERE id = $1 AND payment_method = 'stripe'`, [session.orderId]);
    if (byId) {
      await db.query('UPDATE orders SET payment_reference = $2 WHERE id = $1 AND payment_reference IS NULL', [byId.id, session.reference]);
      return byId.id;
    }
  }
  return null;
}

/** Applies what Stripe says of a session to its order. */
export async function applySession(db: Database, session: PaymentSession): Promise<Transition> {
  const orderId = await orderIdFor(db, session);
  if (!orderId) return 'unchanged';
  if (session.status === 'complete' && session.paymentStatus !== 'unpaid') {
    return markPaid(db, orderId, { paymentIntentId: session.paymentIntentId });
  }
  if (session.status === 'expired') return endUnpaidOrder(db, orderId, 'expired', 'the Stripe Checkout session expired');
  return 'unchanged';
}

/** Fetches a session from Stripe and applies it. Safe to call any number of times. */
export async function fulfilCheckoutSession(db: Database, stripe: StripeProvider, reference: string): Promise<Transition> {
  return applySession(db, await stripe.retrieveSession(reference));
}

export type EventOutcome = 'processed' | 'duplicate' | 'ignored';

const HANDLED = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
]);

/**
 * Handles one verified Stripe event. Deduplicated on the event id, recorded only after its effect
 * succeeded (so a failure answers non-2xx and Stripe retries). Unknown types are ignored (200).
 */
export async function handleStripeEvent(db: Database, stripe: StripeProvider, event: PaymentEvent): Promise<EventOutcome> {
  const [seen] = await db.query('SELECT 1 FROM stripe_events WHERE id = $1', [event.id]);
  if (seen) return 'duplicate';
  if (!HANDLED.has(event.type)) return 'ignored';

  if (event.type === 'charge.refunded') {
    if (event.refund?.fullyRefunded) {
      const orders = await db.query<{ id: string }>('SELECT id FROM orders WHERE payment_intent_id = $1', [event.refund.paymentIntentId]);
      for (const { id } of orders) await markRefunded(db, id);
    }
  } else if (event.session) {
    if (event.type === 'checkout.session.async_payment_failed') {
      const orderId = await orderIdFor(db, event.session);
      if (orderId) await endUnpaidOrder(db, orderId, 'cancelled', 'the payment failed');
    } else {
      // The event's copy may be stale: ask Stripe for the session as it is now.
      await fulfilCheckoutSession(db, stripe, event.session.reference);
    }
  }
  await db.query('INSERT INTO stripe_events (id, type) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [event.id, event.type]);
  return 'processed';
}
