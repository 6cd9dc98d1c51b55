import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$ProductCard } from "./ProductCard_Dmei_dwe.mjs";
import { l as listPublicProducts, o as listArtisansForMotif, s as listPublicArtisans, t as countPublicProducts } from "./store-repository_DJEKsCo7.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
import { r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/components/product/LivePieces.astro
createAstro("http://localhost:4321");
var $$LivePieces = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$LivePieces;
	const { lang, motif, region, heading } = Astro.props;
	const t = useStrings(lang);
	const { db } = await getServices();
	const filter = {
		motif,
		region
	};
	const [products, total, artisans] = await Promise.all([
		listPublicProducts(db, {
			...filter,
			limit: 8
		}),
		countPublicProducts(db, filter),
		motif ? listArtisansForMotif(db, motif) : listPublicArtisans(db, { region })
	]);
	Astro.response.headers.set("Cache-Control", "public, max-age=60");
	return renderTemplate`${maybeRenderHead($$result)}<section class="section" aria-labelledby="pieces-heading"><h2 id="pieces-heading">${heading} (${total})</h2>${products.length ? renderTemplate`<ul class="grid">${products.map((p) => renderTemplate`<li>${renderComponent($$result, "ProductCard", $$ProductCard, {
		"product": p,
		"lang": lang
	})}</li>`)}</ul>` : renderTemplate`<p>${t.product.noPieces}</p>`}${artisans.length > 0 && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h3 style="margin-top:1.5rem">${t.product.artisansOf}</h3><ul class="tags">${artisans.map((a) => renderTemplate`<li><a class="tag"${addAttribute(localizedPath(lang, `/artisans/${a.slug}`), "href")}>${a.workshop}</a></li>`)}</ul>` })}`}</section>`;
}, "/work/main/src/components/product/LivePieces.astro", void 0);
var $$file = "/work/main/src/components/product/LivePieces.astro";
var $$url = void 0;
export { $$LivePieces as default, $$file as file, $$url as url };
