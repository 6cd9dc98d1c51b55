import { g as addAttribute, h as renderHead, o as renderComponent, p as renderTemplate, u as renderSlot } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$CantingIcon } from "./CantingIcon_BT1rmjW_.mjs";
// src/layouts/Portal.astro
createAstro("http://localhost:4321");
var $$Portal = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Portal;
	const { title, area, section, lang = "id" } = Astro.props;
	const user = Astro.locals.user;
	const nav = area === "portal" ? [
		[
			"dashboard",
			"/portal",
			"Beranda"
		],
		[
			"products",
			"/portal/products",
			"Produk"
		],
		[
			"orders",
			"/portal/orders",
			"Pesanan"
		],
		[
			"earnings",
			"/portal/earnings",
			"Penghasilan"
		]
	] : area === "admin" ? [
		[
			"dashboard",
			"/admin",
			"Ringkasan"
		],
		[
			"artisans",
			"/admin/artisans",
			"Perajin"
		],
		[
			"products",
			"/admin/products",
			"Produk"
		],
		[
			"orders",
			"/admin/orders",
			"Pesanan"
		],
		[
			"payouts",
			"/admin/payouts",
			"Pembayaran"
		],
		[
			"outbox",
			"/admin/outbox",
			"Kotak keluar"
		],
		[
			"system",
			"/admin/system",
			"Sistem"
		]
	] : [];
	return renderTemplate`<html${addAttribute(lang, "lang")}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title} · Canting</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta name="theme-color" content="#17233f">${renderHead($$result)}</head><body class="portal"><a class="skip-link" href="#main">Langsung ke isi</a><header class="site-header"><div class="wrap bar"><a class="brand"${addAttribute(area === "admin" ? "/admin" : area === "portal" ? "/portal" : "/id/", "href")}>${renderComponent($$result, "CantingIcon", $$CantingIcon, {})}Canting <span class="small">${area === "admin" ? "Kurator" : area === "portal" ? "Perajin" : ""}</span></a>${user && renderTemplate`<form method="post" action="/portal/logout" class="inline-form"><span class="small">${user.email}</span><button type="submit" class="secondary-button">Keluar</button></form>`}</div>${nav.length > 0 && renderTemplate`<nav class="main-nav" aria-label="Navigasi"><ul class="wrap">${nav.map(([key, href, label]) => renderTemplate`<li><a${addAttribute(href, "href")}${addAttribute(section === key ? "page" : void 0, "aria-current")}>${label}</a></li>`)}</ul></nav>`}</header><main id="main" class="wrap section">${renderSlot($$result, $$slots["default"])}</main></body></html>`;
}, "/work/main/src/layouts/Portal.astro", void 0);
export { $$Portal as t };
