import type { Database } from './database.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** Arbitrary key of the advisory lock that keeps two instances from migrating at once. */
const MIGRATION_LOCK = 7_364_001;

/**
 * Applies pending migrations. Safe to call on every start and from several instances at once:
 * a transaction-scoped advisory lock serialises them, and applied ids are recorded.
 * @returns the migrations applied by this call.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<Migration[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: Migration[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (seen.length) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      return true;
    });
    if (done) applied.push(migration);
  }
  return applied;
}

/** Splits a migration into statements on `;` at line ends (our migrations have no functions with bodies). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
