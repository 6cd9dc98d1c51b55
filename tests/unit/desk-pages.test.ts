/**
 * The back office's desk pages, apart from their templates, on PGlite: the artisan's order page
 * (lib/portal/order-page.ts), the order desk's checkout page (lib/admin/order-desk-page.ts), the
 * class desk's two pages (lib/classes/class-desk-page.ts) and the product pages
 * (lib/portal/product-page.ts). Each answers a 303 after an action, its refusal in Indonesian with
 * the page's status, or null (the page's 404) for what is not the reader's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useStrings } from '../../src/i18n/index.ts';
import { orderDeskPage } from '../../src/lib/admin/order-desk-page.ts';
import { classDeskPage, classSessionPage, sessionFields } from '../../src/lib/classes/class-desk-page.ts';
import { findClassSession } from '../../src/lib/classes/sessions.ts';
import { addSeatsToCart, addToCart, openCart } from '../../src/lib/commerce/cart.ts';
import { findOrderByNumber, markPaid, placeOrders, type CheckoutDeps } from '../../src/lib/commerce/orders.ts';
import { createBankTransferProvider } from '../../src/lib/commerce/payments/bank-transfer-provider.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import type { FormPage } from '../../src/lib/form-action.ts';
import { portalOrderPage } from '../../src/lib/portal/order-page.ts';
import { MAX_PHOTOS } from '../../src/lib/portal/photos.ts';
import { productEditPage, productNewPage } from '../../src/lib/portal/product-page.ts';
import { findOwnProduct } from '../../src/lib/portal/products.ts';
import { createArtisan, createProduct } from '../../src/lib/store/repository.ts';
import { publishPlace, savePlaceDraft } from '../../src/lib/visit/repository.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';
import { buildPlaceInput } from '../fixtures/visit-builders.ts';

const strings = useStrings('id');

/** The part of `Astro` the page functions use: a GET, or a POST of a urlencoded (or multipart) form. */
function page(address: string, form?: Record<string, string | string[]> | FormData): FormPage & { response: { status?: number } } {
  const url = new URL(address, 'http://canting.test');
  let request = new Request(url);
  if (form instanceof FormData) request = new Request(url, { method: 'POST', body: form });
  else if (form) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
    request = new Request(url, { method: 'POST', body });
  }
  return { request, url, response: {}, redirect: (to, status) => new Response(null, { status: status ?? 302, headers: { location: to } }) };
}

