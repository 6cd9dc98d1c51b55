/**
 * Places and events as pages show them: the schemas' Indonesian refusals, the schedule (upcoming first,
 * "today" in WIB), opening hours and times as readers read them, and the JSON-LD of a place and of an
 * event (offers, status, times with the zone's offset).
 */
import { describe, expect, it } from 'vitest';
import { eventRecordSchema, placeRecordSchema, VISIT_MESSAGES, type VisitEvent, type Place } from '../../src/lib/visit/schemas.ts';
import { eventInstants, todayIn, upcomingAndPastEvents } from '../../src/lib/visit/schedule.ts';
import { formatDays, formatEventPrice, formatEventTimes, formatOpeningHours } from '../../src/lib/visit/format.ts';
import { eventLocation, eventView, eventJsonLd, placeJsonLd, visitListing } from '../../src/lib/visit/page-data.ts';
import { diffRecords } from '../../src/lib/visit/repository.ts';
import { useStrings } from '../../src/i18n/index.ts';
import { buildEventInput, buildPlaceInput } from '../fixtures/visit-builders.ts';
import { buildRegion } from '../fixtures/builders.ts';

const site = new URL('https://canting.example');
const regions = [{ id: 'muara-enim', ...buildRegion({ name: 'Muara Enim' }) }];
const place = (overrides = {}): Place => ({ ...placeRecordSchema.parse(buildPlaceInput(overrides)), id: 'sanggar-contoh' });
const event = (overrides = {}): VisitEvent => ({ ...eventRecordSchema.parse(buildEventInput(overrides)), id: 'festival-contoh' });

describe('records', () => {
  it('English is optional: an empty English text means not translated yet', () => {
    const record = placeRecordSchema.parse(buildPlaceInput({ name: { id: 'Sanggar', en: '' }, description: { id: 'Teks.' } as never }));
    expect(record.name).toEqual({ id: 'Sanggar', en: '' });
    expect(record.description.en).toBe('');
  });

  it('an event without a time zone is in WIB; WITA and WIT are accepted, a zone outside Indonesia is refused in Indonesian', () => {
    expect(eventRecordSchema.parse({ ...buildEventInput(), timeZone: undefined }).timeZone).toBe('Asia/Jakarta');
    expect(eventRecordSchema.parse(buildEventInput({ timeZone: 'Asia/Jayapura' })).timeZone).toBe('Asia/Jayapura');
    const refused = eventRecordSchema.safeParse({ ...buildEventInput(), timeZone: 'Asia/Singapore' });
    expect(refused.error?.issues.map((i) => i.message)).toEqual([VISIT_MESSAGES.badTimeZone.id]);
  });

  it('a bad date says so, without also saying the end is before the start', () => {
    const refused = eventRecordSchema.safeParse(buildEventInput({ startDate: '10-03-2027' }));
    expect(refused.error?.issues).toEqual([expect.objectContaining({ path: ['startDate'], message: VISIT_MESSAGES.badDate.id })]);
  });

  it('the diff names nested fields and compares lists whole', () => {
    const before = placeRecordSchema.parse(buildPlaceInput());
    const after = placeRecordSchema.parse(buildPlaceInput({ coordinates: { lat: -3.7, lng: 103.77 }, openingHours: [] }));
    expect(diffRecords(before, after).map((c) => c.field)).toEqual(['coordinates.lat', 'openingHours']);
    expect(diffRecords(null, after).map((c) => c.field)).toContain('name.id');
    expect(diffRecords(before, null)).toEqual([]);
  });
});

