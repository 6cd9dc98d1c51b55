/**
 * Issue #15, in Chromium at 360 px: a sample tourism office adds an event with a photo; it stays a draft
 * until a curator publishes it from the review page (which shows what changed); then it is on the visit
 * and region pages in both languages with valid Event JSON-LD and a working .ics. And the one guard:
 * an organiser of one region can neither read nor change another region's places and events (404 by
 * page and API; 403 for moving something into another region), and artisans and organisers cannot
 * reach each other's sections.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, seriousViolations, sessionCookie, signIn as signInAt } from './browser.ts';

const baseUrl = inject('baseUrl');
const signIn = (page: Page, email: string) => signInAt(page, baseUrl, email);
const OFFICE = 'wisata-pekalongan@contoh.test';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const phone = { viewport: { width: 360, height: 780 } };

/** The Event objects among a page's JSON-LD blocks (also inside @graph). */
async function eventsInJsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o['@type'] === 'Event' || (Array.isArray(o['@type']) && (o['@type'] as string[]).includes('Event'))) found.push(o);
    for (const value of Object.values(o)) if (value && typeof value === 'object') walk(value);
  };
  for (const block of blocks) walk(JSON.parse(block));
  return found;
}

describe('a curator invites an organiser; the invitation sets a password through the reset page', () => {
  it('invite by e-mail → reset link → password → signs in at /portal/login into its own section', async () => {
    const email = `dinas-${Date.now().toString(36)}@contoh.test`;
    const curator = await browser.newPage(phone);
    await signIn(curator, 'kurator@contoh.test');
    await curator.goto(`${baseUrl}/admin/organisers`);
    expect(await seriousViolations(curator)).toEqual([]);
    await curator.getByLabel('E-mail', { exact: true }).fill(email);
    await curator.getByLabel('Nama lembaga').fill('Kantor Wisata Uji (contoh)');
    await curator.getByLabel('Satu daerah (dinas pariwisata)').check();
    await curator.locator('select[name="region"]').selectOption('probolinggo');
    await curator.getByRole('button', { name: 'Kirim undangan' }).click();
    await curator.waitForURL(/\/admin\/organisers\?done=invited/);
    expect(await curator.getByRole('status').textContent()).toContain('Undangan sudah dikirim.');
    expect(await curator.content()).toContain(email);
    // The e-mail (the outbox, with no SMTP) carries a reset link on PUBLIC_SITE_URL.
    await curator.goto(`${baseUrl}/admin/outbox`);
    const mail = curator.locator('li.panel', { hasText: email }).filter({ hasText: 'account.organiser-invite' }).first();
    const text = (await mail.locator('pre').textContent())!;
    expect(text).toContain('daerah Probolinggo');
    const link = new URL(text.match(/https?:\/\/\S+\/portal\/reset\?token=\S+/)![0]);
    expect(link.origin).toBe(new URL(baseUrl).origin);
    // Before choosing a password, nothing signs in.
    const early = await fetch(`${baseUrl}/portal/login`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl }, body: new URLSearchParams({ email, password: '' }) });
    expect(early.status).toBe(401);

    const invited = await browser.newPage(phone);
    await invited.goto(`${baseUrl}${link.pathname}${link.search}`);
    await invited.getByLabel('Kata sandi baru').fill('kata-sandi-dinas-uji');
    await invited.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await invited.waitForLoadState();
    expect(await invited.getByRole('status').textContent()).toContain('Kata sandi sudah diganti');
    await invited.goto(`${baseUrl}/portal/login`);
    await invited.getByLabel('E-mail').fill(email);
    await invited.getByLabel('Kata sandi').fill('kata-sandi-dinas-uji');
    await invited.getByRole('button', { name: 'Masuk' }).click();
    await invited.waitForURL((url) => url.pathname === '/portal/organiser');
    expect(await invited.locator('main').textContent()).toContain('daerah Probolinggo');
    // The curator sees the account active, and can trust it.
    await curator.goto(`${baseUrl}/admin/organisers`);
    const row = curator.locator('tr', { hasText: email });
    expect(await row.textContent()).toContain('Aktif');
    await row.getByRole('button', { name: 'Percayai (langsung terbit)' }).click();
    await curator.waitForURL(/done=trusted/);
    await invited.reload();
    expect(await invited.locator('main').textContent()).toContain('perubahan langsung terbit');
    await Promise.all([curator.close(), invited.close()]);
  }, 90_000);
});