/** Where a 303 goes; fails the test when the answer is not one. */
function redirected(answer: unknown): string {
  expect(answer).toBeInstanceOf(Response);
  const response = answer as Response;
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

/** The answer as a view (not a redirect, not a 404). */
function viewOf<T>(answer: Response | T | null): T {
  expect(answer).not.toBeInstanceOf(Response);
  expect(answer).not.toBeNull();
  return answer as T;
}

const buyer = { name: 'Pembeli Contoh', email: 'pembeli@contoh.test', phone: '+6281234567890' };
const address = { line1: 'Jl. Contoh No. 1', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID' };
const checkoutDeps: CheckoutDeps = {
  quoteShipping: ({ courierId }) => ({ courierId: courierId ?? 'jne', name: 'JNE REG', costIdr: 20_000, zone: 'java', etaDays: [2, 3] }),
  payments: { bank_transfer: createBankTransferProvider({ bankName: 'Bank Contoh', accountName: 'Koperasi Canting', accountNumber: '000-000-0000' }) },
  settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 },
  urls: ({ number }) => ({ successUrl: `http://x/ok/${number}`, cancelUrl: `http://x/cancel/${number}` }),
};

let db: Database;
let mediaDir: string;
let artisanA: string;
let artisanB: string;
beforeAll(async () => {
  db = await openPgliteDatabase('memory://');
  await migrate(db);
  mediaDir = await mkdtemp(join(tmpdir(), 'canting-desk-pages-'));
  artisanA = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
  artisanB = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
});
afterAll(async () => {
  await db?.close();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

/** An unpaid bank-transfer order of one piece of `artisanId`. */
async function orderOf(artisanId: string) {
  const piece = await createProduct(db, buildProductInput({ artisanId, stock: 5 }));
  const { cartId } = await openCart(db, undefined);
  await addToCart(db, cartId, piece.slug, 1);
  const [placed] = await placeOrders(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, checkoutDeps);
  return { ...placed!, slug: piece.slug };
}

describe('the artisan’s order page (portalOrderPage)', () => {
  const calls = { delivered: 0, reindexed: [] as string[][] };
  const deps = () => ({ db, deliverEffects: async () => void calls.delivered++, reindex: async (slugs: readonly string[]) => (calls.reindexed.push([...slugs]), true) });
  const t = strings.portal;

  it('shows the artisan’s own order with the flash its address asks for; another’s order, or none, is null', async () => {
    const own = await orderOf(artisanA);
    const view = viewOf(await portalOrderPage(page(`/portal/orders/${own.number}?done=shipped`), deps(), artisanA, own.number));
    expect(view.order.number).toBe(own.number);
    expect(view.self).toBe(`/portal/orders/${own.number}`);
    expect(view.flash).toBe(t.flash.shipped);
    expect(view.error).toBeNull();
    expect(viewOf(await portalOrderPage(page(`/portal/orders/${own.number}?done=nonsense`), deps(), artisanA, own.number)).flash).toBeNull();
    expect(await portalOrderPage(page(`/portal/orders/${own.number}`), deps(), artisanB, own.number)).toBeNull();
    expect(await portalOrderPage(page('/portal/orders/CTG-2026-999999'), deps(), artisanA, 'CTG-2026-999999')).toBeNull();
  });

  it('refuses a bad tracking number, shipping unpaid, and a cancel without the box, each with its sentence and status', async () => {
    const own = await orderOf(artisanA);
    const self = `/portal/orders/${own.number}`;
    const bad = page(self, { action: 'ship', tracking: 'a b' });
    expect(viewOf(await portalOrderPage(bad, deps(), artisanA, own.number)).error).toBe(t.errors.tracking);
    expect(bad.response.status).toBe(400);
    const unpaid = page(self, { action: 'ship', tracking: 'JNE-123456' });
    const refused = viewOf(await portalOrderPage(unpaid, deps(), artisanA, own.number));
    expect(refused.error).toBe(t.errors.shipNotPaid);
    expect(refused.flash).toBeNull();
    expect(unpaid.response.status).toBe(409);
    const unsure = page(`${self}?done=cancelled`, { action: 'cancel' });
    const notSure = viewOf(await portalOrderPage(unsure, deps(), artisanA, own.number));
    expect(notSure.error).toBe(t.errors.cancelConfirm);
    expect(notSure.flash).toBeNull();
    expect((await findOrderByNumber(db, own.number))!.status).toBe('awaiting_payment');
  });

  it('ships a paid order (the mail delivered at once) and cancels an unpaid one (its piece reindexed), each a 303 back', async () => {
    const paid = await orderOf(artisanA);
    await markPaid(db, paid.id);
    const before = calls.delivered;
    expect(redirected(await portalOrderPage(page(`/portal/orders/${paid.number}`, { action: 'ship', tracking: 'JNE-123456' }), deps(), artisanA, paid.number))).toBe(`/portal/orders/${paid.number}?done=shipped`);
    expect(calls.delivered).toBe(before + 1);
    expect((await findOrderByNumber(db, paid.number))!.trackingNumber).toBe('JNE-123456');

    const unpaid = await orderOf(artisanA);
    expect(redirected(await portalOrderPage(page(`/portal/orders/${unpaid.number}`, { action: 'cancel', sure: 'yes' }), deps(), artisanA, unpaid.number))).toBe(`/portal/orders/${unpaid.number}?done=cancelled`);
    expect(calls.reindexed.at(-1)).toEqual([unpaid.slug]);
    expect((await findOrderByNumber(db, unpaid.number))!.status).toBe('cancelled');
  });

  it('a post to another artisan’s order is null (the 404) and changes nothing', async () => {
    const ofB = await orderOf(artisanB);
    expect(await portalOrderPage(page(`/portal/orders/${ofB.number}`, { action: 'cancel', sure: 'yes' }), deps(), artisanA, ofB.number)).toBeNull();
    expect((await findOrderByNumber(db, ofB.number))!.status).toBe('awaiting_payment');
  });
});

describe('the order desk’s checkout page (orderDeskPage)', () => {
  let delivered = 0;
  const deps = () => ({ db, deliverEffects: async () => void delivered++ });
  const d = strings.portal.desk;
  const curator = 'kurator@contoh.test';

  it('finds the checkout by its number or an order’s; an unknown one is null', async () => {
    const placed = await orderOf(artisanA);
    const byOrder = viewOf(await orderDeskPage(page(`/admin/orders/${placed.number}?done=confirmed`), deps(), curator, placed.number));
    expect(byOrder.desk.orders.map((o) => o.number)).toEqual([placed.number]);
    expect(byOrder.flash).toBe(d.flash.confirmed);
    const checkoutNumber = byOrder.desk.checkout.number;
    expect(viewOf(await orderDeskPage(page(`/admin/orders/${checkoutNumber}`), deps(), curator, checkoutNumber)).desk.checkout.id).toBe(byOrder.desk.checkout.id);
    expect(await orderDeskPage(page('/admin/orders/CO-2026-999999'), deps(), curator, 'CO-2026-999999')).toBeNull();
  });

  it('confirms a transfer once (effects delivered), then answers unchanged; refusals are the desk’s sentences', async () => {
    const placed = await orderOf(artisanA);
    const self = `/admin/orders/${encodeURIComponent(placed.number)}`;
    const unsure = page(self, { action: 'cancel' });
    expect(viewOf(await orderDeskPage(unsure, deps(), curator, placed.number)).error).toBe(d.errors.check);
    expect(unsure.response.status).toBe(400);
    const before = delivered;
    expect(redirected(await orderDeskPage(page(self, { action: 'confirm' }), deps(), curator, placed.number))).toBe(`${self}?done=confirmed`);
    expect(delivered).toBe(before + 1);
    expect((await findOrderByNumber(db, placed.number))!.status).toBe('paid');
    expect(redirected(await orderDeskPage(page(self, { action: 'confirm' }), deps(), curator, placed.number))).toBe(`${self}?done=unchanged`);
    expect(delivered).toBe(before + 1);
    const byCard = page(self, { action: 'refund-stripe', order: placed.number, sure: 'yes' });
    expect(viewOf(await orderDeskPage(byCard, deps(), curator, placed.number)).error).toBe(d.errors.stripeForBank);
    const cancelPaid = page(self, { action: 'cancel', sure: 'yes' });
    expect(viewOf(await orderDeskPage(cancelPaid, deps(), curator, placed.number)).error).toBe(d.errors.paid);
    expect(cancelPaid.response.status).toBe(409);
  });
});

describe('the class desk’s pages (classDeskPage, classSessionPage)', () => {
  const d = strings.classes.desk;
  const curator = { role: 'curator', artisanId: null, artisanStatus: null, organiser: null, email: 'kurator@contoh.test' };
  const organiserOf = (region: string) => ({
    role: 'organiser',
    artisanId: null,
    artisanStatus: null,
    email: 'dinas@contoh.test',
    organiser: { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', kind: 'region' as const, scopeId: region, trusted: false },
  });
  let delivered = 0;
  const deps = () => ({ db, deliverEffects: async () => void delivered++ });
  const goodForm = { placeId: 'sanggar-seleman', titleId: 'Kelas membatik tulis', titleEn: '', start: '2031-01-09T09:00', timeZone: 'Asia/Jakarta', durationMinutes: '180', language: 'id', price: 'Rp 150.000', seats: '8', includesId: 'Kain, malam dan canting', includesEn: '' };

  beforeAll(async () => {
    for (const [id, region, name] of [['sanggar-seleman', 'muara-enim', 'Sanggar Seleman Contoh'], ['kampung-kauman', 'pekalongan', 'Kampung Kauman Contoh']] as const) {
      const row = await savePlaceDraft(db, { input: buildPlaceInput({ name: { id: name, en: '' }, region }), by: null });
      if (row.id !== id) await db.query('UPDATE visit_places SET id = $2 WHERE id = $1', [row.id, id]);
      await publishPlace(db, id, null);
    }
  });

  it('the new-date form: eleven fields in order, defaults, the places by name, each problem under its field', () => {
    const places = [{ id: 'b', name: 'Kauman' }];
    const empty = sessionFields(places, null, {});
    expect(empty.map((f) => f.name)).toEqual(['placeId', 'titleId', 'titleEn', 'start', 'timeZone', 'durationMinutes', 'language', 'price', 'seats', 'includesId', 'includesEn']);
    expect(Object.fromEntries(empty.map((f) => [f.name, f.value]))).toMatchObject({ timeZone: 'Asia/Jakarta', durationMinutes: '180', language: 'id', titleId: '' });
    expect(empty.find((f) => f.name === 'placeId')!.options).toEqual([{ value: 'b', text: 'Kauman' }]);
    expect(empty.find((f) => f.name === 'start')!.input).toEqual({ type: 'datetime-local', required: true });
    expect(empty.every((f) => f.error === null && f.label === d.fields[f.name])).toBe(true);
    const marked = sessionFields(places, { ...goodForm, seats: '0' }, { seats: 'seatsZero' });
    expect(marked.find((f) => f.name === 'seats')).toMatchObject({ value: '0', error: d.fieldErrors.seatsZero });
  });

  it('a curator sees every place; an organiser only its region’s, in the organiser’s section', async () => {
    const asCurator = viewOf(await classDeskPage(page('/portal/classes'), db, curator));
    expect(asCurator.area).toBe('admin');
    expect(asCurator.fields[0]!.options!.map((o) => o.value)).toEqual(['kampung-kauman', 'sanggar-seleman']);
    const asOrganiser = viewOf(await classDeskPage(page('/portal/classes'), db, organiserOf('pekalongan')));
    expect(asOrganiser.area).toBe('organiser');
    expect(asOrganiser.fields[0]!.options!.map((o) => o.value)).toEqual(['kampung-kauman']);
  });

  it('a bad form comes back (400) with its values and messages; a good one is a 303 to the new date; another region’s place is refused', async () => {
    const bad = page('/portal/classes', { ...goodForm, seats: '0' });
    const refused = viewOf(await classDeskPage(bad, db, curator));
    expect(bad.response.status).toBe(400);
    expect(refused.error).toBe(d.fix);
    expect(refused.fields.find((f) => f.name === 'seats')).toMatchObject({ value: '0', error: d.fieldErrors.seatsZero });
    const notTheirs = page('/portal/classes', goodForm);
    expect(viewOf(await classDeskPage(notTheirs, db, organiserOf('pekalongan'))).fields[0]!.error).toBe(d.fieldErrors.place);
    const to = redirected(await classDeskPage(page('/portal/classes', goodForm), db, curator));
    const id = /^\/portal\/classes\/([0-9a-f-]{36})\?done=created$/.exec(to)?.[1];
    expect((await findClassSession(db, id!))!.title.id).toBe('Kelas membatik tulis');
  });

  it('one date: its attendees for its own desk, null for another region or none; cancelling needs the box, then a 303 with the counts', async () => {
    const id = /classes\/([0-9a-f-]{36})/.exec(redirected(await classDeskPage(page('/portal/classes', goodForm), db, curator)))![1]!;
    const { cartId } = await openCart(db, undefined);
    await addSeatsToCart(db, cartId, id, 2);
    await placeOrders(db, cartId, { buyer, address, paymentMethod: 'bank_transfer' }, checkoutDeps);

    const view = viewOf(await classSessionPage(page(`/portal/classes/${id}?done=created`), deps(), organiserOf('muara-enim'), id));
    expect(view.area).toBe('organiser');
    expect(view.attendees.map((a) => a.seats)).toEqual([2]);
    expect(view.heldSeats).toBe(2);
    expect(view.outcome).toBe(d.created);
    expect(await classSessionPage(page(`/portal/classes/${id}`), deps(), organiserOf('pekalongan'), id)).toBeNull();
    expect(await classSessionPage(page('/portal/classes/x'), deps(), curator, 'x')).toBeNull();

    const unsure = page(`/portal/classes/${id}?done=created`, { reason: 'hujan' });
    const refused = viewOf(await classSessionPage(unsure, deps(), curator, id));
    expect(refused.error).toBe(d.check);
    expect(refused.outcome).toBeNull();
    expect(unsure.response.status).toBe(400);
    const before = delivered;
    expect(redirected(await classSessionPage(page(`/portal/classes/${id}`, { reason: 'hujan', sure: 'yes' }), deps(), curator, id))).toBe(`/portal/classes/${id}?done=cancelled&ended=1&refunded=0`);
    expect(delivered).toBe(before + 1);
    expect((await findClassSession(db, id))!.status).toBe('cancelled');
    expect(viewOf(await classSessionPage(page(`/portal/classes/${id}?done=cancelled&ended=1&refunded=0`), deps(), curator, id)).outcome).toBe(d.cancelledDone(1, 0));
  });
});

describe('the product pages (productNewPage, productEditPage)', () => {
  const t = strings.portalProducts;
  const reindexed: string[][] = [];
  const choice = (id: string, name: string) => ({ id, name: { id: name, en: name } });
  const deps = () => ({
    db,
    mediaDir,
    reindex: async (slugs: readonly string[]) => (reindexed.push([...slugs]), true),
    catalogue: async () => ({ motifs: [choice('kopi', 'Kopi'), choice('durian', 'Durian')], techniques: [choice('tulis', 'Tulis'), choice('cap', 'Cap')] }),
  });
  const artisan = (id: string, status = 'approved') => ({ role: 'artisan', artisanId: id, artisanStatus: status });
  const fields = {
    title_id: 'Kain Durian Contoh',
    title_en: '',
    description_id: 'Kain batik cap motif durian (contoh).',
    description_en: '',
    motifs: ['durian'],
    technique: 'cap',
    dye: 'synthetic',
    fabric: 'katun-primisima',
    category: 'kain-panjang',
    lengthCm: '250',
    widthCm: '115',
    weightGrams: '350',
    priceIdr: '250.000',
    stock: '2',
    leadTimeDays: '',
  };

  it('the new form: empty, its choices by Indonesian name, and the notice for a workshop awaiting approval; curators are refused', async () => {
    const view = viewOf(await productNewPage(page('/portal/products/new'), deps(), artisan(artisanA)));
    expect(view.values.title_id).toBe('');
    expect(view.motifs.map((m) => m.id)).toEqual(['durian', 'kopi']);
    expect(view.techniques.map((m) => m.id)).toEqual(['cap', 'tulis']);
    expect(view.notApproved).toBe(false);
    expect(viewOf(await productNewPage(page('/portal/products/new'), deps(), artisan(artisanA, 'pending'))).notApproved).toBe(true);
    await expect(productNewPage(page('/portal/products/new'), deps(), { role: 'curator', artisanId: null, artisanStatus: null })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a new product: a bad form comes back (400) with its values and messages; a good one is a 303 to its page', async () => {
    const bad = page('/portal/products/new', { ...fields, title_id: '', priceIdr: 'murah' });
    const refused = viewOf(await productNewPage(bad, deps(), artisan(artisanA)));
    expect(bad.response.status).toBe(400);
    expect(refused.problem).toBe(t.fix);
    expect(refused.fieldErrors.title_id).toBeTruthy();
    expect(refused.fieldErrors.priceIdr).toBeTruthy();
    expect(refused.values.priceIdr).toBe('murah');
    const to = redirected(await productNewPage(page('/portal/products/new', { ...fields, intent: 'draft' }), deps(), artisan(artisanA)));
    const id = /^\/portal\/products\/([0-9a-f-]{36})\?ok=created$/.exec(to)?.[1];
    expect((await findOwnProduct(db, artisanA, id!))!).toMatchObject({ status: 'draft', priceIdr: 250_000 });
  });

  it('the edit page: the product with its flash; another artisan’s product is a 404 without it', async () => {
    const piece = await createProduct(db, buildProductInput({ artisanId: artisanA, motifs: ['kopi'], technique: 'cap' }));
    const view = viewOf(await productEditPage(page(`/portal/products/${piece.id}?ok=saved`), deps(), artisan(artisanA), piece.id));
    expect(view.product!.id).toBe(piece.id);
    expect(view.values.title_id).toBe(piece.title.id);
    expect(view.flash).toBe(t.flash.saved);
    expect(view.remaining).toBe(MAX_PHOTOS);
    expect(view.isPublic).toBe(true);
    expect(viewOf(await productEditPage(page(`/portal/products/${piece.id}?ok=nonsense`), deps(), artisan(artisanA, 'pending'), piece.id))).toMatchObject({ flash: null, isPublic: false, notApproved: true });
    const other = page(`/portal/products/${piece.id}`);
    const notTheirs = viewOf(await productEditPage(other, deps(), artisan(artisanB), piece.id));
    expect(notTheirs.product).toBeNull();
    expect(other.response.status).toBe(404);
  });

  it('the edit page’s posts: a refused save keeps the values, publish is a 303 (reindexed), an unknown intent and an empty upload are said', async () => {
    const piece = await createProduct(db, buildProductInput({ artisanId: artisanA, motifs: ['kopi'], technique: 'cap', status: 'draft' }));
    const self = `/portal/products/${piece.id}`;
    const bad = page(self, { ...fields, intent: 'save', stock: '-1' });
    const refused = viewOf(await productEditPage(bad, deps(), artisan(artisanA), piece.id));
    expect(bad.response.status).toBe(400);
    expect(refused.fieldErrors.stock).toBeTruthy();
    expect(refused.values.stock).toBe('-1');
    expect((await findOwnProduct(db, artisanA, piece.id))!.stock).toBe(piece.stock);

    expect(redirected(await productEditPage(page(self, { ...fields, intent: 'publish' }), deps(), artisan(artisanA), piece.id))).toBe(`${self}?ok=published`);
    expect(reindexed.at(-1)).toEqual([piece.slug]);
    expect((await findOwnProduct(db, artisanA, piece.id))!).toMatchObject({ status: 'active', title: { id: 'Kain Durian Contoh' } });

    const unknown = page(self, { intent: 'dance' });
    expect(viewOf(await productEditPage(unknown, deps(), artisan(artisanA), piece.id)).problem).toBe(t.problem);
    expect(unknown.response.status).toBe(400);
    const upload = new FormData();
    upload.set('intent', 'upload');
    const empty = page(self, upload);
    expect(viewOf(await productEditPage(empty, deps(), artisan(artisanA), piece.id)).photoProblems).toEqual([t.photos.errors.none]);
    expect(empty.response.status).toBe(400);
  });
});
