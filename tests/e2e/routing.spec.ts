import { describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';

const baseUrl = inject('baseUrl');
const get = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });

describe('URLs', () => {
  it.each(['/id/motifs/no-such-motif', '/en/regions/atlantis', '/id/techniques/laser', '/fr/motifs/', '/fr/motifs/kopi', '/en/visit/events/nope.ics'])(
    '%s answers 404 with the 404 page',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Halaman tidak ditemukan');
    },
  );

  it('the English 404 page speaks English first', async () => {
    const res = await get('/en/motifs/no-such-motif');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/<h1>Page not found<\/h1>/);
  });

  it('/ negotiates the language from Accept-Language, Indonesian by default', async () => {
    expect((await get('/', { headers: { 'Accept-Language': 'en-US,en;q=0.9' } })).headers.get('location')).toBe('/en/');
    expect((await get('/', { headers: { 'Accept-Language': 'id-ID,id;q=0.9,en;q=0.8' } })).headers.get('location')).toBe('/id/');
    const fallback = await get('/', { headers: { 'Accept-Language': 'fr-FR' } });
    expect(fallback.status).toBe(302);
    expect(fallback.headers.get('location')).toBe('/id/');
    expect(fallback.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('every page names its canonical URL and its twin in the other language', async () => {
    const html = await (await get('/en/motifs/jlamprang')).text();
    expect(html).toContain('<link rel="canonical" href="http://localhost:4321/en/motifs/jlamprang"');
    expect(html).toContain('hreflang="id" href="http://localhost:4321/id/motifs/jlamprang"');
    expect(html).toContain('hreflang="en" href="http://localhost:4321/en/motifs/jlamprang"');
    expect(html).toContain('property="og:image" content="http://localhost:4321/og/motifs/jlamprang.png"');
  });

  it('pages carry valid JSON-LD: breadcrumbs, tourist attractions and events', async () => {
    const html = await (await get('/id/visit/')).text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
    const types = blocks.flatMap((b) => [b['@type']].flat());
    expect(types).toContain('BreadcrumbList');
    expect(types).toContain('TouristAttraction');
    expect(types).toContain('Event');
    const museum = blocks.find((b) => [b['@type']].flat().includes('Museum'));
    expect(museum.geo.latitude).toBeTypeOf('number');
  });
});

describe('files for machines', () => {
  it('sitemap.xml lists every motif and region in both languages, with alternates', async () => {
    const res = await get('/sitemap.xml');
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const xml = await res.text();
    for (const path of ['/id/motifs/kopi', '/en/motifs/kopi', '/id/regions/lampung', '/en/regions/prabumulih', '/en/techniques/cap']) {
      expect(xml).toContain(`<loc>http://localhost:4321${path}</loc>`);
    }
    expect(xml).toContain('hreflang="x-default"');
  });

  it('robots.txt points at the sitemap and keeps crawlers out of the portal', async () => {
    const text = await (await get('/robots.txt')).text();
    expect(text).toContain('Sitemap: http://localhost:4321/sitemap.xml');
    expect(text).toContain('Disallow: /portal/');
  });

  it('each event downloads as an iCalendar file', async () => {
    const res = await get('/en/visit/events/hari-batik-nasional.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    const ics = await res.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;VALUE=DATE:');
    expect(ics).toContain('RRULE:FREQ=YEARLY');
  });

  it('motif social images are 1200×630 PNGs, and tiles are SVG', async () => {
    const png = await get('/og/motifs/mega-mendung.png');
    expect(png.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await png.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    const svg = await get('/art/motifs/kopi.svg');
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg/);
  });

  it('cultural pages ship no JavaScript, except the tiny loader of their server islands (header cart count, live pieces)', async () => {
    const scripts = async (path: string) =>
      [...(await (await get(path)).text()).matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>(.*?)<\/script>/gs)];
    for (const path of ['/id/', '/en/regions/', '/id/techniques/tulis', '/en/glossary/', '/id/visit/', '/en/motifs/kopi', '/id/regions/cirebon']) {
      const found = await scripts(path);
      expect(found.length, path).toBeGreaterThan(0);
      expect(found.every((m) => /replaceServerIsland|data-island-id/.test(m[0]!)), path).toBe(true);
      expect(found.reduce((n, m) => n + m[0]!.length, 0), path).toBeLessThan(3_000);
    }
  });
});
