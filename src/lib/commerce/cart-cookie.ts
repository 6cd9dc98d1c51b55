/** The cart cookie: an opaque random token; the server keeps only its hash. */
import type { Queryable } from '../db/database.ts';
import { findCart, openCart } from './cart.ts';

export const CART_COOKIE = 'canting_cart';

/** The part of Astro's cookie jar the cart needs (kept structural so lib stays free of Astro). */
export interface CookieJar {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: { httpOnly: boolean; sameSite: 'lax'; secure: boolean; path: string; maxAge: number }): void;
}

export function readCartToken(cookies: CookieJar): string | undefined {
  return cookies.get(CART_COOKIE)?.value;
}

export async function currentCartId(db: Queryable, cookies: CookieJar): Promise<string | null> {
  return findCart(db, readCartToken(cookies));
}

/** The visitor's cart, created (and the cookie set) on first use. */
export async function ensureCart(db: Queryable, cookies: CookieJar, secure: boolean): Promise<string> {
  const { cartId, token } = await openCart(db, readCartToken(cookies));
  if (token !== readCartToken(cookies)) {
    cookies.set(CART_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 60 * 60 * 24 * 30 });
  }
  return cartId;
}
