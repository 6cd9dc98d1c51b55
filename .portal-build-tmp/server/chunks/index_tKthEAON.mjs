import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { n as adminSummary, t as adminAccess } from "./admin_DdIj2K38.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/admin/index.astro
var admin_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const t = portalOrders.id;
	const a = t.admin;
	const access = adminAccess(Astro.locals.user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const summary = access === "ok" ? await adminSummary((await getServices()).db) : null;
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": a.title,
		"area": "admin",
		"section": "dashboard"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.adminForbidden}</p><p><a class="button" href="/portal">${t.access.toPortal}</a></p>` })}`}${summary && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${a.title}</h1><ul class="stats"><li><strong>${summary.pendingArtisans}</strong> <a href="/admin/artisans?status=pending">${a.pendingArtisans}</a></li><li><strong>${summary.approvedArtisans}</strong> <a href="/admin/artisans?status=approved">${a.approvedArtisans}</a></li><li><strong>${summary.suspendedArtisans}</strong> <a href="/admin/artisans?status=suspended">${a.suspendedArtisans}</a></li><li><strong>${summary.awaitingPayment}</strong> <a href="/admin/orders?status=awaiting_payment">${a.awaiting}</a></li><li><strong>${summary.toShip}</strong> <a href="/admin/orders?status=paid">${a.toShip}</a></li><li><strong>${summary.hiddenProducts}</strong> <a href="/admin/products?hidden=1">${a.hiddenProducts}</a></li><li><strong>${summary.outboxUnsent}</strong> <a href="/admin/outbox">${a.outboxUnsent}</a></li><li><strong>${summary.outboxFailed}</strong> <a href="/admin/outbox">${a.outboxFailed}</a></li><li><strong>${formatIdr(summary.owedBalanceIdr)}</strong> <a href="/admin/payouts">${a.owedBalance}</a></li></ul>` })}`}` })}`;
}, "/work/main/src/pages/admin/index.astro", void 0);
var $$file = "/work/main/src/pages/admin/index.astro";
var $$url = "/admin";
// \0virtual:astro:page:src/pages/admin/index@_@astro
var page = () => admin_exports;
export { page };
