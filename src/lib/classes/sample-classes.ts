/**
 * Sample batik classes for the sample catalogue (never in production): dated sessions, each titled and
 * flagged as a sample, at sample workshops — fictional places named like the sample workshops of the
 * shop ("Sanggar Contoh …"), never at a real museum or centre: no real business is attached to a
 * fictional class. Dates are counted from the day of seeding, so there are always classes to come.
 */
import type { PlaceInput } from '../visit/schemas.ts';
import type { NewSession } from './sessions.ts';

/**
 * The fictional places the sample classes are held at (published by the sample seed, ids from their
 * names): no address of anyone's, the point at the region's centre, labelled sample in both languages.
 */
export const SAMPLE_CLASS_PLACES: readonly (PlaceInput & { id: string })[] = [
  { id: 'sanggar-contoh-tengkiang', region: 'muara-enim', place: 'Tanjung Enim, Muara Enim', lat: -3.65, lng: 103.77 },
  { id: 'sanggar-contoh-canting-kauman', region: 'pekalongan', place: 'Kauman, Pekalongan', lat: -6.89, lng: 109.68 },
  { id: 'sanggar-contoh-mahkota-tapis', region: 'lampung', place: 'Kemiling, Bandar Lampung', lat: -5.43, lng: 105.26 },
].map(({ id, region, place, lat, lng }) => {
  const name = id.replace(/^sanggar-contoh-/, '').split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  return {
    id,
    name: { id: `Sanggar Contoh ${name}`, en: `Sanggar Contoh ${name} (sample)` },
    kind: 'workshop' as const,
    region,
    address: `${place} (alamat contoh)`,
    coordinates: { lat, lng, approximate: 'region' as const },
    description: {
      id: 'Sanggar contoh: tempat fiktif untuk mencoba pemesanan kelas membatik di Canting. Tempat ini tidak ada.',
      en: 'A sample workshop: a fictional place for trying out booking a batik class on Canting. It does not exist.',
    },
    activities: { id: 'Kelas membatik contoh (data contoh).', en: 'Sample batik classes (sample data).' },
  };
});

interface SampleClass {
  placeId: string;
  titleId: string;
  titleEn: string;
  /** Days after the seed day, at `hour`:00 local time (WIB). */
  inDays: number;
  hour: number;
  durationMinutes: number;
  language: NewSession['language'];
  priceIdr: number;
  seats: number;
  includesId: string;
  includesEn: string;
}

const SAMPLE_CLASSES: readonly SampleClass[] = [
  { placeId: 'sanggar-contoh-tengkiang', titleId: 'Kelas membatik cap motif kopi (contoh)', titleEn: 'Stamped batik class: the kopi motif (sample)', inDays: 6, hour: 9, durationMinutes: 180, language: 'id', priceIdr: 150_000, seats: 12, includesId: 'Kain katun 1 × 1 m, malam, cap tembaga, pewarna; kain dibawa pulang', includesEn: 'A 1 × 1 m cotton cloth, wax, copper stamp and dyes; you take the cloth home' },
  { placeId: 'sanggar-contoh-canting-kauman', titleId: 'Kelas batik tulis untuk pemula (contoh)', titleEn: 'Hand-drawn batik for beginners (sample)', inDays: 9, hour: 13, durationMinutes: 240, language: 'id-en', priceIdr: 200_000, seats: 8, includesId: 'Canting, malam, kain mori 50 × 50 cm, pewarna, teh dan kudapan', includesEn: 'Canting, wax, a 50 × 50 cm mori cloth, dyes, tea and snacks' },
  { placeId: 'sanggar-contoh-canting-kauman', titleId: 'Membatik sapu tangan (contoh)', titleEn: 'Draw a batik handkerchief (sample)', inDays: 13, hour: 10, durationMinutes: 120, language: 'id', priceIdr: 75_000, seats: 20, includesId: 'Sapu tangan katun, malam dan canting', includesEn: 'A cotton handkerchief, wax and canting' },
  { placeId: 'sanggar-contoh-mahkota-tapis', titleId: 'Kelas batik motif siger (contoh)', titleEn: 'Batik class: the siger motif (sample)', inDays: 20, hour: 9, durationMinutes: 300, language: 'id', priceIdr: 250_000, seats: 10, includesId: 'Pola siger, kain primisima 1 m, malam, pewarna dan makan siang', includesEn: 'A siger pattern, 1 m of primisima cloth, wax, dyes and lunch' },
  { placeId: 'sanggar-contoh-tengkiang', titleId: 'Kelas membatik tulis motif tengkiang (contoh)', titleEn: 'Hand-drawn batik: the tengkiang motif (sample)', inDays: 27, hour: 9, durationMinutes: 240, language: 'id', priceIdr: 225_000, seats: 6, includesId: 'Kain katun 1 m, malam, canting, pewarna; kain dibawa pulang', includesEn: 'A 1 m cotton cloth, wax, canting and dyes; you take the cloth home' },
];

/**
 * The sample sessions for the places that exist (`placeName` answers their names), counted from `today`.
 * WIB is UTC+7 and every sample place is in WIB.
 */
export function sampleClassSessions(placeName: (id: string) => string | null, today: Date = new Date()): NewSession[] {
  const midnightUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return SAMPLE_CLASSES.flatMap((c) => {
    const name = placeName(c.placeId);
    if (!name) return [];
    return [{
      placeId: c.placeId, placeName: name, titleId: c.titleId, titleEn: c.titleEn,
      startsAt: new Date(midnightUtc + c.inDays * 86_400_000 + (c.hour - 7) * 3_600_000),
      timeZone: 'Asia/Jakarta' as const, durationMinutes: c.durationMinutes, language: c.language, priceIdr: c.priceIdr, seats: c.seats,
      includesId: c.includesId, includesEn: c.includesEn,
    }];
  });
}
