import { timingSafeEqual } from 'node:crypto';
import type { APIRoute } from 'astro';
import { getCommerce } from '../../../../../data/commerce.ts';
import { findOrderByNumber, markPaid } from '../../../../../lib/commerce/orders.ts';
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
 * Interim admin action until the curators' admin exists: confirms a bank-transfer payment.
 * `Authorization: Bearer $ADMIN_TOKEN`; disabled when ADMIN_TOKEN is unset.
 */
export const POST: APIRoute = async ({ params, request }) => {
  const commerce = await getCommerce();
  if (!authorised(request.headers.get('authorization'), commerce.config.ADMIN_TOKEN)) {
    throw new AppError('unauthorized', 'a valid admin token is required');
  }
  const order = await findOrderByNumber(commerce.db, params.number ?? '');
  if (!order) throw new AppError('not_found', `no order ${params.number}`);
  if (order.paymentMethod !== 'bank_transfer') throw new AppError('invalid', 'only bank-transfer orders are confirmed by hand');
  const outcome = await markPaid(commerce.db, order.id, { note: 'bank transfer confirmed by a curator' });
  if (outcome === 'changed') await commerce.notifyPaid(order.id);
  return Response.json({ number: order.number, outcome, status: (await findOrderByNumber(commerce.db, order.number))!.status });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ POST });
