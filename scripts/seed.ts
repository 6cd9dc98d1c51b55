#!/usr/bin/env node
/**
 * `npm run seed`: fills an empty database with the sample catalogue (fictional artisans and
 * pieces, labelled as samples). Stop the server first when using the embedded PGlite database.
 */
import { fileURLToPath } from 'node:url';
import { catalogueFromContent } from '../src/lib/catalogue/load-content.ts';
import { SAMPLE_SIZES, type SampleSize } from '../src/lib/catalogue/sample-catalogue.ts';
import { seedSampleCatalogue } from '../src/lib/catalogue/seed.ts';
import { loadConfig, siteMode } from '../src/lib/config.ts';
import { mediaDir, openDatabase } from '../src/lib/services.server.ts';

/**
 * `CANTING_SAMPLE_SIZE`: `full` (unset or empty: the whole sample catalogue, 12 artisans and 252
 * pieces) or `small` (3 artisans, 18 pieces, one picture each; seeds in seconds, for tests that
 * start servers on fresh databases of their own).
 */
export function sampleSize(env: Record<string, string | undefined> = process.env): SampleSize {
  const value = env.CANTING_SAMPLE_SIZE || 'full';
  if (!(SAMPLE_SIZES as readonly string[]).includes(value)) {
    throw new Error(`seed: CANTING_SAMPLE_SIZE must be one of ${SAMPLE_SIZES.join(', ')} (got "${value}")`);
  }
  return value as SampleSize;
}

export async function seed(log: (line: string) => void = console.log): Promise<void> {
  const config = loadConfig();
  const size = sampleSize();
  if (siteMode(config) === 'production' && !process.env.CANTING_ALLOW_SAMPLE_DATA) {
    throw new Error('seed: refusing to add sample data in production (CANTING_MODE=production, or NODE_ENV=production without CANTING_MODE; set CANTING_ALLOW_SAMPLE_DATA=1 to insist)');
  }
  const db = await openDatabase(config);
  try {
    const catalogue = await catalogueFromContent(fileURLToPath(new URL('../content/', import.meta.url)));
    const started = Date.now();
    const result = await seedSampleCatalogue(db, catalogue, { mediaDir: mediaDir(config), log, size });
    if (!result.skipped) {
      const label = size === 'full' ? '' : ` (${size} sample)`;
      log(`seed: ${result.artisans} artisans, ${result.products} products, ${result.images} pictures${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await db.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await seed();