describe('a tourism office adds an event; a curator publishes it', () => {
  it('event with a photo → draft → review → published on the visit and region pages, with JSON-LD and .ics', async () => {
    const stamp = Date.now().toString(36);
    const name = `Pameran Uji Batik ${stamp}`;
    const english = `Batik Test Fair ${stamp}`;
    const office = await browser.newPage(phone);
    await signIn(office, OFFICE);
    expect(new URL(office.url()).pathname).toBe('/portal/organiser');

    await office.goto(`${baseUrl}/portal/organiser/events/new`);
    expect(await seriousViolations(office)).toEqual([]);
    // Nothing overflows sideways on a phone.
    expect(await office.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await office.getByLabel('Nama (bahasa Indonesia)').fill(name);
    await office.getByLabel('Nama (bahasa Inggris, boleh kosong)').fill(english);
    await office.getByLabel('Keterangan (bahasa Indonesia)').fill('Pameran kain batik untuk uji ujung ke ujung (contoh).');
    await office.getByLabel('Keterangan (bahasa Inggris, boleh kosong)').fill('A batik fair for the end-to-end test (sample).');
    await office.locator('select[name="place"]').selectOption('kampung-batik-kauman');
    // First a mistake: the end before the start, and a price with cents. Nothing is saved; the messages are Indonesian.
    await office.getByLabel('Tanggal mulai').fill('2030-06-12');
    await office.getByLabel('Tanggal selesai').fill('2030-06-10');
    await office.getByLabel('Harga tiket (rupiah, bila tidak gratis)').fill('15000,50');
    await office.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await office.waitForLoadState();
    expect(await office.getByText('Waktu selesai tidak boleh sebelum waktu mulai.').count()).toBe(1);
    expect(await office.getByText('Harga ditulis dalam rupiah utuh (tanpa sen), 0 atau lebih.').count()).toBeGreaterThan(0);
    expect(await office.getByLabel('Nama (bahasa Indonesia)').inputValue()).toBe(name); // kept as typed

    await office.getByLabel('Tanggal mulai').fill('2030-06-10');
    await office.getByLabel('Jam mulai (boleh kosong)').fill('09:00');
    await office.getByLabel('Tanggal selesai').fill('2030-06-12');
    await office.getByLabel('Jam selesai (boleh kosong)').fill('16:00');
    await office.getByLabel('Harga tiket (rupiah, bila tidak gratis)').fill('15.000');
    await office.getByLabel('Penyelenggara').fill('Kantor Wisata Pekalongan (contoh)');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2f4a7a' } }).jpeg().toBuffer();
    await office.locator('input[type="file"]').setInputFiles({ name: 'pameran.jpg', mimeType: 'image/jpeg', buffer: photo });
    await office.getByLabel('Keterangan foto').fill('Suasana pameran (contoh)');
    await office.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await office.waitForURL(/\/portal\/organiser\/events\/[a-z0-9-]+\?done=draft$/);
    const eventId = new URL(office.url()).pathname.split('/').pop()!;
    expect(await office.getByTestId('visit-state').textContent()).toBe('Draf menunggu kurator');
    expect(await office.locator('.organiser-photos img').count()).toBe(1);

    // A draft is not public.
    expect(await (await fetch(`${baseUrl}/id/visit/`)).text()).not.toContain(name);

    const curator = await browser.newPage(phone);
    await signIn(curator, 'kurator@contoh.test');
    await curator.goto(`${baseUrl}/admin/review`);
    const item = curator.getByTestId(`review-event-${eventId}`);
    expect(await item.textContent()).toContain(name);
    expect(await item.textContent()).toContain('15000');
    expect(await item.textContent()).toContain('1 foto');
    expect(await item.textContent()).toContain(OFFICE);
    expect(await seriousViolations(curator)).toEqual([]);
    await item.getByRole('button', { name: 'Terbitkan' }).click();
    await curator.waitForURL(/\/admin\/review\?done=published/);
    expect(await curator.getByTestId(`review-event-${eventId}`).count()).toBe(0);

    await office.goto(`${baseUrl}/portal/organiser/events/${eventId}`);
    expect(await office.getByTestId('visit-state').textContent()).toBe('Terbit');
    // A later change waits beside the published version; the organiser may take it back.
    await office.getByLabel('Penyelenggara').fill('Penyelenggara Lain (contoh)');
    await office.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await office.waitForURL(/\?done=draft$/);
    expect(await office.getByTestId('visit-state').textContent()).toBe('Terbit · ada perubahan menunggu kurator');
    await office.getByRole('button', { name: 'Tarik kembali perubahan ini' }).click();
    await office.waitForURL(/\?done=withdrawn$/);
    expect(await office.getByTestId('visit-state').textContent()).toBe('Terbit');
    expect(await office.getByLabel('Penyelenggara').inputValue()).toBe('Kantor Wisata Pekalongan (contoh)');

    // Public, in both languages: the visit page and Pekalongan's page, with Event JSON-LD.
    const visitor = await browser.newPage(phone);
    for (const [lang, title] of [['id', name], ['en', english]] as const) {
      for (const path of [`/${lang}/visit/`, `/${lang}/regions/pekalongan`]) {
        const res = await visitor.goto(`${baseUrl}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await visitor.content(), path).toContain(title);
        const events = await eventsInJsonLd(visitor);
        const ours = events.find((e) => e.name === title);
        expect(ours, `${path}: Event JSON-LD for ${title}`).toBeDefined();
        expect(String(ours!.startDate)).toMatch(/^2030-06-10T09:00(:00)?\+07:00$/);
        expect(ours!.location).toBeDefined();
        expect(ours!.eventStatus).toBe('https://schema.org/EventScheduled');
        expect(JSON.stringify(ours!.offers)).toContain('15000');
      }
    }
    // A working .ics for the event.
    const ics = await fetch(`${baseUrl}/id/visit/events/${eventId}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await ics.text();
    expect(body).toMatch(/BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*END:VEVENT[\s\S]*END:VCALENDAR/);
    expect(body.replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${name}`);
    expect(body).toMatch(/DTSTART(;TZID=Asia\/Jakarta:20300610T090000|:20300610T020000Z)/);
    await Promise.all([office.close(), curator.close(), visitor.close()]);
  }, 120_000);
});

describe('the one guard keeps organisers to their region and out of the artisans’ portal', () => {
  it('another region’s place or event is 404 by page and API; moving one there is 403', async () => {
    const cookie = await sessionCookie(baseUrl, OFFICE);
    const get = (path: string) => fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
    const send = (method: string, path: string, body: unknown) =>
      fetch(`${baseUrl}${path}`, { method, headers: { cookie, 'Content-Type': 'application/json', Origin: baseUrl }, body: JSON.stringify(body), redirect: 'manual' });

    // Its own: readable.
    expect((await get('/portal/organiser/places/kampung-batik-kauman')).status).toBe(200);
    const own = (await (await get('/api/portal/organiser/places/kampung-batik-kauman')).json()) as { place: { id: string; published: Record<string, unknown> } };
    expect(own.place.id).toBe('kampung-batik-kauman');
    // Cirebon's place and Probolinggo's event: 404, like something that does not exist.
    for (const path of ['/portal/organiser/places/trusmi', '/portal/organiser/events/batik-in-motion-2025', '/portal/organiser/places/tidak-ada']) {
      expect((await get(path)).status, path).toBe(404);
    }
    for (const path of ['/api/portal/organiser/places/trusmi', '/api/portal/organiser/events/batik-in-motion-2025']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe('not_found');
    }
    const listed = (await (await get('/api/portal/organiser/places')).json()) as { places: { id: string }[] };
    expect(listed.places.map((p) => p.id)).not.toContain('trusmi');
    expect(listed.places.map((p) => p.id)).toContain('kampung-batik-kauman');

    // Changing another region's: 404 before the body is read; moving one's own there, or a new event at another region's place: 403.
    expect((await send('PUT', '/api/portal/organiser/places/trusmi', { ...own.place.published, region: 'pekalongan' })).status).toBe(404);
    expect((await send('PUT', '/api/portal/organiser/places/kampung-batik-kauman', { ...own.place.published, region: 'cirebon' })).status).toBe(403);
    const foreignEvent = { name: { id: 'Acara Menyusup', en: '' }, region: 'cirebon', place: 'trusmi', startDate: '2030-01-01', endDate: '2030-01-01', description: { id: 'x', en: '' } };
    expect((await send('POST', '/api/portal/organiser/events', foreignEvent)).status).toBe(403);
    // The page's form, posted to another region's place: 404, and nothing changed there.
    const form = new FormData();
    form.append('name.id', 'Trusmi Diubah');
    const posted = await fetch(`${baseUrl}/portal/organiser/places/trusmi`, { method: 'POST', headers: { cookie, Origin: baseUrl }, body: form, redirect: 'manual' });
    expect(posted.status).toBe(404);
    const curator = await sessionCookie(baseUrl, 'kurator@contoh.test');
    expect(await (await fetch(`${baseUrl}/admin/review`, { headers: { cookie: curator } })).text()).not.toContain('Trusmi Diubah');
  });

  it('artisans and organisers cannot reach each other’s sections, nor the admin', async () => {
    const organiser = await sessionCookie(baseUrl, OFFICE);
    const artisan = await sessionCookie(baseUrl, 'perajin1@contoh.test');
    const status = async (cookie: string, path: string) => (await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' })).status;
    for (const path of ['/portal', '/portal/products', '/portal/orders', '/admin/review', '/admin/organisers']) expect(await status(organiser, path), path).toBe(403);
    for (const path of ['/portal/organiser', '/portal/organiser/events/new', '/portal/organiser/places/kampung-batik-kauman']) expect(await status(artisan, path), path).toBe(403);
    expect(await status(artisan, '/api/portal/organiser/places')).toBe(403);
    expect(await status(organiser, '/api/portal/products')).toBe(403);
    // Signed out: to the sign-in page.
    const out = await fetch(`${baseUrl}/portal/organiser`, { redirect: 'manual' });
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toContain('/portal/login?next=%2Fportal%2Forganiser');
    // And the access page says so in Indonesian, pointing the organiser to its own section.
    const page = await browser.newPage(phone);
    await signIn(page, OFFICE);
    await page.goto(`${baseUrl}/portal/products`);
    expect(await page.getByRole('link', { name: 'Ke bagian Anda' }).getAttribute('href')).toBe('/portal/organiser');
    await page.close();
  });
});
