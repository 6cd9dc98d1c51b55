import { channel } from 'node:diagnostics_channel';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedPublicProduct } from '../../src/lib/store/cached-reads.ts';
import { catalogueFromContent } from '../../src/lib/content/load-content.ts';
import {
  createPicturePool,
  drawSamplePictures,
  pendingPicturesFile,
  readPendingPictures,
  samplePictureProgress,
  writePendingPictures,
  type PendingPicture,
  type PictureJob,
  type StoredPicture,
} from '../../src/lib/store/sample-pictures.ts';
import { seedSampleRows } from '../../src/lib/store/seed.ts';
import { SAMPLE_PICTURES_CHANNEL } from '../../src/lib/store/signals.ts';
import { listPublicProducts } from '../../src/lib/store/repository.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { watchWrites } from '../../src/lib/db/write-watch.ts';
import { CATALOGUE_TABLES, invalidateCatalogueReads } from '../../src/lib/store/cached-reads.ts';

/** A stand-in for the worker pool: a distinct "picture" per job, no pixels. */
function fakeDraw(log: PictureJob[] = []) {
  return async (job: PictureJob): Promise<StoredPicture> => {
    log.push(job);
    const key = `${job.motif}-${job.shape}-${job.view}`.replace(/[^a-z0-9]/g, '').padEnd(32, '0').slice(0, 32);
    return { key, width: 1024, height: 1024, placeholder: 'data:image/webp;base64,AA', dominantColors: ['#123456'], variants: [{ format: 'webp', width: 320, height: 320, path: `${key.slice(0, 2)}/${key}-320.webp` }] };
  };
}

let raw: Database;
let db: Database;
let pending: PendingPicture[];
const dirs: string[] = [];

beforeAll(async () => {
  raw = await openPgliteDatabase('memory://');
  await migrate(raw);
  db = watchWrites(raw, CATALOGUE_TABLES, () => invalidateCatalogueReads(db));
  const catalogue = await catalogueFromContent(fileURLToPath(new URL('../../content/', import.meta.url)));
  ({ pending } = await seedSampleRows(db, catalogue, { size: 'small' }));
});
afterAll(async () => {
  await raw.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the sample catalogue, pictures after rows', () => {
  it('puts the rows in without pictures, and lists every picture to draw, covers first', async () => {
    const products = await listPublicProducts(db, { limit: 100 });
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((p) => p.images.length === 0)).toBe(true);
    const views = pending.map((p) => p.job.view);
    expect(views).toEqual([...views].sort((a, b) => a - b));
    const targets = pending.flatMap((p) => p.targets.map((t) => t.productId));
    expect(new Set(targets)).toEqual(new Set(products.map((p) => p.id)));
  });

  it('adds each picture to its pieces as it is drawn, drops the cached pages, skips what is taken, keeps the list of what is left', async () => {
    const products = await listPublicProducts(db, { limit: 100 });
    const first = products[0]!;
    // Cached before: the page has no picture yet.
    expect((await cachedPublicProduct(db, first.slug))!.images).toHaveLength(0);
    // A picture the artisan added by hand meanwhile stays.
    const manual = pending.find((p) => p.targets.some((t) => t.productId === first.id))!;
    const manualTarget = manual.targets.find((t) => t.productId === first.id)!;
    await db.query(`INSERT INTO product_images (product_id, position, image_key, width, height, placeholder, variants) VALUES ($1, $2, 'own', 10, 10, '', '[]'::jsonb)`, [first.id, manualTarget.position]);

    const saved: number[] = [];
    const heard: unknown[] = [];
    const listener = (message: unknown) => heard.push(message);
    channel(SAMPLE_PICTURES_CHANNEL).subscribe(listener);
    const drawn: PictureJob[] = [];
    const result = await drawSamplePictures(db, pending, { draw: fakeDraw(drawn), concurrency: 2, save: async (left) => void saved.push(left.length) });
    channel(SAMPLE_PICTURES_CHANNEL).unsubscribe(listener);

    expect(result).toMatchObject({ total: pending.length, done: pending.length, failed: 0, finished: true });
    expect(samplePictureProgress().finished).toBe(true);
    expect(drawn).toHaveLength(pending.length);
    expect(saved.at(-1)).toBe(0);
    expect(heard).toEqual([{ done: pending.length, failed: 0 }]);
    const after = await listPublicProducts(db, { limit: 100 });
    for (const product of after) {
      const wanted = pending.flatMap((p) => p.targets).filter((t) => t.productId === product.id);
      expect(product.images.map((i) => i.position).sort()).toEqual(wanted.map((t) => t.position).sort());
    }
    expect(after.find((p) => p.id === first.id)!.images.find((i) => i.position === manualTarget.position)!.imageKey).toBe('own');
    // The cached page was dropped by the inserts.
    expect((await cachedPublicProduct(db, first.slug))!.images.length).toBeGreaterThan(0);
  });

  it('stops early when asked, keeping what is left for the next start; a failed picture is counted, not fatal', async () => {
    const stop = new AbortController();
    const draw = fakeDraw();
    let calls = 0;
    const left: number[] = [];
    const result = await drawSamplePictures(db, pending, {
      concurrency: 1,
      draw: async (job) => {
        calls++;
        if (calls === 1) throw new Error('encoder crashed');
        if (calls === 2) stop.abort();
        return draw(job);
      },
      save: async (rest) => void left.push(rest.length),
      signal: stop.signal,
    });
    expect(result).toMatchObject({ done: 2, failed: 1, finished: false });
    expect(left.at(-1)).toBe(pending.length - 2);
  });

  it('keeps the pending list in a file, atomically, and removes it when nothing is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canting-pending-'));
    dirs.push(dir);
    // DATA_DIR may not exist yet (PostgreSQL: nothing else has written there).
    const file = pendingPicturesFile(join(dir, 'not-yet'));
    await writePendingPictures(file, pending.slice(0, 2));
    expect(await readPendingPictures(file)).toEqual(pending.slice(0, 2));
    await writePendingPictures(file, []);
    expect(existsSync(file)).toBe(false);
    expect(await readPendingPictures(file)).toEqual([]);
  });

  it('draws a real picture on a worker thread and stores its files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canting-media-'));
    dirs.push(dir);
    const pool = createPicturePool(dir, 1);
    try {
      const picture = await pool.draw(pending[0]!.job);
      expect(picture.key).toMatch(/^[0-9a-f]{32}$/);
      expect(picture.variants.some((v) => v.format === 'avif')).toBe(true);
      const files = readdirSync(join(dir, picture.key.slice(0, 2)));
      expect(files).toEqual(expect.arrayContaining(picture.variants.map((v) => v.path.split('/')[1])));
    } finally {
      await pool.close();
    }
  });
});
