/**
 * Places and events in the database, on every Database implementation: drafts are validated as a whole
 * (every problem named, in Indonesian, nothing saved), a draft is not public until published, publishing
 * and discarding, the field-by-field diff, listing by region, and the one-time import from content/ on an
 * empty database (idempotent, reproducing the YAML).
 */
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { catalogueFromContent } from '../../src/lib/content/load-content.ts';
import type { ContentCatalogue } from '../../src/lib/content/catalogue.ts';
import {
  discardEventDraft,
  discardPlaceDraft,
  draftChanges,
  findPublishedEvent,
  findPublishedPlace,
  getPlace,
  listEvents,
  listPublishedDates,
  listPlaces,
  listPublishedEvents,
  listPublishedPlaces,
  publishEvent,
  publishPlace,
  saveEventDraft,
  savePlaceDraft,
  VisitInputError,
} from '../../src/lib/visit/repository.ts';
import { importVisitContent } from '../../src/lib/visit/import.ts';
import { publishedEvents, publishedPlaces } from '../../src/lib/visit/reads.ts';
import { watchWrites } from '../../src/lib/db/write-watch.ts';
import { CATALOGUE_TABLES, invalidateCatalogueReads } from '../../src/lib/store/cached-reads.ts';
import { storeVisitPhoto } from '../../src/lib/visit/photos.ts';
import { VISIT_MESSAGES } from '../../src/lib/visit/schemas.ts';
import { buildEventInput, buildPlaceInput } from '../fixtures/visit-builders.ts';
import { solidJpeg } from '../fixtures/images.ts';
import { rejection } from '../fixtures/rejection.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));

