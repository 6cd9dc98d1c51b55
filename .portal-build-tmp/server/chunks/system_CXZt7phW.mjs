import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { t as adminAccess, u as systemStatus } from "./admin_DdIj2K38.mjs";
import { n as rebuildIndex } from "./search-service_BK1f7Cb8.mjs";
// src/pages/admin/system.astro
var system_exports = /* @__PURE__ */ __exportAll({
	default: () => $$System,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$System = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$System;
	const t = portalOrders.id;
	const a = t.admin;
	const access = adminAccess(Astro.locals.user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	let error = null;
	const commerce = access === "ok" ? await getCommerce() : null;
	if (commerce && Astro.request.method === "POST") {
		if ((await Astro.request.formData().catch(() => new FormData())).get("action") === "rebuild") try {
			const count = await rebuildIndex(await getSearchEngine(), commerce.db, await loadCatalogue());
			return Astro.redirect(`/admin/system?rebuilt=${count}`, 303);
		} catch (thrown) {
			console.error("admin: rebuilding the search index failed:", thrown);
			Astro.response.status = 503;
			error = a.errors.rebuildFailed;
		}
	}
	const status = commerce ? await systemStatus({
		db: commerce.db,
		search: getSearchEngine,
		stripeConfigured: commerce.stripe !== null,
		payoutMode: commerce.config.PAYOUT_MODE,
		mailer: commerce.mailer.name
	}) : null;
	const rebuilt = Astro.url.searchParams.get("rebuilt");
	const flash = !error && rebuilt && /^\d{1,7}$/.test(rebuilt) ? a.flash.rebuilt(Number(rebuilt)) : null;
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": a.systemTitle,
		"area": "admin",
		"section": "system"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.adminForbidden}</p><p><a class="button" href="/portal">${t.access.toPortal}</a></p>` })}`}${status && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${a.systemTitle}</h1>${flash && renderTemplate`<p class="flash" role="status">${flash}</p>`}${error && renderTemplate`<p class="notice" role="alert">${error}</p>`}<dl class="facts"><dt>${a.database}</dt><dd data-testid="db-status">${status.database.kind === "pglite" ? "PGlite" : "PostgreSQL"} ·${status.database.ok ? renderTemplate`<span class="tag ok">${a.healthy}, SELECT 1: ${status.database.latencyMs} ms</span>` : renderTemplate`<span class="tag warn">${a.unhealthy}: ${status.database.error}</span>`}</dd><dt>${a.searchEngine}</dt><dd>${status.search.name === "meilisearch" ? "Meilisearch" : status.search.name === "embedded" ? "Embedded" : "—"} ·${status.search.healthy ? renderTemplate`<span class="tag ok">${a.healthy}</span>` : renderTemplate`<span class="tag warn">${a.unhealthy}${status.search.error && `: ${status.search.error}`}</span>`}</dd><dt>${a.stripe}</dt><dd>${status.stripe.configured ? renderTemplate`<span class="tag ok">${a.configured}</span>` : renderTemplate`<span class="tag">${a.notConfigured}</span>`}</dd><dt>${a.payoutMode}</dt><dd><code>${status.payoutMode}</code></dd><dt>${a.mailer}</dt><dd><code>${status.mailer}</code></dd></dl><section class="panel" aria-labelledby="rebuild-title" style="margin-top:1.5rem"><h2 id="rebuild-title" style="margin-top:0">${a.rebuild}</h2><p class="small">${a.rebuildLead}</p><form method="post" action="/admin/system"><input type="hidden" name="action" value="rebuild"><button type="submit">${a.rebuild}</button></form></section>` })}`}` })}`;
}, "/work/main/src/pages/admin/system.astro", void 0);
var $$file = "/work/main/src/pages/admin/system.astro";
var $$url = "/admin/system";
// \0virtual:astro:page:src/pages/admin/system@_@astro
var page = () => system_exports;
export { page };
