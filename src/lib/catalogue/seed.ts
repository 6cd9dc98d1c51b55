/**
 * The sample catalogue: fictional artisans and their pieces, with pictures generated from each
 * motif's art. For trying Canting out and for tests — never for production data.
 */
import sharp from 'sharp';
import { renderProductMockup, type MockupShape } from '../art/product-mockup.ts';
import type { Database } from '../db/database.ts';
import { processImage, type ProcessedImage } from '../images/image-pipeline.ts';
import { createMediaStore } from '../images/media-store.ts';
import type { Catalogue } from './catalogue.ts';
import { generateSampleProducts, SAMPLE_ARTISANS, sampleSizeOptions, type SampleSize } from './sample-catalogue.ts';
import { addProductImage, countArtisans, createArtisan, createProduct } from './store-repository.ts';
import { createUser } from '../auth/accounts.ts';

/** Sample sign-ins (never in production): perajin1@contoh.test … and kurator@contoh.test. */
export const SAMPLE_PASSWORD = 'canting-contoh';
export const SAMPLE_CURATOR_EMAIL = 'kurator@contoh.test';
export const sampleArtisanEmail = (n: number) => `perajin${n}@contoh.test`;

export interface SeedOptions {
  mediaDir: string;
  /** Progress lines; defaults to nothing. */
  log?: (line: string) => void;
  /** Pictures rendered at once; the machine's cores are the useful limit. */
  concurrency?: number;
  seed?: number;
  /** `full` (the default: the whole sample shop) or `small` (a few artisans and pieces, for tests). */
  size?: SampleSize;
}

export interface SeedResult {
  artisans: number;
  products: number;
  images: number;
  skipped: boolean;
}

/** Runs `work` over `items`, at most `limit` at a time, in order of completion. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(runners);
  return results;
}

/**
 * Seeds an empty database with the sample catalogue. Does nothing when artisans already exist,
 * so it is safe to call on every start.
 */
export async function seedSampleCatalogue(db: Database, catalogue: Pick<Catalogue, 'motifs'>, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  if ((await countArtisans(db)) > 0) {
    log('seed: the database already has artisans; nothing to do');
    return { artisans: 0, products: 0, images: 0, skipped: true };
  }
  const palettes = new Map(catalogue.motifs.map((m) => [m.id, m.palette.map((c) => c.hex)]));
  const size = sampleSizeOptions(options.size ?? 'full');
  const products = generateSampleProducts(
    catalogue.motifs.map((m) => ({ id: m.id, region: m.region, techniques: m.techniques, name: m.name, palette: m.palette.map((c) => c.hex) })),
    { ...size, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  );
  const sampleArtisans = SAMPLE_ARTISANS.slice(0, size.artisans);

  // One picture per (motif, shape, view): pieces that share them share the files too.
  const pictureKey = (motif: string, shape: MockupShape, view: number) => `${motif}|${shape}|${view}`;
  const wanted = new Map<string, { motif: string; shape: MockupShape; view: number }>();
  for (const p of products) {
    for (const image of p.images) wanted.set(pictureKey(p.input.motifs[0]!, image.shape, image.view), { motif: p.input.motifs[0]!, shape: image.shape, view: image.view });
  }
  const media = createMediaStore(options.mediaDir);
  const pictures = new Map<string, ProcessedImage>();
  let done = 0;
  const jobs = [...wanted.entries()];
  await pool(jobs, options.concurrency ?? 2, async ([key, { motif, shape, view }]) => {
    const svg = renderProductMockup(motif, palettes.get(motif)!, shape, { view });
    const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
    const processed = await processImage(png, { exclusive: false });
    await media.save(processed);
    pictures.set(key, processed);
    done++;
    if (done % 10 === 0 || done === jobs.length) log(`seed: pictures ${done}/${jobs.length}`);
  });

  let artisans = 0;
  const artisanIds = new Map<string, string>();
  for (const { input } of sampleArtisans) {
    const artisan = await createArtisan(db, input);
    artisanIds.set(artisan.slug, artisan.id);
    artisans++;
  }
  log(`seed: artisans ${artisans}/${sampleArtisans.length}`);
  let n = 0;
  for (const id of artisanIds.values()) {
    n++;
    await createUser(db, { email: sampleArtisanEmail(n), password: SAMPLE_PASSWORD, role: 'artisan', artisanId: id });
  }
  await createUser(db, { email: SAMPLE_CURATOR_EMAIL, password: SAMPLE_PASSWORD, role: 'curator' });
  log(`seed: sign-ins ${sampleArtisanEmail(1)} … ${sampleArtisanEmail(n)} and ${SAMPLE_CURATOR_EMAIL}, password "${SAMPLE_PASSWORD}"`);

  let inserted = 0;
  let images = 0;
  const batch = 25;
  for (let start = 0; start < products.length; start += batch) {
    await db.transaction(async (tx) => {
      for (const sample of products.slice(start, start + batch)) {
        const shots = sample.images.map((i) => pictures.get(pictureKey(sample.input.motifs[0]!, i.shape, i.view))!);
        const product = await createProduct(tx, {
          ...sample.input,
          artisanId: artisanIds.get(sample.artisanSlug)!,
          // The cloth's colours, from the motif's palette: the pictures' dominant colours include the studio backdrop.
          colors: palettes.get(sample.input.motifs[0]!)!.slice(0, 4),
        });
        for (const [position, shot] of shots.entries()) {
          const detail = sample.images[position]!.view > 0;
          await addProductImage(tx, product.id, {
            position,
            imageKey: shot.key,
            width: shot.width,
            height: shot.height,
            placeholder: shot.placeholder,
            dominantColors: shot.dominantColors,
            variants: shot.variants.map(({ format, width, height, path }) => ({ format, width, height, path })),
            alt: {
              id: `${sample.input.title.id}${detail ? ' — detail motif' : ''} (gambar contoh)`,
              en: `${sample.input.title.en}${detail ? ' — motif detail' : ''} (sample picture)`,
            },
          });
          images++;
        }
        inserted++;
      }
    });
    log(`seed: products ${inserted}/${products.length}`);
  }
  return { artisans, products: inserted, images, skipped: false };
}
