/**
 * The organiser's place and event pages (src/lib/organisers/visit-edit-page.ts), on PGlite: one view per
 * kind for the list and the form, what a post leads to, 404 for another region's item, and the API's
 * handlers for both kinds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { AppError } from '../../src/lib/errors.ts';
import { createUser } from '../../src/lib/auth/accounts.ts';
import { getPlace, VisitInputError, publishEvent, publishPlace, saveEventDraft, savePlaceDraft } from '../../src/lib/visit/repository.ts';
import {
  organiserHomePage,
  visitCollectionRoutes,
  visitFormPage,
  visitItemRoutes,
  visitKindOf,
  visitListPage,
  type OrganiserAccount,
  type VisitFormView,
} from '../../src/lib/organisers/visit-edit-page.ts';
import { organiserStrings } from '../../src/i18n/organiser.ts';
import { buildEventInput, buildPlaceInput } from '../fixtures/visit-builders.ts';

const o = organiserStrings.id;
/** The account's user id (a real row: drafts name their author). */
let userId = '';
const account = (kind: 'region' | 'place', scopeId: string, trusted = false): OrganiserAccount => ({
  get id() {
    return userId;
  },
  role: 'organiser',
  organiser: { id: 'org-1', name: 'Dinas Pariwisata Contoh', kind, scopeId, trusted },
});
const office = account('region', 'pekalongan');
const cooperative = account('place', 'desa-seleman');

