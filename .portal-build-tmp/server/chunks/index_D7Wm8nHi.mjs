import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { t as currentCartId } from "./cart-cookie_DVKI8we2.mjs";
import { i as provinceZone, n as availableCouriers, r as chargeableKg, t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { c as viewCart } from "./cart_B3uDSxMt.mjs";
import { n as checkoutInputSchema, u as placeOrders } from "./orders_BDSJUXpt.mjs";
import { r as AppError } from "./services.server_-_DkjSUe.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { n as isLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/pages/[lang]/checkout/index.astro
var checkout_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const lang = Astro.params.lang;
	if (!isLang(lang)) return Astro.rewrite("/404");
	const t = useStrings(lang);
	const commerce = await getCommerce();
	const { db, shipping } = commerce;
	const cartId = await currentCartId(db, Astro.cookies);
	Astro.response.headers.set("Cache-Control", "no-store");
	const COUNTRIES = [
		"ID",
		"SG",
		"MY",
		"NL",
		"DE",
		"JP",
		"AU",
		"US"
	];
	const countryName = new Intl.DisplayNames([lang === "id" ? "id" : "en"], { type: "region" });
	const values = {
		name: "",
		email: "",
		phone: "",
		line1: "",
		city: "",
		province: "",
		postalCode: "",
		country: "ID",
		paymentMethod: commerce.stripe ? "stripe" : "bank_transfer",
		couriers: {}
	};
	const fieldErrors = {};
	let problem = null;
	if (Astro.request.method === "POST") {
		const form = await Astro.request.formData();
		const text = (k) => String(form.get(k) ?? "").slice(0, 300);
		Object.assign(values, {
			name: text("name"),
			email: text("email"),
			phone: text("phone"),
			line1: text("line1"),
			city: text("city"),
			province: text("province"),
			postalCode: text("postalCode"),
			country: text("country") || "ID",
			paymentMethod: text("paymentMethod")
		});
		for (const [k, v] of form.entries()) if (k.startsWith("courier:")) values.couriers[k.slice(8)] = String(v).slice(0, 40);
		if (text("intent") === "place") {
			const input = {
				buyer: {
					name: values.name,
					email: values.email,
					phone: values.phone
				},
				address: {
					line1: values.line1,
					city: values.city,
					province: values.province,
					postalCode: values.postalCode,
					country: values.country
				},
				couriers: values.couriers,
				paymentMethod: values.paymentMethod,
				lang
			};
			const parsed = checkoutInputSchema.safeParse(input);
			if (!parsed.success) {
				for (const issue of parsed.error.issues) {
					const key = issue.path.join("_");
					fieldErrors[key] = t.checkout.fields[key] ?? issue.message;
				}
				problem = t.checkout.fix;
				Astro.response.status = 400;
			} else try {
				const placed = await placeOrders(db, cartId, parsed.data, commerce.checkoutDeps(Astro.url.origin));
				return Astro.redirect(`${localizedPath(lang, "/checkout/done")}?o=${placed.map((o) => `${o.number}.${o.token}`).join(",")}`, 303);
			} catch (error) {
				if (!(error instanceof AppError) || error.code === "internal" || error.code === "unavailable") throw error;
				problem = error.code === "conflict" ? t.checkout.soldOut(error.message.replace(/^[^:]*:\s*/, "")) : error.message;
				Astro.response.status = error.code === "conflict" ? 409 : 400;
			}
		}
	}
	const cart = await viewCart(db, cartId);
	let zone = null;
	try {
		if (values.province || values.country !== "ID") zone = provinceZone(shipping, values.province || "-", values.country);
	} catch {
		if (!fieldErrors.address_province) fieldErrors.address_province = t.checkout.fields.address_province;
	}
	const groups = cart.groups.map((g) => {
		const origin = commerce.regionIsland(g.artisan.region);
		const kg = chargeableKg(Math.max(1, g.weightGrams));
		const couriers = zone ? availableCouriers(shipping, origin, zone).map((c) => ({
			...c,
			costIdr: c.perKgIdr * kg
		})) : [];
		return {
			group: g,
			couriers,
			chosen: couriers.find((c) => c.courierId === values.couriers[g.artisan.slug]) ?? couriers[0]
		};
	});
	const grandTotal = groups.reduce((n, g) => n + g.group.subtotalIdr + (g.chosen?.costIdr ?? 0), 0);
	const err = (key) => fieldErrors[key];
	const provinces = shipping.provinces.map((p) => p.name).sort((a, b) => a.localeCompare(b, "id"));
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": "/checkout",
		"title": `${t.checkout.title} · Canting`,
		"description": t.checkout.lead,
		"breadcrumbs": [{
			name: t.cart.title,
			path: "/cart"
		}, {
			name: t.checkout.title,
			path: "/checkout"
		}],
		"noindex": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap section"><h1>${t.checkout.title}</h1>${cart.groups.length === 0 ? renderTemplate`<div class="panel"><p>${t.checkout.emptyCart}</p><p><a class="button"${addAttribute(localizedPath(lang, "/search"), "href")}>${t.cart.browse}</a></p></div>` : renderTemplate`<form method="post"${addAttribute(localizedPath(lang, "/checkout"), "action")} class="checkout" novalidate><p class="muted">${t.checkout.lead}</p>${problem && renderTemplate`<p class="notice" role="alert">${problem}</p>`}<fieldset class="panel"><legend>${t.checkout.buyer}</legend><div class="form-grid two"><label class="field">${t.checkout.name}<input name="name" autocomplete="name" required${addAttribute(values.name, "value")}${addAttribute(err("buyer_name") ? "true" : void 0, "aria-invalid")}${addAttribute(err("buyer_name") ? "e-name" : void 0, "aria-describedby")}>${err("buyer_name") && renderTemplate`<span id="e-name" class="field-error">${err("buyer_name")}</span>`}</label><label class="field">${t.checkout.email}<input name="email" type="email" autocomplete="email" required${addAttribute(values.email, "value")}${addAttribute(err("buyer_email") ? "true" : void 0, "aria-invalid")}${addAttribute(err("buyer_email") ? "e-email" : void 0, "aria-describedby")}>${err("buyer_email") && renderTemplate`<span id="e-email" class="field-error">${err("buyer_email")}</span>`}</label><label class="field">${t.checkout.phone}<input name="phone" type="tel" autocomplete="tel" inputmode="tel" required${addAttribute(values.phone, "value")}${addAttribute(err("buyer_phone") ? "true" : void 0, "aria-invalid")}${addAttribute(err("buyer_phone") ? "e-phone" : void 0, "aria-describedby")}>${err("buyer_phone") && renderTemplate`<span id="e-phone" class="field-error">${err("buyer_phone")}</span>`}</label></div></fieldset><fieldset class="panel"><legend>${t.checkout.address}</legend><div class="form-grid two"><label class="field">${t.checkout.line1}<input name="line1" autocomplete="street-address" required${addAttribute(values.line1, "value")}${addAttribute(err("address_line1") ? "true" : void 0, "aria-invalid")}${addAttribute(err("address_line1") ? "e-line1" : void 0, "aria-describedby")}>${err("address_line1") && renderTemplate`<span id="e-line1" class="field-error">${err("address_line1")}</span>`}</label><label class="field">${t.checkout.city}<input name="city" autocomplete="address-level2" required${addAttribute(values.city, "value")}${addAttribute(err("address_city") ? "true" : void 0, "aria-invalid")}${addAttribute(err("address_city") ? "e-city" : void 0, "aria-describedby")}>${err("address_city") && renderTemplate`<span id="e-city" class="field-error">${err("address_city")}</span>`}</label><label class="field">${t.checkout.province}<select name="province" autocomplete="address-level1"${addAttribute(err("address_province") ? "true" : void 0, "aria-invalid")}${addAttribute(err("address_province") ? "e-province" : void 0, "aria-describedby")}><option value="">${t.checkout.chooseProvince}</option>${provinces.map((p) => renderTemplate`<option${addAttribute(p, "value")}${addAttribute(p === values.province, "selected")}>${p}</option>`)}</select>${err("address_province") && renderTemplate`<span id="e-province" class="field-error">${err("address_province")}</span>`}</label><label class="field">${t.checkout.postalCode}<input name="postalCode" autocomplete="postal-code" inputmode="numeric" required${addAttribute(values.postalCode, "value")}${addAttribute(err("address_postalCode") ? "true" : void 0, "aria-invalid")}${addAttribute(err("address_postalCode") ? "e-postal" : void 0, "aria-describedby")}>${err("address_postalCode") && renderTemplate`<span id="e-postal" class="field-error">${err("address_postalCode")}</span>`}</label><label class="field">${t.checkout.country}<select name="country" autocomplete="country">${COUNTRIES.map((c) => renderTemplate`<option${addAttribute(c, "value")}${addAttribute(c === values.country, "selected")}>${countryName.of(c)}</option>`)}</select></label></div><p><button type="submit" name="intent" value="quote" class="secondary-button">${t.checkout.quote}</button></p></fieldset>${groups.map(({ group, couriers, chosen }) => renderTemplate`<fieldset class="panel"${addAttribute(`ship-${group.artisan.slug}`, "aria-labelledby")}><legend${addAttribute(`ship-${group.artisan.slug}`, "id")}>${t.cart.from(group.artisan.name)}</legend><ul class="cart-lines">${group.items.map((i) => renderTemplate`<li class="cart-line" style="grid-template-columns:1fr auto"><span>${i.title[lang]} × ${i.quantity}</span><span>${formatIdr(i.lineTotalIdr)}</span></li>`)}</ul>${group.leadTimeDays ? renderTemplate`<p class="small muted">${t.checkout.leadTime(group.leadTimeDays)}</p>` : null}${couriers.length ? renderTemplate`<label class="field">${t.checkout.courier}<select${addAttribute(`courier:${group.artisan.slug}`, "name")}>${couriers.map((c) => renderTemplate`<option${addAttribute(c.courierId, "value")}${addAttribute(c.courierId === chosen?.courierId, "selected")}>${c.name} — ${formatIdr(c.costIdr)} (${t.checkout.days(c.etaDays[0], c.etaDays[1])})</option>`)}</select></label>` : renderTemplate`<p class="small muted">${t.checkout.chooseProvinceFirst}</p>`}<p class="subtotal">${t.checkout.orderTotal}: <strong>${formatIdr(group.subtotalIdr + (chosen?.costIdr ?? 0))}</strong></p></fieldset>`)}<fieldset class="panel"><legend>${t.checkout.payment}</legend>${commerce.stripe && renderTemplate`<label class="choice"><input type="radio" name="paymentMethod" value="stripe"${addAttribute(values.paymentMethod === "stripe", "checked")}> ${t.checkout.stripe}</label>`}<label class="choice"><input type="radio" name="paymentMethod" value="bank_transfer"${addAttribute(values.paymentMethod === "bank_transfer", "checked")}> ${t.checkout.bankTransfer}</label>${err("paymentMethod") && renderTemplate`<span class="field-error">${err("paymentMethod")}</span>`}</fieldset><div class="panel cart-total"><p>${t.checkout.total}: <strong class="price">${formatIdr(grandTotal)}</strong></p><p><button type="submit" name="intent" value="place">${t.checkout.place}</button></p></div></form>`}</div>` })}`;
}, "/work/main/src/pages/[lang]/checkout/index.astro", void 0);
var $$file = "/work/main/src/pages/[lang]/checkout/index.astro";
var $$url = "/[lang]/checkout";
// \0virtual:astro:page:src/pages/[lang]/checkout/index@_@astro
var page = () => checkout_exports;
export { page };
