/**
 * Batik classes end to end (decision 015), on the shared sample server: a curator schedules a class
 * with 3 seats on the class desk (bad input first: 0 seats is refused in Indonesian and nothing is
 * saved); a buyer at 360 px books it from the class page and pays by bank transfer, confirmed on the
 * order desk; four more buyers try at the same moment and exactly two get the seats left; the class
 * page then says sold out (and its JSON-LD SoldOut); the attendee list matches the bookings; a
 * cancelled unpaid booking gives its seat back; cancelling the class refunds the paid booking.
 * Screenshots at 360 and 1280 px in both languages go to $CLASSES_SHOTS (default /tmp/classes-shots).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { confirmTransferOnDesk, launchBrowser, seriousViolations, sessionCookie } from './browser.ts';

const baseUrl = inject('baseUrl');
const shots = process.env.CLASSES_SHOTS ?? '/tmp/classes-shots';
let browser: Browser;
let curator: string;

beforeAll(async () => {
  browser = await launchBrowser();
  curator = await sessionCookie(baseUrl, 'kurator@contoh.test');
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const post = (path: string, body: URLSearchParams, cookie = '') =>
  fetch(`${baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl, ...(cookie ? { Cookie: cookie } : {}) }, body });

/** A start some days ahead, as the desk's datetime-local field writes it (WIB). */
function localStart(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${at.toISOString().slice(0, 10)}T10:00`;
}

/** This run's class (a data directory reused between runs keeps the classes of earlier ones). */
const RUN = String(Date.now()).slice(-6);
const sessionFields = (overrides: Record<string, string> = {}) => ({
  placeId: 'rumah-batik-serasan',
  titleId: `Kelas uji e2e ${RUN}`,
  titleEn: `E2E test class ${RUN}`,
  start: localStart(4),
  timeZone: 'Asia/Jakarta',
  durationMinutes: '150',
  language: 'id',
  price: 'Rp 120.000',
  seats: '3',
  includesId: 'Kain, malam dan canting',
  includesEn: 'Cloth, wax and canting',
  ...overrides,
});

async function jsonLdEvent(page: Page): Promise<Record<string, any>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const all = blocks.flatMap((b) => [JSON.parse(b)].flat());
  return all.find((x) => x['@type'] === 'Event')!;
}

/** One buyer over HTTP: a cart cookie with the seat, then the checkout placed at the total it shows. */
async function bookOverHttp(sessionId: string, n: number, priceIdr: number): Promise<{ status: number; orders: string[] }> {
  const added = await post('/en/cart', form({ action: 'add-seats', sessionId, quantity: '1' }));
  const cookie = added.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (added.status !== 303) return { status: added.status, orders: [] };
  const placed = await post(
    '/en/checkout',
    form({ name: `Peserta Cepat ${n}`, email: `cepat${n}@contoh.test`, phone: `+62812555000${n}`, paymentMethod: 'bank_transfer', intent: 'place', expectedTotal: String(priceIdr) }),
    cookie,
  );
  const location = placed.headers.get('location') ?? '';
  const orders = (new URL(location || '/', baseUrl).searchParams.get('o') ?? '').split(',').filter(Boolean).map((p) => p.split('.')[0]!);
  return { status: placed.status, orders };
}

describe('batik classes', () => {
  it('a class with 3 seats: booked at 360 px and paid by transfer, 4 more buyers at once get exactly the 2 seats left, the attendee list matches; cancelling refunds', async () => {
    // Bad input is refused in Indonesian, and nothing is saved.
    const before = await (await fetch(`${baseUrl}/portal/classes`, { headers: { Cookie: curator } })).text();
    const bad = await post('/portal/classes', form(sessionFields({ seats: '0', price: '120.000,50' })), curator);
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain('Kelas harus punya paling sedikit 1 kursi.');
    expect(badPage).toContain('Harga harus rupiah bulat, tanpa sen (tanpa koma).');
    const after = await (await fetch(`${baseUrl}/portal/classes`, { headers: { Cookie: curator } })).text();
    expect(after.match(/data-session=/g)?.length ?? 0).toBe(before.match(/data-session=/g)?.length ?? 0);

    // The curator schedules it: 3 seats, Rp 120.000.
    const fields = sessionFields();
    const created = await post('/portal/classes', form(fields), curator);
    expect(created.status).toBe(303);
    const sessionId = /\/portal\/classes\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')![1]!;

    // Its region's page lists it (with its Event JSON-LD), and the region's feed has it as a timed entry.
    const regionPage = await (await fetch(`${baseUrl}/en/regions/muara-enim`)).text();
    expect(regionPage).toContain(`/en/visit/classes/${sessionId}`);
    const feed = (await (await fetch(`${baseUrl}/id/regions/muara-enim.ics`)).text()).replace(/\r\n /g, '');
    expect(feed).toContain(`UID:session-${sessionId}@canting`);
    expect(feed).toMatch(new RegExp(`UID:session-${sessionId}@canting[\\s\\S]*?DTSTART:\\d{8}T030000Z`));
    // It is in the sitemap, in both languages.
    const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    for (const lang of ['id', 'en']) expect(sitemap).toContain(`/${lang}/visit/classes/${sessionId}</loc>`);

    // A buyer at 360 px finds it, books a seat and pays by bank transfer.
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${baseUrl}/en/visit/classes/`);
    await page.getByRole('link', { name: `E2E test class ${RUN}` }).click();
    await page.waitForURL(`**/en/visit/classes/${sessionId}`);
    expect(await page.getByTestId('seats-left').textContent()).toBe('3 of 3 seats left');
    const event = await jsonLdEvent(page);
    expect(event).toMatchObject({ eventStatus: 'https://schema.org/EventScheduled', offers: { price: '120000', priceCurrency: 'IDR', availability: 'https://schema.org/LimitedAvailability' }, location: { name: 'Rumah Batik Serasan (RBS)' } });
    expect(event.startDate).toMatch(/T10:00:00\+07:00$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/class-page-en-360.png`, fullPage: true });
    await page.getByRole('button', { name: 'Book seats' }).click();
    await page.waitForURL('**/en/cart');
    await page.getByRole('heading', { name: 'Classes at Rumah Batik Serasan (RBS)' }).waitFor();
    await page.screenshot({ path: `${shots}/cart-en-360.png`, fullPage: true });
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByLabel('Full name').fill('Sari Peserta');
    await page.getByLabel('E-mail').fill('sari.kelas@contoh.test');
    await page.getByLabel('WhatsApp number').fill('+6281234567001');
    await page.getByLabel('Bank transfer').check();
    // No parcel, no courier, no shipping, no address to ask: the grand total is the class.
    expect(await page.getByLabel('Address (street, number)').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Work out shipping' }).count()).toBe(0);
    expect(await page.locator('[data-parcel]').count()).toBe(0);
    expect(await page.getByText('Class: nothing to ship, no courier needed.').count()).toBe(1);
    expect(Number((await page.getByTestId('grand-total').textContent())!.replace(/[^0-9]/g, ''))).toBe(120_000);
    await page.screenshot({ path: `${shots}/checkout-en-360.png`, fullPage: true });
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL('**/en/checkout/done?o=*');
    const orderNumber = new URL(page.url()).searchParams.get('o')!.split('.')[0]!;
    await page.getByText(/Transfer exactly/).first().waitFor();
    const confirmed = await confirmTransferOnDesk(baseUrl, orderNumber);
    expect(confirmed).toMatchObject({ outcome: 'changed', status: 'paid' });

    // Four more buyers at the same moment: exactly the two seats left are booked.
    const race = await Promise.all([1, 2, 3, 4].map((n) => bookOverHttp(sessionId, n, 120_000)));
    const won = race.filter((r) => r.status === 303);
    expect(won).toHaveLength(2);
    expect(race.filter((r) => r.status === 409 || r.status === 400).length).toBe(2);
    await page.reload();
    expect(await page.getByText('Transfer exactly').count()).toBe(0); // paid
    await page.goto(`${baseUrl}/en/visit/classes/${sessionId}`);
    expect(await page.getByTestId('seats-left').textContent()).toBe('Fully booked');
    expect((await jsonLdEvent(page)).offers.availability).toBe('https://schema.org/SoldOut');
    expect(await page.getByRole('button', { name: 'Book seats' }).count()).toBe(0);

    // The attendee list (curator, 360 px) matches: one paid, two awaiting payment.
    const desk = await browser.newContext({ viewport: { width: 360, height: 780 } });
    await desk.addCookies(curator.split('; ').map((c) => ({ name: c.split('=')[0]!, value: c.slice(c.indexOf('=') + 1), url: baseUrl })));
    const deskPage = await desk.newPage();
    await deskPage.goto(`${baseUrl}/portal/classes/${sessionId}`);
    const rows = deskPage.getByTestId('attendee');
    expect(await rows.count()).toBe(3);
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-order'), tr.getAttribute('data-status')]));
    expect(listed.map(([n]) => n).sort()).toEqual([orderNumber, ...won.flatMap((w) => w.orders)].sort());
    expect(listed.find(([n]) => n === orderNumber)![1]).toBe('paid');
    expect(listed.filter(([, s]) => s === 'awaiting_payment')).toHaveLength(2);
    expect(await deskPage.getByTestId('booked-seats').textContent()).toBe('3 dari 3 kursi terpesan');
    expect(await seriousViolations(deskPage)).toEqual([]);
    await deskPage.screenshot({ path: `${shots}/desk-attendees-id-360.png`, fullPage: true });

    // An unpaid booking ended on the order desk gives its seat back.
    const cancelOne = await post(`/admin/orders/${won[0]!.orders[0]!}`, form({ action: 'cancel', sure: 'yes', reason: 'uji e2e' }), curator);
    expect(cancelOne.status).toBe(303);
    await page.goto(`${baseUrl}/en/visit/classes/${sessionId}`);
    expect(await page.getByTestId('seats-left').textContent()).toBe('1 of 3 seats left');

    // Another region's organiser (Pekalongan's tourism office) neither sees nor cancels it: a 404, as for a class that does not exist.
    const office = await sessionCookie(baseUrl, 'wisata-pekalongan@contoh.test');
    expect((await fetch(`${baseUrl}/portal/classes/${sessionId}`, { headers: { Cookie: office } })).status).toBe(404);
    expect((await post(`/portal/classes/${sessionId}`, form({ reason: 'bukan punya saya', sure: 'yes' }), office)).status).toBe(404);
    const officeDesk = await (await fetch(`${baseUrl}/portal/classes`, { headers: { Cookie: office } })).text();
    expect(officeDesk).toContain('Kampoeng Wisata Batik Pesindon'); // its own region's sample class
    expect(officeDesk).not.toContain(fields.titleId);
    // An artisan has no class desk.
    const artisan = await sessionCookie(baseUrl, 'perajin1@contoh.test');
    const artisanDesk = await fetch(`${baseUrl}/portal/classes/${sessionId}`, { headers: { Cookie: artisan } });
    expect(artisanDesk.status).toBe(403);

    // Cancelling the class: the paid booking is refunded, the unpaid one cancelled, the page says so.
    const cancelled = await post(`/portal/classes/${sessionId}`, form({ reason: 'pembatik sakit', sure: 'yes' }), curator);
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toContain('refunded=1');
    await deskPage.reload();
    const statuses = await deskPage.getByTestId('attendee').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-order'), tr.getAttribute('data-status')]));
    expect(statuses.find(([n]) => n === orderNumber)![1]).toBe('refunded');
    expect(statuses.filter(([, s]) => s === 'cancelled')).toHaveLength(2);
    await page.goto(`${baseUrl}/id/visit/classes/${sessionId}`);
    expect((await jsonLdEvent(page)).eventStatus).toBe('https://schema.org/EventCancelled');
    expect(await page.getByTestId('seats-left').textContent()).toBe('Dibatalkan');
    await desk.close();
    await page.close();
  }, 180_000);

  it('the class list and a class page at 360 and 1280 px in both languages: sample classes labelled, nothing wider than the screen', async () => {
    for (const width of [360, 1280]) {
      for (const lang of ['id', 'en'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        expect((await page.goto(`${baseUrl}/${lang}/visit/classes/`))!.status()).toBe(200);
        expect(await page.locator('.class-list article').count()).toBeGreaterThan(0);
        await page.getByText(lang === 'id' ? /Data contoh: kelas bertanda Contoh fiktif/ : /Sample data: classes marked Sample are fictional/).first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${shots}/classes-${lang}-${width}.png`, fullPage: true });
        const [answer] = await Promise.all([page.waitForResponse((r) => /\/visit\/classes\/[0-9a-f-]{36}$/.test(r.url())), page.locator('.class-list article h3 a').first().click()]);
        expect(answer.status()).toBe(200);
        await page.waitForURL(`**/${lang}/visit/classes/*-*`);
        await page.getByTestId('seats-left').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (width === 360) expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/class-${lang}-${width}.png`, fullPage: true });
        // The visit page lists the classes too, below the events.
        expect((await page.goto(`${baseUrl}/${lang}/visit/`))!.status()).toBe(200);
        await page.locator('#classes-heading').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.locator('#classes-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${shots}/visit-classes-${lang}-${width}.png` });
        await page.close();
      }
    }
  }, 120_000);
});
