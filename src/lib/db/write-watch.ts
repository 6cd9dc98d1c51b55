/**
 * Calls back after every statement that may have changed one of some tables, so that caches of
 * those tables (src/lib/store/read-cache.ts) can be dropped as soon as a write is visible.
 *
 * - A statement outside a transaction: the callback runs when it has finished (committed), and
 *   also when it failed (harmless: a cache is only emptied).
 * - Inside `transaction()`: after the transaction ends (commit or rollback), when it ran a
 *   matching statement. Running it before the commit would let a concurrent read put the old
 *   rows back in the cache until they expire.
 * - `exec()` (migrations, several statements): always.
 *
 * Matching is on the SQL text and deliberately broad (a false alarm only costs a cache refill):
 * INSERT INTO / UPDATE / DELETE FROM / TRUNCATE / ALTER TABLE / DROP TABLE / COPY naming a table,
 * also inside a WITH … clause.
 */
import type { Database, Queryable, Row } from './database.ts';

export function writesTo(sql: string, tables: readonly string[]): boolean {
  const names = tables.map((t) => t.replace(/[^a-z0-9_]/gi, '')).join('|');
  const pattern = new RegExp(
    `\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?|ALTER\\s+TABLE|DROP\\s+TABLE|COPY)\\s+(?:ONLY\\s+)?(?:IF\\s+EXISTS\\s+)?(?:"?public"?\\.)?"?(?:${names})"?(?![a-z0-9_])`,
    'i',
  );
  return pattern.test(sql);
}

export function watchWrites(db: Database, tables: readonly string[], onWrite: () => void): Database {
  const matches = (() => {
    const seen = new Map<string, boolean>(); // statements are a small fixed set: remember the verdict
    return (sql: string) => {
      let verdict = seen.get(sql);
      if (verdict === undefined) {
        verdict = writesTo(sql, tables);
        if (seen.size < 10_000) seen.set(sql, verdict);
      }
      return verdict;
    };
  })();
  const notify = () => {
    try {
      onWrite();
    } catch (error) {
      console.error('write-watch: the callback failed:', error);
    }
  };
  return {
    kind: db.kind,
    async query<T extends object = Row>(sql: string, params?: readonly unknown[]) {
      if (!matches(sql)) return db.query<T>(sql, params);
      try {
        return await db.query<T>(sql, params);
      } finally {
        notify();
      }
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      let wrote = false;
      try {
        return await db.transaction((tx) =>
          work({
            query<R extends object = Row>(sql: string, params?: readonly unknown[]) {
              if (matches(sql)) wrote = true;
              return tx.query<R>(sql, params);
            },
          }),
        );
      } finally {
        if (wrote) notify();
      }
    },
    async exec(sql: string) {
      try {
        await db.exec(sql);
      } finally {
        notify();
      }
    },
    close: () => db.close(),
  };
}
