import type { APIRoute } from 'astro';
import { loadCatalogue } from '../data/catalogue.ts';
import { renderSitemap, type SitemapPage } from '../lib/seo/sitemap.ts';

/** Every cultural page in both languages. Products and artisans join when the store exists. */
export const GET: APIRoute = async ({ site }) => {
  const c = await loadCatalogue();
  const pages: SitemapPage[] = [
    ...['/', '/motifs/', '/regions/', '/techniques/', '/visit/', '/glossary/'].map((path) => ({ path })),
    ...c.regions.map((r) => ({ path: `/regions/${r.id}` })),
    ...c.motifs.map((m) => ({ path: `/motifs/${m.id}` })),
    ...c.techniques.map((t) => ({ path: `/techniques/${t.id}` })),
  ];
  return new Response(renderSitemap(pages, site!), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
