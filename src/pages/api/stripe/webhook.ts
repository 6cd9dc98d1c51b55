import type { APIRoute } from 'astro';
import { handleStripeEvent } from '../../../lib/commerce/payments/fulfilment.ts';
import { AppError } from '../../../lib/errors.ts';
import { otherMethods, readText } from '../../../lib/http.ts';

export const prerender = false;

const MAX_EVENT_BYTES = 512 * 1024;

/**
 * Stripe's webhook. The signature is checked on the raw body, events are deduplicated on their id,
 * and types we do not handle answer 200 (Stripe retries anything else for days).
 */
export const POST: APIRoute = async ({ request, locals }) => {
  const commerce = locals.app;
  if (!commerce.stripe) throw new AppError('not_found', 'Stripe is not configured here');
  // Read with the limit applied as the bytes arrive, not after the whole body is in memory.
  const raw = await readText(request, MAX_EVENT_BYTES, 'event too large');
  const event = commerce.stripe.verifyWebhook(raw, request.headers.get('stripe-signature'));
  const outcome = await handleStripeEvent(commerce.db, commerce.stripe, event);
  // The state machine queued the e-mails (once per checkout); deliver them without waiting for the timer.
  void commerce.deliverEffects();
  return Response.json({ received: true, outcome });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ POST });
