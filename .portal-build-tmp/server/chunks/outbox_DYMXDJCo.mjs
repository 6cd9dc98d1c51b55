import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as portalOrders } from "./portal-orders_VoaWykDr.mjs";
import { t as adminAccess } from "./admin_DdIj2K38.mjs";
import { n as listOutbox } from "./outbox-mailer_B3Ch3tUE.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/admin/outbox.astro
var outbox_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Outbox,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Outbox = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Outbox;
	const t = portalOrders.id;
	const a = t.admin;
	const access = adminAccess(Astro.locals.user);
	if (access === "login") return Astro.redirect(`/portal/login?next=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`);
	if (access === "forbidden") Astro.response.status = 403;
	const entries = access === "ok" ? await listOutbox((await getServices()).db, { limit: 100 }) : [];
	const when = new Intl.DateTimeFormat("id-ID", {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: "Asia/Jakarta"
	});
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": a.outboxTitle,
		"area": "admin",
		"section": "outbox"
	}, { "default": ($$result) => renderTemplate`${access === "forbidden" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t.access.forbiddenTitle}</h1><p>${t.access.adminForbidden}</p><p><a class="button" href="/portal">${t.access.toPortal}</a></p>` })}`}${access === "ok" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h1>${a.outboxTitle}</h1><p class="muted">${a.outboxLead}</p><ul style="list-style:none;padding:0" class="form-grid">${entries.map((e) => renderTemplate`<li class="panel"><p style="margin:0"><strong>${e.subject}</strong></p><p class="small" style="margin:0.2rem 0">${a.to}: ${e.to} · <code>${e.kind}</code> · ${when.format(e.createdAt)} ·${e.sentAt ? renderTemplate`<span class="tag ok">${a.sent} ${when.format(e.sentAt)}</span>` : renderTemplate`<span class="tag">${a.notSent}</span>`}</p>${e.lastError && renderTemplate`<p class="small notice" style="margin:0.3rem 0">${a.error} (${e.attempts}×): ${e.lastError}</p>`}<details><summary class="small">${a.subject}: ${e.subject}</summary><pre style="white-space:pre-wrap;overflow-wrap:anywhere;font-size:0.85rem">${e.text}</pre></details></li>`)}</ul>` })}`}` })}`;
}, "/work/main/src/pages/admin/outbox.astro", void 0);
var $$file = "/work/main/src/pages/admin/outbox.astro";
var $$url = "/admin/outbox";
// \0virtual:astro:page:src/pages/admin/outbox@_@astro
var page = () => outbox_exports;
export { page };