describe('the organiser’s place and event pages', () => {
  let db: Database;
  let mediaDir: string;

  /** The part of `Astro` the pages hand over, for `/portal/organiser/{section}/{id}`. */
  function page(path: string, user: OrganiserAccount | null = office, body?: Record<string, string>) {
    const url = new URL(`http://canting.test${path}`);
    const [section, id] = url.pathname.split('/').slice(3);
    const request = body
      ? new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() })
      : new Request(url);
    return {
      request,
      url,
      params: { section, id },
      response: {} as { status?: number },
      redirect: (to: string, status = 302) => new Response(null, { status, headers: { Location: to } }),
      locals: { app: { db, mediaDir }, user },
    };
  }
  const found = (view: unknown): VisitFormView => {
    expect(view).toMatchObject({ found: true });
    return view as VisitFormView;
  };

  beforeAll(async () => {
    db = await openPgliteDatabase('memory://');
    await migrate(db);
    mediaDir = await mkdtemp(join(tmpdir(), 'canting-visit-page-'));
    userId = await createUser(db, { email: 'pengelola@contoh.test', password: 'canting-contoh', role: 'curator' });
    for (const [name, region] of [['Kauman Contoh', 'pekalongan'], ['Trusmi Contoh', 'cirebon'], ['Desa Seleman', 'muara-enim']] as const) {
      const row = await savePlaceDraft(db, { input: buildPlaceInput({ name: { id: name, en: '' }, region }), by: null });
      await publishPlace(db, row.id, null);
    }
    for (const [name, startDate] of [['Pameran Awal Contoh', '2027-01-10'], ['Pameran Akhir Contoh', '2027-09-10']] as const) {
      const row = await saveEventDraft(db, { input: buildEventInput({ name: { id: name, en: '' }, region: 'pekalongan', place: 'kauman-contoh', startDate, endDate: startDate }), by: null });
      await publishEvent(db, row.id, null);
    }
  });
  afterAll(async () => {
    await db?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('reads the kind from the address’s section, and nothing else', () => {
    expect(visitKindOf('places')).toBe('place');
    expect(visitKindOf('events')).toBe('event');
    for (const other of ['place', 'classes', '', undefined]) expect(visitKindOf(other)).toBeNull();
  });

  it('the home names the region (a tourism office) or the one place (a cooperative), and lists its own', async () => {
    const regions = [{ id: 'pekalongan', name: 'Pekalongan' }];
    const home = await organiserHomePage(db, { regions }, office);
    expect(home).toMatchObject({ kind: 'region', scopeName: 'Pekalongan', trusted: false });
    expect(home.places.map((p) => p.id)).toEqual(['kauman-contoh']);
    expect(home.events).toHaveLength(2);
    expect((await organiserHomePage(db, { regions: [] }, account('region', 'pekalongan', true)))).toMatchObject({ scopeName: 'pekalongan', trusted: true });
    const theirs = await organiserHomePage(db, { regions }, cooperative);
    expect(theirs).toMatchObject({ kind: 'place', scopeName: 'Desa Seleman', events: [] });
    await expect(organiserHomePage(db, { regions }, null)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('lists the organiser’s own of one kind: events the latest first, an add button but for a cooperative’s places', async () => {
    const places = await visitListPage(db, office, 'places', new URL('http://canting.test/portal/organiser/places?done=draft'));
    expect(places).toMatchObject({ section: 'places', title: o.home.places, flash: o.flash.draft, base: '/portal/organiser/places', empty: o.home.noPlaces });
    expect(places!.add).toEqual({ href: '/portal/organiser/places/new', label: o.home.addPlace });
    expect(places!.rows.map((r) => r.id)).toEqual(['kauman-contoh']);

    const events = await visitListPage(db, office, 'events', new URL('http://canting.test/portal/organiser/events?done=nonsense'));
    expect(events!.flash).toBeNull();
    expect(events!.add).toEqual({ href: '/portal/organiser/events/new', label: o.home.addEvent });
    expect(events!.rows.map((r) => r.draft?.name.id ?? r.published?.name.id)).toEqual(['Pameran Akhir Contoh', 'Pameran Awal Contoh']);

    const own = await visitListPage(db, cooperative, 'places', new URL('http://canting.test/portal/organiser/places'));
    expect(own!.add).toBeNull();
    expect(own!.rows.map((r) => r.id)).toEqual(['desa-seleman']);
    expect((await visitListPage(db, cooperative, 'events', new URL('http://canting.test/portal/organiser/events')))!.rows).toEqual([]);

    expect(await visitListPage(db, office, 'classes', new URL('http://canting.test/portal/organiser/classes'))).toBeNull();
    await expect(visitListPage(db, { id: 'x', role: 'artisan', organiser: null }, 'places', new URL('http://canting.test/'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows one of its places as it is now, with its state and the flash it came back with', async () => {
    const p = page('/portal/organiser/places/kauman-contoh?done=published');
    const view = found(await visitFormPage(p));
    expect(p.response.status).toBeUndefined();
    expect(view).toMatchObject({
      kind: 'place',
      section: 'places',
      title: o.form.editPlace,
      action: '/portal/organiser/places/kauman-contoh',
      back: '/portal/organiser/places',
      trusted: false,
      state: 'published',
      flash: o.flash.published,
      publicUrl: '/id/visit/places/kauman-contoh',
      places: [],
      errors: {},
    });
    expect(view.values).toMatchObject({ 'name.id': 'Kauman Contoh', kind: 'workshop', 'coordinates.lat': '-3.66' });
  });

  it('answers 404 for another region’s item or none, and does not read a post to it', async () => {
    for (const path of ['/portal/organiser/places/trusmi-contoh', '/portal/organiser/events/tidak-ada', '/portal/organiser/places/kauman-contoh']) {
      const p = page(path, path.endsWith('kauman-contoh') ? cooperative : office);
      expect(await visitFormPage(p), path).toEqual({ found: false, section: path.includes('/places/') ? 'places' : 'events', title: o.home.notFound });
      expect(p.response.status, path).toBe(404);
    }
    const post = page('/portal/organiser/places/trusmi-contoh', office, { 'name.id': 'Trusmi Diubah' });
    expect(await visitFormPage(post)).toMatchObject({ found: false });
    expect(post.response.status).toBe(404);
    expect((await getPlace(db, 'trusmi-contoh'))!.draft).toBeNull();
    expect(await visitFormPage(page('/portal/organiser/classes/new'))).toBeNull();
  });

  it('offers a new event the organiser’s places, and a venue only to a tourism office; a cooperative’s new place is its own', async () => {
    const view = found(await visitFormPage(page('/portal/organiser/events/new')));
    expect(view).toMatchObject({ kind: 'event', title: o.form.newEvent, action: '/portal/organiser/events/new', state: null, flash: null, photos: [], publicUrl: null, venueAllowed: true });
    expect(view.places).toEqual([{ id: 'kauman-contoh', name: 'Kauman Contoh' }]);
    expect(view.values).toMatchObject({ organiser: 'Dinas Pariwisata Contoh', timeZone: 'Asia/Jakarta', status: 'scheduled' });
    const theirs = found(await visitFormPage(page('/portal/organiser/events/new', cooperative)));
    expect(theirs).toMatchObject({ venueAllowed: false, places: [{ id: 'desa-seleman', name: 'Desa Seleman' }] });

    const answer = await visitFormPage(page('/portal/organiser/places/new', cooperative));
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(303);
    expect((answer as Response).headers.get('Location')).toBe('/portal/organiser/places/desa-seleman');
    expect(found(await visitFormPage(page('/portal/organiser/places/new'))).values).toEqual({ kind: 'sentra' });
  });

  it('a post with mistakes renders the form again with them under the fields; a good one goes to the item', async () => {
    const bad = page('/portal/organiser/events/new', office, { 'name.id': '', startDate: '2027-05-01', priceIdr: 'dua puluh ribu' });
    const again = found(await visitFormPage(bad));
    expect(bad.response.status).toBe(400);
    expect(again.values).toMatchObject({ 'name.id': '', priceIdr: 'dua puluh ribu' });
    expect(again.errors.priceIdr).toBe(o.form.errors.wholeRupiah);
    expect(again.errors['name.id']).toBeTruthy();
    expect(again.flash).toBeNull();

    const good = page('/portal/organiser/events/new', office, {
      'name.id': 'Lokakarya Contoh',
      'description.id': 'Lokakarya membatik (contoh).',
      place: 'kauman-contoh',
      startDate: '2027-06-01',
      timeZone: 'Asia/Jakarta',
    });
    const answer = await visitFormPage(good);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(303);
    expect((answer as Response).headers.get('Location')).toBe('/portal/organiser/events/lokakarya-contoh?done=draft');
    expect(found(await visitFormPage(page('/portal/organiser/events/lokakarya-contoh'))).state).toBe('draft');

    // An event at another region's place (a tampered form): 403 and the message, nothing saved.
    const foreign = page('/portal/organiser/events/new', office, { 'name.id': 'Acara Menyusup', 'description.id': 'x', place: 'trusmi-contoh', startDate: '2027-06-01' });
    const refused = found(await visitFormPage(foreign));
    expect(foreign.response.status).toBe(403);
    expect(refused.errors).toEqual({ place: o.form.errors.notYours, form: o.form.errors.notYours });
    expect(await visitFormPage(page('/portal/organiser/events/acara-menyusup'))).toMatchObject({ found: false });
  });

  it('a refusal that is not about the record is no VisitInputError (the form answers it as itself)', () => {
    expect(new AppError('forbidden', 'not yours') instanceof VisitInputError).toBe(false);
    expect(new VisitInputError([{ path: 'name.id', message: 'x' }]) instanceof VisitInputError).toBe(true);
    expect(new VisitInputError([]) instanceof AppError).toBe(true);
  });

  it('the API answers both kinds under their own names, and 404 for another region’s', async () => {
    const context = (id?: string, body?: unknown, user: OrganiserAccount = office) => ({
      locals: { app: { db }, user },
      params: { id },
      request: new Request('http://canting.test/api', body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const places = (await (await visitCollectionRoutes('place').GET(context())).json()) as { places: { id: string }[] };
    expect(places.places.map((p) => p.id)).toEqual(['kauman-contoh']);
    const events = (await (await visitCollectionRoutes('event').GET(context())).json()) as { events: unknown[] };
    expect(events.events.length).toBeGreaterThanOrEqual(2);
    const one = (await (await visitItemRoutes('place').GET(context('kauman-contoh'))).json()) as { place: { id: string } };
    expect(one.place.id).toBe('kauman-contoh');
    await expect(visitItemRoutes('event').GET(context('tidak-ada'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(visitItemRoutes('place').PUT(context('trusmi-contoh', buildPlaceInput({ region: 'pekalongan' })))).rejects.toBeInstanceOf(AppError);
    expect((await getPlace(db, 'trusmi-contoh'))!.draft).toBeNull();

    const created = await visitCollectionRoutes('place').POST(context(undefined, buildPlaceInput({ name: { id: 'Galeri Contoh', en: '' }, region: 'pekalongan' })));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ place: { id: 'galeri-contoh' }, published: false });
    const put = await visitItemRoutes('place').PUT(context('galeri-contoh', buildPlaceInput({ name: { id: 'Galeri Contoh', en: '' }, region: 'pekalongan' }), account('region', 'pekalongan', true)));
    expect(await put.json()).toMatchObject({ place: { id: 'galeri-contoh' }, published: true });
    const refused = await visitItemRoutes('event').ALL({ ...context('x'), request: new Request('http://canting.test/api', { method: 'DELETE' }) });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('Allow')).toBe('GET, PUT, HEAD');
  });
});
