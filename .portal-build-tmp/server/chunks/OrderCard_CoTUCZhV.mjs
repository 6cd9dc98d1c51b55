import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { r as localizedPath, t as intlLocale } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/components/cart/OrderCard.astro
createAstro("http://localhost:4321");
var $$OrderCard = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$OrderCard;
	const { order, token, lang, bank, full = false, headingLevel = "h2" } = Astro.props;
	const t = useStrings(lang);
	const Heading = headingLevel;
	const when = new Intl.DateTimeFormat(intlLocale(lang), {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: "Asia/Jakarta"
	});
	const statusClass = order.status === "paid" || order.status === "shipped" || order.status === "delivered" ? "ok" : order.status === "awaiting_payment" ? "" : "warn";
	const steps = [
		"awaiting_payment",
		"paid",
		"shipped",
		"delivered"
	];
	const reached = new Set(order.timeline.map((e) => e.status));
	return renderTemplate`${maybeRenderHead($$result)}<article class="panel order-card"${addAttribute(order.number, "id")}${addAttribute(order.status, "data-status")}>${renderComponent($$result, "Heading", Heading, { "style": "margin-top:0" }, { "default": ($$result) => renderTemplate`${t.order.title(order.number)}` })}<p><span${addAttribute(`tag ${statusClass}`, "class")} data-testid="order-status">${t.order.status[order.status]}</span> · ${t.order.from} <a${addAttribute(localizedPath(lang, `/artisans/${order.artisan.slug}`), "href")}>${order.artisan.name}</a></p><p>${t.checkout.total}: <strong class="price">${formatIdr(order.totalIdr)}</strong> <span class="muted small">(${t.checkout.shipping} ${order.courier}: ${formatIdr(order.shippingIdr)})</span></p>${order.status === "awaiting_payment" && order.paymentMethod === "stripe" && order.paymentUrl && renderTemplate`<p><a class="button"${addAttribute(order.paymentUrl, "href")}>${t.order.payOrder(order.number)}</a></p>`}${order.status === "awaiting_payment" && order.paymentMethod === "bank_transfer" && renderTemplate`<section${addAttribute(t.order.transferTitle, "aria-label")}><p>${t.order.transferLead(formatIdr(order.totalIdr))}</p><dl class="facts"><dt>${t.order.bank}</dt><dd>${bank.bankName}</dd><dt>${t.order.accountName}</dt><dd>${bank.accountName}</dd><dt>${t.order.accountNumber}</dt><dd>${bank.accountNumber}</dd><dt>${t.order.reference}</dt><dd>${order.number}</dd></dl></section>`}${order.status === "awaiting_payment" && renderTemplate`<p class="small muted">${t.order.holdUntil(when.format(order.holdExpiresAt))}</p>`}${order.trackingNumber && renderTemplate`<p>${t.order.tracking}: <strong data-testid="tracking">${order.trackingNumber}</strong> (${order.courier})</p>`}${full ? renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h3>${t.order.items}</h3><ul>${order.items.map((i) => renderTemplate`<li><a${addAttribute(localizedPath(lang, `/products/${i.productSlug}`), "href")}>${i.title[lang]}</a> × ${i.quantity} — ${formatIdr(i.unitPriceIdr * i.quantity)}</li>`)}</ul><h3>${t.order.timeline}</h3><ol class="timeline">${[
		"cancelled",
		"expired",
		"refunded"
	].includes(order.status) ? order.timeline.map((e) => renderTemplate`<li class="done">${t.order.status[e.status] ?? e.status} — <span class="small muted">${when.format(e.at)}</span></li>`) : steps.map((s) => {
		const event = order.timeline.findLast((e) => e.status === s);
		return renderTemplate`<li${addAttribute([reached.has(s) && "done", order.status === s && "current"], "class:list")}${addAttribute(order.status === s ? "step" : void 0, "aria-current")}>${t.order.status[s]}${event && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` — <span class="small muted">${when.format(event.at)}</span>` })}`}</li>`;
	})}</ol>` })}` : renderTemplate`<p><a${addAttribute(`${localizedPath(lang, `/orders/${order.number}`)}?token=${encodeURIComponent(token)}`, "href")}>${t.order.view} →</a></p>`}</article>`;
}, "/work/main/src/components/cart/OrderCard.astro", void 0);
export { $$OrderCard as t };
