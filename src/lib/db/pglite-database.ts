import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.ts';
import { asInputError } from '../errors.ts';

/**
 * The embedded default: PGlite storing its files under `dataDir` (or in memory for `memory://`).
 * One process owns a data directory at a time; PGlite serialises queries and transactions itself.
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends object = Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await q.query<T>(sql, params as unknown[]);
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
