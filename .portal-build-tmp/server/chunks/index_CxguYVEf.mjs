import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { n as isLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
// src/pages/index.ts
var pages_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
var GET = ({ preferredLocale, redirect }) => {
	const lang = isLang(preferredLocale) ? preferredLocale : "id";
	const response = redirect(localizedPath(lang, "/"), 302);
	response.headers.set("Vary", "Accept-Language");
	return response;
};
// \0virtual:astro:page:src/pages/index@_@ts
var page = () => pages_exports;
export { page };
