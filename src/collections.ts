/**
 * The Astro side of content: loads the content collections once and reshapes Astro's entries into the plain `Catalogue`
 * of src/lib/content (references become ids), and reads the live collections of places and events (src/live.config.ts)
 * as plain `Place`/`VisitEvent` records, so that lib code never sees Astro types.
 */
import { getCollection, getLiveCollection, getLiveEntry } from 'astro:content';
import type { Catalogue } from './lib/content/catalogue.ts';
import type { Place, VisitEvent } from './lib/visit/schemas.ts';
import { EDITORIAL_COLLECTIONS } from './lib/content/schemas.ts';
import { LANGS, type Lang } from './lib/i18n/index.ts';
import { useStrings } from './i18n/index.ts';
import type { UiStrings } from './i18n/id.ts';

/** Replaces every `{ collection, id }` reference inside `value` by its id. */
function flattenRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flattenRefs);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.collection === 'string' && typeof record.id === 'string' && Object.keys(record).length === 2) {
      return record.id;
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, flattenRefs(v)]));
  }
  return value;
}

let loading: Promise<Catalogue> | undefined;

export function loadCatalogue(): Promise<Catalogue> {
  loading ??= (async () => {
    const entries = await Promise.all(
      EDITORIAL_COLLECTIONS.map(async (name) => {
        const items = await getCollection(name);
        return [name, items.map((e) => ({ ...(flattenRefs(e.data) as object), id: e.id }))] as const;
      }),
    );
    return Object.fromEntries(entries) as unknown as Catalogue;
  })();
  return loading;
}

/** `getStaticPaths` of a public page that exists once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

/** `getStaticPaths` of a public page per language and per entry of a collection, e.g. `entryPaths('motifs', 'motif')`. */
export async function entryPaths<P extends string>(collection: 'motifs' | 'regions' | 'techniques', param: P) {
  const entries = (await loadCatalogue())[collection];
  return LANGS.flatMap((lang) => entries.map((e) => ({ params: { lang, [param]: e.id } as { lang: Lang } & Record<P, string> })));
}

/** What every prerendered public page starts from: its language, its interface strings and the content. */
export async function publicPage(params: Record<string, string | undefined>): Promise<{ lang: Lang; t: UiStrings; catalogue: Catalogue }> {
  const lang = params.lang as Lang;
  return { lang, t: useStrings(lang), catalogue: await loadCatalogue() };
}

/**
 * Published places (of one region), from the live collection over the database (src/live.config.ts).
 * A failing database is the page's error (500), never an empty list.
 */
export async function livePlaces(region?: string): Promise<Place[]> {
  const { entries, error } = await getLiveCollection('places', region ? { region } : {});
  if (error) throw error;
  return (entries ?? []).map((e) => ({ ...e.data, id: e.id }) as Place);
}

/** Published events (held in one region, directly or at one of its places), from the live collection. */
export async function liveEvents(region?: string): Promise<VisitEvent[]> {
  const { entries, error } = await getLiveCollection('events', region ? { region } : {});
  if (error) throw error;
  return (entries ?? []).map((e) => ({ ...e.data, id: e.id }) as VisitEvent);
}

/** One published event, or undefined (unknown or not published). */
export async function liveEvent(id: string): Promise<VisitEvent | undefined> {
  const { entry, error } = await getLiveEntry('events', { id });
  // Astro's "not found" error is not exported from astro:content; it is known by its name.
  if (error && error.name !== 'LiveEntryNotFoundError') throw error;
  return entry ? ({ ...entry.data, id: entry.id } as VisitEvent) : undefined;
}

/** One published place, or undefined (unknown or not published). */
export async function livePlace(id: string): Promise<Place | undefined> {
  const { entry, error } = await getLiveEntry('places', { id });
  if (error && error.name !== 'LiveEntryNotFoundError') throw error;
  return entry ? ({ ...entry.data, id: entry.id } as Place) : undefined;
}
