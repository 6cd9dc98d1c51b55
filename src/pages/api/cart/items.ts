import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { currentCartId, ensureCart } from '../../../data/cart-cookie.ts';
import { addToCart, removeFromCart, setCartQuantity, toCartJson, viewCart } from '../../../lib/commerce/cart.ts';
import { otherMethods, readJson } from '../../../lib/http.ts';
import { AppError } from '../../../lib/errors.ts';
import { getServices } from '../../../lib/services.server.ts';
import { secureCookies } from '../../../lib/config.ts';

export const prerender = false;

const itemSchema = z.strictObject({
  productSlug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120),
  quantity: z.number().int().min(1).max(99).default(1),
  lang: z.enum(['id', 'en']).default('id'),
});

async function respond(cartId: string | null, lang: 'id' | 'en', status = 200) {
  const { db } = await getServices();
  return Response.json(toCartJson(await viewCart(db, cartId, { images: false }), lang), { status, headers: { 'Cache-Control': 'no-store' } });
}

/** `POST /api/cart/items` `{ productSlug, quantity }`: adds to the cart (up to what is in stock). */
export const POST: APIRoute = async ({ request, cookies, url }) => {
  const body = itemSchema.parse(await readJson(request));
  const { db, config } = await getServices();
  const cartId = await ensureCart(db, cookies, secureCookies(config, url));
  await addToCart(db, cartId, body.productSlug, body.quantity);
  return respond(cartId, body.lang, 201);
};

/** `PATCH /api/cart/items` `{ productSlug, quantity }`: sets a line's quantity. */
export const PATCH: APIRoute = async ({ request, cookies }) => {
  const body = itemSchema.parse(await readJson(request));
  const { db } = await getServices();
  const cartId = await currentCartId(db, cookies);
  if (!cartId) throw new AppError('not_found', 'there is no cart yet');
  await setCartQuantity(db, cartId, body.productSlug, body.quantity);
  return respond(cartId, body.lang);
};

/** `DELETE /api/cart/items` `{ productSlug }` (or `?productSlug=`): removes a line. */
export const DELETE: APIRoute = async ({ request, cookies, url }) => {
  const raw = url.searchParams.get('productSlug') ? { productSlug: url.searchParams.get('productSlug') } : await readJson(request);
  const body = itemSchema.parse(raw);
  const { db } = await getServices();
  const cartId = await currentCartId(db, cookies);
  if (cartId) await removeFromCart(db, cartId, body.productSlug);
  return respond(cartId, body.lang);
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ POST, PATCH, DELETE });
