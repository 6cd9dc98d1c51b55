/**
 * Sample batik classes for the sample catalogue (never in production): dated sessions at real places
 * from content/sentra, each titled and flagged as a sample — the place is real, the date, price and
 * seats are not. Dates are counted from the day of seeding, so there are always classes to come.
 */
import type { NewSession } from './sessions.ts';

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
  { placeId: 'rumah-batik-serasan', titleId: 'Kelas membatik cap motif kopi (contoh)', titleEn: 'Stamped batik class: the kopi motif (sample)', inDays: 6, hour: 9, durationMinutes: 180, language: 'id', priceIdr: 150_000, seats: 12, includesId: 'Kain katun 1 × 1 m, malam, cap tembaga, pewarna; kain dibawa pulang', includesEn: 'A 1 × 1 m cotton cloth, wax, copper stamp and dyes; you take the cloth home' },
  { placeId: 'kampoeng-batik-pesindon', titleId: 'Kelas batik tulis untuk pemula (contoh)', titleEn: 'Hand-drawn batik for beginners (sample)', inDays: 9, hour: 13, durationMinutes: 240, language: 'id-en', priceIdr: 200_000, seats: 8, includesId: 'Canting, malam, kain mori 50 × 50 cm, pewarna, teh dan kudapan', includesEn: 'Canting, wax, a 50 × 50 cm mori cloth, dyes, tea and snacks' },
  { placeId: 'museum-batik-pekalongan', titleId: 'Membatik sapu tangan di museum (contoh)', titleEn: 'Draw a batik handkerchief at the museum (sample)', inDays: 13, hour: 10, durationMinutes: 120, language: 'id', priceIdr: 75_000, seats: 20, includesId: 'Tiket museum, sapu tangan katun, malam dan canting', includesEn: 'Museum ticket, a cotton handkerchief, wax and canting' },
  { placeId: 'siger-roemah-batik', titleId: 'Kelas batik motif siger (contoh)', titleEn: 'Batik class: the siger motif (sample)', inDays: 20, hour: 9, durationMinutes: 300, language: 'id', priceIdr: 250_000, seats: 10, includesId: 'Pola siger, kain primisima 1 m, malam, pewarna dan makan siang', includesEn: 'A siger pattern, 1 m of primisima cloth, wax, dyes and lunch' },
  { placeId: 'rumah-batik-serasan', titleId: 'Kelas membatik tulis motif tengkiang (contoh)', titleEn: 'Hand-drawn batik: the tengkiang motif (sample)', inDays: 27, hour: 9, durationMinutes: 240, language: 'id', priceIdr: 225_000, seats: 6, includesId: 'Kain katun 1 m, malam, canting, pewarna; kain dibawa pulang', includesEn: 'A 1 m cotton cloth, wax, canting and dyes; you take the cloth home' },
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
