import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { f as toOrderJson, o as findOrderForBuyer } from "./orders_BDSJUXpt.mjs";
import { n as isLang } from "./i18n_gSQNTReg.mjs";
// src/pages/api/orders/[number].ts
var _number__exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
/** `GET /api/orders/{number}?token=` → the order's status; a wrong token is the same 404 as no order. */
var GET = async ({ params, url }) => {
	const { db } = await getCommerce();
	const order = await findOrderForBuyer(db, params.number ?? "", url.searchParams.get("token"));
	if (!order) return Response.json({
		error: "not_found",
		message: "no order with that number and token"
	}, { status: 404 });
	const lang = isLang(url.searchParams.get("lang")) ? url.searchParams.get("lang") : order.lang;
	return Response.json(toOrderJson(order, lang), { headers: { "Cache-Control": "no-store" } });
};
// \0virtual:astro:page:src/pages/api/orders/[number]@_@ts
var page = () => _number__exports;
export { page };
