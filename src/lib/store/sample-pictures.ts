/**
 * The sample catalogue's pictures, drawn after its rows are in: a first `npm start` serves at once
 * and the pictures arrive while visitors look around (a piece shows its motif's tile until then).
 *
 * - `seedSampleRows` (seed.ts) returns the pictures still to draw; they are also written to
 *   `DATA_DIR/sample-pictures-pending.json`, so a server stopped half-way finishes them on its next start.
 * - `drawSamplePictures` draws them on a pool of worker threads (one per core: drawing and AVIF
 *   encoding are CPU work that would otherwise stall the server's event loop), adds each picture's
 *   rows as soon as it is stored (every view-0 cover before any detail view), prints progress, and
 *   deletes the pending file at the end. The rows go through the server's database, so every insert
 *   drops the page caches like any other catalogue write.
 * - Progress is on `globalThis` (`samplePictureProgress()`) for the ops endpoint and the tests; a
 *   `canting:sample-pictures` diagnostics channel message says when all are in (the embedded search
 *   engine then rebuilds its documents, which carry the cover picture).
 */
import { channel } from 'node:diagnostics_channel';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MockupShape } from '../art/product-mockup.ts';
import type { Queryable } from '../db/database.ts';
import type { StoredImage } from '../images/image-pipeline.ts';
import { SAMPLE_PICTURES_CHANNEL } from './signals.ts';
import { addProductImage } from './repository.ts';

export interface PictureJob {
  motif: string;
  /** The motif's palette, hex colours. */
  palette: string[];
  shape: MockupShape;
  view: number;
}

/** A product image row waiting for its picture. */
export interface PictureTarget {
  productId: string;
  position: number;
  alt: { id: string; en: string };
}

export interface PendingPicture {
  job: PictureJob;
  targets: PictureTarget[];
}

/** A drawn and stored picture: what its product_images rows need. */
export type StoredPicture = StoredImage;

export interface PictureProgress {
  total: number;
  done: number;
  /** True once every picture is in (or there was nothing to draw). */
  finished: boolean;
  failed: number;
}

const PROGRESS_KEY = Symbol.for('canting.sample-pictures');

/**
 * Where the sample pictures stand in this process (shared between the built server's copy of this
 * module and the source one that scripts/start.mjs imports). `finished` with `total` 0 when no run started.
 */
export function samplePictureProgress(): PictureProgress {
  const store = globalThis as unknown as Record<symbol, PictureProgress | undefined>;
  return (store[PROGRESS_KEY] ??= { total: 0, done: 0, finished: true, failed: 0 });
}

/** Says that `count` pictures are on their way (before the drawing starts, so nobody reads "finished" in between). */
export function expectSamplePictures(count: number): void {
  Object.assign(samplePictureProgress(), { total: count, done: 0, failed: 0, finished: count === 0 });
}

export function pendingPicturesFile(dataDir: string): string {
  return join(dataDir, 'sample-pictures-pending.json');
}

/** Writes the list atomically (a crash leaves the old list or the new one, never half of one). */
export async function writePendingPictures(file: string, pending: readonly PendingPicture[]): Promise<void> {
  if (pending.length === 0) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true }); // on PostgreSQL nothing else may have made DATA_DIR yet
  await writeFile(`${file}.tmp`, JSON.stringify(pending));
  await rename(`${file}.tmp`, file);
}

export async function readPendingPictures(file: string): Promise<PendingPicture[]> {
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as PendingPicture[]) : [];
  } catch {
    return []; // unreadable: the pieces keep their motif tiles; `npm run seed` on a fresh DATA_DIR starts over
  }
}

export interface PicturePool {
  draw(job: PictureJob): Promise<StoredPicture>;
  close(): Promise<void>;
}

