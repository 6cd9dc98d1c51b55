import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as $$Picture } from "./Picture_A7bdGjYq.mjs";
import { n as portalProducts } from "./portal-products_CGXQbIKB.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { f as listOwnProducts } from "./products_B35zzXAM.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/portal/products/index.astro
var products_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const t = portalProducts.id;
	const user = Astro.locals.user;
	if (!user) return Astro.redirect("/portal/login?next=" + encodeURIComponent(Astro.url.pathname));
	const artisanId = user.role === "artisan" ? user.artisanId : null;
	let products = [];
	if (!artisanId) Astro.response.status = 403;
	else products = await listOwnProducts((await getServices()).db, artisanId);
	const ok = Astro.url.searchParams.get("ok");
	const flash = ok ? t.flash[ok] : void 0;
	const approved = user.artisanStatus === "approved";
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": t.title,
		"area": "portal",
		"section": "products",
		"data-astro-cid-stz3echf": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 data-astro-cid-stz3echf>${t.title}</h1>${!artisanId ? renderTemplate`<p class="notice" role="alert" data-astro-cid-stz3echf>${t.forbidden}</p>` : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<p class="muted" data-astro-cid-stz3echf>${t.lead}</p>${flash && renderTemplate`<p class="flash" role="status" data-astro-cid-stz3echf>${flash}</p>`}${!approved && renderTemplate`<p class="notice" data-astro-cid-stz3echf>${t.notApproved}</p>`}<p data-astro-cid-stz3echf><a class="button" href="/portal/products/new" data-astro-cid-stz3echf>+ ${t.add}</a></p>${products.length === 0 ? renderTemplate`<p class="panel" data-astro-cid-stz3echf>${t.empty}</p>` : renderTemplate`<ul class="own-products" data-astro-cid-stz3echf>${products.map((p) => {
		const edit = `/portal/products/${p.id}`;
		return renderTemplate`<li class="panel" data-astro-cid-stz3echf><a${addAttribute(edit, "href")} class="thumb" tabindex="-1" aria-hidden="true" data-astro-cid-stz3echf>${p.cover ? renderTemplate`${renderComponent($$result, "Picture", $$Picture, {
			"image": p.cover,
			"alt": "",
			"sizes": "80px",
			"data-astro-cid-stz3echf": true
		})}` : renderTemplate`<span class="no-photo small" data-astro-cid-stz3echf>${t.noPhoto}</span>`}</a><div class="body" data-astro-cid-stz3echf><h2 data-astro-cid-stz3echf><a${addAttribute(edit, "href")} data-astro-cid-stz3echf>${p.title.id}</a></h2><p class="price" data-astro-cid-stz3echf>${formatIdr(p.priceIdr)}</p><p class="small" data-astro-cid-stz3echf>${t.stockLabel(p.stock)} · ${t.photoCount(p.photoCount)}${" "}<span${addAttribute(["tag", {
			ok: p.status === "active",
			warn: p.status === "archived"
		}], "class:list")} data-astro-cid-stz3echf>${t.status[p.status]}</span>${p.hidden && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <span class="tag warn" data-astro-cid-stz3echf>${t.hidden}</span>` })}`}</p><div class="row-actions" data-astro-cid-stz3echf><a class="button secondary"${addAttribute(edit, "href")} data-astro-cid-stz3echf>${t.actions.edit}</a>${p.status === "active" && approved && !p.hidden && renderTemplate`<a class="button secondary"${addAttribute(`/id/products/${p.slug}`, "href")} data-astro-cid-stz3echf>${t.viewOnSite}</a>`}<form method="post"${addAttribute(edit, "action")} class="inline-form" data-astro-cid-stz3echf><input type="hidden" name="back" value="list" data-astro-cid-stz3echf><button type="submit" name="intent" value="duplicate" class="secondary-button" data-astro-cid-stz3echf>${t.actions.duplicate}</button>${p.status !== "archived" && renderTemplate`<button type="submit" name="intent" value="archive" class="secondary-button" data-astro-cid-stz3echf>${t.actions.archive}</button>`}</form></div></div></li>`;
	})}</ul>`}` })}`}` })}`;
}, "/work/main/src/pages/portal/products/index.astro", void 0);
var $$file = "/work/main/src/pages/portal/products/index.astro";
var $$url = "/portal/products";
// \0virtual:astro:page:src/pages/portal/products/index@_@astro
var page = () => products_exports;
export { page };
