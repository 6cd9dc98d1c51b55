/**
 * The Astro side of content: loads the content collections once and reshapes Astro's entries into the plain `Catalogue`
 * of src/lib/catalogue (references become ids), so that lib code never sees Astro types.
 */
import { getCollection } from 'astro:content';
import type { Catalogue } from './lib/catalogue/catalogue.ts';
import { COLLECTIONS } from './lib/catalogue/schemas.ts';

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
      COLLECTIONS.map(async (name) => {
        const items = await getCollection(name);
        return [name, items.map((e) => ({ ...(flattenRefs(e.data) as object), id: e.id }))] as const;
      }),
    );
    return Object.fromEntries(entries) as unknown as Catalogue;
  })();
  return loading;
}
