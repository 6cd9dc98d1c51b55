#!/usr/bin/env node
/**
 * `npm run seed`: fills an empty database with the sample catalogue (fictional artisans and
 * pieces, labelled as samples). Stop the server first when using the embedded PGlite database.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueFromContent } from '../src/lib/content/load-content.ts';
import {
  createPicturePool,
  drawSamplePictures,
  expectSamplePictures,
  pendingPicturesFile,
  readPendingPictures,
  writePendingPictures,
  type PendingPicture,
  type PictureProgress,
} from '../src/lib/store/sample-pictures.ts';
import { seedSampleRows } from '../src/lib/store/seed.ts';
import { importVisitContent } from '../src/lib/visit/import.ts';
import { visitTablesEmpty } from '../src/lib/visit/repository.ts';
import { loadConfig, siteMode, type Config } from '../src/lib/config.ts';
import type { Database, Queryable } from '../src/lib/db/database.ts';
import { openDatabase } from '../src/lib/db/open.ts';
import { mediaDir } from '../src/lib/images/media-store.ts';

/** `npm run seed`: the sample catalogue on an empty database, pictures included (waits for them). */
export async function seed(log: (line: string) => void = console.log): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await importVisits(db, log);
    const pending = await seedRows(db, config, log);
    const drawn = await drawPictures(db, config, pending, log);
    if (drawn && drawn.failed > 0) throw new Error(`seed: ${drawn.failed} of ${drawn.total} sample pictures failed (see above); run npm run seed again to retry them`);
  } finally {
    await db.close();
  }
}

/**
 * The sample catalogue's rows on an empty database (seconds; refused in production mode). Returns
 * the pictures still to draw: those of this seed, or those an interrupted earlier start left in
 * DATA_DIR/sample-pictures-pending.json.
 */
export async function seedRows(db: Database, config: Config, log: (line: string) => void = console.log): Promise<PendingPicture[]> {
  const size = config.CANTING_SAMPLE_SIZE;
  if (siteMode(config) === 'production' && !config.CANTING_ALLOW_SAMPLE_DATA) {
    throw new Error('seed: refusing to add sample data in production (CANTING_MODE=production, or NODE_ENV=production without CANTING_MODE; set CANTING_ALLOW_SAMPLE_DATA=1 to insist)');
  }
  const file = pendingPicturesFile(resolve(config.DATA_DIR));
  const catalogue = await catalogueFromContent(fileURLToPath(new URL('../content/', import.meta.url)));
  const started = Date.now();
  const { result, pending } = await seedSampleRows(db, catalogue, { log, size });
  if (result.skipped) {
    const left = await readPendingPictures(file);
    if (left.length > 0) log(`seed: ${left.length} sample pictures left to draw from an earlier start`);
    expectSamplePictures(left.length);
    return left;
  }
  await writePendingPictures(file, pending);
  expectSamplePictures(pending.length);
  const label = size === 'full' ? '' : ` (${size} sample)`;
  log(`seed: ${result.artisans} artisans, ${result.products} products${label} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${pending.length} pictures to draw`);
  return pending;
}

/**
 * Places and events from content/sentra and content/events into an empty database, once (in production
 * mode too: the database is their source from then on, src/lib/visit/import.ts). Nothing when either
 * table has a row.
 */
export async function importVisits(db: Database, log: (line: string) => void = console.log): Promise<void> {
  if (!(await visitTablesEmpty(db))) return;
  const catalogue = await catalogueFromContent(fileURLToPath(new URL('../content/', import.meta.url)));
  const result = await importVisitContent(db, catalogue);
  if (!result.skipped) log(`seed: ${result.places} places and ${result.events} events imported from content/ (the database is their source from now on)`);
}

/**
 * Draws `pending` on a pool of worker threads (one per core), adding each picture's rows as it is
 * stored and keeping the pending file up to date. `signal` stops it early (what is left stays pending).
 */
export async function drawPictures(
  db: Queryable,
  config: Config,
  pending: PendingPicture[],
  log: (line: string) => void = console.log,
  signal?: AbortSignal,
): Promise<PictureProgress | null> {
  if (pending.length === 0) return null;
  const file = pendingPicturesFile(resolve(config.DATA_DIR));
  const concurrency = availableParallelism();
  const pool = createPicturePool(mediaDir(config), concurrency);
  const started = Date.now();
  log(`seed: drawing ${pending.length} sample pictures on ${concurrency} worker threads; pieces show their motif's tile until theirs is in`);
  try {
    const drawn = await drawSamplePictures(db, pending, { draw: pool.draw, concurrency, save: (left) => writePendingPictures(file, left), log, ...(signal ? { signal } : {}) });
    if (drawn.finished) log(`seed: all ${drawn.total} sample pictures in after ${((Date.now() - started) / 1000).toFixed(1)} s${drawn.failed ? ` (${drawn.failed} failed)` : ''}`);
    return drawn;
  } finally {
    await pool.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await seed();
