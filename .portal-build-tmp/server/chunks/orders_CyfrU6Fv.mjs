import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { c as portalAccess, d as toOwnOrderJson, s as listOwnOrders } from "./orders_CcQUvVtP.mjs";
// src/pages/api/portal/orders.ts
var orders_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
function wholeNumber(value, name) {
	if (value === null || value === "") return void 0;
	if (!/^\d{1,6}$/.test(value)) throw new AppError("invalid", `${name} must be a whole number`);
	return Number(value);
}
/**
* `GET /api/portal/orders?status=&limit=&offset=` → the signed-in artisan's own orders, newest first.
* 401 unless signed in as an artisan; 403 while a curator has not approved the account;
* 400 for an unknown status.
*/
var GET = async ({ locals, url }) => {
	const access = portalAccess(locals.user);
	if (access === "login" || access === "forbidden") throw new AppError("unauthorized", "sign in as an artisan to see your orders");
	if (access === "pending") throw new AppError("forbidden", "your account is awaiting a curator’s approval");
	const artisanId = locals.user?.artisanId;
	if (!artisanId) throw new AppError("unauthorized", "sign in as an artisan to see your orders");
	const status = url.searchParams.get("status") || null;
	const { db } = await getServices();
	const orders = await listOwnOrders(db, artisanId, {
		status,
		limit: wholeNumber(url.searchParams.get("limit"), "limit"),
		offset: wholeNumber(url.searchParams.get("offset"), "offset")
	});
	return Response.json({ orders: orders.map(toOwnOrderJson) }, { headers: { "Cache-Control": "no-store" } });
};
// \0virtual:astro:page:src/pages/api/portal/orders@_@ts
var page = () => orders_exports;
export { page };
