/**
 * One idempotent fulfilment path for Stripe Checkout, used by the webhook and by the success page.
 * Stripe's word on a session is fetched fresh; our conditional updates make replays harmless, and an
 * event arriving late or twice never un-pays a paid order nor releases its stock.
 */
import type { Database } from '../../db/database.ts';
import { endCheckout, markRefunded, payCheckout, type Transition } from '../orders.ts';
import type { PaymentEvent, PaymentSession, StripeProvider } from './types.ts';

async function checkoutIdFor(db: Database, session: PaymentSession): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM checkouts WHERE stripe_session_id = $1', [session.reference]);
  if (row) return row.id;
  // A crash between creating the session and saving its id: the session still names our checkout.
  if (session.checkoutId && /^[0-9a-f-]{36}$/.test(session.checkoutId)) {
    const [byId] = await db.query<{ id: string }>(`SELECT id FROM checkouts WHERE id = $1 AND payment_method = 'stripe'`, [session.checkoutId]);
    if (byId) {
      await db.query('UPDATE checkouts SET stripe_session_id = $2 WHERE id = $1 AND stripe_session_id IS NULL', [byId.id, session.reference]);
      return byId.id;
    }
  }
  return null;
}

/** Applies what Stripe says of a session to its checkout (every order of it). */
export async function applySession(db: Database, session: PaymentSession): Promise<Transition> {
  const checkoutId = await checkoutIdFor(db, session);
  if (!checkoutId) return 'unchanged';
  if (session.status === 'complete' && session.paymentStatus !== 'unpaid') {
    return payCheckout(db, checkoutId, { actor: 'stripe', paymentIntentId: session.paymentIntentId });
  }
  if (session.status === 'expired') return endCheckout(db, checkoutId, 'expired', { actor: 'stripe', note: 'sesi Stripe Checkout kedaluwarsa' });
  return 'unchanged';
}

/** Fetches a session from Stripe and applies it. Safe to call any number of times, from the webhook and the return page at once. */
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
    // A whole charge refunded (from Stripe's dashboard, or the last of our per-order refunds):
    // every order it paid is refunded. A partial refund is one of ours, already recorded.
    if (event.refund?.fullyRefunded) {
      const orders = await db.query<{ id: string }>(
        `SELECT o.id FROM orders o JOIN checkouts c ON c.id = o.checkout_id WHERE c.payment_intent_id = $1 OR o.payment_intent_id = $1`,
        [event.refund.paymentIntentId],
      );
      for (const { id } of orders) await markRefunded(db, id);
    }
  } else if (event.session) {
    if (event.type === 'checkout.session.async_payment_failed') {
      const checkoutId = await checkoutIdFor(db, event.session);
      if (checkoutId) await endCheckout(db, checkoutId, 'cancelled', { actor: 'stripe', note: 'pembayaran gagal' });
    } else {
      // The event's copy may be stale: ask Stripe for the session as it is now.
      await fulfilCheckoutSession(db, stripe, event.session.reference);
    }
  }
  await db.query('INSERT INTO stripe_events (id, type) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [event.id, event.type]);
  return 'processed';
}
