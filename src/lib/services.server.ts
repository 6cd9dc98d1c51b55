/**
 * The one place that reads configuration and picks implementations. Everything else receives
 * what it needs from here.
 */
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from './config.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openPgliteDatabase } from './db/pglite-database.ts';
import { openPostgresDatabase } from './db/postgres-database.ts';
import { watchWrites } from './db/write-watch.ts';
import { CATALOGUE_TABLES, invalidateCatalogueReads } from './catalogue/cached-reads.ts';
import { onShutdown } from './ops/shutdown.ts';

export interface Services {
  config: Config;
  db: Database;
}

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

/** Where processed images live: content-addressed files, served under /media/. */
export function mediaDir(config: Config): string {
  return join(resolve(config.DATA_DIR), 'media');
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * On `globalThis` under a `Symbol.for` key: scripts/start.mjs (the source modules) opens the database,
 * seeds it and draws sample pictures through the same services the built server (its own bundled
 * copy of this module) then serves from — one database handle per process, which PGlite requires.
 */
const SERVICES_KEY = Symbol.for('canting.services');

/**
 * The process's services, created on first use. Every write to a catalogue table through this
 * database drops the pages' caches (src/lib/catalogue/cached-reads.ts, and the HTML cache of
 * src/lib/ops/html-cache.ts, through `invalidateCatalogueReads`' process-wide signal).
 */
export function getServices(): Promise<Services> {
  const store = globalThis as unknown as Record<symbol, Promise<Services> | undefined>;
  return (store[SERVICES_KEY] ??= (async () => {
    const config = loadConfig();
    const opened = await openDatabase(config);
    const db: Database = watchWrites(opened, CATALOGUE_TABLES, () => invalidateCatalogueReads(db));
    onShutdown(() => opened.close());
    return { config, db };
  })());
}
