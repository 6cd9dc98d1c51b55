import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { n as LANGS } from "./schemas_DZ_7FI_E.mjs";
import { c as listPublicProductSlugs, s as listPublicArtisans } from "./store-repository_DJEKsCo7.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
import { r as localizedPath } from "./i18n_gSQNTReg.mjs";
// src/lib/seo/sitemap.ts
/**
* sitemap.xml with hreflang alternates: each language-neutral path appears once per language,
* each <url> listing both twins (Google's recommended form for multilingual sites).
*/
var escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
function renderSitemap(pages, site) {
	const abs = (p) => escape(new URL(p, site).href);
	return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" + pages.flatMap((page) => LANGS.map((lang) => {
		const alternates = LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${abs(localizedPath(l, page.path))}"/>`).join("");
		const lastmod = page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : "";
		return `<url><loc>${abs(localizedPath(lang, page.path))}</loc>${lastmod}${alternates}<xhtml:link rel="alternate" hreflang="x-default" href="${abs(localizedPath("id", page.path))}"/></url>`;
	})).join("\n") + "\n</urlset>\n";
}
// src/pages/sitemap.xml.ts
var sitemap_xml_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
/** Every cultural page, public product and approved artisan, in both languages. */
var GET = async ({ site }) => {
	const c = await loadCatalogue();
	const { db } = await getServices();
	const [products, artisans] = await Promise.all([listPublicProductSlugs(db), listPublicArtisans(db)]);
	const pages = [
		...[
			"/",
			"/motifs/",
			"/regions/",
			"/techniques/",
			"/visit/",
			"/glossary/"
		].map((path) => ({ path })),
		...c.regions.map((r) => ({ path: `/regions/${r.id}` })),
		...c.motifs.map((m) => ({ path: `/motifs/${m.id}` })),
		...c.techniques.map((t) => ({ path: `/techniques/${t.id}` })),
		...artisans.map((a) => ({ path: `/artisans/${a.slug}` })),
		...products.map((p) => ({
			path: `/products/${p.slug}`,
			lastmod: p.updatedAt.toISOString().slice(0, 10)
		}))
	];
	return new Response(renderSitemap(pages, site), { headers: {
		"Content-Type": "application/xml; charset=utf-8",
		"Cache-Control": "public, max-age=3600"
	} });
};
// \0virtual:astro:page:src/pages/sitemap.xml@_@ts
var page = () => sitemap_xml_exports;
export { page };
