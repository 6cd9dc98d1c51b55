import { n as LANGS } from "./schemas_DZ_7FI_E.mjs";
// src/lib/i18n/index.ts
/**
* Language helpers. Indonesian (`id`) is the default and first; every URL carries its language:
* `/id/…` and `/en/…`.
*/
function isLang(value) {
	return typeof value === "string" && LANGS.includes(value);
}
function otherLang(lang) {
	return lang === "id" ? "en" : "id";
}
/**
* A path in a language. `path` is the language-neutral part, starting with `/`.
* @example localizedPath('en', '/motifs/kopi') // '/en/motifs/kopi'
*/
function localizedPath(lang, path = "/") {
	const clean = path.startsWith("/") ? path : `/${path}`;
	return `/${lang}${clean === "/" ? "/" : clean}`;
}
/**
* Splits a pathname into its language and the neutral rest; `null` when it carries no language.
* @example splitLangPath('/en/motifs/kopi') // { lang: 'en', path: '/motifs/kopi' }
*/
function splitLangPath(pathname) {
	const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
	if (!match || !isLang(match[1])) return null;
	return {
		lang: match[1],
		path: match[2] && match[2] !== "/" ? match[2] : "/"
	};
}
/** Locale for Intl formatting. */
function intlLocale(lang) {
	return lang === "id" ? "id-ID" : "en-GB";
}
export { splitLangPath as a, otherLang as i, isLang as n, localizedPath as r, intlLocale as t };
