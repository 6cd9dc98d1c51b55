import { describe, expect, it } from 'vitest';
import { renderSitemap } from '../../src/lib/seo/sitemap.ts';
import { breadcrumbList, serializeJsonLd } from '../../src/lib/seo/json-ld.ts';

describe('sitemap', () => {
  const xml = renderSitemap([{ path: '/' }, { path: '/motifs/kopi', lastmod: '2026-11-01' }], new URL('https://canting.example'));

  it('lists each page once per language with both twins and x-default', () => {
    expect(xml.match(/<url>/g)).toHaveLength(4);
    expect(xml).toContain('<loc>https://canting.example/en/motifs/kopi</loc><lastmod>2026-11-01</lastmod>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="id" href="https://canting.example/id/motifs/kopi"/>');
    expect(xml).toContain('hreflang="x-default" href="https://canting.example/id/"');
  });
});

describe('JSON-LD', () => {
  it('numbers breadcrumb positions from 1', () => {
    const list = breadcrumbList([{ name: 'Beranda', url: 'https://x/id/' }, { name: 'Motif', url: 'https://x/id/motifs/' }]);
    expect(list.itemListElement.map((i) => i.position)).toEqual([1, 2]);
  });

  it('cannot close its script tag, whatever the text says', () => {
    const out = serializeJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('</script>');
    expect(JSON.parse(out).name).toBe('</script><script>alert(1)</script>');
  });
});