describe('schedule', () => {
  it('today is the date in WIB: 20:00 UTC is already the next day in Jakarta', () => {
    expect(todayIn('Asia/Jakarta', new Date('2026-12-03T20:00:00Z'))).toBe('2026-12-04');
    expect(todayIn('Asia/Jakarta', new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-03');
  });

  it('upcoming events first, soonest first; past ones apart, most recent first', () => {
    const events = [
      event({ startDate: '2027-05-01', endDate: '2027-05-01' }),
      event({ startDate: '2027-02-01', endDate: '2027-02-02' }),
      event({ startDate: '2025-01-01', endDate: '2025-01-01' }),
      event({ startDate: '2026-01-01', endDate: '2026-01-01' }),
    ].map((e, i) => ({ ...e, id: `e${i}` }));
    const { upcoming, past } = upcomingAndPastEvents(events, '2026-12-03');
    expect(upcoming.map((u) => u.event.id)).toEqual(['e1', 'e0']);
    expect(past.map((p) => p.event.id)).toEqual(['e3', 'e2']);
  });

  it('times carry the zone’s offset; an all-day event keeps its dates', () => {
    const dates = { startDate: '2027-03-10', endDate: '2027-03-10' };
    expect(eventInstants(dates, { startTime: '09:00', endTime: '15:00', timeZone: 'Asia/Makassar' })).toEqual({ start: '2027-03-10T09:00:00+08:00', end: '2027-03-10T15:00:00+08:00' });
    expect(eventInstants(dates, { timeZone: 'Asia/Jayapura' })).toEqual({ start: '2027-03-10', end: '2027-03-10' });
  });
});

describe('as readers read it', () => {
  const t = useStrings('id');
  it('joins consecutive days and writes times as each language does', () => {
    expect(formatDays(['mo', 'tu', 'we', 'th', 'fr'], t.visit.days)).toBe('Senin–Jumat');
    expect(formatDays(['sa', 'mo', 'su', 'we'], t.visit.days)).toBe('Senin, Rabu, Sabtu, Minggu');
    expect(formatOpeningHours([{ days: ['mo', 'tu', 'we'], opens: '08:00', closes: '16:00' }], t.visit.days, 'id')).toEqual(['Senin–Rabu 08.00–16.00']);
    expect(formatOpeningHours([{ days: ['sa'], opens: '09:30', closes: '14:00' }], useStrings('en').visit.days, 'en')).toEqual(['Saturday 09:30–14:00']);
    expect(formatEventTimes({ startTime: '09:00', endTime: '15:00', timeZone: 'Asia/Makassar' }, 'id')).toBe('09.00–15.00 WITA');
    expect(formatEventTimes({ timeZone: 'Asia/Jakarta' }, 'id')).toBe('');
  });

  it('a price is free, whole rupiah, or not said', () => {
    expect(formatEventPrice(0, 'Gratis')).toBe('Gratis');
    expect(formatEventPrice(25_000, 'Gratis')).toBe('Rp25.000');
    expect(formatEventPrice(undefined, 'Gratis')).toBeNull();
  });
});

describe('JSON-LD', () => {
  it('a place with structured hours has openingHoursSpecification, its point, contact and its own page', () => {
    const ld = placeJsonLd(place({ contact: { phone: '+62711123456' }, coordinates: { lat: -3.66, lng: 103.77 } }), 'en', site);
    expect(ld.openingHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['https://schema.org/Monday', 'https://schema.org/Tuesday', 'https://schema.org/Wednesday', 'https://schema.org/Thursday', 'https://schema.org/Friday'], opens: '08:00', closes: '16:00' },
    ]);
    expect(ld.geo).toEqual({ '@type': 'GeoCoordinates', latitude: -3.66, longitude: 103.77 });
    expect(ld.telephone).toBe('+62711123456');
    expect(ld.url).toBe('https://canting.example/en/visit/places/sanggar-contoh');
    expect(placeJsonLd(place({ openingHours: [], coordinates: { lat: -3.66, lng: 103.77, approximate: 'region' } }), 'en', site)).not.toHaveProperty('openingHoursSpecification');
  });

  it('an upcoming event at a place: location, start with its offset, an offer in whole rupiah, in stock, scheduled', () => {
    const p = place();
    const e = event({ region: undefined, venue: undefined, place: p.id, startTime: '19:00', timeZone: 'Asia/Jakarta', priceIdr: 25_000 });
    const ld = eventJsonLd(eventView(e, [p], regions, 'id', '2026-12-03'), 'id', site);
    expect(ld.location).toEqual({ '@type': 'Place', name: 'Sanggar Batik Contoh', address: { '@type': 'PostalAddress', streetAddress: 'Jl. Contoh No. 1, Muara Enim', addressCountry: 'ID' } });
    expect(ld.startDate).toBe('2027-03-10T19:00:00+07:00');
    expect(ld.endDate).toBe('2027-03-12');
    expect(ld.offers).toEqual({ '@type': 'Offer', url: 'https://canting.example/id/visit/events/festival-contoh', price: '25000', priceCurrency: 'IDR', availability: 'https://schema.org/InStock' });
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld.organizer).toEqual({ '@type': 'Organization', name: 'Dinas Pariwisata Contoh' });
  });

  it('a free event is accessible for free; a cancelled or past one is no longer offered', () => {
    const free = eventJsonLd(eventView(event({ priceIdr: 0 }), [], regions, 'en', '2026-12-03'), 'en', site);
    expect(free.isAccessibleForFree).toBe(true);
    expect(free.offers.price).toBe('0');
    const cancelled = eventJsonLd(eventView(event({ status: 'cancelled' }), [], regions, 'en', '2026-12-03'), 'en', site);
    expect(cancelled.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(cancelled.offers.availability).toBe('https://schema.org/Discontinued');
    const past = eventJsonLd(eventView(event(), [], regions, 'en', '2028-01-01'), 'en', site);
    expect(past.offers.availability).toBe('https://schema.org/Discontinued');
    expect(eventJsonLd(eventView(event({ priceIdr: undefined }), [], regions, 'en', '2026-12-03'), 'en', site).offers).not.toHaveProperty('price');
  });

  it('a listing has one block per place and per event; an event at a venue is located in its region', () => {
    const listing = visitListing({ places: [place()], events: [event()], regions, lang: 'en', site, today: '2026-12-03' });
    expect(listing.jsonLd).toHaveLength(2);
    expect(listing.upcoming.map((v) => v.event.id)).toEqual(['festival-contoh']);
    expect(eventLocation(event(), [], regions, 'en')).toMatchObject({ name: 'Alun-alun Muara Enim', regionId: 'muara-enim' });
    expect(eventLocation(event({ region: undefined, venue: undefined }), [], regions, 'en')).toMatchObject({ name: 'Indonesia', address: 'Indonesia' });
  });
});
