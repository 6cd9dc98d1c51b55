#!/usr/bin/env node
/**
 * `npm run seed`: fills an empty database with the sample catalogue (fictional artisans and
 * pieces, labelled as samples). Stop the server first when using the embedded PGlite database.
 */
import { fileURLToPath } from 'node:url';
import { catalogueFromContent } from '../src/lib/catalogue/load-content.ts';
import { seedSampleCatalogue } from '../src/lib/catalogue/seed.ts';
import { loadConfig } from '../src/lib/config.ts';
import { openDatabase } from '../src/lib/db/open.ts';
import { mediaDir } from '../src/lib/images/media-store.ts';

export async function seed(log: (line: string) => void = console.log): Promise<void> {
  const config = loadConfig();
  const size = config.CANTING_SAMPLE_SIZE;
  if (config.NODE_ENV === 'production' && !config.CANTING_ALLOW_SAMPLE_DATA) {
    throw new Error('seed: refusing to add sample data in production (set CANTING_ALLOW_SAMPLE_DATA=1 to insist)');
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
