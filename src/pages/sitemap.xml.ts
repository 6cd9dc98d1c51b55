import type { APIRoute } from 'astro';
import { listPublicArtisans, listPublicProductSlugs } from '../lib/store/repository.ts';
import { renderSitemap, type SitemapPage } from '../lib/seo/sitemap.ts';
import { listPublishedDates } from '../lib/visit/repository.ts';
import { eventPath, placePath } from '../lib/visit/page-data.ts';

// On demand: places, events, products and artisans come from the database.
export const prerender = false;

/** Every cultural page, published place and event, public product and approved artisan, in both languages. */
export const GET: APIRoute = async ({ site, locals }) => {
  const c = await locals.app.catalogue();
  const { db } = locals.app;
  const [products, artisans, visits] = await Promise.all([listPublicProductSlugs(db), listPublicArtisans(db), listPublishedDates(db)]);
  const pages: SitemapPage[] = [
    ...['/', '/motifs/', '/regions/', '/techniques/', '/visit/', '/glossary/'].map((path) => ({ path })),
    ...c.regions.map((r) => ({ path: `/regions/${r.id}` })),
    ...c.motifs.map((m) => ({ path: `/motifs/${m.id}` })),
    ...c.techniques.map((t) => ({ path: `/techniques/${t.id}` })),
    ...visits.map((v) => ({ path: v.kind === 'place' ? placePath(v.id) : eventPath(v.id), lastmod: v.publishedAt.toISOString().slice(0, 10) })),
    ...artisans.map((a) => ({ path: `/artisans/${a.slug}` })),
    ...products.map((p) => ({ path: `/products/${p.slug}`, lastmod: p.updatedAt.toISOString().slice(0, 10) })),
  ];
  return new Response(renderSitemap(pages, site!), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
};
