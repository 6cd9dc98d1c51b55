import type { APIRoute } from 'astro';
import { currentCartId } from '../../../lib/commerce/cart-cookie.ts';
import { toCartJson, viewCart } from '../../../lib/commerce/cart.ts';
import { isLang } from '../../../lib/i18n/index.ts';
import { otherMethods } from '../../../lib/http.ts';

export const prerender = false;

/** `GET /api/cart?lang=` → `{ groups: [{ artisan, items, subtotalIdr }], totalIdr, count }`, prices as of now. */
export const GET: APIRoute = async ({ cookies, url, locals }) => {
  const { db } = locals.app;
  const lang = isLang(url.searchParams.get('lang')) ? (url.searchParams.get('lang') as 'id' | 'en') : 'id';
  const cart = await viewCart(db, await currentCartId(db, cookies), { images: false });
  return Response.json(toCartJson(cart, lang), { headers: { 'Cache-Control': 'no-store' } });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ GET });
