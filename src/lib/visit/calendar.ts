/**
 * A region's calendar feed (`/{lang}/regions/{region}.ics`): every published event held in the region,
 * and whatever other modules add to it through `regionCalendarEntries` (batik classes' sessions).
 */
import type { Queryable } from '../db/database.ts';
import type { Entry } from '../content/catalogue.ts';
import type { Lang, Region } from '../content/schemas.ts';
import { toIcsCalendar, type IcsEvent } from '../calendar/ics.ts';
import { eventIcs, eventLocation } from './page-data.ts';
import type { Place, VisitEvent } from './schemas.ts';

/**
 * Other entries of a region's feed, besides its events.
 * CLASSES: return the region's upcoming class sessions here (one IcsEvent per session, uid
 * `session-<id>@canting`, `startsAt`/`endsAt` with the zone's offset); the feed route and its tests
 * need nothing else.
 */
export async function regionCalendarEntries(_db: Queryable, _regionId: string, _lang: Lang, _site: URL): Promise<IcsEvent[]> {
  return [];
}

/** The region's feed as an iCalendar file: its events, then the other entries (classes). */
export function regionCalendar(input: {
  region: Entry<Region>;
  regions: readonly Entry<Region>[];
  events: readonly VisitEvent[];
  places: readonly Place[];
  others: readonly IcsEvent[];
  lang: Lang;
  site: URL;
}): string {
  const { region, regions, events, places, others, lang, site } = input;
  const entries = [...events.map((e) => eventIcs(e, eventLocation(e, places, regions, lang), lang, site)), ...others];
  // A fixed stamp (the earliest start) keeps the answer the same until an event changes.
  const stamp = `${events.map((e) => e.startDate).sort()[0] ?? '2026-01-01'}T00:00:00Z`;
  return toIcsCalendar(entries, stamp, `Batik ${region.name} · Canting`);
}
