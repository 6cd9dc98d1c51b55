import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { c as markPayoutPaid, s as listOwed, t as adminAccess } from "./admin_DdIj2K38.mjs";
import { a as httpStatus, r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
// src/pages/admin/payouts.astro
var payouts_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Payouts,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Payouts = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Payouts;
	const t = portalOrders.id;
	const a = t.admin;
	const access = adminAccess(Astro.locals.user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const { db } = await getServices();
	let error = null;
	if (access === "ok" && Astro.request.method === "POST") {
		const form = await Astro.request.formData().catch(() => new FormData());
		const raw = String(form.get("amount") ?? "").replace(/[.\s]/g, "");
		try {
			if (!/^\d{1,12}$/.test(raw)) throw new AppError("invalid", "amount");
			await markPayoutPaid(db, String(form.get("artisanId") ?? ""), Number(raw));
			return Astro.redirect("/admin/payouts?done=payout", 303);
		} catch (thrown) {
			if (!(thrown instanceof AppError) || thrown.code === "internal" || thrown.code === "unavailable") throw thrown;
			Astro.response.status = httpStatus(thrown);
			error = thrown.code === "conflict" ? a.errors.payoutTooMuch : thrown.code === "not_found" ? a.errors.notFound : a.errors.payoutInvalid;
		}
	}
	const owed = access === "ok" ? await listOwed(db) : [];
	const flash = !error && Astro.url.searchParams.get("done") === "payout" ? a.flash.payout : null;
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": a.payoutsTitle,
		"area": "admin",
		"section": "payouts"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.adminForbidden}</p><p><a class="button" href="/portal">${t.access.toPortal}</a></p>` })}`}${access === "ok" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${a.payoutsTitle}</h1><p class="muted">${a.payoutsLead}</p>${flash && renderTemplate`<p class="flash" role="status">${flash}</p>`}${error && renderTemplate`<p class="notice" role="alert">${error}</p>`}${owed.length === 0 ? renderTemplate`<p class="muted">${a.nothingOwed}</p>` : renderTemplate`<div class="table-wrap"><table class="data"><thead><tr><th scope="col">${a.artisan}</th><th scope="col">${t.earnings.balance}</th><th scope="col">${t.earnings.owed} / ${t.earnings.refunds} / ${t.earnings.paidOut}</th><th scope="col">${a.markPaid}</th></tr></thead><tbody>${owed.map((o) => renderTemplate`<tr><td><strong>${o.workshop}</strong> <span class="small muted">(${a.artisanStatus[o.status]})</span><br><span class="small">${o.payoutBank || o.payoutAccountNumber ? [
		o.payoutBank,
		o.payoutAccountName,
		o.payoutAccountNumber
	].filter(Boolean).join(" · ") : a.noBank}</span></td><td style="white-space:nowrap"><strong>${formatIdr(o.balanceIdr)}</strong></td><td class="small" style="white-space:nowrap">${formatIdr(o.owedIdr)} / ${formatIdr(o.refundsIdr)} / ${formatIdr(o.paidOutIdr)}</td><td>${o.balanceIdr > 0 && renderTemplate`<form method="post" action="/admin/payouts" class="inline-form"><input type="hidden" name="artisanId"${addAttribute(o.artisanId, "value")}><label>${a.payoutAmount}<input name="amount" inputmode="numeric" required pattern="[0-9.]{1,15}"${addAttribute(String(o.balanceIdr), "value")} style="min-height:40px;width:9rem"></label><button type="submit">${a.markPaid}</button></form>`}</td></tr>`)}</tbody></table></div>`}` })}`}` })}`;
}, "/work/main/src/pages/admin/payouts.astro", void 0);
var $$file = "/work/main/src/pages/admin/payouts.astro";
var $$url = "/admin/payouts";
// \0virtual:astro:page:src/pages/admin/payouts@_@astro
var page = () => payouts_exports;
export { page };
