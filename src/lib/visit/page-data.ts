/**
 * What the visit page, a region page and home's calendar show of places and events, from the published
 * rows (read through the live collections) and the editorial regions: events split into upcoming (next
 * date first) and past, where each happens, the JSON-LD of every place and event, and each event's
 * iCalendar entry. Pages only render these.
 */
import type { Entry } from '../content/catalogue.ts';
import { byId } from '../content/catalogue.ts';
import type { Lang, Region } from '../content/schemas.ts';
import { localizedPath, textIn } from '../i18n/index.ts';
import { batikEvent, touristAttraction } from '../seo/json-ld.ts';
import type { IcsEvent } from '../calendar/ics.ts';
import type { Place, VisitEvent } from './schemas.ts';
import { eventInstants, nextOccurrence, todayIn, upcomingAndPastEvents, type Occurrence } from './schedule.ts';

export interface EventLocation {
  name: string;
  address: string;
  /** The place's id when the event is at one of our places. */
  placeId?: string | undefined;
  /** The event's region (its own, or its place's). */
  regionId?: string | undefined;
}

/** Where an event happens, as a reader and JSON-LD say it: its place, its venue in its region, or its region (Indonesia for a national one). */
export function eventLocation(event: VisitEvent, places: readonly Place[], regions: readonly Entry<Region>[], lang: Lang): EventLocation {
  const place = event.place ? places.find((p) => p.id === event.place) : undefined;
  const regionId = event.region ?? place?.region;
  const region = regionId ? byId(regions, regionId) : undefined;
  if (place) return { name: textIn(place.name, lang), address: place.address, placeId: place.id, regionId };
  if (event.venue) return { name: event.venue, address: region ? `${region.name}, ${region.province[lang]}` : 'Indonesia', regionId };
  return { name: region?.name ?? 'Indonesia', address: region ? region.province[lang] : 'Indonesia', regionId };
}

export interface EventView {
  event: VisitEvent;
  when: Occurrence;
  location: EventLocation;
}

export interface VisitListing {
  /** Upcoming events, next date first. */
  upcoming: EventView[];
  /** Past events (the archive), most recent first. */
  past: EventView[];
  /** schema.org blocks: each place, each event. */
  jsonLd: object[];
}

/** The absolute URL of a stored photo's largest WebP, for JSON-LD. */
export function photoUrls(photos: readonly { variants: readonly { format: string; width: number; path: string }[] }[], site: URL | string): string[] {
  return photos.flatMap((photo) => {
    const webp = photo.variants.filter((v) => v.format === 'webp').sort((a, b) => b.width - a.width)[0] ?? photo.variants[0];
    return webp ? [new URL(`/media/${webp.path}`, site).href] : [];
  });
}

/** The language-neutral path of an event's own page. */
export const eventPath = (id: string) => `/visit/events/${id}`;
/** The language-neutral path of a place's own page. */
export const placePath = (id: string) => `/visit/places/${id}`;

/** A place's JSON-LD, with its own page as its URL. */
export function placeJsonLd(place: Place, lang: Lang, site: URL) {
  return touristAttraction(place, lang, new URL(localizedPath(lang, placePath(place.id)), site).href, photoUrls(place.photos, site));
}

/** An event's JSON-LD (its next dates), with its own page as its URL. */
export function eventJsonLd(view: EventView, lang: Lang, site: URL) {
  return batikEvent(view.event, lang, new URL(localizedPath(lang, eventPath(view.event.id)), site).href, view.location, view.when, photoUrls(view.event.photos, site));
}

/** One event as its page shows it: its next dates and where. */
export function eventView(event: VisitEvent, places: readonly Place[], regions: readonly Entry<Region>[], lang: Lang, today: string = todayIn()): EventView {
  return { event, when: nextOccurrence(event, today), location: eventLocation(event, places, regions, lang) };
}

/**
 * A listing of places and events (the visit page, a region page, a place's page): events split and
 * located, and the JSON-LD of each place and event (their own pages as their URLs).
 * @param places the places shown; `allPlaces` those events may be held at (defaults to `places`).
 */
export function visitListing(input: {
  places: readonly Place[];
  events: readonly VisitEvent[];
  regions: readonly Entry<Region>[];
  lang: Lang;
  site: URL;
  today?: string;
  allPlaces?: readonly Place[];
}): VisitListing {
  const { places, events, regions, lang, site } = input;
  const today = input.today ?? todayIn();
  const located = (items: { event: VisitEvent; when: Occurrence }[]) =>
    items.map(({ event, when }) => ({ event, when, location: eventLocation(event, input.allPlaces ?? places, regions, lang) }));
  const { upcoming, past } = upcomingAndPastEvents(events, today);
  const views = { upcoming: located(upcoming), past: located(past) };
  const jsonLd = [...places.map((p) => placeJsonLd(p, lang, site)), ...[...views.upcoming, ...views.past].map((v) => eventJsonLd(v, lang, site))];
  return { ...views, jsonLd };
}

/** The next few upcoming events (home's calendar). */
export function nextEvents(events: readonly VisitEvent[], count: number, today: string = todayIn()): { event: VisitEvent; when: Occurrence }[] {
  return upcomingAndPastEvents(events, today).upcoming.slice(0, count);
}

/**
 * An event as an iCalendar entry in the reader's language: its own dates (a yearly event repeats by
 * RRULE), times in UTC from its zone, its location, and a link to where it is listed.
 */
export function eventIcs(event: VisitEvent, location: EventLocation, lang: Lang, site: URL): IcsEvent {
  const own = { startDate: event.startDate, endDate: event.endDate };
  const timed = event.startTime ? eventInstants(own, event) : null;
  return {
    uid: `${event.id}@canting`,
    title: textIn(event.name, lang),
    description: textIn(event.description, lang),
    location: location.placeId ? `${location.name}, ${location.address}` : location.name === location.address ? location.name : `${location.name}, ${location.address}`,
    url: new URL(localizedPath(lang, eventPath(event.id)), site).href,
    startDate: event.startDate,
    endDate: event.endDate,
    yearly: event.recurrence === 'yearly',
    ...(timed ? { startsAt: timed.start, endsAt: event.endTime ? timed.end : timed.start } : {}),
    ...(event.status === 'cancelled' ? { cancelled: true } : {}),
  };
}

