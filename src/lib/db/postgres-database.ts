import pg from 'pg';
import type { Database, Queryable, Row } from './database.ts';
import { asInputError } from '../errors.ts';

// node-postgres returns int8 and numeric as strings; our bigints (sums of rupiah) fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/** A PostgreSQL server through a connection pool (`DATABASE_URL`). */
export async function openPostgresDatabase(connectionString: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // Fail at start-up, with the server's own message, rather than on the first page view.
  const client = await pool.connect();
  client.release();
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends object = Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await q.query(sql, params as unknown[]);
        return result.rows as T[];
      } catch (error) {
        throw asInputError(error);
      }
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const value = await work(wrap(conn));
        await conn.query('COMMIT');
        return value;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
