import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as currentCartId } from "./cart-cookie_DVKI8we2.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { u as placeOrders } from "./orders_BDSJUXpt.mjs";
import { t as readJson } from "./http_AGLg-C_V.mjs";
// src/pages/api/checkout.ts
var checkout_exports = /* @__PURE__ */ __exportAll({
	POST: () => POST,
	prerender: () => false
});
/**
* `POST /api/checkout` `{ buyer, address, couriers?, paymentMethod, lang? }` → `{ orders: [{ number,
* token, artisan, totalIdr, paymentUrl? }] }`: one order per artisan. Out of stock → 409.
*/
var POST = async ({ request, cookies, url }) => {
	const body = await readJson(request);
	const commerce = await getCommerce();
	const placed = await placeOrders(commerce.db, await currentCartId(commerce.db, cookies), body, commerce.checkoutDeps(url.origin));
	return Response.json({ orders: placed.map((o) => ({
		number: o.number,
		token: o.token,
		artisan: o.artisan,
		totalIdr: o.totalIdr,
		paymentMethod: o.paymentMethod,
		...o.paymentUrl ? { paymentUrl: o.paymentUrl } : {},
		...o.payment?.instructions ? { bankTransfer: o.payment.instructions } : {}
	})) }, {
		status: 201,
		headers: { "Cache-Control": "no-store" }
	});
};
// \0virtual:astro:page:src/pages/api/checkout@_@ts
var page = () => checkout_exports;
export { page };
