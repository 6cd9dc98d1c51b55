import { i as openCart, r as findCart } from "./cart_B3uDSxMt.mjs";
// src/data/cart-cookie.ts
var CART_COOKIE = "canting_cart";
function readCartToken(cookies) {
	return cookies.get(CART_COOKIE)?.value;
}
async function currentCartId(db, cookies) {
	return findCart(db, readCartToken(cookies));
}
/** The visitor's cart, created (and the cookie set) on first use. */
async function ensureCart(db, cookies, secure) {
	const { cartId, token } = await openCart(db, readCartToken(cookies));
	if (token !== readCartToken(cookies)) cookies.set(CART_COOKIE, token, {
		httpOnly: true,
		sameSite: "lax",
		secure,
		path: "/",
		maxAge: 2592e3
	});
	return cartId;
}
export { ensureCart as n, currentCartId as t };
