import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { i as listAllOrders, t as adminAccess } from "./admin_DdIj2K38.mjs";
import { t as ORDER_STATUSES } from "./orders_BDSJUXpt.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { o as isOrderStatus } from "./orders_CcQUvVtP.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/admin/orders.astro
var orders_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Orders,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Orders = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Orders;
	const t = portalOrders.id;
	const a = t.admin;
	const access = adminAccess(Astro.locals.user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const requested = Astro.url.searchParams.get("status");
	const status = isOrderStatus(requested) ? requested : null;
	const orders = access === "ok" ? await listAllOrders((await getServices()).db, {
		status,
		limit: 200
	}) : [];
	const when = new Intl.DateTimeFormat("id-ID", {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: "Asia/Jakarta"
	});
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": a.ordersTitle,
		"area": "admin",
		"section": "orders"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.adminForbidden}</p><p><a class="button" href="/portal">${t.access.toPortal}</a></p>` })}`}${access === "ok" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${a.ordersTitle}</h1><form method="get" action="/admin/orders" class="inline-form"><label>${t.orders.filter}<select name="status"><option value=""${addAttribute(!status, "selected")}>${t.orders.all}</option>${ORDER_STATUSES.map((s) => renderTemplate`<option${addAttribute(s, "value")}${addAttribute(status === s, "selected")}>${t.status[s]}</option>`)}</select></label><button type="submit" class="secondary-button">${t.orders.show}</button></form>${orders.length === 0 ? renderTemplate`<p class="muted">${t.orders.none}</p>` : renderTemplate`<div class="table-wrap" style="margin-top:1rem"><table class="data"><thead><tr><th scope="col">${t.earnings.order}</th><th scope="col">${a.artisan}</th><th scope="col">${a.buyer}</th><th scope="col">Status</th><th scope="col">${a.total}</th></tr></thead><tbody>${orders.map((o) => renderTemplate`<tr><td><strong>${o.number}</strong><br><span class="small muted">${when.format(o.createdAt)} · ${t.paymentMethod[o.paymentMethod]}${o.payoutMode === "connect" && " · Connect"}</span></td><td>${o.artisan.workshop}</td><td>${o.buyerName}<br><span class="small muted">${o.buyerEmail}</span></td><td>${t.status[o.status]}${o.trackingNumber && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<br><span class="small">${o.trackingNumber}</span>` })}`}${o.note && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<br><span class="small notice" style="display:inline-block;padding:0.1rem 0.4rem">${o.note}</span>` })}`}</td><td style="white-space:nowrap">${formatIdr(o.totalIdr)}<br><span class="small muted">${t.order.commission}: ${formatIdr(o.commissionIdr)}</span></td></tr>`)}</tbody></table></div>`}` })}`}` })}`;
}, "/work/main/src/pages/admin/orders.astro", void 0);
var $$file = "/work/main/src/pages/admin/orders.astro";
var $$url = "/admin/orders";
// \0virtual:astro:page:src/pages/admin/orders@_@astro
var page = () => orders_exports;
export { page };
