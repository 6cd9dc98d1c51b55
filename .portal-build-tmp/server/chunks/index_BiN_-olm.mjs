import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { i as payoutAccountOf, n as getEarnings, t as LEDGER_KIND_LABELS } from "./earnings_CsvB_0_u.mjs";
import { c as portalAccess } from "./orders_CcQUvVtP.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/portal/earnings/index.astro
var earnings_exports = /* @__PURE__ */ __exportAll({
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
	const { config, db } = await getServices();
	const [earnings, account] = artisanId ? await Promise.all([getEarnings(db, artisanId), payoutAccountOf(db, artisanId)]) : [null, null];
	const rows = earnings ? earnings.rows.toReversed().slice(0, 200) : [];
	const when = new Intl.DateTimeFormat("id-ID", {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: "Asia/Jakarta"
	});
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": t.earnings.title,
		"area": "portal",
		"section": "earnings"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.portalForbidden}</p><p><a class="button" href="/admin">${t.access.toAdmin}</a></p>` })}`}${access === "pending" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${t.access.pendingTitle}</h1><p class="notice" role="status">${t.access.pendingLead}</p>` })}`}${earnings && account && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${t.earnings.title}</h1>${user?.artisanStatus === "suspended" && renderTemplate`<p class="notice" role="status">${t.access.suspended}</p>`}<p class="muted">${t.earnings.lead}</p><ul class="stats"><li><strong data-testid="balance">${formatIdr(earnings.totals.balanceIdr)}</strong> ${t.earnings.balance}</li><li><strong>${formatIdr(earnings.totals.owedIdr)}</strong> ${t.earnings.owed}</li><li><strong>${formatIdr(earnings.totals.paidOutIdr)}</strong> ${t.earnings.paidOut}</li><li><strong>${formatIdr(earnings.totals.refundsIdr)}</strong> ${t.earnings.refunds}</li><li><strong>${formatIdr(earnings.totals.commissionIdr)}</strong> ${t.earnings.commission}</li></ul><p><a class="button" href="/portal/earnings.csv" download>${t.earnings.csv}</a></p><h2>${t.earnings.ledgerTitle}</h2>${rows.length === 0 ? renderTemplate`<p class="muted">${t.earnings.none}</p>` : renderTemplate`<div class="table-wrap"><table class="data"><thead><tr><th scope="col">${t.earnings.date}</th><th scope="col">${t.earnings.order}</th><th scope="col">${t.earnings.kind}</th><th scope="col">${t.earnings.description}</th><th scope="col">${t.earnings.amount}</th></tr></thead><tbody>${rows.map((r) => renderTemplate`<tr><td>${when.format(r.date)}</td><td>${r.orderNumber ? renderTemplate`<a${addAttribute(`/portal/orders/${r.orderNumber}`, "href")}>${r.orderNumber}</a>` : "—"}</td><td>${LEDGER_KIND_LABELS[r.kind]}</td><td>${r.description}</td><td style="text-align:right;white-space:nowrap">${formatIdr(r.amountIdr)}</td></tr>`)}</tbody></table></div>`}<section class="panel" aria-labelledby="payout-title" style="margin-top:1.5rem"><h2 id="payout-title" style="margin-top:0">${t.earnings.payoutTitle}</h2><p><strong>${t.earnings.payoutMode}:</strong> ${config.PAYOUT_MODE === "connect" ? t.earnings.modeConnect : t.earnings.modePlatform}</p>${account.payoutBank || account.payoutAccountNumberMasked ? renderTemplate`<dl class="facts"><dt>${t.earnings.bank}</dt><dd>${account.payoutBank ?? "—"}</dd><dt>${t.earnings.accountName}</dt><dd>${account.payoutAccountName ?? "—"}</dd><dt>${t.earnings.accountNumber}</dt><dd>${account.payoutAccountNumberMasked ?? "—"}</dd></dl>` : renderTemplate`<p class="muted">${t.earnings.noBank}</p>`}${config.PAYOUT_MODE === "connect" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<p><strong>${t.earnings.stripeAccount}:</strong> ${account.stripeAccountId ? renderTemplate`<code>${account.stripeAccountId}</code>` : t.earnings.noStripe}</p><p class="small muted">${t.earnings.onboardingLater}</p>` })}`}</section>` })}`}` })}`;
}, "/work/main/src/pages/portal/earnings/index.astro", void 0);
var $$file = "/work/main/src/pages/portal/earnings/index.astro";
var $$url = "/portal/earnings";
// \0virtual:astro:page:src/pages/portal/earnings/index@_@astro
var page = () => earnings_exports;
export { page };
