import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { a as splitLangPath, i as otherLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/pages/404.astro
var _404_exports = /* @__PURE__ */ __exportAll({
	default: () => $$404,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$404 = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$404;
	const lang = splitLangPath(Astro.url.pathname)?.lang ?? "id";
	const t = useStrings(lang);
	const other = useStrings(otherLang(lang));
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": "/",
		"title": `${t.notFound.title} · Canting`,
		"description": t.notFound.lead,
		"noindex": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap section"><h1>${t.notFound.title}</h1><p class="lead">${t.notFound.lead}</p><p><a class="button"${addAttribute(localizedPath(lang, "/"), "href")}>${t.notFound.back}</a></p><div${addAttribute(otherLang(lang), "lang")} class="panel" style="margin-top:2rem"><h2 style="margin-top:0">${other.notFound.title}</h2><p>${other.notFound.lead}</p><p><a${addAttribute(localizedPath(otherLang(lang), "/"), "href")}>${other.notFound.back}</a></p></div></div>` })}`;
}, "/work/main/src/pages/404.astro", void 0);
var $$file = "/work/main/src/pages/404.astro";
var $$url = "/404";
// \0virtual:astro:page:src/pages/404@_@astro
var page = () => _404_exports;
export { page };
