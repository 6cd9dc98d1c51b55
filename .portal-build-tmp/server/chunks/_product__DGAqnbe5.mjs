import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment$2 } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { n as productJsonLd, t as $$Base } from "./Base_Ck1NWO78.mjs";
import { t as $$Picture } from "./Picture_A7bdGjYq.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { n as excerpt, t as byId } from "./catalogue_Dca6SlZw.mjs";
import { a as findPublicProduct, d as CATEGORY_NAMES, h as FABRIC_NAMES, p as DYE_NAMES } from "./store-repository_DJEKsCo7.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
import { n as isLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
import { useState } from "react";
import { Fragment as Fragment$1, jsx, jsxs } from "react/jsx-runtime";
// src/components/cart/AddToCart.tsx
/**
* Add to cart: a plain form that posts to the cart page (works without JavaScript), enhanced to
* add in place through `POST /api/cart/items` and say so.
*/
function AddToCart({ lang, productSlug, maxQuantity, cartUrl, strings }) {
	const [state, setState] = useState("idle");
	const [message, setMessage] = useState("");
	const [quantity, setQuantity] = useState(1);
	async function onSubmit(event) {
		event.preventDefault();
		setState("busy");
		try {
			const res = await fetch("/api/cart/items", {
				method: "POST",
				headers: {
					"Content-Type": "application/json",
					Accept: "application/json"
				},
				body: JSON.stringify({
					productSlug,
					quantity,
					lang
				})
			});
			if (res.ok) {
				const cart = await res.json();
				setMessage(`${strings.added} (${cart.count})`);
				setState("added");
			} else {
				setMessage(res.status === 409 ? strings.soldOut : strings.error);
				setState("error");
			}
		} catch {
			setMessage(strings.error);
			setState("error");
		}
	}
	return /* @__PURE__ */ jsxs("form", {
		className: "add-to-cart",
		method: "post",
		action: cartUrl,
		onSubmit,
		children: [
			/* @__PURE__ */ jsx("input", {
				type: "hidden",
				name: "action",
				value: "add"
			}),
			/* @__PURE__ */ jsx("input", {
				type: "hidden",
				name: "productSlug",
				value: productSlug
			}),
			maxQuantity > 1 && /* @__PURE__ */ jsxs("label", { children: [strings.quantity, /* @__PURE__ */ jsx("input", {
				type: "number",
				name: "quantity",
				min: 1,
				max: maxQuantity,
				value: quantity,
				inputMode: "numeric",
				onChange: (e) => setQuantity(Math.max(1, Math.min(maxQuantity, Number(e.currentTarget.value) || 1)))
			})] }),
			maxQuantity <= 1 && /* @__PURE__ */ jsx("input", {
				type: "hidden",
				name: "quantity",
				value: "1"
			}),
			/* @__PURE__ */ jsx("button", {
				type: "submit",
				disabled: state === "busy",
				children: strings.add
			}),
			/* @__PURE__ */ jsxs("p", {
				role: "status",
				"aria-live": "polite",
				className: "small",
				style: {
					margin: 0,
					flexBasis: "100%"
				},
				children: [message, state === "added" && /* @__PURE__ */ jsxs(Fragment$1, { children: [" · ", /* @__PURE__ */ jsx("a", {
					href: cartUrl,
					children: strings.viewCart
				})] })]
			})
		]
	});
}
// src/pages/[lang]/products/[product].astro
var _product__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Product,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Product = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Product;
	const lang = Astro.params.lang;
	if (!isLang(lang)) return Astro.rewrite("/404");
	const { db } = await getServices();
	const product = await findPublicProduct(db, Astro.params.product ?? "");
	if (!product) return Astro.rewrite("/404");
	const t = useStrings(lang);
	const catalogue = await loadCatalogue();
	const motifs = product.motifs.map((id) => byId(catalogue.motifs, id)).filter((m) => m !== void 0);
	const motif = motifs[0];
	const technique = byId(catalogue.techniques, product.technique);
	const region = byId(catalogue.regions, product.artisan.region);
	const title = product.title[lang];
	const site = Astro.site ?? new URL(Astro.url.origin);
	const url = new URL(localizedPath(lang, `/products/${product.slug}`), site).href;
	const availability = product.stock > 0 ? product.oneOfAKind ? t.product.oneOfAKind : t.product.inStock(product.stock) : product.leadTimeDays ? t.product.madeToOrder(product.leadTimeDays) : t.product.soldOut;
	const whatsapp = product.artisan.whatsapp ? `https://wa.me/${product.artisan.whatsapp.replace(/\D/g, "")}?text=${encodeURIComponent(`${t.product.chatText(title)} ${url}`)}` : null;
	const cover = product.images[0]?.variants.find((v) => v.format === "webp" && v.width >= 640) ?? product.images[0]?.variants[0];
	const jsonLd = [productJsonLd({
		name: title,
		description: product.description[lang],
		url,
		images: product.images.flatMap((i) => i.variants.filter((v) => v.format === "webp").slice(-1).map((v) => new URL(`/media/${v.path}`, site).href)),
		sku: product.slug,
		priceIdr: product.priceIdr,
		stock: product.stock,
		leadTimeDays: product.leadTimeDays,
		seller: product.artisan.workshop,
		category: CATEGORY_NAMES[product.category][lang]
	})];
	const maxQuantity = product.stock === 0 && product.leadTimeDays !== null ? 5 : product.oneOfAKind ? Math.min(1, product.stock) : Math.min(99, product.stock);
	const size = product.lengthCm && product.widthCm ? `${product.lengthCm} × ${product.widthCm} cm` : null;
	Astro.response.headers.set("Cache-Control", "no-cache");
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": `/products/${product.slug}`,
		"title": `${title} · ${formatIdr(product.priceIdr)} · Canting`,
		"description": excerpt(product.description[lang], 155),
		"image": cover ? `/media/${cover.path}` : void 0,
		"breadcrumbs": [...motif ? [{
			name: t.nav.motifs,
			path: "/motifs/"
		}, {
			name: motif.name[lang],
			path: `/motifs/${motif.id}`
		}] : [], {
			name: title,
			path: `/products/${product.slug}`
		}],
		"jsonLd": jsonLd
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap">${product.isSample && renderTemplate`<p class="notice" role="note">${t.product.sample}</p>`}<div class="product-page"><div class="gallery" role="group"${addAttribute(title, "aria-label")} tabindex="0">${product.images.map((image, i) => renderTemplate`<figure>${renderComponent($$result, "Picture", $$Picture, {
		"image": image,
		"alt": image.alt[lang],
		"sizes": "(min-width: 860px) 560px, 100vw",
		"eager": i === 0
	})}${product.images.length > 1 && renderTemplate`<figcaption>${t.product.photo(i + 1, product.images.length)}</figcaption>`}</figure>`)}</div><div class="buy-box"><h1>${title}</h1><p class="price">${formatIdr(product.priceIdr)}</p><p><span${addAttribute(`tag ${product.stock === 0 && !product.leadTimeDays ? "warn" : "ok"}`, "class")}>${availability}</span>${product.stock > 0 && product.leadTimeDays ? renderTemplate`<span class="tag">${t.product.madeToOrder(product.leadTimeDays)}</span>` : null}</p>${maxQuantity > 0 ? renderTemplate`${renderComponent($$result, "AddToCart", AddToCart, {
		"client:load": true,
		"lang": lang,
		"productSlug": product.slug,
		"maxQuantity": maxQuantity,
		"cartUrl": localizedPath(lang, "/cart"),
		"strings": {
			add: t.cart.add,
			added: t.cart.added,
			viewCart: t.cart.viewCart,
			quantity: t.cart.quantity,
			soldOut: t.cart.soldOut,
			error: t.search.error
		},
		"client:component-hydration": "load",
		"client:component-path": "/work/main/src/components/cart/AddToCart.tsx",
		"client:component-export": "default"
	})}` : null}<p>${product.description[lang]}</p><h2>${t.product.details}</h2><dl class="facts"><dt>${t.product.technique}</dt><dd>${technique ? renderTemplate`<a${addAttribute(localizedPath(lang, `/techniques/${technique.id}`), "href")}>${technique.name[lang]}</a>` : product.technique}${technique?.batikmark && renderTemplate`<span class="muted small"> — ${t.techniques.batikmark}: ${t.techniques.batikmarkColour[technique.batikmark]}</span>`}</dd><dt>${t.product.motif}</dt><dd>${motifs.map((m, i) => renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`${i > 0 && ", "}<a${addAttribute(localizedPath(lang, `/motifs/${m.id}`), "href")}>${m.name[lang]}</a>` })}`)}</dd><dt>${t.product.category}</dt><dd>${CATEGORY_NAMES[product.category][lang]}</dd><dt>${t.product.fabric}</dt><dd>${FABRIC_NAMES[product.fabric][lang]}</dd><dt>${t.product.dye}</dt><dd>${DYE_NAMES[product.dye][lang]}</dd>${size && renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`<dt>${t.product.size}</dt><dd>${size}</dd>` })}`}<dt>${t.product.weight}</dt><dd>${product.weightGrams} g</dd></dl><p class="small muted">${technique?.isBatik === false ? t.product.notBatikNote : t.product.batikmarkNote}</p><section class="panel artisan-card" aria-labelledby="artisan-heading"><p class="muted small" style="margin:0">${t.product.madeBy}</p><h2 id="artisan-heading" style="margin:0"><a${addAttribute(localizedPath(lang, `/artisans/${product.artisan.slug}`), "href")}>${product.artisan.workshop}</a></h2><p style="margin:0">${product.artisan.name} · ${product.artisan.place}${region && renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`, <a${addAttribute(localizedPath(lang, `/regions/${region.id}`), "href")}>${region.name}</a>` })}`}</p>${whatsapp && renderTemplate`<p style="margin:0.5rem 0 0"><a class="button whatsapp"${addAttribute(whatsapp, "href")} rel="noopener external">${t.product.chat}</a></p>`}</section></div></div>${motif && renderTemplate`<section class="panel" aria-labelledby="motif-heading"><h2 id="motif-heading" style="margin-top:0">${t.product.aboutMotif}: ${motif.name[lang]}</h2><p>${excerpt(motif.meaning[lang], 400)}</p><p><a${addAttribute(localizedPath(lang, `/motifs/${motif.id}`), "href")}>${t.product.readMotif(motif.name[lang])} →</a></p></section>`}</div>` })}`;
}, "/work/main/src/pages/[lang]/products/[product].astro", void 0);
var $$file = "/work/main/src/pages/[lang]/products/[product].astro";
var $$url = "/[lang]/products/[product]";
// \0virtual:astro:page:src/pages/[lang]/products/[product]@_@astro
var page = () => _product__exports;
export { page };
