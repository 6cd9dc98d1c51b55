/**
 * A short-lived in-process cache for public catalogue reads that many visitors repeat (a product
 * page, a motif's live pieces). Under load most page views then cost no SQL at all; PGlite runs
 * SQL on the rendering thread, so that is most of a page's time.
 *
 * - Entries live `ttlMs` at most (the bound for changes made by another process: a CLI script, a
 *   second server on the same PostgreSQL).
 * - `invalidate()` drops everything at once; the server calls it after every statement that may
 *   change a catalogue table (see src/lib/db/write-watch.ts), so this process's own writes —
 *   the portal, admin, checkout taking stock — show on the next view.
 * - Concurrent misses of one key share one load (a burst of views of a new piece is one query);
 *   a failed load is not kept.
 *
 * Never for carts or checkout: they re-read prices and stock from the database every time.
 * Cached values are shared between requests: treat them as read-only.
 */

export interface ReadCacheOptions {
  ttlMs: number;
  /** Oldest entries are dropped beyond this many (default 5 000). */
  maxEntries?: number;
  now?: () => number;
}

export interface ReadCache {
  /** The value of `key`, loaded with `load` when missing, expired or invalidated since. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every entry, including loads in flight (their callers still get their result). */
  invalidate(): void;
  readonly size: number;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

export function createReadCache(options: ReadCacheOptions): ReadCache {
  const { ttlMs, maxEntries = 5_000, now = () => performance.now() } = options;
  const entries = new Map<string, Entry>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const t = now();
      const hit = entries.get(key);
      if (hit && t - hit.at < ttlMs) return hit.value as Promise<T>;
      if (ttlMs <= 0) return load();
      // The entry's age counts from the start of its read, so nothing is served older than ttlMs.
      const entry: Entry = { at: t, value: load() };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.value as Promise<T>;
    },
    invalidate() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
