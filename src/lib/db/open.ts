/** Opening the configured database (for the composition root in app.server.ts and for scripts). */
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
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
