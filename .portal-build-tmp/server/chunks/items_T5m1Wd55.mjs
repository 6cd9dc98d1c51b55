import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as mod } from "./zod_lkTcRd8k.mjs";
import { n as ensureCart, t as currentCartId } from "./cart-cookie_DVKI8we2.mjs";
import { a as removeFromCart, c as viewCart, o as setCartQuantity, s as toCartJson, t as addToCart } from "./cart_B3uDSxMt.mjs";
import { t as readJson } from "./http_AGLg-C_V.mjs";
import { r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/api/cart/items.ts
var items_exports = /* @__PURE__ */ __exportAll({
	DELETE: () => DELETE,
	PATCH: () => PATCH,
	POST: () => POST,
	prerender: () => false
});
var itemSchema = mod.strictObject({
	productSlug: mod.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120),
	quantity: mod.number().int().min(1).max(99).default(1),
	lang: mod.enum(["id", "en"]).default("id")
});
async function respond(cartId, lang, status = 200) {
	const { db } = await getServices();
	return Response.json(toCartJson(await viewCart(db, cartId), lang), {
		status,
		headers: { "Cache-Control": "no-store" }
	});
}
/** `POST /api/cart/items` `{ productSlug, quantity }`: adds to the cart (up to what is in stock). */
var POST = async ({ request, cookies, url }) => {
	const body = itemSchema.parse(await readJson(request));
	const { db } = await getServices();
	const cartId = await ensureCart(db, cookies, url.protocol === "https:");
	await addToCart(db, cartId, body.productSlug, body.quantity);
	return respond(cartId, body.lang, 201);
};
/** `PATCH /api/cart/items` `{ productSlug, quantity }`: sets a line's quantity. */
var PATCH = async ({ request, cookies }) => {
	const body = itemSchema.parse(await readJson(request));
	const { db } = await getServices();
	const cartId = await currentCartId(db, cookies);
	if (!cartId) throw new AppError("not_found", "there is no cart yet");
	await setCartQuantity(db, cartId, body.productSlug, body.quantity);
	return respond(cartId, body.lang);
};
/** `DELETE /api/cart/items` `{ productSlug }` (or `?productSlug=`): removes a line. */
var DELETE = async ({ request, cookies, url }) => {
	const raw = url.searchParams.get("productSlug") ? { productSlug: url.searchParams.get("productSlug") } : await readJson(request);
	const body = itemSchema.parse(raw);
	const { db } = await getServices();
	const cartId = await currentCartId(db, cookies);
	if (cartId) await removeFromCart(db, cartId, body.productSlug);
	return respond(cartId, body.lang);
};
// \0virtual:astro:page:src/pages/api/cart/items@_@ts
var page = () => items_exports;
export { page };
