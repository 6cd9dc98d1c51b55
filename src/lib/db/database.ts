/**
 * The one database capability: PostgreSQL's SQL, spoken either by PGlite (Postgres compiled to
 * WASM, in-process, the embedded default) or by a PostgreSQL server (`DATABASE_URL`).
 * One dialect, one set of migrations, one contract suite (tests/contract/database.contract.ts).
 */

export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement with `$1…$n` parameters and returns its rows. */
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
