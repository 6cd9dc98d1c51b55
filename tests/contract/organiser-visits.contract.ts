/**
 * What organisers do with places and events (issue #15), on every Database implementation: a tourism
 * office sees and changes only its region's, a cooperative only its place and the events held there
 * (others are 404; moving something into another region is 403); saving makes a draft, or publishes at
 * once for a trusted organiser; the phone form's bad input gets Indonesian messages under its fields and
 * nothing is saved — not even half; the curator's queue shows what changed and publishes or rejects.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { organiserStrings } from '../../src/i18n/organiser.ts';
import { findPublishedEvent, getEvent, listPlaces, publishPlace, savePlaceDraft, saveEventDraft, publishEvent } from '../../src/lib/visit/repository.ts';
import { VISIT_MESSAGES } from '../../src/lib/visit/schemas.ts';
import { eventFormPost, findOwnEvent, visitFormPost, withdrawOwnDraft, listOwn, ownEvent, ownPlace, placeFormPost, rupiahFromText, saveOwnEvent, saveOwnPlace, type Scope } from '../../src/lib/organisers/visit-edit.ts';
import { describeValue, pendingReviewCount, reviewQueue, reviewVerdict } from '../../src/lib/organisers/review.ts';
import { createUser } from '../../src/lib/auth/accounts.ts';
import { buildEventInput, buildPlaceInput } from '../fixtures/visit-builders.ts';
import { solidJpeg } from '../fixtures/images.ts';
import { rejection } from '../fixtures/rejection.ts';

const office: Scope = { kind: 'region', scopeId: 'pekalongan', trusted: false };
const cooperative: Scope = { kind: 'place', scopeId: 'desa-seleman', trusted: false };
const messages = organiserStrings.id.form.errors;

function form(fields: Record<string, string | string[]>, photo?: { bytes: Uint8Array; name: string; type: string }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  if (photo) data.append('photo', new File([photo.bytes as Uint8Array<ArrayBuffer>], photo.name, { type: photo.type }));
  return data;
}

const eventFields = {
  'name.id': 'Pameran Batik Contoh',
  'name.en': '',
  'description.id': 'Pameran kain batik (contoh).',
  'description.en': '',
  place: 'kauman-contoh',
  startDate: '2027-05-01',
  startTime: '09:00',
  endDate: '2027-05-02',
  endTime: '17:00',
  timeZone: 'Asia/Jakarta',
  priceIdr: '25.000',
  organiser: 'Kantor Wisata Contoh',
  link: 'https://contoh.example/pameran',
};

export function describeOrganiserVisits(name: string, open: () => Promise<Database>) {
  describe(`Organisers' places and events: ${name}`, () => {
    let db: Database;
    let mediaDir: string;
    let userId: string;
    let curatorId: string;
    const deps = () => ({ db, mediaDir });
    beforeAll(async () => {
      db = await open();
      await migrate(db);
      mediaDir = await mkdtemp(join(tmpdir(), 'canting-organiser-'));
    });
    afterAll(async () => {
      await db?.close();
      await rm(mediaDir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      await db.exec('TRUNCATE visit_events, visit_places, sessions, users, organisers CASCADE');
      userId = await createUser(db, { email: 'pengelola@contoh.test', password: 'canting-contoh', role: 'curator' }); // the author's id only
      curatorId = await createUser(db, { email: 'kurator@contoh.test', password: 'canting-contoh', role: 'curator' });
      for (const [id, region, n] of [['kauman-contoh', 'pekalongan', 'Kauman Contoh'], ['trusmi-contoh', 'cirebon', 'Trusmi Contoh'], ['desa-seleman', 'muara-enim', 'Desa Seleman']] as const) {
        const row = await savePlaceDraft(db, { input: buildPlaceInput({ name: { id: n, en: '' }, region }), by: null });
        expect(row.id).toBe(id === 'desa-seleman' ? 'desa-seleman' : row.id);
        if (row.id !== id) await db.query('UPDATE visit_places SET id = $2 WHERE id = $1', [row.id, id]);
        await publishPlace(db, id, null);
      }
      const trusmiEvent = await saveEventDraft(db, { input: buildEventInput({ name: { id: 'Festival Trusmi Contoh', en: '' }, region: 'cirebon', place: 'trusmi-contoh' }), by: null });
      await publishEvent(db, trusmiEvent.id, null);
    });

    it('a tourism office lists, reads and changes only its region’s places and events; another region’s are 404', async () => {
      const own = await listOwn(db, office);
      expect(own.places.map((p) => p.id)).toEqual(['kauman-contoh']);
      expect(own.events).toEqual([]);
      expect((await ownPlace(db, office, 'kauman-contoh')).id).toBe('kauman-contoh');
      // One at a time: a promise made before its turn could reject with nobody awaiting it yet.
      for (const attempt of [() => ownPlace(db, office, 'trusmi-contoh'), () => ownEvent(db, office, 'festival-trusmi-contoh'), () => ownPlace(db, office, 'nowhere')]) {
        expect((await rejection(attempt())).code).toBe('not_found');
      }
      expect(await findOwnEvent(db, office, 'festival-trusmi-contoh')).toBeNull();
      const by = { userId, scope: office };
      expect((await rejection(saveOwnPlace(db, by, 'trusmi-contoh', buildPlaceInput({ region: 'pekalongan' })))).code).toBe('not_found');
      expect((await rejection(saveOwnEvent(db, by, 'festival-trusmi-contoh', buildEventInput({ region: 'pekalongan' })))).code).toBe('not_found');
      // Moving one's own place into another region, or a new event at another region's place: 403.
      expect((await rejection(saveOwnPlace(db, by, 'kauman-contoh', buildPlaceInput({ region: 'cirebon' })))).code).toBe('forbidden');
      expect((await rejection(saveOwnEvent(db, by, null, buildEventInput({ region: 'cirebon', place: 'trusmi-contoh' })))).code).toBe('forbidden');
      expect((await getEvent(db, 'festival-trusmi-contoh'))!.draft).toBeNull();
      expect((await listPlaces(db, { withDraft: true })).length).toBe(0);
    });

    it('a cooperative changes its one place and the events held there, and adds no other place', async () => {
      const by = { userId, scope: cooperative };
      expect((await listOwn(db, cooperative)).places.map((p) => p.id)).toEqual(['desa-seleman']);
      expect((await rejection(saveOwnPlace(db, by, null, buildPlaceInput({ region: 'muara-enim' })))).code).toBe('forbidden');
      expect((await rejection(ownPlace(db, cooperative, 'kauman-contoh'))).code).toBe('not_found');
      const saved = await saveOwnEvent(db, by, null, buildEventInput({ region: 'muara-enim', place: 'desa-seleman', venue: undefined }));
      expect(saved.published).toBe(false);
      expect((await listOwn(db, cooperative)).events.map((e) => e.id)).toEqual([saved.row.id]);
      // A venue elsewhere in the region is not the cooperative's.
      expect((await rejection(saveOwnEvent(db, by, null, buildEventInput({ region: 'muara-enim' })))).code).toBe('forbidden');
    });

    it('saving makes a draft, not public; a trusted organiser publishes at once', async () => {
      const draft = await saveOwnEvent(db, { userId, scope: office }, null, buildEventInput({ region: 'pekalongan', place: 'kauman-contoh' }));
      expect(draft.published).toBe(false);
      expect(draft.row.published).toBeNull();
      expect(await findPublishedEvent(db, draft.row.id)).toBeNull();
      const trusted = await saveOwnEvent(db, { userId, scope: { ...office, trusted: true } }, null, buildEventInput({ name: { id: 'Acara Langsung Terbit', en: '' }, region: 'pekalongan' }));
      expect(trusted.published).toBe(true);
      expect(trusted.row.draft).toBeNull();
      expect((await findPublishedEvent(db, trusted.row.id))?.name.id).toBe('Acara Langsung Terbit');
    });

    it('the event form: a photo through the image pipeline, Indonesian decimals and rupiah, then a draft', async () => {
      const photo = { bytes: new Uint8Array(await solidJpeg(400, 300)), name: 'foto.jpg', type: 'image/jpeg' };
      const outcome = await eventFormPost(deps(), { userId, scope: office }, null, form({ ...eventFields, 'photo.alt': 'Suasana pameran' }, photo));
      expect(outcome).toEqual({ redirect: '/portal/organiser/events/pameran-batik-contoh?done=draft' });
      const row = await getEvent(db, 'pameran-batik-contoh');
      expect(row!.draft).toMatchObject({ region: 'pekalongan', place: 'kauman-contoh', priceIdr: 25000, startTime: '09:00', timeZone: 'Asia/Jakarta' });
      expect(row!.draft!.photos).toHaveLength(1);
      expect(row!.draft!.photos[0]!.alt.id).toBe('Suasana pameran');
    });

    it('bad input: an end before the start, a price not in whole rupiah, an image that is not one — every message, nothing saved', async () => {
      const notAnImage = { bytes: new TextEncoder().encode('bukan gambar'), name: 'foto.jpg', type: 'image/jpeg' };
      const outcome = await eventFormPost(deps(), { userId, scope: office }, null, form({ ...eventFields, endDate: '2027-04-30', priceIdr: '25000,50' }, notAnImage));
      expect('errors' in outcome && outcome.status).toBe(400);
      if (!('errors' in outcome)) return;
      expect(outcome.errors).toMatchObject({
        endDate: VISIT_MESSAGES.endBeforeStart.id,
        priceIdr: messages.wholeRupiah,
        photo: messages.notAnImage,
      });
      expect(outcome.values.priceIdr).toBe('25000,50'); // the form comes back as typed
      expect(await db.query('SELECT 1 FROM visit_events WHERE id = $1', ['pameran-batik-contoh'])).toHaveLength(0);
    });

    it('the place form: coordinates outside Indonesia and opening hours that close before they open', async () => {
      const current = await ownPlace(db, office, 'kauman-contoh');
      const before = JSON.stringify(current);
      const outcome = await placeFormPost(deps(), { userId, scope: office }, current, form({
        'name.id': 'Kauman Contoh', 'description.id': 'Kampung batik.', 'activities.id': 'Belajar membatik.', address: 'Jl. Contoh',
        kind: 'sentra', 'coordinates.lat': '48,85', 'coordinates.lng': '2,35',
        'openingHours.0.days': ['mo', 'tu'], 'openingHours.0.opens': '16:00', 'openingHours.0.closes': '08:00',
      }));
      expect('errors' in outcome && outcome.errors).toMatchObject({
        'coordinates.lat': VISIT_MESSAGES.outsideIndonesia.id,
        'coordinates.lng': VISIT_MESSAGES.outsideIndonesia.id,
        'openingHours.0.closes': VISIT_MESSAGES.closesBeforeOpens.id,
      });
      expect(JSON.stringify(await ownPlace(db, office, 'kauman-contoh'))).toBe(before);
      const good = await placeFormPost(deps(), { userId, scope: office }, current, form({
        'name.id': 'Kauman Contoh', 'name.en': 'Kauman Sample', 'description.id': 'Kampung batik.', 'activities.id': 'Belajar membatik.', address: 'Jl. Contoh',
        kind: 'sentra', 'coordinates.lat': '-6,8886', 'coordinates.lng': '109,6753',
        'openingHours.0.days': ['mo', 'tu'], 'openingHours.0.opens': '08:00', 'openingHours.0.closes': '16:00',
      }));
      expect(good).toEqual({ redirect: '/portal/organiser/places/kauman-contoh?done=draft' });
      const row = await ownPlace(db, office, 'kauman-contoh');
      expect(row.draft).toMatchObject({ coordinates: { lat: -6.8886, lng: 109.6753 }, openingHours: [{ days: ['mo', 'tu'], opens: '08:00', closes: '16:00' }] });
      expect(row.published!.name.en).toBe(''); // published untouched until a curator publishes
    });

    it('the curator sees what changed, field by field, and publishes or rejects', async () => {
      const current = await ownPlace(db, office, 'kauman-contoh');
      await saveOwnPlace(db, { userId, scope: office }, 'kauman-contoh', { ...current.published!, name: { id: 'Kauman Contoh', en: 'Kauman Sample' }, address: 'Jl. Baru No. 2' });
      const event = await saveOwnEvent(db, { userId, scope: office }, null, buildEventInput({ region: 'pekalongan', place: 'kauman-contoh' }));
      const queue = await reviewQueue(db);
      expect(queue.map((q) => [q.kind, q.id, q.isNew])).toEqual([['place', 'kauman-contoh', false], ['event', event.row.id, true]]);
      expect(queue[0]!.changes.map((c) => c.field).sort()).toEqual(['address', 'name.en']);
      expect(queue[0]!.by).toEqual({ email: 'pengelola@contoh.test', organiser: null });
      expect(await pendingReviewCount(db)).toBe(2);
      await reviewVerdict(db, curatorId, 'event', event.row.id, 'publish');
      expect((await findPublishedEvent(db, event.row.id))?.name.id).toBe('Festival Batik Contoh');
      await reviewVerdict(db, curatorId, 'place', 'kauman-contoh', 'reject');
      expect((await ownPlace(db, office, 'kauman-contoh')).published!.address).toBe(current.published!.address);
      expect(await reviewQueue(db)).toEqual([]);
      expect(await pendingReviewCount(db)).toBe(0);
      expect((await rejection(reviewVerdict(db, curatorId, 'place', 'kauman-contoh', 'publish'))).code).toBe('conflict');
    });
  });
}

export function describeWithdraw(name: string, open: () => Promise<Database>) {
  describe(`An organiser withdraws its own change: ${name}`, () => {
    it('takes back a change (the published version stays) or a new item (it goes); never another region’s', async () => {
      const db = await open();
      try {
        await migrate(db);
        // On PostgreSQL the other suite of this file used the same database.
        await db.exec('TRUNCATE visit_events, visit_places, sessions, users, organisers CASCADE');
        const userId = await createUser(db, { email: 'pengelola@contoh.test', password: 'canting-contoh', role: 'curator' });
        const place = await savePlaceDraft(db, { input: buildPlaceInput({ region: 'pekalongan' }), by: null });
        await publishPlace(db, place.id, null);
        const other = await savePlaceDraft(db, { input: buildPlaceInput({ name: { id: 'Tempat Lain', en: '' }, region: 'cirebon' }), by: null });
        const by = { userId, scope: office };
        await saveOwnPlace(db, by, place.id, buildPlaceInput({ region: 'pekalongan', address: 'Alamat baru' }));
        expect(await withdrawOwnDraft(db, office, 'place', place.id)).toBe('discarded');
        const kept = await ownPlace(db, office, place.id);
        expect(kept.draft).toBeNull();
        expect(kept.published!.address).toBe(buildPlaceInput().address);
        const fresh = await saveOwnEvent(db, by, null, buildEventInput({ region: 'pekalongan', place: place.id }));
        expect(await withdrawOwnDraft(db, office, 'event', fresh.row.id)).toBe('deleted');
        expect(await getEvent(db, fresh.row.id)).toBeNull();
        expect((await rejection(withdrawOwnDraft(db, office, 'place', other.id))).code).toBe('not_found');
        expect((await rejection(withdrawOwnDraft(db, office, 'place', place.id))).code).toBe('conflict');
        // Through the page's form post: nothing waits any more, so a sentence and 409.
        const request = new Request('http://localhost/x', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'intent=withdraw' });
        const answered = await visitFormPost({ db, mediaDir: '/nonexistent' }, by, 'place', kept, request);
        expect(answered).toEqual({ status: 409, values: {}, errors: { form: messages.cannotWithdraw } });
      } finally {
        await db.close();
      }
    });
  });
}

describe('rupiah and review values as organisers and curators write and read them', () => {
  it('reads whole rupiah with Indonesian thousands and refuses cents', () => {
    expect(rupiahFromText('25.000')).toBe(25000);
    expect(rupiahFromText('Rp 1.250.000')).toBe(1250000);
    expect(rupiahFromText('25000')).toBe(25000);
    expect(rupiahFromText('')).toBeNull();
    for (const bad of ['25000,50', '-5', '2.50', 'dua puluh', '25.00']) expect(rupiahFromText(bad), bad).toBe('bad');
  });
  it('describes values shortly, in Indonesian', () => {
    expect(describeValue('priceIdr', 0)).toBe('gratis (0)');
    expect(describeValue('openingHours', [{ days: ['mo', 'tu'], opens: '08:00', closes: '16:00' }])).toBe('Sen, Sel 08:00–16:00');
    expect(describeValue('photos', [{}, {}])).toBe('2 foto');
    expect(['once', 'scheduled', 'Asia/Jakarta', 'workshop'].map((v, i) => describeValue(['recurrence', 'status', 'timeZone', 'kind'][i]!, v))).toEqual(['Sekali', 'Sesuai jadwal', 'WIB (Jawa, Sumatera)', 'Sanggar']);
    expect(describeValue('name.en', undefined)).toBe('—');
  });
});
