import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { a as httpStatus, r as AppError } from "./services.server_-_DkjSUe.mjs";
import { r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { a as getOwnOrder, c as portalAccess, l as reindexProductsQuietly, n as cancelOwnOrder, r as confirmOwnBankTransfer, t as TRACKING_NUMBER, u as shipOwnOrder } from "./orders_CcQUvVtP.mjs";
// src/pages/portal/orders/[number].astro
var _number__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Number,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Number = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Number;
	const t = portalOrders.id;
	const user = Astro.locals.user;
	const access = portalAccess(user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const artisanId = access === "ok" ? user?.artisanId ?? null : null;
	const number = Astro.params.number ?? "";
	const self = `/portal/orders/${encodeURIComponent(number)}`;
	let error = null;
	let order = null;
	if (artisanId) {
		const commerce = await getCommerce();
		const db = commerce.db;
		const origin = Astro.url.origin;
		const reindex = (slugs) => reindexProductsQuietly(async () => {
			const [engine, catalogue] = await Promise.all([getSearchEngine(), loadCatalogue()]);
			return {
				engine,
				catalogue
			};
		}, db, slugs);
		if (Astro.request.method === "POST") {
			const form = await Astro.request.clone().formData().catch(() => new FormData());
			const action = form.get("action");
			try {
				if (action === "confirm") {
					const done = await confirmOwnBankTransfer(db, artisanId, number);
					if (done.outcome === "changed") {
						await commerce.notifyPaid(done.order.id, origin);
						if (done.wasExpired) await reindex(done.order.items.map((i) => i.productSlug));
					}
					return Astro.redirect(`${self}?done=${done.outcome === "changed" ? "confirmed" : "unchanged"}`, 303);
				}
				if (action === "ship") {
					const tracking = String(form.get("tracking") ?? "").trim();
					if (!TRACKING_NUMBER.test(tracking)) throw new AppError("invalid", "tracking");
					const done = await shipOwnOrder(db, artisanId, number, tracking, {
						mail: (message) => commerce.mailer.send(message),
						statusUrl: (o) => `${origin}${localizedPath(o.lang, `/orders/${o.number}`)}`
					});
					const flash = done.outcome !== "changed" ? "unchanged" : done.mailed ? "shipped" : "shippedNoMail";
					return Astro.redirect(`${self}?done=${flash}`, 303);
				}
				if (action === "cancel") {
					if (form.get("sure") !== "yes") throw new AppError("invalid", "confirm");
					const done = await cancelOwnOrder(db, artisanId, number, String(form.get("reason") ?? ""));
					if (done.outcome === "changed") await reindex(done.productSlugs);
					return Astro.redirect(`${self}?done=${done.outcome === "changed" ? "cancelled" : "unchanged"}`, 303);
				}
				throw new AppError("invalid", "action");
			} catch (thrown) {
				if (!(thrown instanceof AppError) || thrown.code === "internal" || thrown.code === "unavailable") throw thrown;
				if (thrown.code === "not_found") return Astro.rewrite("/404");
				Astro.response.status = httpStatus(thrown);
				error = action === "ship" ? thrown.code === "invalid" ? t.errors.tracking : t.errors.shipNotPaid : action === "confirm" ? thrown.code === "invalid" ? t.errors.confirmNotBank : t.errors.confirmEnded : action === "cancel" ? thrown.code === "invalid" ? t.errors.cancelConfirm : /refund/.test(thrown.message) ? t.errors.cancelPaid : t.errors.cancelEnded : t.errors.unknownAction;
			}
		}
		try {
			order = await getOwnOrder(db, artisanId, number);
		} catch (thrown) {
			if (thrown instanceof AppError && thrown.code === "not_found") return Astro.rewrite("/404");
			throw thrown;
		}
	}
	const flashKey = Astro.url.searchParams.get("done");
	const flash = !error && flashKey && Object.hasOwn(t.flash, flashKey) ? t.flash[flashKey] : null;
	const when = new Intl.DateTimeFormat("id-ID", {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: "Asia/Jakarta"
	});
	const statusLabel = (s) => Object.hasOwn(t.status, s) ? t.status[s] : s;
	const canConfirm = order?.paymentMethod === "bank_transfer" && (order.status === "awaiting_payment" || order.status === "expired");
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": order ? t.order.title(order.number) : t.orders.title,
		"area": "portal",
		"section": "orders"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.portalForbidden}</p><p><a class="button" href="/admin">${t.access.toAdmin}</a></p>` })}`}${access === "pending" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${t.access.pendingTitle}</h1><p class="notice" role="status">${t.access.pendingLead}</p>` })}`}${order && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<p class="small"><a href="/portal/orders">${t.order.back}</a></p><h1>${t.order.title(order.number)}</h1><p><span class="tag" data-testid="order-status">${t.status[order.status]}</span> · ${t.orders.placed} ${when.format(order.createdAt)} · ${t.paymentMethod[order.paymentMethod]}</p>${flash && renderTemplate`<p class="flash" role="status">${flash}</p>`}${error && renderTemplate`<p class="notice" role="alert" data-testid="form-error">${error}</p>`}${order.note && renderTemplate`<p class="notice"><strong>${t.order.note}:</strong> ${order.note}</p>`}${canConfirm && renderTemplate`<section class="panel" aria-labelledby="confirm-title"><h2 id="confirm-title" style="margin-top:0">${t.order.confirmTitle}</h2><p>${t.order.confirmLead(formatIdr(order.totalIdr), order.number)}</p>${order.status === "expired" && renderTemplate`<p class="small muted">${t.order.confirmExpired}</p>`}<form method="post"${addAttribute(self, "action")}><input type="hidden" name="action" value="confirm"><button type="submit">${t.order.confirmButton}</button></form></section>`}${order.status === "paid" && renderTemplate`<section class="panel" aria-labelledby="ship-title"><h2 id="ship-title" style="margin-top:0">${t.order.shipTitle}</h2><p>${t.order.shipLead(order.courier)}</p><form method="post"${addAttribute(self, "action")} class="form-grid"><input type="hidden" name="action" value="ship"><label class="field">${t.order.tracking}<input name="tracking" required minlength="4" maxlength="40" pattern="[A-Za-z0-9\\-]{4,40}" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="tracking-hint"><span class="hint" id="tracking-hint">${t.order.trackingHint}</span></label><p style="margin:0"><button type="submit">${t.order.shipButton}</button></p></form></section>`}${order.trackingNumber && renderTemplate`<p>${t.order.courier}: <strong>${order.courier}</strong> · ${t.order.tracking}: <strong data-testid="tracking">${order.trackingNumber}</strong></p>`}<section aria-labelledby="buyer-title"><h2 id="buyer-title">${t.order.buyer}</h2><p><strong>${order.buyer.name}</strong><br>${t.order.phone}: <a${addAttribute(`tel:${order.buyer.phone.replace(/[^+0-9]/g, "")}`, "href")}>${order.buyer.phone}</a><br>${t.order.email}: ${order.buyer.email}</p><h3>${t.order.shipTo}</h3><address>${order.address.line1}<br>${order.address.city}${order.address.province && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`, ${order.address.province}` })}`} ${order.address.postalCode}<br>${order.address.country}</address></section><section aria-labelledby="items-title"><h2 id="items-title">${t.order.items}</h2><div class="table-wrap"><table class="data"><thead><tr><th scope="col">${t.order.items}</th><th scope="col">${t.order.quantity}</th><th scope="col">${t.order.price}</th></tr></thead><tbody>${order.items.map((i) => renderTemplate`<tr><td>${i.title.id}</td><td>${i.quantity}</td><td>${formatIdr(i.unitPriceIdr * i.quantity)}</td></tr>`)}</tbody></table></div><dl class="facts"><dt>${t.order.subtotal}</dt><dd>${formatIdr(order.subtotalIdr)}</dd><dt>${t.order.shipping(order.courier)}</dt><dd>${formatIdr(order.shippingIdr)}</dd><dt>${t.order.total}</dt><dd><strong>${formatIdr(order.totalIdr)}</strong></dd><dt>${t.order.commission}</dt><dd>${formatIdr(order.commissionIdr)}</dd><dt>${t.order.yourShare}</dt><dd>${formatIdr(order.totalIdr - order.commissionIdr)}</dd>${order.status === "awaiting_payment" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<dt>${t.order.holdUntil}</dt><dd>${when.format(order.holdExpiresAt)}</dd>` })}`}</dl></section><section aria-labelledby="timeline-title"><h2 id="timeline-title">${t.order.timeline}</h2><ol class="timeline">${order.timeline.map((e) => renderTemplate`<li class="done">${statusLabel(e.status)} — <span class="small muted">${when.format(e.at)}</span>${e.note && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<br><span class="small">${e.note}</span>` })}`}</li>`)}</ol></section>${order.status === "awaiting_payment" && renderTemplate`<section class="panel" aria-labelledby="cancel-title" style="margin-top:1.5rem"><h2 id="cancel-title" style="margin-top:0">${t.order.cancelTitle}</h2><p class="small">${t.order.cancelLead}</p><form method="post"${addAttribute(self, "action")} class="form-grid"><input type="hidden" name="action" value="cancel"><label class="field">${t.order.cancelReason}<input name="reason" maxlength="300" autocomplete="off"></label><label class="choice"><input type="checkbox" name="sure" value="yes" required> ${t.order.cancelCheck}</label><p style="margin:0"><button type="submit" class="secondary-button">${t.order.cancelButton}</button></p></form></section>`}${(order.status === "paid" || order.status === "shipped") && renderTemplate`<p class="small muted">${t.order.paidNoCancel}</p>`}` })}`}` })}`;
}, "/work/main/src/pages/portal/orders/[number].astro", void 0);
var $$file = "/work/main/src/pages/portal/orders/[number].astro";
var $$url = "/portal/orders/[number]";
// \0virtual:astro:page:src/pages/portal/orders/[number]@_@astro
var page = () => _number__exports;
export { page };
