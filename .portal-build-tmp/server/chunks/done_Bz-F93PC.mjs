import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { t as $$OrderCard } from "./OrderCard_CoTUCZhV.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { o as findOrderForBuyer } from "./orders_BDSJUXpt.mjs";
import { t as fulfilCheckoutSession } from "./fulfilment_Z58ddYth.mjs";
import { n as isLang } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/pages/[lang]/checkout/done.astro
var done_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Done,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Done = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Done;
	const lang = Astro.params.lang;
	if (!isLang(lang)) return Astro.rewrite("/404");
	const t = useStrings(lang);
	const commerce = await getCommerce();
	const sessionId = Astro.url.searchParams.get("session_id");
	if (sessionId && commerce.stripe && /^cs_[A-Za-z0-9_]{8,200}$/.test(sessionId)) {
		if (await fulfilCheckoutSession(commerce.db, commerce.stripe, sessionId).catch((error) => {
			console.error("checkout: fulfilment on return failed (the webhook will retry):", error);
			return "unchanged";
		}) === "changed") {
			const [row] = await commerce.db.query("SELECT id FROM orders WHERE payment_reference = $1", [sessionId]);
			if (row) await commerce.notifyPaid(row.id, Astro.url.origin);
		}
	}
	const pairs = (Astro.url.searchParams.get("o") ?? "").split(",").slice(0, 20).map((p) => p.split("."));
	const orders = (await Promise.all(pairs.map(async ([number, token]) => number && token ? {
		token,
		order: await findOrderForBuyer(commerce.db, number, token)
	} : null))).filter((x) => Boolean(x?.order));
	if (!orders.length) Astro.response.status = 404;
	Astro.response.headers.set("Cache-Control", "no-store");
	const bank = {
		bankName: commerce.config.BANK_NAME,
		accountName: commerce.config.BANK_ACCOUNT_NAME,
		accountNumber: commerce.config.BANK_ACCOUNT_NUMBER
	};
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": "/checkout/done",
		"title": `${t.order.summaryTitle} · Canting`,
		"description": t.order.summaryLead,
		"noindex": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap section"><h1>${t.order.summaryTitle}</h1>${orders.length ? renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<p class="lead">${t.order.summaryLead}</p>${orders.map(({ order, token }) => renderTemplate`${renderComponent($$result, "OrderCard", $$OrderCard, {
		"order": order,
		"token": token,
		"lang": lang,
		"bank": bank
	})}`)}` })}` : renderTemplate`<p class="notice" role="alert">${t.order.notFound}</p>`}</div>` })}`;
}, "/work/main/src/pages/[lang]/checkout/done.astro", void 0);
var $$file = "/work/main/src/pages/[lang]/checkout/done.astro";
var $$url = "/[lang]/checkout/done";
// \0virtual:astro:page:src/pages/[lang]/checkout/done@_@astro
var page = () => done_exports;
export { page };
