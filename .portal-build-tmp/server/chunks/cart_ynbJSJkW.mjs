import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { n as ensureCart, t as currentCartId } from "./cart-cookie_DVKI8we2.mjs";
import { a as removeFromCart, c as viewCart, o as setCartQuantity, t as addToCart } from "./cart_B3uDSxMt.mjs";
import { r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { n as isLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/pages/[lang]/cart.astro
var cart_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Cart,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Cart = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Cart;
	const lang = Astro.params.lang;
	if (!isLang(lang)) return Astro.rewrite("/404");
	const t = useStrings(lang);
	const { db } = await getServices();
	let problem = null;
	if (Astro.request.method === "POST") {
		const form = await Astro.request.formData();
		const action = String(form.get("action") ?? "");
		const slug = String(form.get("productSlug") ?? "");
		const quantity = Number.parseInt(String(form.get("quantity") ?? "1"), 10);
		try {
			const cartId = await ensureCart(db, Astro.cookies, Astro.url.protocol === "https:");
			if (action === "add") await addToCart(db, cartId, slug, quantity);
			else if (action === "update") await setCartQuantity(db, cartId, slug, quantity);
			else if (action === "remove") await removeFromCart(db, cartId, slug);
			return Astro.redirect(localizedPath(lang, "/cart"), 303);
		} catch (error) {
			if (!(error instanceof AppError) || error.code === "internal") throw error;
			problem = error.code === "conflict" ? t.cart.soldOut : error.code === "not_found" ? t.cart.notFound : error.message;
			Astro.response.status = error.code === "conflict" ? 409 : 400;
		}
	}
	const cart = await viewCart(db, await currentCartId(db, Astro.cookies));
	Astro.response.headers.set("Cache-Control", "no-store");
	const action = localizedPath(lang, "/cart");
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": "/cart",
		"title": `${t.cart.title} · Canting`,
		"description": t.cart.eachArtisan,
		"breadcrumbs": [{
			name: t.cart.title,
			path: "/cart"
		}],
		"noindex": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap section"><h1>${t.cart.title}</h1>${problem && renderTemplate`<p class="notice" role="alert">${problem}</p>`}${cart.groups.length === 0 ? renderTemplate`<div class="panel"><p>${t.cart.empty}</p><p><a class="button"${addAttribute(localizedPath(lang, "/search"), "href")}>${t.cart.browse}</a></p></div>` : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<p class="muted">${t.cart.eachArtisan}</p>${cart.groups.map((group) => renderTemplate`<section class="panel cart-group"${addAttribute(`g-${group.artisan.slug}`, "aria-labelledby")}><h2${addAttribute(`g-${group.artisan.slug}`, "id")}><a${addAttribute(localizedPath(lang, `/artisans/${group.artisan.slug}`), "href")}>${t.cart.from(group.artisan.name)}</a></h2><ul class="cart-lines">${group.items.map((item) => renderTemplate`<li class="cart-line">${item.imagePath ? renderTemplate`<img${addAttribute(`/media/${item.imagePath}`, "src")} alt="" width="72" height="72" loading="lazy">` : renderTemplate`<span aria-hidden="true"></span>`}<div class="cart-line-body"><a${addAttribute(localizedPath(lang, `/products/${item.productSlug}`), "href")}>${item.title[lang]}</a><p class="small muted">${formatIdr(item.unitPriceIdr)}${item.madeToOrder && item.leadTimeDays ? ` · ${t.cart.leadTime(item.leadTimeDays)}` : ""}${!item.madeToOrder && item.stock <= 3 && item.stock > 0 ? ` · ${t.cart.onlyLeft(item.stock)}` : ""}</p>${!item.available && renderTemplate`<p class="small"><span class="tag warn">${t.cart.unavailable}</span></p>`}<div class="cart-actions"><form method="post"${addAttribute(action, "action")} class="inline-form"><input type="hidden" name="action" value="update"><input type="hidden" name="productSlug"${addAttribute(item.productSlug, "value")}><label>${t.cart.quantity}<input type="number" name="quantity" min="1"${addAttribute(Math.max(1, item.maxQuantity), "max")}${addAttribute(item.quantity, "value")} inputmode="numeric"></label><button type="submit" class="secondary-button">${t.cart.update}</button></form><form method="post"${addAttribute(action, "action")} class="inline-form"><input type="hidden" name="action" value="remove"><input type="hidden" name="productSlug"${addAttribute(item.productSlug, "value")}><button type="submit" class="link-button">${t.cart.remove}</button></form></div></div><p class="price">${formatIdr(item.lineTotalIdr)}</p></li>`)}</ul><p class="subtotal">${t.cart.subtotal}: <strong>${formatIdr(group.subtotalIdr)}</strong></p></section>`)}<div class="panel cart-total"><p>${t.cart.total} (${t.cart.count(cart.count)}): <strong class="price">${formatIdr(cart.totalIdr)}</strong></p><p><a class="button"${addAttribute(localizedPath(lang, "/checkout"), "href")}>${t.cart.checkout}</a></p></div>` })}`}</div>` })}`;
}, "/work/main/src/pages/[lang]/cart.astro", void 0);
var $$file = "/work/main/src/pages/[lang]/cart.astro";
var $$url = "/[lang]/cart";
// \0virtual:astro:page:src/pages/[lang]/cart@_@astro
var page = () => cart_exports;
export { page };
