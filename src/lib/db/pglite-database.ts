import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.ts';
import { asInputError } from '../errors.ts';

/**
 * The embedded default: PGlite storing its files under `dataDir` (or in memory for `memory://`).
 * One process owns a data directory at a time; PGlite serialises queries and transactions itself.
 */
/**
 * A lone UTF-16 surrogate (half an emoji) becomes U+FFFD, as node-postgres does when it encodes a
 * parameter as UTF-8; PGlite would otherwise send bytes PostgreSQL refuses (invalid UTF-8).
 */
function wellFormed(param: unknown): unknown {
  return typeof param === 'string' ? param.toWellFormed() : param;
}

export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends object = Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await q.query<T>(sql, params.map(wellFormed));
        return result.rows;
      } catch (error) {
        throw asInputError(error);
      }
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async exec(sql) {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}
