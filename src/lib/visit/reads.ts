/**
 * The published places and events as public pages read them, through the catalogue read cache (a
 * publish empties it: visit_places and visit_events are catalogue tables, src/lib/store/cached-reads.ts).
 * The live collections' loaders (src/lib/visit/live-loaders.ts) read through these.
 */
import type { Queryable } from '../db/database.ts';
import { cachedRead } from '../store/cached-reads.ts';
import { listPublishedEvents, listPublishedPlaces } from './repository.ts';
import type { Place, VisitEvent } from './schemas.ts';

/** Published places (of one region), by id. */
export function publishedPlaces(db: Queryable, region?: string): Promise<Place[]> {
  return cachedRead(db, `visit:places:${region ?? ''}`, () => listPublishedPlaces(db, { region }));
}

/** Published events (held in one region, directly or at one of its places), by id. */
export function publishedEvents(db: Queryable, region?: string): Promise<VisitEvent[]> {
  return cachedRead(db, `visit:events:${region ?? ''}`, () => listPublishedEvents(db, { region }));
}

/** One published place, or undefined. */
export async function publishedPlace(db: Queryable, id: string): Promise<Place | undefined> {
  return (await publishedPlaces(db)).find((p) => p.id === id);
}

/** One published event, or undefined. */
export async function publishedEvent(db: Queryable, id: string): Promise<VisitEvent | undefined> {
  return (await publishedEvents(db)).find((e) => e.id === id);
}
