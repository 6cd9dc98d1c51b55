/** Opening the configured database (for the composition root in app.server.ts and for scripts). */
import { join, resolve } from 'node:path';
import { CATALOGUE_TABLES, invalidateCatalogueReads } from '../store/cached-reads.ts';
import { loadConfig, type Config } from '../config.ts';
import { onShutdown } from '../ops/shutdown.ts';
import { watchWrites } from './write-watch.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** Opens the configured database and applies pending migrations. */
export async function openDatabase(config: Config): Promise<Database> {
  const db = await connectDatabase(config);
  await migrate(db);
  return db;
}

/** Connects to the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export async function connectDatabase(config: Config): Promise<Database> {
  return config.DATABASE_URL
    ? await openPostgresDatabase(config.DATABASE_URL).catch((cause: unknown) => {
        throw new Error(
          `Cannot connect to PostgreSQL at DATABASE_URL (${redact(config.DATABASE_URL!)}): ${(cause as Error).message}.\n` +
            '  Start the server, fix the URL, or unset DATABASE_URL to use the embedded PGlite database.',
          { cause },
        );
      })
    : openPgliteDatabase(pgliteDir(config));
}

export function pgliteDir(config: Config): string {
  return join(resolve(config.DATA_DIR), 'pglite');
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * On `globalThis` under a `Symbol.for` key: scripts/start.mjs (the source modules) opens the database,
 * seeds it and draws sample pictures through the same handle the built server (its own bundled copy
 * of this module) then serves from — one database handle per process, which PGlite requires.
 */
const SHARED_KEY = Symbol.for('canting.services');

/**
 * The process's configuration and database, opened once and shared (the composition root builds on
 * it). Every write to a catalogue table through this database drops the pages' caches
 * (src/lib/store/cached-reads.ts, and the HTML cache of src/lib/ops/html-cache.ts, through
 * `invalidateCatalogueReads`' process-wide signal). Closed at shutdown.
 */
export function sharedDatabase(): Promise<{ config: Config; db: Database }> {
  const store = globalThis as unknown as Record<symbol, Promise<{ config: Config; db: Database }> | undefined>;
  return (store[SHARED_KEY] ??= (async () => {
    const config = loadConfig();
    const opened = await openDatabase(config);
    const db: Database = watchWrites(opened, CATALOGUE_TABLES, () => invalidateCatalogueReads(db));
    onShutdown(() => opened.close());
    return { config, db };
  })());
}
