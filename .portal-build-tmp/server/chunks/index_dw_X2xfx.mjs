import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { t as ORDER_STATUSES } from "./orders_BDSJUXpt.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { c as portalAccess, o as isOrderStatus, s as listOwnOrders } from "./orders_CcQUvVtP.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/portal/orders/index.astro
var orders_exports = /* @__PURE__ */ __exportAll({
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
	const requested = Astro.url.searchParams.get("status");
	const status = isOrderStatus(requested) ? requested : null;
	const orders = artisanId ? await listOwnOrders((await getServices()).db, artisanId, { status }) : null;
	const when = new Intl.DateTimeFormat("id-ID", {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: "Asia/Jakarta"
	});
	const tagClass = (s) => s === "paid" ? "warn" : s === "shipped" || s === "delivered" ? "ok" : "";
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": t.orders.title,
		"area": "portal",
		"section": "orders"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.portalForbidden}</p><p><a class="button" href="/admin">${t.access.toAdmin}</a></p>` })}`}${access === "pending" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${t.access.pendingTitle}</h1><p class="notice" role="status">${t.access.pendingLead}</p>` })}`}${orders && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${t.orders.title}</h1>${user?.artisanStatus === "suspended" && renderTemplate`<p class="notice" role="status">${t.access.suspended}</p>`}<p class="muted">${t.orders.lead}</p><form method="get" action="/portal/orders" class="inline-form"><label>${t.orders.filter}<select name="status"><option value=""${addAttribute(!status, "selected")}>${t.orders.all}</option>${ORDER_STATUSES.map((s) => renderTemplate`<option${addAttribute(s, "value")}${addAttribute(status === s, "selected")}>${t.status[s]}</option>`)}</select></label><button type="submit" class="secondary-button">${t.orders.show}</button></form>${orders.length === 0 ? renderTemplate`<p class="muted">${t.orders.none}</p>` : renderTemplate`<ul class="form-grid" style="list-style:none;padding:0;margin-top:1rem" data-testid="own-orders">${orders.map((o) => renderTemplate`<li class="panel"><p style="margin:0"><a${addAttribute(`/portal/orders/${o.number}`, "href")}><strong>${o.number}</strong></a> <span${addAttribute(`tag ${tagClass(o.status)}`, "class")}>${t.status[o.status]}</span></p><p class="small" style="margin:0.3rem 0 0">${o.buyerName}${o.city && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`, ${o.city}` })}`} · ${t.orders.items(o.itemCount)} · <strong>${formatIdr(o.totalIdr)}</strong></p><p class="small muted" style="margin:0.2rem 0 0">${t.orders.placed} ${when.format(o.createdAt)} · ${t.paymentMethod[o.paymentMethod]}${o.trackingNumber && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` · ${o.courier} ${o.trackingNumber}` })}`}</p></li>`)}</ul>`}` })}`}` })}`;
}, "/work/main/src/pages/portal/orders/index.astro", void 0);
var $$file = "/work/main/src/pages/portal/orders/index.astro";
var $$url = "/portal/orders";
// \0virtual:astro:page:src/pages/portal/orders/index@_@astro
var page = () => orders_exports;
export { page };
