import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { a as listAllProducts, d as unhideProduct, r as hideProduct, t as adminAccess } from "./admin_DdIj2K38.mjs";
import { a as httpStatus, r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { l as reindexProductsQuietly } from "./orders_CcQUvVtP.mjs";
// src/pages/admin/products.astro
var products_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Products,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Products = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Products;
	const t = portalOrders.id;
	const a = t.admin;
	const access = adminAccess(Astro.locals.user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const { db } = await getServices();
	const q = (Astro.url.searchParams.get("q") ?? "").slice(0, 100);
	const onlyHidden = Astro.url.searchParams.get("hidden") === "1";
	const back = `/admin/products?${new URLSearchParams({
		...q ? { q } : {},
		...onlyHidden ? { hidden: "1" } : {}
	}).toString()}`;
	let error = null;
	if (access === "ok" && Astro.request.method === "POST") {
		const form = await Astro.request.formData().catch(() => new FormData());
		const action = form.get("action");
		try {
			if (action !== "hide" && action !== "unhide") throw new AppError("invalid", "action");
			const productId = String(form.get("productId") ?? "");
			const done = action === "hide" ? await hideProduct(db, productId) : await unhideProduct(db, productId);
			const indexed = done.outcome === "unchanged" || await reindexProductsQuietly(async () => {
				const [engine, catalogue] = await Promise.all([getSearchEngine(), loadCatalogue()]);
				return {
					engine,
					catalogue
				};
			}, db, [done.slug]);
			const flash = done.outcome === "unchanged" ? "unchanged" : !indexed ? "reindexFailed" : action === "hide" ? "hidden" : "unhidden";
			return Astro.redirect(`${back}${back.endsWith("?") ? "" : "&"}done=${flash}`, 303);
		} catch (thrown) {
			if (!(thrown instanceof AppError) || thrown.code === "internal" || thrown.code === "unavailable") throw thrown;
			Astro.response.status = httpStatus(thrown);
			error = thrown.code === "not_found" ? a.errors.notFound : t.errors.unknownAction;
		}
	}
	const products = access === "ok" ? await listAllProducts(db, {
		q,
		...onlyHidden ? { hidden: true } : {},
		limit: 200
	}) : [];
	const flashKey = Astro.url.searchParams.get("done");
	const flash = !error && flashKey && Object.hasOwn(a.flash, flashKey) && flashKey !== "rebuilt" ? a.flash[flashKey] : null;
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": a.productsTitle,
		"area": "admin",
		"section": "products"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.adminForbidden}</p><p><a class="button" href="/portal">${t.access.toPortal}</a></p>` })}`}${access === "ok" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${a.productsTitle}</h1>${flash && renderTemplate`<p class="flash" role="status">${flash}</p>`}${error && renderTemplate`<p class="notice" role="alert">${error}</p>`}<form method="get" action="/admin/products" class="inline-form" style="flex-wrap:wrap"><label>${a.search}<input type="search" name="q"${addAttribute(q, "value")} maxlength="100" style="min-height:40px"></label><label class="choice" style="flex-direction:row;align-items:center"><input type="checkbox" name="hidden" value="1"${addAttribute(onlyHidden, "checked")}> ${a.onlyHidden}</label><button type="submit" class="secondary-button">${a.filter}</button></form><div class="table-wrap" style="margin-top:1rem"><table class="data"><thead><tr><th scope="col">${a.productsTitle}</th><th scope="col">${a.artisan}</th><th scope="col">Status</th><th scope="col">${a.stock}</th><th scope="col"><span class="visually-hidden">Aksi</span></th></tr></thead><tbody>${products.map((p) => renderTemplate`<tr><td>${p.title}<br><span class="small muted"><code>${p.slug}</code> · ${formatIdr(p.priceIdr)}</span></td><td>${p.artisan.workshop}${p.artisan.status !== "approved" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <span class="tag warn">${a.artisanStatus[p.artisan.status]}</span>` })}`}</td><td>${a.productStatus[p.status]}${p.hidden && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <span class="tag warn">${a.hidden}</span>` })}`}</td><td>${p.stock}</td><td><form method="post"${addAttribute(back, "action")} class="inline-form"><input type="hidden" name="productId"${addAttribute(p.id, "value")}>${p.hidden ? renderTemplate`<button type="submit" name="action" value="unhide" class="secondary-button">${a.unhide}</button>` : renderTemplate`<button type="submit" name="action" value="hide" class="secondary-button">${a.hide}</button>`}</form></td></tr>`)}</tbody></table></div>` })}`}` })}`;
}, "/work/main/src/pages/admin/products.astro", void 0);
var $$file = "/work/main/src/pages/admin/products.astro";
var $$url = "/admin/products";
// \0virtual:astro:page:src/pages/admin/products@_@astro
var page = () => products_exports;
export { page };
