import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as currentCartId } from "./cart-cookie_DVKI8we2.mjs";
import { c as viewCart, s as toCartJson } from "./cart_B3uDSxMt.mjs";
import { n as isLang } from "./i18n_gSQNTReg.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/api/cart/index.ts
var cart_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
/** `GET /api/cart?lang=` → `{ groups: [{ artisan, items, subtotalIdr }], totalIdr, count }`, prices as of now. */
var GET = async ({ cookies, url }) => {
	const { db } = await getServices();
	const lang = isLang(url.searchParams.get("lang")) ? url.searchParams.get("lang") : "id";
	const cart = await viewCart(db, await currentCartId(db, cookies));
	return Response.json(toCartJson(cart, lang), { headers: { "Cache-Control": "no-store" } });
};
// \0virtual:astro:page:src/pages/api/cart/index@_@ts
var page = () => cart_exports;
export { page };
