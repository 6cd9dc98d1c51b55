import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { l as setArtisanStatus, o as listArtisans, t as adminAccess } from "./admin_DdIj2K38.mjs";
import { a as httpStatus, r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { l as reindexProductsQuietly } from "./orders_CcQUvVtP.mjs";
// src/pages/admin/artisans.astro
var artisans_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Artisans,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Artisans = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Artisans;
	const t = portalOrders.id;
	const a = t.admin;
	const access = adminAccess(Astro.locals.user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const { db } = await getServices();
	let error = null;
	if (access === "ok" && Astro.request.method === "POST") {
		const form = await Astro.request.formData().catch(() => new FormData());
		const action = form.get("action");
		try {
			if (action !== "approve" && action !== "suspend") throw new AppError("invalid", "action");
			const done = await setArtisanStatus(db, String(form.get("artisanId") ?? ""), action === "approve" ? "approved" : "suspended");
			const indexed = done.outcome === "unchanged" || await reindexProductsQuietly(async () => {
				const [engine, catalogue] = await Promise.all([getSearchEngine(), loadCatalogue()]);
				return {
					engine,
					catalogue
				};
			}, db, done.productSlugs);
			const flash = done.outcome === "unchanged" ? "unchanged" : !indexed ? "reindexFailed" : action === "approve" ? "approved" : "suspended";
			return Astro.redirect(`/admin/artisans?done=${flash}`, 303);
		} catch (thrown) {
			if (!(thrown instanceof AppError) || thrown.code === "internal" || thrown.code === "unavailable") throw thrown;
			Astro.response.status = httpStatus(thrown);
			error = thrown.code === "not_found" ? a.errors.notFound : t.errors.unknownAction;
		}
	}
	const requested = Astro.url.searchParams.get("status");
	const status = requested === "pending" || requested === "approved" || requested === "suspended" ? requested : null;
	const artisans = access === "ok" ? await listArtisans(db, { status }) : [];
	const flashKey = Astro.url.searchParams.get("done");
	const flash = !error && flashKey && Object.hasOwn(a.flash, flashKey) && flashKey !== "rebuilt" ? a.flash[flashKey] : null;
	const tagClass = (s) => s === "approved" ? "ok" : s === "suspended" ? "warn" : "";
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": a.artisansTitle,
		"area": "admin",
		"section": "artisans"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.adminForbidden}</p><p><a class="button" href="/portal">${t.access.toPortal}</a></p>` })}`}${access === "ok" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${a.artisansTitle}</h1>${flash && renderTemplate`<p class="flash" role="status">${flash}</p>`}${error && renderTemplate`<p class="notice" role="alert">${error}</p>`}<p class="small"><a href="/admin/artisans"${addAttribute(status === null ? "page" : void 0, "aria-current")}>${t.orders.all}</a> ·${[
		"pending",
		"approved",
		"suspended"
	].map((s, i) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${i > 0 && " · "}<a${addAttribute(`/admin/artisans?status=${s}`, "href")}${addAttribute(status === s ? "page" : void 0, "aria-current")}>${a.artisanStatus[s]}</a>` })}`)}</p><div class="table-wrap"><table class="data"><thead><tr><th scope="col">${a.artisan}</th><th scope="col">Status</th><th scope="col">${a.products}</th><th scope="col"><span class="visually-hidden">Aksi</span></th></tr></thead><tbody>${artisans.map((x) => renderTemplate`<tr><td><strong>${x.workshop}</strong> ${x.isSample && renderTemplate`<span class="tag">${a.sample}</span>`}<br><span class="small">${x.name} · ${x.place} · <code>${x.slug}</code></span>${(x.email || x.whatsapp) && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<br><span class="small muted">${[x.email, x.whatsapp].filter(Boolean).join(" · ")}</span>` })}`}</td><td><span${addAttribute(`tag ${tagClass(x.status)}`, "class")}>${a.artisanStatus[x.status]}</span></td><td>${x.productCount} <span class="small muted">(${x.activeProductCount} ${a.public})</span></td><td><form method="post" action="/admin/artisans" class="inline-form"><input type="hidden" name="artisanId"${addAttribute(x.id, "value")}>${x.status !== "approved" && renderTemplate`<button type="submit" name="action" value="approve">${a.approve}</button>`}${x.status !== "suspended" && renderTemplate`<button type="submit" name="action" value="suspend" class="secondary-button">${a.suspend}</button>`}</form></td></tr>`)}</tbody></table></div>` })}`}` })}`;
}, "/work/main/src/pages/admin/artisans.astro", void 0);
var $$file = "/work/main/src/pages/admin/artisans.astro";
var $$url = "/admin/artisans";
// \0virtual:astro:page:src/pages/admin/artisans@_@astro
var page = () => artisans_exports;
export { page };
