/**
 * One worker thread of the sample-picture pool (sample-pictures.ts): draws a motif's product mockup,
 * encodes it through the image pipeline and stores the files under the media root, then answers with
 * what the database row needs (no pixels cross the thread boundary).
 *
 * Message in: `{ id, job: PictureJob }`; out: `{ id, picture }` or `{ id, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { renderProductMockup } from '../art/product-mockup.ts';
import { processImage, storedImage } from '../images/image-pipeline.ts';
import { createMediaStore } from '../images/media-store.ts';
import type { PictureJob, StoredPicture } from './sample-pictures.ts';

const media = createMediaStore((workerData as { mediaDir: string }).mediaDir);

async function draw(job: PictureJob): Promise<StoredPicture> {
  const svg = renderProductMockup(job.motif, job.palette, job.shape, { view: job.view });
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
  const processed = await processImage(png, { exclusive: false });
  await media.save(processed);
  return storedImage(processed);
}

parentPort!.on('message', (message: { id: number; job: PictureJob }) => {
  draw(message.job).then(
    (picture) => parentPort!.postMessage({ id: message.id, picture }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: String((error as Error)?.stack ?? error) }),
  );
});
