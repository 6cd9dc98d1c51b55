/**
 * Astro live loaders (src/live.config.ts) over the published places and events: pages ask
 * `getLiveCollection('places', { region })`, `getLiveEntry('events', id)`, and get the database's rows
 * at request time, through the catalogue read cache (reads.ts). Plain TypeScript: the database comes
 * from the caller (the composition root's), so this module never builds a service.
 */
import type { LiveLoader } from 'astro/loaders';
import type { Queryable } from '../db/database.ts';
import { publishedEvents, publishedPlaces } from './reads.ts';
import type { Place, VisitEvent } from './schemas.ts';

/** A collection's filter: one region's entries, or all. */
export interface RegionFilter {
  region?: string | undefined;
}

type Data<T> = Omit<T, 'id'>;

function entryOf<T extends { id: string }>(item: T) {
  const { id, ...data } = item;
  return { id, data: data as Data<T> };
}

function visitLoader<T extends { id: string }>(name: string, database: () => Promise<Queryable>, list: (db: Queryable, region?: string) => Promise<T[]>): LiveLoader<Data<T>, { id: string }, RegionFilter> {
  return {
    name,
    async loadCollection({ filter }) {
      try {
        const items = await list(await database(), filter?.region);
        return { entries: items.map(entryOf) };
      } catch (error) {
        return { error: error instanceof Error ? error : new Error(String(error)) };
      }
    },
    async loadEntry({ filter }) {
      try {
        const item = (await list(await database())).find((i) => i.id === filter.id);
        return item ? entryOf(item) : undefined;
      } catch (error) {
        return { error: error instanceof Error ? error : new Error(String(error)) };
      }
    },
  };
}

/** Published places (sentra, museums, workshops, galleries). */
export const placesLoader = (database: () => Promise<Queryable>) => visitLoader<Place>('canting-places', database, publishedPlaces);

/** Published events. */
export const eventsLoader = (database: () => Promise<Queryable>) => visitLoader<VisitEvent>('canting-events', database, publishedEvents);