export function describeVisit(name: string, open: () => Promise<Database>) {
  describe(`Places and events: ${name}`, () => {
    let db: Database;
    let content: ContentCatalogue;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
      content = await catalogueFromContent(contentDir);
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      await db.exec('TRUNCATE visit_events, visit_places CASCADE');
    });

    describe('drafts and publishing', () => {
      it('a new place is a draft, not public, until published; then public and the draft is gone', async () => {
        const row = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        expect(row.id).toBe('sanggar-batik-contoh');
        expect(row.published).toBeNull();
        expect(row.draft?.name.id).toBe('Sanggar Batik Contoh');
        expect(await listPublishedPlaces(db)).toEqual([]);
        expect(await findPublishedPlace(db, row.id)).toBeNull();
        expect(await listPublishedDates(db)).toEqual([]);

        const published = await publishPlace(db, row.id, null);
        expect(published.draft).toBeNull();
        expect(published.publishedAt).toBeInstanceOf(Date);
        expect((await listPublishedDates(db)).map((d) => [d.kind, d.id])).toEqual([['place', 'sanggar-batik-contoh']]);
        const listed = await listPublishedPlaces(db, { region: 'muara-enim' });
        expect(listed.map((p) => p.id)).toEqual(['sanggar-batik-contoh']);
        expect(listed[0]!.openingHours).toEqual([{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' }]);
        expect(await listPublishedPlaces(db, { region: 'pekalongan' })).toEqual([]);
      });

      it('a second place with the same name gets its own id', async () => {
        const a = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        const b = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        expect(b.id).toBe(`${a.id}-2`);
      });

      it('a change to a published place stays a draft: the public version is unchanged until publish, and the diff names each changed field', async () => {
        const { id } = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        await publishPlace(db, id, null);
        await savePlaceDraft(db, {
          id,
          input: buildPlaceInput({ name: { id: 'Sanggar Batik Contoh', en: 'Sample Batik Workshop' }, openingHours: [], tickets: { id: 'Gratis', en: '' } }),
          by: null,
        });
        expect((await findPublishedPlace(db, id))!.name.en).toBe('Sample Batik Studio');
        const row = (await getPlace(db, id))!;
        expect(draftChanges(row).map((c) => c.field).sort()).toEqual(['name.en', 'openingHours', 'tickets.en', 'tickets.id']);
        expect(draftChanges(row).find((c) => c.field === 'name.en')).toEqual({ field: 'name.en', before: 'Sample Batik Studio', after: 'Sample Batik Workshop' });

        await publishPlace(db, id, null);
        expect((await findPublishedPlace(db, id))!.name.en).toBe('Sample Batik Workshop');
        expect(draftChanges((await getPlace(db, id))!)).toEqual([]);
      });

      it('discarding a draft keeps the published version; discarding a never-published place removes it', async () => {
        const { id } = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        await publishPlace(db, id, null);
        await savePlaceDraft(db, { id, input: buildPlaceInput({ address: 'Alamat baru' }), by: null });
        expect(await discardPlaceDraft(db, id)).toBe('discarded');
        expect((await getPlace(db, id))!.draft).toBeNull();
        expect((await findPublishedPlace(db, id))!.address).toBe('Jl. Contoh No. 1, Muara Enim');

        const fresh = await savePlaceDraft(db, { input: buildPlaceInput({ name: { id: 'Baru', en: '' } }), by: null });
        expect(await discardPlaceDraft(db, fresh.id)).toBe('deleted');
        expect(await getPlace(db, fresh.id)).toBeNull();
      });

      it('publish or discard without a draft is a conflict; an unknown id is not_found', async () => {
        const { id } = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        await publishPlace(db, id, null);
        expect((await rejection(publishPlace(db, id, null))).code).toBe('conflict');
        expect((await rejection(discardPlaceDraft(db, id))).code).toBe('conflict');
        expect((await rejection(publishPlace(db, 'tidak-ada', null))).code).toBe('not_found');
        expect((await rejection(savePlaceDraft(db, { id: 'tidak-ada', input: buildPlaceInput(), by: null }))).code).toBe('not_found');
      });

      it('lists rows with pending drafts for a curator, by region', async () => {
        const a = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        await savePlaceDraft(db, { input: buildPlaceInput({ name: { id: 'Lain', en: '' }, region: 'pekalongan' }), by: null });
        await publishPlace(db, a.id, null);
        expect((await listPlaces(db, { withDraft: true })).map((r) => r.id)).toEqual(['lain']);
        expect((await listPlaces(db, { region: 'muara-enim' })).map((r) => r.id)).toEqual([a.id]);
      });
    });

    describe('bad input: every problem named in Indonesian, nothing saved', () => {
      it('coordinates outside Indonesia, hours that close before they open, a bad link', async () => {
        const error = await rejection(
          savePlaceDraft(db, {
            input: buildPlaceInput({
              coordinates: { lat: 48.85, lng: 2.35 },
              openingHours: [{ days: ['mo'], opens: '16:00', closes: '08:00' }],
              links: ['javascript:alert(1)'],
              name: { id: '  ', en: '' },
            }),
            by: null,
          }),
        );
        expect(error).toBeInstanceOf(VisitInputError);
        const issues = (error as VisitInputError).issues;
        expect(issues).toContainEqual({ path: 'coordinates.lat', message: VISIT_MESSAGES.outsideIndonesia.id });
        expect(issues).toContainEqual({ path: 'coordinates.lng', message: VISIT_MESSAGES.outsideIndonesia.id });
        expect(issues).toContainEqual({ path: 'openingHours.0.closes', message: VISIT_MESSAGES.closesBeforeOpens.id });
        expect(issues).toContainEqual({ path: 'links.0', message: VISIT_MESSAGES.badUrl.id });
        expect(issues).toContainEqual({ path: 'name.id', message: VISIT_MESSAGES.required.id });
        expect(await listPlaces(db)).toEqual([]);
      });

      it('an event that ends before it starts, on the same day by its times too; a price that is not whole rupiah', async () => {
        const before = await rejection(saveEventDraft(db, { input: buildEventInput({ startDate: '2027-03-12', endDate: '2027-03-10' }), by: null }));
        expect((before as VisitInputError).issues).toEqual([{ path: 'endDate', message: VISIT_MESSAGES.endBeforeStart.id }]);
        const sameDay = await rejection(
          saveEventDraft(db, { input: buildEventInput({ startDate: '2027-03-12', endDate: '2027-03-12', startTime: '19:00', endTime: '09:00' }), by: null }),
        );
        expect((sameDay as VisitInputError).issues.map((i) => i.message)).toEqual([VISIT_MESSAGES.endBeforeStart.id]);
        const cents = await rejection(saveEventDraft(db, { input: buildEventInput({ priceIdr: 15_000.5 }), by: null }));
        expect((cents as VisitInputError).issues).toEqual([{ path: 'priceIdr', message: VISIT_MESSAGES.wholeRupiah.id }]);
        expect((await rejection(saveEventDraft(db, { input: buildEventInput({ priceIdr: -1 }), by: null }))).code).toBe('invalid');
        expect((await rejection(saveEventDraft(db, { input: { ...buildEventInput(), timeZone: 'Europe/Paris' } as never, by: null }))).code).toBe('invalid');
        expect(await listEvents(db)).toEqual([]);
      });

      it('a refused change to a published place leaves both versions as they were', async () => {
        const { id } = await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        await publishPlace(db, id, null);
        await savePlaceDraft(db, { id, input: buildPlaceInput({ address: 'Draf pertama' }), by: null });
        await rejection(savePlaceDraft(db, { id, input: buildPlaceInput({ coordinates: { lat: 0, lng: 0 } }), by: null }));
        const row = (await getPlace(db, id))!;
        expect(row.draft?.address).toBe('Draf pertama');
        expect(row.published?.coordinates.lat).toBe(-3.66);
      });

      it('an event at a place of another region, or at no known place, is refused', async () => {
        const place = await savePlaceDraft(db, { input: buildPlaceInput({ region: 'pekalongan' }), by: null });
        const error = await rejection(saveEventDraft(db, { input: buildEventInput({ region: 'muara-enim', place: place.id }), by: null }));
        expect((error as VisitInputError).issues).toEqual([{ path: 'place', message: VISIT_MESSAGES.badPlace.id }]);
        expect((await rejection(saveEventDraft(db, { input: buildEventInput({ place: 'tidak-ada' }), by: null }))).code).toBe('invalid');
      });
    });

    describe('events', () => {
      it('an event with times in WITA, a price and a link round-trips; a region lists events at its places too', async () => {
        const place = await savePlaceDraft(db, { input: buildPlaceInput({ region: 'pekalongan' }), by: null });
        await publishPlace(db, place.id, null);
        const atPlace = await saveEventDraft(db, {
          input: buildEventInput({ region: undefined, venue: undefined, place: place.id, startTime: '09:00', endTime: '15:00', timeZone: 'Asia/Makassar', priceIdr: 25_000, link: 'https://contoh.test/acara' }),
          by: null,
        });
        await publishEvent(db, atPlace.id, null);
        const elsewhere = await saveEventDraft(db, { input: buildEventInput({ name: { id: 'Pameran Lain', en: '' } }), by: null });
        await publishEvent(db, elsewhere.id, null);

        const inPekalongan = await listPublishedEvents(db, { region: 'pekalongan' });
        expect(inPekalongan.map((e) => e.id)).toEqual([atPlace.id]);
        expect(inPekalongan[0]).toMatchObject({ timeZone: 'Asia/Makassar', startTime: '09:00', priceIdr: 25_000, link: 'https://contoh.test/acara', status: 'scheduled' });
        expect((await listPublishedEvents(db)).length).toBe(2);
        expect((await findPublishedEvent(db, elsewhere.id))!.name.en).toBe('');
        expect(await discardEventDraft(db, (await saveEventDraft(db, { input: buildEventInput(), by: null })).id)).toBe('deleted');
      });
    });

    describe('pages see a publish at once', () => {
      it('a publish through the server’s database empties the cached public reads (the pages’ live collections read through them)', async () => {
        const server: Database = watchWrites(db, CATALOGUE_TABLES, () => invalidateCatalogueReads(server));
        const { id } = await savePlaceDraft(server, { input: buildPlaceInput(), by: null });
        expect(await publishedPlaces(server, 'muara-enim')).toEqual([]);
        await publishPlace(server, id, null);
        expect((await publishedPlaces(server, 'muara-enim')).map((p) => p.id)).toEqual([id]);
        const event = await saveEventDraft(server, { input: buildEventInput(), by: null });
        expect(await publishedEvents(server)).toEqual([]);
        await publishEvent(server, event.id, null);
        expect((await publishedEvents(server)).map((e) => e.id)).toEqual([event.id]);
      });
    });

    describe('photos', () => {
      it('an uploaded photo goes through the image pipeline into the draft; a file that is not an image is refused', async () => {
        const mediaDir = await mkdtemp(join(tmpdir(), 'canting-visit-media-'));
        try {
          const photo = await storeVisitPhoto(mediaDir, await solidJpeg(320, 200), { id: 'Suasana festival' });
          await stat(join(mediaDir, photo.variants[0]!.path));
          const row = await saveEventDraft(db, { input: buildEventInput({ photos: [photo] }), by: null });
          expect(row.draft!.photos[0]!.key).toBe(photo.key);
          expect((await rejection(storeVisitPhoto(mediaDir, new TextEncoder().encode('bukan gambar'), { id: 'x' }))).code).toBe('invalid');
        } finally {
          await rm(mediaDir, { recursive: true, force: true });
        }
      });
    });

    describe('the one-time import from content/', () => {
      it('puts every place and event of content/ in, published, and reproduces their fields', async () => {
        const result = await importVisitContent(db, content);
        expect(result).toEqual({ places: content.sentra.length, events: content.events.length, skipped: false });
        const places = await listPublishedPlaces(db);
        expect(places.map((p) => p.id)).toEqual(content.sentra.map((p) => p.id).sort());
        for (const yaml of content.sentra) {
          const place = places.find((p) => p.id === yaml.id)!;
          expect(place).toMatchObject({ name: { id: yaml.name, en: yaml.name }, kind: yaml.kind, region: yaml.region, address: yaml.address, description: yaml.description, activities: yaml.activities, sources: yaml.sources });
          expect(place.coordinates).toEqual(yaml.coordinates);
          expect(place.hoursNote).toEqual(yaml.hours);
          expect(place.tickets).toEqual(yaml.tickets);
        }
        const events = await listPublishedEvents(db);
        for (const yaml of content.events) {
          const event = events.find((e) => e.id === yaml.id)!;
          expect(event).toMatchObject({ name: yaml.name, startDate: yaml.startDate, endDate: yaml.endDate, recurrence: yaml.recurrence, description: yaml.description, sources: yaml.sources, timeZone: 'Asia/Jakarta' });
          expect(event.region).toBe(yaml.region);
          expect(event.venue).toBe(yaml.venue);
        }
      });

      it('runs only on empty tables: a second import, or one after an organiser added a place, does nothing', async () => {
        await importVisitContent(db, content);
        const again = await importVisitContent(db, content);
        expect(again.skipped).toBe(true);
        expect((await listPlaces(db)).length).toBe(content.sentra.length);

        await db.exec('TRUNCATE visit_events, visit_places CASCADE');
        await savePlaceDraft(db, { input: buildPlaceInput(), by: null });
        expect((await importVisitContent(db, content)).skipped).toBe(true);
        expect((await listPlaces(db)).length).toBe(1);
      });

      it('two servers importing at once put everything in once', async () => {
        const results = await Promise.all([importVisitContent(db, content), importVisitContent(db, content)]);
        expect(results.filter((r) => !r.skipped)).toHaveLength(1);
        expect((await listEvents(db)).length).toBe(content.events.length);
      });
    });
  });
}
