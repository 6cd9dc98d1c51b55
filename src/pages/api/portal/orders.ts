import type { APIRoute } from 'astro';
import type { OrderStatus } from '../../../lib/commerce/orders.ts';
import { AppError } from '../../../lib/errors.ts';
import { requireArtisanAccess } from '../../../lib/auth/guard.ts';
import { listOwnOrders, toOwnOrderJson } from '../../../lib/portal/orders.ts';
import { otherMethods } from '../../../lib/http.ts';

export const prerender = false;

function wholeNumber(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d{1,6}$/.test(value)) throw new AppError('invalid', `${name} must be a whole number`);
  return Number(value);
}

/**
 * `GET /api/portal/orders?status=&limit=&offset=` → the signed-in artisan's own orders, newest first.
 * 401 unless signed in as an artisan; 403 while a curator has not approved the account;
 * 400 for an unknown status.
 */
export const GET: APIRoute = async ({ locals, url }) => {
  const access = requireArtisanAccess(locals.user);
  if (access === 'login' || access === 'forbidden') throw new AppError('unauthorized', 'sign in as an artisan to see your orders');
  if (access === 'pending') throw new AppError('forbidden', 'your account is awaiting a curator’s approval');
  const artisanId = locals.user?.artisanId;
  if (!artisanId) throw new AppError('unauthorized', 'sign in as an artisan to see your orders');
  const status = url.searchParams.get('status') || null;
  const { db } = locals.app;
  const orders = await listOwnOrders(db, artisanId, {
    status: status as OrderStatus | null, // checked by listOwnOrders: 400 when unknown
    limit: wholeNumber(url.searchParams.get('limit'), 'limit'),
    offset: wholeNumber(url.searchParams.get('offset'), 'offset'),
  });
  return Response.json({ orders: orders.map(toOwnOrderJson) }, { headers: { 'Cache-Control': 'no-store' } });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ GET });
