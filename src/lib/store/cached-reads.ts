/**
 * The public catalogue reads that pages repeat for every visitor, through a read cache per
 * database (read-cache.ts). The server drops the cache after each write to a catalogue table
 * (the composition root, app.server.ts, installs src/lib/db/write-watch.ts), so this process's own writes — the
 * portal, admin, checkout taking stock — show on the next view. Entries also expire:
 *
 * - PostgreSQL: after 5 s, the bound for changes made by other processes (a CLI script such as
 *   `npm run search:index`, another server on the same database).
 * - PGlite: after 60 s, only as a safety net. A PGlite data directory belongs to the one server
 *   process while it runs (the scripts say "stop the server first on PGlite"), so every write
 *   passes the watcher.
 *
 * For pages only. Carts, checkout and the search indexer read the database directly.
 */
import { channel } from 'node:diagnostics_channel';
import type { Database, Queryable } from '../db/database.ts';
import { createReadCache, type ReadCache } from './read-cache.ts';
import { CATALOGUE_WRITE_CHANNEL } from './signals.ts';
import type { Artisan, ProductView } from './model.ts';
import { countPublicProducts, findPublicProduct, listArtisansForMotif, listPublicArtisans, listPublicProducts } from './repository.ts';

/** How long a cached catalogue read may be served: changes from other processes show within this. */
export const CATALOGUE_CACHE_TTL_MS = { postgres: 5_000, pglite: 60_000 } as const;

/** The entry lifetime for a database (PostgreSQL's when the kind is unknown, e.g. a bare Queryable). */
export function catalogueCacheTtl(db: Queryable): number {
  return (db as Partial<Database>).kind === 'pglite' ? CATALOGUE_CACHE_TTL_MS.pglite : CATALOGUE_CACHE_TTL_MS.postgres;
}

/**
 * The tables whose writes invalidate the cache (and the HTML cache of public pages). Not `orders`: a
 * product page that says "reserved until … WIB" (an unpaid order holds its last piece) is answered
 * `private` and never cached, and the hold itself is read fresh (`heldUntil`), so a payment leaves no
 * stale page; the sweeps' minute-by-minute writes to `orders` must not empty every cache. Places and
 * events (src/lib/visit) are here: a publish shows on the visit, region and home pages at once.
 */
export const CATALOGUE_TABLES = ['products', 'product_images', 'artisans', 'visit_places', 'visit_events'] as const;

const caches = new WeakMap<object, ReadCache>();

/**
 * "A catalogue table of this database changed", for every cache in the process (signals.ts): the built
 * server's copy of this module and the HTML cache in scripts/start.mjs's source copy hear the same.
 */
const catalogueWrites = channel(CATALOGUE_WRITE_CHANNEL);
catalogueWrites.subscribe((message) => caches.get((message as { db: object }).db)?.invalidate());

function cacheOf(db: Queryable): ReadCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createReadCache({ ttlMs: catalogueCacheTtl(db) })));
  return cache;
}

/** Drops every cached read of this database, and every cached page (after a write to a catalogue table). */
export function invalidateCatalogueReads(db: Queryable): void {
  catalogueWrites.publish({ db });
}

/** Calls `listener` after every catalogue write in this process (any database); returns the unsubscribe. */
export function onCatalogueWrite(listener: () => void): () => void {
  const subscriber = () => listener();
  catalogueWrites.subscribe(subscriber);
  return () => void catalogueWrites.unsubscribe(subscriber);
}

/** `findPublicProduct`, cached: a product page. */
export function cachedPublicProduct(db: Queryable, slug: string): Promise<ProductView | null> {
  return cacheOf(db).get(`product:${slug}`, () => findPublicProduct(db, slug));
}

export interface LivePieces {
  products: ProductView[];
  total: number;
  artisans: Artisan[];
}

/** The newest pieces of a motif or region, their number, and the artisans who make them (a server island). */
export function cachedLivePieces(db: Queryable, filter: { motif?: string | undefined; region?: string | undefined }, limit = 8): Promise<LivePieces> {
  const { motif, region } = filter;
  return cacheOf(db).get(`pieces:${motif ?? ''}:${region ?? ''}:${limit}`, async () => {
    const [products, total, artisans] = await Promise.all([
      listPublicProducts(db, { motif, region, limit }),
      countPublicProducts(db, { motif, region }),
      motif ? listArtisansForMotif(db, motif) : listPublicArtisans(db, { region: region! }),
    ]);
    return { products, total, artisans };
  });
}

export interface ShopWindow {
  /** The newest public pieces. */
  products: ProductView[];
  /** Workshops with new pieces, newest first, each once. */
  workshops: ProductView['artisan'][];
}

/** Home's shop window: the newest pieces and a few of the workshops that made the newest ones. */
export function cachedShopWindow(db: Queryable, pieces = 8, workshops = 4): Promise<ShopWindow> {
  return cacheOf(db).get(`window:${pieces}:${workshops}`, async () => {
    const newest = await listPublicProducts(db, { limit: Math.max(pieces, 60) });
    const seen = new Map<string, ProductView['artisan']>();
    for (const p of newest) if (!seen.has(p.artisan.slug)) seen.set(p.artisan.slug, p.artisan);
    return { products: newest.slice(0, pieces), workshops: [...seen.values()].slice(0, workshops) };
  });
}

/**
 * Any public read through this database's read cache, emptied by the same catalogue writes (the tables of
 * `CATALOGUE_TABLES`): for readers of other modules, e.g. published places and events (src/lib/visit/reads.ts).
 * `key` must name the read and all its arguments.
 */
export function cachedRead<T>(db: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  return cacheOf(db).get(key, load);
}
