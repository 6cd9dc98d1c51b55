import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { a as findOrderByNumber, s as markPaid } from "./orders_BDSJUXpt.mjs";
import { r as AppError } from "./services.server_-_DkjSUe.mjs";
import { timingSafeEqual } from "node:crypto";
// src/pages/api/admin/orders/[number]/confirm-payment.ts
var confirm_payment_exports = /* @__PURE__ */ __exportAll({
	POST: () => POST,
	prerender: () => false
});
function authorised(header, token) {
	if (!token || !header?.startsWith("Bearer ")) return false;
	const a = Buffer.from(header.slice(7));
	const b = Buffer.from(token);
	return a.length === b.length && timingSafeEqual(a, b);
}
/**
* Interim admin action until the curators' admin exists: confirms a bank-transfer payment.
* `Authorization: Bearer $ADMIN_TOKEN`; disabled when ADMIN_TOKEN is unset.
*/
var POST = async ({ params, request, url }) => {
	const commerce = await getCommerce();
	if (!authorised(request.headers.get("authorization"), commerce.config.ADMIN_TOKEN)) throw new AppError("unauthorized", "a valid admin token is required");
	const order = await findOrderByNumber(commerce.db, params.number ?? "");
	if (!order) throw new AppError("not_found", `no order ${params.number}`);
	if (order.paymentMethod !== "bank_transfer") throw new AppError("invalid", "only bank-transfer orders are confirmed by hand");
	const outcome = await markPaid(commerce.db, order.id, { note: "bank transfer confirmed by a curator" });
	if (outcome === "changed") await commerce.notifyPaid(order.id, url.origin);
	return Response.json({
		number: order.number,
		outcome,
		status: (await findOrderByNumber(commerce.db, order.number)).status
	});
};
// \0virtual:astro:page:src/pages/api/admin/orders/[number]/confirm-payment@_@ts
var page = () => confirm_payment_exports;
export { page };
