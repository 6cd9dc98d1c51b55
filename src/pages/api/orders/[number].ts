import type { APIRoute } from 'astro';
import { findOrderForBuyer, toOrderJson } from '../../../lib/commerce/orders.ts';
import { isLang } from '../../../lib/i18n/index.ts';
import { otherMethods } from '../../../lib/http.ts';

export const prerender = false;

/** `GET /api/orders/{number}?token=` → the order's status; a wrong token is the same 404 as no order. */
export const GET: APIRoute = async ({ params, url, locals }) => {
  const { db } = locals.app;
  const order = await findOrderForBuyer(db, params.number ?? '', url.searchParams.get('token'));
  if (!order) return Response.json({ error: 'not_found', message: 'no order with that number and token' }, { status: 404 });
  const lang = isLang(url.searchParams.get('lang')) ? (url.searchParams.get('lang') as 'id' | 'en') : order.lang;
  return Response.json(toOrderJson(order, lang), { headers: { 'Cache-Control': 'no-store' } });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ GET });
