import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { t as $$OrderCard } from "./OrderCard_CoTUCZhV.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { o as findOrderForBuyer } from "./orders_BDSJUXpt.mjs";
import { n as isLang } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/pages/[lang]/orders/[number].astro
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
	const lang = Astro.params.lang;
	if (!isLang(lang)) return Astro.rewrite("/404");
	const t = useStrings(lang);
	const commerce = await getCommerce();
	const token = Astro.url.searchParams.get("token") ?? "";
	const order = await findOrderForBuyer(commerce.db, Astro.params.number ?? "", token);
	if (!order) return Astro.rewrite("/404");
	Astro.response.headers.set("Cache-Control", "no-store");
	Astro.response.headers.set("Referrer-Policy", "no-referrer");
	const bank = {
		bankName: commerce.config.BANK_NAME,
		accountName: commerce.config.BANK_ACCOUNT_NAME,
		accountNumber: commerce.config.BANK_ACCOUNT_NUMBER
	};
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": `/orders/${order.number}`,
		"title": `${t.order.title(order.number)} · Canting`,
		"description": t.order.status[order.status],
		"noindex": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap section">${renderComponent($$result, "OrderCard", $$OrderCard, {
		"order": order,
		"token": token,
		"lang": lang,
		"bank": bank,
		"full": true,
		"headingLevel": "h1"
	})}</div>` })}`;
}, "/work/main/src/pages/[lang]/orders/[number].astro", void 0);
var $$file = "/work/main/src/pages/[lang]/orders/[number].astro";
var $$url = "/[lang]/orders/[number]";
// \0virtual:astro:page:src/pages/[lang]/orders/[number]@_@astro
var page = () => _number__exports;
export { page };
