import type { APIRoute } from 'astro';
import { getCommerce } from '../../../data/commerce.ts';
import { handleStripeEvent } from '../../../lib/commerce/payments/fulfilment.ts';
import { AppError } from '../../../lib/errors.ts';

export const prerender = false;

const MAX_EVENT_BYTES = 512 * 1024;

/**
 * Stripe's webhook. The signature is checked on the raw body, events are deduplicated on their id,
 * and types we do not handle answer 200 (Stripe retries anything else for days).
 */
export const POST: APIRoute = async ({ request, url }) => {
  const commerce = await getCommerce();
  if (!commerce.stripe) throw new AppError('not_found', 'Stripe is not configured here');
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_EVENT_BYTES) throw new AppError('too_large', 'event too large');
  const event = commerce.stripe.verifyWebhook(raw, request.headers.get('stripe-signature'));
  const outcome = await handleStripeEvent(commerce.db, commerce.stripe, event);
  if (outcome === 'processed' && event.session && (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded')) {
    const [row] = await commerce.db.query<{ id: string; status: string }>('SELECT id, status FROM orders WHERE payment_reference = $1', [event.session.reference]);
    if (row?.status === 'paid') await commerce.notifyPaid(row.id, url.origin);
  }
  return Response.json({ received: true, outcome });
};
