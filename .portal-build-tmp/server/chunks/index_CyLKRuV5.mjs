import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { c as portalAccess, i as dashboardStats } from "./orders_CcQUvVtP.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/portal/index.astro
var portal_exports = /* @__PURE__ */ __exportAll({
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
	const user = Astro.locals.user;
	const access = portalAccess(user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const artisanId = access === "ok" ? user?.artisanId ?? null : null;
	const stats = artisanId ? await dashboardStats((await getServices()).db, artisanId) : null;
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": t.dashboard.title,
		"area": "portal",
		"section": "dashboard"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.portalForbidden}</p><p><a class="button" href="/admin">${t.access.toAdmin}</a></p>` })}`}${access === "pending" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${t.access.pendingTitle}</h1><p class="notice" role="status">${t.access.pendingLead}</p>` })}`}${stats && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${t.dashboard.title}</h1>${user?.artisanStatus === "suspended" && renderTemplate`<p class="notice" role="status">${t.access.suspended}</p>`}<ul class="stats"><li><strong data-testid="to-ship">${stats.toShip}</strong> <a href="/portal/orders?status=paid">${t.dashboard.toShip}</a></li><li><strong>${stats.awaitingPayment}</strong> <a href="/portal/orders?status=awaiting_payment">${t.dashboard.awaiting}</a></li><li><strong>${formatIdr(stats.earnedThisMonthIdr)}</strong> <a href="/portal/earnings">${t.dashboard.earnedThisMonth}</a></li></ul><h2>${t.dashboard.lowStockTitle}</h2>${stats.lowStock.length ? renderTemplate`<ul>${stats.lowStock.map((p) => renderTemplate`<li>${p.title} — <span${addAttribute(["tag", p.stock === 0 && "warn"], "class:list")}>${t.dashboard.stockLeft(p.stock)}</span></li>`)}</ul>` : renderTemplate`<p class="muted">${t.dashboard.lowStockNone}</p>`}<p class="actions"><a class="button" href="/portal/orders">${t.dashboard.seeOrders}</a><a class="button secondary" href="/portal/products">${t.dashboard.manageProducts}</a></p>` })}`}` })}`;
}, "/work/main/src/pages/portal/index.astro", void 0);
var $$file = "/work/main/src/pages/portal/index.astro";
var $$url = "/portal";
// \0virtual:astro:page:src/pages/portal/index@_@astro
var page = () => portal_exports;
export { page };