/** `size` worker threads (default: the machine's cores), each drawing one picture at a time. */
export function createPicturePool(mediaDir: string, size = availableParallelism()): PicturePool {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL('./sample-picture-worker.ts', import.meta.url), { workerData: { mediaDir } }));
  const idle = [...workers];
  const queue: { job: PictureJob; resolve: (p: StoredPicture) => void; reject: (e: Error) => void }[] = [];
  const waiting = new Map<number, { worker: Worker; resolve: (p: StoredPicture) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const { job, resolve, reject } = queue.shift()!;
      const id = nextId++;
      waiting.set(id, { worker, resolve, reject });
      worker.postMessage({ id, job });
    }
  };
  for (const worker of workers) {
    worker.on('message', (message: { id: number; picture?: StoredPicture; error?: string }) => {
      const entry = waiting.get(message.id);
      if (!entry) return;
      waiting.delete(message.id);
      idle.push(entry.worker);
      if (message.picture) entry.resolve(message.picture);
      else entry.reject(new Error(message.error ?? 'the picture worker failed'));
      pump();
    });
    worker.on('error', (error: Error) => {
      for (const [id, entry] of waiting) {
        if (entry.worker !== worker) continue;
        waiting.delete(id);
        entry.reject(error);
      }
    });
  }
  return {
    draw(job) {
      return new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        pump();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export interface DrawOptions {
  /** Draws one picture (a worker pool's `draw`; tests pass a fake). */
  draw: (job: PictureJob) => Promise<StoredPicture>;
  /** How many pictures are drawn at once: the pool's size. */
  concurrency: number;
  /** Keeps the list of what is left (default: nowhere). */
  save?: (pending: PendingPicture[]) => Promise<void>;
  log?: (line: string) => void;
  /** Stops early (server shutting down): what is left stays in the pending list. */
  signal?: AbortSignal;
}

/** Covers (view 0) first, so a piece's first picture is its main one. */
export function inDrawingOrder(pending: readonly PendingPicture[]): PendingPicture[] {
  return [...pending].sort((a, b) => a.job.view - b.job.view);
}

/**
 * Draws `pending` and adds each picture's rows as it is stored. A target whose position already has
 * an image (added by hand meanwhile, or before a restart) or whose piece is gone is skipped.
 */
export async function drawSamplePictures(db: Queryable, pending: readonly PendingPicture[], options: DrawOptions): Promise<PictureProgress> {
  const log = options.log ?? (() => undefined);
  const progress = samplePictureProgress();
  const left = new Set(inDrawingOrder(pending));
  expectSamplePictures(left.size);
  const started = performance.now();
  let lastSaved = 0;
  const queue = [...left];
  const one = async (item: PendingPicture) => {
    try {
      const picture = await options.draw(item.job);
      for (const target of item.targets) await addPicture(db, target, picture);
    } catch (error) {
      progress.failed++;
      log(`seed: a sample picture (${item.job.motif}, ${item.job.shape}, view ${item.job.view}) failed: ${(error as Error).message}`);
    }
    left.delete(item);
    progress.done++;
    if (progress.done % 10 === 0 || progress.done === progress.total) {
      const seconds = (performance.now() - started) / 1000;
      log(`seed: pictures ${progress.done}/${progress.total} (${seconds.toFixed(0)} s)`);
    }
    if (options.save && (progress.done - lastSaved >= 10 || left.size === 0)) {
      lastSaved = progress.done;
      await options.save([...left]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, options.concurrency) }, async () => {
      while (queue.length > 0 && !options.signal?.aborted) await one(queue.shift()!);
    }),
  );
  if (options.save) await options.save([...left]);
  progress.finished = left.size === 0;
  if (progress.finished) channel(SAMPLE_PICTURES_CHANNEL).publish({ done: progress.done, failed: progress.failed });
  return { ...progress };
}

async function addPicture(db: Queryable, target: PictureTarget, picture: StoredPicture): Promise<void> {
  const [taken] = await db.query<{ product: boolean; image: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM products WHERE id = $1) AS product,
            EXISTS (SELECT 1 FROM product_images WHERE product_id = $1 AND position = $2) AS image`,
    [target.productId, target.position],
  );
  if (!taken?.product || taken.image) return;
  await addProductImage(db, target.productId, {
    position: target.position,
    imageKey: picture.key,
    width: picture.width,
    height: picture.height,
    placeholder: picture.placeholder,
    dominantColors: picture.dominantColors,
    variants: picture.variants,
    alt: target.alt,
  });
}
