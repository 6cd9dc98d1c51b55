/**
 * What the public class pages show, apart from their templates: a session's availability (seats left,
 * sold out, cancelled, past), its times in the place's zone, and its Event JSON-LD.
 */
import type { Queryable } from '../db/database.ts';
import { listPublishedPlaces } from '../visit/repository.ts';
import type { Lang } from '../i18n/index.ts';
import { inLanguage, localizedPath } from '../i18n/index.ts';
import { classEventJsonLd } from '../seo/json-ld.ts';
import { formatIdr } from '../money.ts';
import { CLASS_TIME_ZONES, endsAt, formatClassStart, isBookable, listUpcomingClassSessions, type ClassSession } from './sessions.ts';

export type ClassAvailability = { kind: 'open'; seatsLeft: number } | { kind: 'soldOut' } | { kind: 'cancelled' } | { kind: 'past' };

export function classAvailability(session: ClassSession, now: Date = new Date()): ClassAvailability {
  if (session.status === 'cancelled') return { kind: 'cancelled' };
  if (session.startsAt.getTime() <= now.getTime()) return { kind: 'past' };
  if (!isBookable(session, now)) return { kind: 'soldOut' };
  return { kind: 'open', seatsLeft: session.seatsLeft };
}

/** An instant as ISO 8601 with the zone's offset (schema.org wants the local time and its offset). */
export function isoInZone(at: Date, zone: ClassSession['timeZone']): string {
  const hours = CLASS_TIME_ZONES[zone].offsetHours;
  const local = new Date(at.getTime() + hours * 3_600_000).toISOString().slice(0, 19);
  return `${local}+${String(hours).padStart(2, '0')}:00`;
}

/** A published place as a class shows it (its name in the reader's language), by id; null for none. */
export type PlaceLookup = (id: string) => { name: string; address: string; regionId: string } | null;

/** The published places (visit_places) as a lookup for class cards, names in `lang`. */
export async function placeLookup(db: Queryable, lang: Lang): Promise<PlaceLookup> {
  const places = new Map((await listPublishedPlaces(db)).map((p) => [p.id, { name: inLanguage(p.name, lang).text, address: p.address, regionId: p.region }]));
  return (id) => places.get(id) ?? null;
}

/** Where a class is: its published place's name and address, else the name it was scheduled with. */
export function classLocation(places: PlaceLookup, session: Pick<ClassSession, 'placeId' | 'placeName'>): { name: string; address: string; regionId: string | null } {
  return places(session.placeId) ?? { name: session.placeName, address: 'Indonesia', regionId: null };
}

/** One class as a card and a page show it. */
export interface ClassCard {
  session: ClassSession;
  href: string;
  title: ReturnType<typeof inLanguage>;
  includes: ReturnType<typeof inLanguage>;
  when: string;
  availability: ClassAvailability;
  location: { name: string; address: string; regionId: string | null };
}

export function toClassCard(session: ClassSession, places: PlaceLookup, lang: Lang, now: Date = new Date()): ClassCard {
  return {
    session,
    href: localizedPath(lang, `/visit/classes/${session.id}`),
    title: inLanguage(session.title, lang),
    includes: inLanguage(session.includes, lang),
    when: formatClassStart(session, lang),
    availability: classAvailability(session, now),
    location: classLocation(places, session),
  };
}

/** The class's Event JSON-LD; `site` is the configured site URL (never the request's). */
export function classJsonLd(card: ClassCard, site: URL) {
  const { session } = card;
  return classEventJsonLd({
    name: card.title.text,
    description: `${card.title.text} — ${card.location.name}. ${card.includes.text}`,
    url: new URL(card.href, site).href,
    startDate: isoInZone(session.startsAt, session.timeZone),
    endDate: isoInZone(endsAt(session), session.timeZone),
    cancelled: session.status === 'cancelled',
    inLanguage: session.language === 'id-en' ? ['id', 'en'] : [session.language],
    location: card.location,
    priceIdr: session.priceIdr,
    seats: session.seats,
    seatsLeft: session.seatsLeft,
    onSale: card.availability.kind === 'open',
  });
}

/**
 * The upcoming classes of a region (its published places), of one place, or of every place, as cards:
 * what the visit, region and place pages list (ClassList.astro), next first.
 */
export async function upcomingClassCards(db: Queryable, where: { region?: string | undefined; place?: string | undefined }, lang: Lang, now: Date = new Date()): Promise<ClassCard[]> {
  const places = await placeLookup(db, lang);
  const placeIds = where.place ? [where.place] : where.region ? (await listPublishedPlaces(db, { region: where.region })).map((p) => p.id) : undefined;
  if (placeIds && placeIds.length === 0) return [];
  const sessions = await listUpcomingClassSessions(db, { ...(placeIds ? { placeIds } : {}), now });
  return sessions.map((s) => toClassCard(s, places, lang, now));
}

/**
 * A region's (or place's) upcoming classes as calendar entries for its .ics feed: timed (start and end
 * with the zone's offset), cancelled ones kept and marked, uid `session-<id>@canting`. The shape of
 * `IcsEvent` in src/lib/calendar/ics.ts once the places' feed is on main (`regionCalendarEntries`).
 */
export async function classFeedEntries(db: Queryable, where: { region?: string | undefined; place?: string | undefined }, lang: Lang, site: URL) {
  const cards = await upcomingClassCards(db, where, lang);
  return cards.map((card) => {
    const s = card.session;
    const startsAt = isoInZone(s.startsAt, s.timeZone);
    const endsAtIso = isoInZone(endsAt(s), s.timeZone);
    return {
      uid: `session-${s.id}@canting`,
      title: card.title.text,
      description: `${formatIdr(s.priceIdr)} · ${card.includes.text}`,
      location: `${card.location.name}, ${card.location.address}`,
      url: new URL(card.href, site).href,
      startDate: startsAt.slice(0, 10),
      endDate: endsAtIso.slice(0, 10),
      yearly: false,
      startsAt,
      endsAt: endsAtIso,
      cancelled: s.status === 'cancelled',
    };
  });
}
