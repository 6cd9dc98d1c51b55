import { C as unescapeHTML, g as addAttribute, h as renderHead, o as renderComponent, p as renderTemplate, s as Fragment, u as renderSlot } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { n as LANGS } from "./schemas_DZ_7FI_E.mjs";
import { t as $$CantingIcon } from "./CantingIcon_BT1rmjW_.mjs";
import { i as otherLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/lib/seo/json-ld.ts
function breadcrumbList(crumbs) {
	return {
		"@context": "https://schema.org",
		"@type": "BreadcrumbList",
		itemListElement: crumbs.map((c, i) => ({
			"@type": "ListItem",
			position: i + 1,
			name: c.name,
			item: c.url
		}))
	};
}
/** Serialises JSON-LD for an inline script: `<` is escaped so text can never close the tag. */
function serializeJsonLd(value) {
	return JSON.stringify(value).replace(/</g, "\\u003c");
}
/** schema.org Product with one Offer priced in whole rupiah (IDR). */
function productJsonLd(p) {
	const availability = p.stock > 0 ? "https://schema.org/InStock" : p.leadTimeDays ? "https://schema.org/MadeToOrder" : "https://schema.org/OutOfStock";
	return {
		"@context": "https://schema.org",
		"@type": "Product",
		name: p.name,
		description: p.description,
		sku: p.sku,
		image: p.images,
		category: p.category,
		url: p.url,
		offers: {
			"@type": "Offer",
			url: p.url,
			priceCurrency: "IDR",
			price: String(p.priceIdr),
			availability,
			itemCondition: "https://schema.org/NewCondition",
			seller: {
				"@type": "Organization",
				name: p.seller
			}
		}
	};
}
// src/layouts/Base.astro
createAstro("http://localhost:4321");
var $$Base = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Base;
	const { lang, path, title, description, image = "/og/default.png", imageAlt, jsonLd = [], breadcrumbs = [], section, noindex = false } = Astro.props;
	const t = useStrings(lang);
	const site = Astro.site ?? new URL(Astro.url.origin);
	const absolute = (p) => new URL(p, site).href;
	const canonical = absolute(localizedPath(lang, path));
	const twinLang = otherLang(lang);
	const twinPath = localizedPath(twinLang, path) + (noindex ? Astro.url.search : "");
	const crumbs = breadcrumbs.length ? [{
		name: t.nav.home,
		path: "/"
	}, ...breadcrumbs] : [];
	const structured = [...jsonLd, ...crumbs.length ? [breadcrumbList(crumbs.map((c) => ({
		name: c.name,
		url: absolute(localizedPath(lang, c.path))
	})))] : []];
	const nav = [
		["motifs", "/motifs/"],
		["regions", "/regions/"],
		["techniques", "/techniques/"],
		["visit", "/visit/"],
		["glossary", "/glossary/"]
	];
	return renderTemplate`<html${addAttribute(lang, "lang")}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><meta name="description"${addAttribute(description, "content")}>${noindex ? renderTemplate`<meta name="robots" content="noindex">` : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<link rel="canonical"${addAttribute(canonical, "href")}>${LANGS.map((l) => renderTemplate`<link rel="alternate"${addAttribute(l, "hreflang")}${addAttribute(absolute(localizedPath(l, path)), "href")}>`)}<link rel="alternate" hreflang="x-default"${addAttribute(absolute(localizedPath("id", path)), "href")}>` })}`}<link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta name="theme-color" content="#17233f"><meta property="og:type" content="website"><meta property="og:site_name" content="Canting"><meta property="og:title"${addAttribute(title, "content")}><meta property="og:description"${addAttribute(description, "content")}><meta property="og:url"${addAttribute(canonical, "content")}><meta property="og:locale"${addAttribute(lang === "id" ? "id_ID" : "en_GB", "content")}><meta property="og:locale:alternate"${addAttribute(lang === "id" ? "en_GB" : "id_ID", "content")}><meta property="og:image"${addAttribute(absolute(image), "content")}><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">${imageAlt && renderTemplate`<meta property="og:image:alt"${addAttribute(imageAlt, "content")}>`}<meta name="twitter:card" content="summary_large_image">${structured.map((data) => renderTemplate`<script type="application/ld+json">${unescapeHTML(serializeJsonLd(data))}<\/script>`)}${renderHead($$result)}</head><body><a class="skip-link" href="#main">${t.skipToContent}</a><header class="site-header"><div class="wrap bar"><a class="brand"${addAttribute(localizedPath(lang, "/"), "href")}>${renderComponent($$result, "CantingIcon", $$CantingIcon, {})}Canting</a><form class="header-search" method="get"${addAttribute(localizedPath(lang, "/search"), "action")} role="search"><label for="header-q" class="visually-hidden">${t.search.headerLabel}</label><input id="header-q" type="search" name="q"${addAttribute(t.search.placeholder, "placeholder")} maxlength="200"><button type="submit">${t.search.submit}</button></form><a class="cart-link"${addAttribute(localizedPath(lang, "/cart"), "href")}>${t.cart.title}</a><a class="lang-switch"${addAttribute(twinPath, "href")}${addAttribute(twinLang, "hreflang")}><span class="visually-hidden">${t.switchToLabel}: </span><span${addAttribute(twinLang, "lang")}>${t.switchTo}</span></a></div><nav class="main-nav"${addAttribute(t.mainNav, "aria-label")}><ul class="wrap">${nav.map(([key, href]) => renderTemplate`<li><a${addAttribute(localizedPath(lang, href), "href")}${addAttribute(section === key ? "page" : void 0, "aria-current")}>${t.nav[key]}</a></li>`)}</ul></nav></header>${crumbs.length > 0 && renderTemplate`<nav class="breadcrumbs wrap"${addAttribute(t.breadcrumb, "aria-label")}><ol>${crumbs.map((c, i) => renderTemplate`<li>${i === crumbs.length - 1 ? renderTemplate`<span aria-current="page">${c.name}</span>` : renderTemplate`<a${addAttribute(localizedPath(lang, c.path), "href")}>${c.name}</a>`}</li>`)}</ol></nav>`}<main id="main">${renderSlot($$result, $$slots["default"])}</main><footer class="site-footer"><div class="wrap"><ul class="foot-nav">${nav.map(([key, href]) => renderTemplate`<li><a${addAttribute(localizedPath(lang, href), "href")}>${t.nav[key]}</a></li>`)}</ul><p>${t.footer.about}</p></div></footer></body></html>`;
}, "/work/main/src/layouts/Base.astro", void 0);
export { productJsonLd as n, $$Base as t };
