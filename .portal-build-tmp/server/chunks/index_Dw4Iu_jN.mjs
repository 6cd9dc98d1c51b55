import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { i as sortByName, n as excerpt, r as filterMotifs, t as byId } from "./catalogue_Dca6SlZw.mjs";
import { n as isLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
// src/components/motif/MotifCard.astro
createAstro("http://localhost:4321");
var $$MotifCard = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$MotifCard;
	const { motif, regionName, lang, headingLevel = "h3" } = Astro.props;
	const Heading = headingLevel;
	return renderTemplate`${maybeRenderHead($$result)}<article class="card"><div class="swatch"${addAttribute(`background-image:url(/art/motifs/${motif.id}.svg);background-size:110px;background-color:${motif.palette[0].hex}`, "style")}></div><div class="body">${renderComponent($$result, "Heading", Heading, {}, { "default": ($$result) => renderTemplate`<a${addAttribute(localizedPath(lang, `/motifs/${motif.id}`), "href")}>${motif.name[lang]}</a>` })}${regionName && renderTemplate`<p class="muted small">${regionName}</p>`}<p>${excerpt(motif.depicts[lang], 120)}</p></div></article>`;
}, "/work/main/src/components/motif/MotifCard.astro", void 0);
// src/pages/[lang]/motifs/index.astro
var motifs_exports = /* @__PURE__ */ __exportAll({
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
	const catalogue = await loadCatalogue();
	const param = (name) => Astro.url.searchParams.get(name)?.trim() || void 0;
	const region = param("region");
	const technique = param("technique");
	const motifs = sortByName(filterMotifs(catalogue, {
		region,
		technique
	}), lang);
	const regions = sortByName(catalogue.regions, lang);
	const techniques = [...catalogue.techniques].sort((a, b) => a.order - b.order);
	const filtered = Boolean(region || technique);
	Astro.response.headers.set("Cache-Control", "public, max-age=300");
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": "/motifs/",
		"title": `${t.motifs.title} · Canting`,
		"description": t.motifs.description,
		"section": "motifs",
		"breadcrumbs": [{
			name: t.nav.motifs,
			path: "/motifs/"
		}]
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap"><h1>${t.motifs.title}</h1><p class="lead">${t.motifs.lead}</p><form class="filters" method="get"${addAttribute(localizedPath(lang, "/motifs/"), "action")}${addAttribute(t.motifs.filter, "aria-label")}><label>${t.motifs.region}<select name="region"><option value="">${t.motifs.all}</option>${regions.map((r) => renderTemplate`<option${addAttribute(r.id, "value")}${addAttribute(r.id === region, "selected")}>${r.name}</option>`)}</select></label><label>${t.motifs.technique}<select name="technique"><option value="">${t.motifs.all}</option>${techniques.map((x) => renderTemplate`<option${addAttribute(x.id, "value")}${addAttribute(x.id === technique, "selected")}>${x.name[lang]}</option>`)}</select></label><button type="submit">${t.motifs.apply}</button>${filtered && renderTemplate`<a class="button secondary"${addAttribute(localizedPath(lang, "/motifs/"), "href")}>${t.motifs.reset}</a>`}</form><p role="status" class="muted">${t.motifs.count(motifs.length)}</p>${motifs.length === 0 ? renderTemplate`<p>${t.motifs.none}</p>` : renderTemplate`<ul class="grid">${motifs.map((m) => renderTemplate`<li>${renderComponent($$result, "MotifCard", $$MotifCard, {
		"motif": m,
		"lang": lang,
		"regionName": byId(catalogue.regions, m.region)?.name,
		"headingLevel": "h2"
	})}</li>`)}</ul>`}</div>` })}`;
}, "/work/main/src/pages/[lang]/motifs/index.astro", void 0);
var $$file = "/work/main/src/pages/[lang]/motifs/index.astro";
var $$url = "/[lang]/motifs";
// \0virtual:astro:page:src/pages/[lang]/motifs/index@_@astro
var page = () => motifs_exports;
export { page };
