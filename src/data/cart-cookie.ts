/** The cart cookie: an opaque random token; the server keeps only its hash. */
import type { AstroCookies } from 'astro';
import { findCart, openCart } from '../lib/commerce/cart.ts';
import type { Queryable } from '../lib/db/database.ts';

export const CART_COOKIE = 'canting_cart';

export function readCartToken(cookies: AstroCookies): string | undefined {
  return cookies.get(CART_COOKIE)?.value;
}

export async function currentCartId(db: Queryable, cookies: AstroCookies): Promise<string | null> {
  return findCart(db, readCartToken(cookies));
}

/** The visitor's cart, created (and the cookie set) on first use. */
export async function ensureCart(db: Queryable, cookies: AstroCookies, secure: boolean): Promise<string> {
  const { cartId, token } = await openCart(db, readCartToken(cookies));
  if (token !== readCartToken(cookies)) {
    cookies.set(CART_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 60 * 60 * 24 * 30 });
  }
  return cartId;
}
