import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Picture } from "./Picture_A7bdGjYq.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/components/product/ProductCard.astro
createAstro("http://localhost:4321");
var $$ProductCard = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$ProductCard;
	const { product, lang, headingLevel = "h3" } = Astro.props;
	const t = useStrings(lang);
	const Heading = headingLevel;
	const cover = product.images[0];
	const availability = product.stock === 0 ? product.leadTimeDays ? t.product.madeToOrder(product.leadTimeDays) : t.product.soldOut : product.oneOfAKind ? t.product.oneOfAKind.split(" — ")[0] : null;
	return renderTemplate`${maybeRenderHead($$result)}<article class="card product-card">${cover && renderTemplate`<div class="photo">${renderComponent($$result, "Picture", $$Picture, {
		"image": cover,
		"alt": cover.alt[lang],
		"sizes": "(min-width: 960px) 230px, (min-width: 600px) 45vw, 90vw"
	})}</div>`}<div class="body">${renderComponent($$result, "Heading", Heading, {}, { "default": ($$result) => renderTemplate`<a${addAttribute(localizedPath(lang, `/products/${product.slug}`), "href")}>${product.title[lang]}</a>` })}<p class="price">${formatIdr(product.priceIdr)}</p><p class="muted small">${product.artisan.workshop}</p>${availability && renderTemplate`<p class="small"><span${addAttribute(`tag ${product.stock === 0 && !product.leadTimeDays ? "warn" : ""}`, "class")}>${availability}</span></p>`}</div></article>`;
}, "/work/main/src/components/product/ProductCard.astro", void 0);
export { $$ProductCard as t };
