/**
 * The one-time import of places and events from `content/sentra` and `content/events` (the YAML they
 * were kept in until issue #15) into an empty database. After it the database is their source; the YAML
 * stays in git as the import's input and keeps its integrity check. Run on every start (sample and
 * production mode alike) and by `npm run seed`: it does nothing once either table has a row.
 */
import type { Database } from '../db/database.ts';
import type { ContentCatalogue, Entry } from '../content/catalogue.ts';
import type { BatikEvent, Sentra } from '../content/schemas.ts';
import { jsonForDatabase } from '../text.ts';
import { parseEventInput, parsePlaceInput, visitTablesEmpty } from './repository.ts';
import type { EventRecord, PlaceRecord } from './schemas.ts';

/** A place of content/sentra as a database record (names were one text, the same in both languages). */
export function placeFromContent(place: Entry<Sentra>): PlaceRecord {
  return parsePlaceInput({
    name: { id: place.name, en: place.name },
    kind: place.kind,
    region: place.region,
    address: place.address,
    coordinates: place.coordinates,
    description: place.description,
    activities: place.activities,
    openingHours: [],
    ...(place.hours ? { hoursNote: place.hours } : {}),
    ...(place.tickets ? { tickets: place.tickets } : {}),
    sources: place.sources,
  });
}

/** An event of content/events as a database record: all-day dates in WIB (every region so far is on Java or Sumatra). */
export function eventFromContent(event: Entry<BatikEvent>): EventRecord {
  return parseEventInput({
    name: event.name,
    ...(event.region ? { region: event.region } : {}),
    ...(event.place ? { place: event.place } : {}),
    ...(event.venue ? { venue: event.venue } : {}),
    startDate: event.startDate,
    endDate: event.endDate,
    timeZone: 'Asia/Jakarta',
    recurrence: event.recurrence,
    description: event.description,
    sources: event.sources,
  });
}

export interface ImportResult {
  places: number;
  events: number;
  skipped: boolean;
}

/**
 * Puts content/'s places and events, published, into empty tables, in one transaction (all or
 * nothing); does nothing when either table has a row. Safe to call from several servers at once: the
 * transaction takes a lock on both tables first and looks again.
 */
export async function importVisitContent(db: Database, content: Pick<ContentCatalogue, 'sentra' | 'events'>): Promise<ImportResult> {
  const skipped = { places: 0, events: 0, skipped: true };
  if (!(await visitTablesEmpty(db))) return skipped;
  const places = content.sentra.map((p) => ({ id: p.id, record: placeFromContent(p) }));
  const events = content.events.map((e) => ({ id: e.id, record: eventFromContent(e) }));
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE visit_places, visit_events IN EXCLUSIVE MODE');
    if (!(await visitTablesEmpty(tx))) return skipped;
    for (const { id, record } of places) {
      await tx.query(`INSERT INTO visit_places (id, region, published, published_at) VALUES ($1, $2, $3::jsonb, now())`, [id, record.region, jsonForDatabase(record)]);
    }
    for (const { id, record } of events) {
      await tx.query(`INSERT INTO visit_events (id, region, place_id, published, published_at) VALUES ($1, $2, $3, $4::jsonb, now())`, [
        id,
        record.region ?? null,
        record.place ?? null,
        jsonForDatabase(record),
      ]);
    }
    return { places: places.length, events: events.length, skipped: false };
  });
}
