/**
 * sitemap.xml with hreflang alternates: each language-neutral path appears once per language,
 * each <url> listing both twins (Google's recommended form for multilingual sites).
 */
import { LANGS, localizedPath } from '../i18n/index.ts';

export interface SitemapPage {
  /** Language-neutral path, e.g. `/motifs/kopi`. */
  path: string;
  lastmod?: string | undefined;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderSitemap(pages: readonly SitemapPage[], site: URL): string {
  const abs = (p: string) => escape(new URL(p, site).href);
  const urls = pages.flatMap((page) =>
    LANGS.map((lang) => {
      const alternates = LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${abs(localizedPath(l, page.path))}"/>`).join('');
      const lastmod = page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : '';
      return `<url><loc>${abs(localizedPath(lang, page.path))}</loc>${lastmod}${alternates}<xhtml:link rel="alternate" hreflang="x-default" href="${abs(localizedPath('id', page.path))}"/></url>`;
    }),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    urls.join('\n') +
    '\n</urlset>\n'
  );
}
