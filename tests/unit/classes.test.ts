import { describe, expect, it } from 'vitest';
import { classAvailability, classJsonLd, isoInZone, toClassCard } from '../../src/lib/classes/class-page.ts';
import { instantFromLocal, localFromInstant, rupiahFromForm, type ClassSession } from '../../src/lib/classes/sessions.ts';
import { SAMPLE_CLASS_PLACES, sampleClassSessions } from '../../src/lib/classes/sample-classes.ts';
import { placeRecordSchema } from '../../src/lib/visit/schemas.ts';
import { backOfficeGate, classDeskScope, requireClassDesk } from '../../src/lib/auth/guard.ts';

function buildSession(overrides: Partial<ClassSession> = {}): ClassSession {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    placeId: 'rumah-batik-serasan',
    placeName: 'Rumah Batik Serasan (RBS)',
    title: { id: 'Kelas membatik cap (contoh)', en: '' },
    startsAt: new Date('2026-12-12T02:00:00Z'),
    timeZone: 'Asia/Jakarta',
    durationMinutes: 180,
    language: 'id',
    priceIdr: 150_000,
    seats: 10,
    seatsLeft: 10,
    includes: { id: 'Kain, malam, cap', en: 'Cloth, wax, stamp' },
    status: 'scheduled',
    isSample: true,
    cancelledAt: null,
    cancelReason: null,
    ...overrides,
  };
}
const catalogue = (id: string) => (id === 'rumah-batik-serasan' ? { name: 'Rumah Batik Serasan (RBS)', address: 'Jln SMB II No 07, Muara Enim', regionId: 'muara-enim' } : null);
const now = new Date('2026-12-03T00:00:00Z');
const site = new URL('https://canting.test');

describe('batik class pages', () => {
  it('offers follow the seats left; a cancelled class says EventCancelled and is not on sale', () => {
    const ld = (s: Partial<ClassSession>) => classJsonLd(toClassCard(buildSession(s), catalogue, 'en', now), site);
    expect(ld({}).offers.availability).toBe('https://schema.org/InStock');
    expect(ld({ seatsLeft: 2 }).offers.availability).toBe('https://schema.org/LimitedAvailability');
    expect(ld({ seatsLeft: 0 }).offers.availability).toBe('https://schema.org/SoldOut');
    const cancelled = ld({ status: 'cancelled' });
    expect(cancelled.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(cancelled.offers.availability).toBe('https://schema.org/SoldOut');
    const open = ld({});
    expect(open).toMatchObject({ startDate: '2026-12-12T09:00:00+07:00', endDate: '2026-12-12T12:00:00+07:00', url: 'https://canting.test/en/visit/classes/00000000-0000-4000-8000-0000000000aa' });
    expect(open.location.address.streetAddress).toBe('Jln SMB II No 07, Muara Enim');
    // English is optional: the Indonesian title stands in.
    expect(open.name).toBe('Kelas membatik cap (contoh)');
  });

  it('a class that has started is past, not bookable', () => {
    expect(classAvailability(buildSession(), new Date('2026-12-12T02:00:00Z'))).toEqual({ kind: 'past' });
    expect(classAvailability(buildSession({ seatsLeft: 0 }), now)).toEqual({ kind: 'soldOut' });
    expect(classAvailability(buildSession({ seatsLeft: 4 }), now)).toEqual({ kind: 'open', seatsLeft: 4 });
  });

  it('times: a wall-clock start in WIB, WITA or WIT and back; ISO with the zone offset', () => {
    expect(instantFromLocal('2026-12-12T09:00', 'Asia/Jayapura')!.toISOString()).toBe('2026-12-12T00:00:00.000Z');
    expect(localFromInstant(new Date('2026-12-12T00:00:00Z'), 'Asia/Jayapura')).toBe('2026-12-12T09:00');
    expect(isoInZone(new Date('2026-12-12T00:00:00Z'), 'Asia/Makassar')).toBe('2026-12-12T08:00:00+08:00');
    expect(instantFromLocal('12/12/2026 09:00', 'Asia/Jakarta')).toBeNull();
  });

  it('prices are whole rupiah as Indonesians write them; sen are refused', () => {
    expect(['150000', '150.000', 'Rp 150.000', 'Rp150.000,-'].map(rupiahFromForm)).toEqual([150_000, 150_000, 150_000, 150_000]);
    expect(['150.000,50', '150000,5', '150000.50'].map(rupiahFromForm)).toEqual(['priceWhole', 'priceWhole', 'priceWhole']);
    expect(['', 'gratis', '-5'].map(rupiahFromForm)).toEqual(['price', 'price', 'price']);
  });

  it('sample classes are held only at the sample workshops, which say in both languages that they are fictional', async () => {
    const { catalogueFromContent } = await import('../../src/lib/content/load-content.ts');
    const real = new Set((await catalogueFromContent('content')).sentra.map((p) => p.id));
    const ids = new Set(SAMPLE_CLASS_PLACES.map((p) => p.id));
    const all = sampleClassSessions((id) => (ids.has(id) ? id : null), now);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.filter((s) => !ids.has(s.placeId))).toEqual([]);
    for (const { id, ...place } of SAMPLE_CLASS_PLACES) {
      expect(real.has(id), id).toBe(false);
      expect(placeRecordSchema.safeParse(place).success, id).toBe(true);
      expect([place.name.id, place.name.en]).toEqual([expect.stringMatching(/Contoh/), expect.stringMatching(/\(sample\)/)]);
      expect([place.description.id, place.description.en]).toEqual([expect.stringMatching(/fiktif/), expect.stringMatching(/fictional/)]);
    }
  });

  it('sample classes are at the places given, all to come, all titled as samples', () => {
    const sessions = sampleClassSessions((id) => (id === 'sanggar-contoh-tengkiang' ? 'Sanggar Contoh Tengkiang' : null), now);
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.placeId === 'sanggar-contoh-tengkiang' && s.startsAt > now && /\(contoh\)/.test(s.titleId) && /\(sample\)/.test(s.titleEn))).toBe(true);
  });
});

describe('who runs the class desk', () => {
  const curator = { role: 'curator', artisanId: null, artisanStatus: null };
  const office = { role: 'organiser', artisanId: null, artisanStatus: null, organiser: { id: 'o1', kind: 'region' as const, scopeId: 'pekalongan', trusted: false } };
  const artisan = { role: 'artisan', artisanId: 'a1', artisanStatus: 'approved' };
  it('curators and organisers; an organiser only within its scope; artisans and strangers not', () => {
    expect([null, curator, office, artisan].map((u) => requireClassDesk(u))).toEqual(['login', 'ok', 'ok', 'forbidden']);
    expect(backOfficeGate(office, '/portal/classes/x')).toEqual({ area: 'organiser', access: 'ok' });
    expect(backOfficeGate(curator, '/portal/classes')).toEqual({ area: 'admin', access: 'ok' });
    expect(backOfficeGate(artisan, '/portal/classes')).toEqual({ area: 'portal', access: 'forbidden' });
    expect(classDeskScope(curator)).toBeNull();
    expect(classDeskScope(office)).toMatchObject({ kind: 'region', scopeId: 'pekalongan' });
    expect(() => classDeskScope(artisan)).toThrow();
  });
});
