import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { t as $$ProductCard } from "./ProductCard_Dmei_dwe.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { n as excerpt, t as byId } from "./catalogue_Dca6SlZw.mjs";
import { i as findPublicArtisan, l as listPublicProducts, t as countPublicProducts } from "./store-repository_DJEKsCo7.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
import { n as isLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/pages/[lang]/artisans/[artisan].astro
var _artisan__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Artisan,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Artisan = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Artisan;
	const lang = Astro.params.lang;
	if (!isLang(lang)) return Astro.rewrite("/404");
	const { db } = await getServices();
	const artisan = await findPublicArtisan(db, Astro.params.artisan ?? "");
	if (!artisan) return Astro.rewrite("/404");
	const t = useStrings(lang);
	const catalogue = await loadCatalogue();
	const region = byId(catalogue.regions, artisan.region);
	const pageSize = 24;
	const page = Math.max(1, Math.min(1e3, Number.parseInt(Astro.url.searchParams.get("page") ?? "1", 10) || 1));
	const [products, total] = await Promise.all([listPublicProducts(db, {
		artisanSlug: artisan.slug,
		limit: pageSize,
		offset: (page - 1) * pageSize
	}), countPublicProducts(db, { artisanSlug: artisan.slug })]);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const site = Astro.site ?? new URL(Astro.url.origin);
	const url = new URL(localizedPath(lang, `/artisans/${artisan.slug}`), site).href;
	const jsonLd = [{
		"@context": "https://schema.org",
		"@type": "LocalBusiness",
		name: artisan.workshop,
		description: artisan.bio[lang],
		url,
		address: {
			"@type": "PostalAddress",
			addressLocality: artisan.place,
			addressRegion: region?.province[lang],
			addressCountry: "ID"
		}
	}];
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": `/artisans/${artisan.slug}`,
		"title": `${artisan.workshop} · Canting`,
		"description": excerpt(artisan.bio[lang] || `${artisan.workshop}, ${artisan.place}`, 155),
		"breadcrumbs": [...region ? [{
			name: t.nav.regions,
			path: "/regions/"
		}, {
			name: region.name,
			path: `/regions/${region.id}`
		}] : [], {
			name: artisan.workshop,
			path: `/artisans/${artisan.slug}`
		}],
		"jsonLd": jsonLd
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap">${artisan.isSample && renderTemplate`<p class="notice" role="note">${t.product.sample}</p>`}<h1>${artisan.workshop}</h1><p class="lead">${artisan.name} · ${artisan.place}${region && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`, <a${addAttribute(localizedPath(lang, `/regions/${region.id}`), "href")}>${region.name}</a>` })}`}</p><div class="two-col section"><article class="prose">${artisan.bio[lang] && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h2 style="margin-top:0">${t.artisan.story}</h2><p>${artisan.bio[lang]}</p>` })}`}</article><aside class="panel"><dl class="facts"><dt>${t.artisan.region}</dt><dd>${region?.name ?? artisan.region}</dd><dt>${t.artisan.place}</dt><dd>${artisan.place}</dd></dl>${artisan.certifications.length > 0 && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h2>${t.artisan.certifications}</h2><ul>${artisan.certifications.map((c) => renderTemplate`<li>${c.kind === "lsp-batik" ? t.artisan.lsp(c.year) : t.artisan.batikmark(c.number)}</li>`)}</ul>` })}`}${artisan.whatsapp && renderTemplate`<p><a class="button whatsapp"${addAttribute(`https://wa.me/${artisan.whatsapp.replace(/\D/g, "")}`, "href")} rel="noopener external">${t.product.chat}</a></p>`}</aside></div><section aria-labelledby="products-heading"><h2 id="products-heading">${t.artisan.products} (${total})</h2>${products.length ? renderTemplate`<ul class="grid">${products.map((p) => renderTemplate`<li>${renderComponent($$result, "ProductCard", $$ProductCard, {
		"product": p,
		"lang": lang
	})}</li>`)}</ul>` : renderTemplate`<p>${t.product.noPieces}</p>`}${pages > 1 && renderTemplate`<nav class="actions" aria-label="Pagination">${page > 1 && renderTemplate`<a class="button secondary" rel="prev"${addAttribute(`?page=${page - 1}`, "href")}>←</a>`}<span>${page} / ${pages}</span>${page < pages && renderTemplate`<a class="button secondary" rel="next"${addAttribute(`?page=${page + 1}`, "href")}>→</a>`}</nav>`}</section></div>` })}`;
}, "/work/main/src/pages/[lang]/artisans/[artisan].astro", void 0);
var $$file = "/work/main/src/pages/[lang]/artisans/[artisan].astro";
var $$url = "/[lang]/artisans/[artisan]";
// \0virtual:astro:page:src/pages/[lang]/artisans/[artisan]@_@astro
var page = () => _artisan__exports;
export { page };
