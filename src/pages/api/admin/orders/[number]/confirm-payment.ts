import { timingSafeEqual } from 'node:crypto';
import type { APIRoute } from 'astro';
import { findOrderByNumber, payCheckout } from '../../../../../lib/commerce/orders.ts';
import { AppError } from '../../../../../lib/errors.ts';
import { otherMethods } from '../../../../../lib/http.ts';

export const prerender = false;

function authorised(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const a = Buffer.from(header.slice(7));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Scripted admin action (the order desk at /admin/orders is the curators' way): confirms the bank
 * transfer of the order's checkout.
 * `Authorization: Bearer $ADMIN_TOKEN`; disabled when ADMIN_TOKEN is unset.
 */
export const POST: APIRoute = async ({ params, request, locals }) => {
  const commerce = locals.app;
  if (!authorised(request.headers.get('authorization'), commerce.config.ADMIN_TOKEN)) {
    throw new AppError('unauthorized', 'a valid admin token is required');
  }
  const order = await findOrderByNumber(commerce.db, params.number ?? '');
  if (!order) throw new AppError('not_found', `no order ${params.number}`);
  if (order.paymentMethod !== 'bank_transfer') throw new AppError('invalid', 'only bank-transfer orders are confirmed by hand');
  // One transfer pays the order's whole checkout.
  const outcome = await payCheckout(commerce.db, order.checkoutId, { actor: 'admin-token', note: 'bank transfer confirmed with the admin token' });
  await commerce.deliverEffects();
  return Response.json({ number: order.number, outcome, status: (await findOrderByNumber(commerce.db, order.number))!.status });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ POST });
