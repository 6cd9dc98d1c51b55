/**
 * The sample catalogue: fictional artisans and their pieces, with pictures generated from each
 * motif's art (drawn afterwards, in the background: sample-pictures.ts). For trying Canting out and
 * for tests — never for production data.
 */
import type { Database } from '../db/database.ts';
import type { Catalogue } from '../content/catalogue.ts';
import { generateSampleProducts, SAMPLE_ARTISANS, sampleSizeOptions, type SampleSize } from './sample-catalogue.ts';
import { inDrawingOrder, type PendingPicture } from './sample-pictures.ts';
import { countArtisans, createArtisan, createProduct } from './repository.ts';
import { createUser } from '../auth/accounts.ts';
import { createOrganiserAccount } from '../organisers/organisers.ts';
import { createClassSession } from '../classes/sessions.ts';
import { SAMPLE_CLASS_PLACES, sampleClassSessions } from '../classes/sample-classes.ts';
import { getPlace, listPublishedPlaces, publishPlace, savePlaceDraft } from '../visit/repository.ts';

/** Sample sign-ins (never in production): perajin1@contoh.test … and kurator@contoh.test. */
export const SAMPLE_PASSWORD = 'canting-contoh';
export const SAMPLE_CURATOR_EMAIL = 'kurator@contoh.test';
export const sampleArtisanEmail = (n: number) => `perajin${n}@contoh.test`;

/**
 * Sample organisers (never in production; fictional bodies, labelled sample): a tourism office of one
 * region, reviewed; another region's, trusted; and a cooperative of one place.
 */
export const SAMPLE_ORGANISERS = [
  { email: 'wisata-pekalongan@contoh.test', name: 'Kantor Wisata Pekalongan (contoh)', scopeKind: 'region', scopeId: 'pekalongan', trusted: false },
  { email: 'wisata-cirebon@contoh.test', name: 'Kantor Wisata Cirebon (contoh)', scopeKind: 'region', scopeId: 'cirebon', trusted: true },
  { email: 'koperasi-seleman@contoh.test', name: 'Koperasi Contoh Desa Seleman (contoh)', scopeKind: 'place', scopeId: 'desa-seleman', trusted: false },
] as const;

export interface SeedOptions {
  /** Progress lines; defaults to nothing. */
  log?: (line: string) => void;
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

/**
 * The sample catalogue's rows — artisans, sign-ins, pieces — without pictures: seconds instead of
 * minutes. Returns the pictures still to draw (sample-pictures.ts), covers first; nothing when the
 * database already has artisans.
 */
export async function seedSampleRows(
  db: Database,
  catalogue: Pick<Catalogue, 'motifs'>,
  options: SeedOptions,
): Promise<{ result: SeedResult; pending: PendingPicture[] }> {
  const log = options.log ?? (() => undefined);
  if ((await countArtisans(db)) > 0) {
    log('seed: the database already has artisans; nothing to do');
    return { result: { artisans: 0, products: 0, images: 0, skipped: true }, pending: [] };
  }
  const palettes = new Map(catalogue.motifs.map((m) => [m.id, m.palette.map((c) => c.hex)]));
  const size = sampleSizeOptions(options.size ?? 'full');
  const products = generateSampleProducts(
    catalogue.motifs.map((m) => ({ id: m.id, region: m.region, techniques: m.techniques, name: m.name, palette: m.palette.map((c) => c.hex) })),
    { ...size, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  );
  const sampleArtisans = SAMPLE_ARTISANS.slice(0, size.artisans);

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
  for (const organiser of SAMPLE_ORGANISERS) await createOrganiserAccount(db, { ...organiser, password: SAMPLE_PASSWORD, isSample: true });
  log(`seed: sign-ins ${sampleArtisanEmail(1)} … ${sampleArtisanEmail(n)}, ${SAMPLE_ORGANISERS.map((o) => o.email).join(', ')} and ${SAMPLE_CURATOR_EMAIL}, password "${SAMPLE_PASSWORD}"`);

  // One picture per (motif, shape, view): pieces that share them share the files too.
  const pictures = new Map<string, PendingPicture>();
  let inserted = 0;
  let images = 0;
  const batch = 50;
  for (let start = 0; start < products.length; start += batch) {
    await db.transaction(async (tx) => {
      for (const sample of products.slice(start, start + batch)) {
        const motif = sample.input.motifs[0]!;
        const product = await createProduct(tx, {
          ...sample.input,
          artisanId: artisanIds.get(sample.artisanSlug)!,
          // The cloth's colours, from the motif's palette: the pictures' dominant colours include the studio backdrop.
          colors: palettes.get(motif)!.slice(0, 4),
        });
        for (const [position, { shape, view }] of sample.images.entries()) {
          const key = `${motif}|${shape}|${view}`;
          let picture = pictures.get(key);
          if (!picture) pictures.set(key, (picture = { job: { motif, palette: palettes.get(motif)!, shape, view }, targets: [] }));
          const detail = view > 0;
          picture.targets.push({
            productId: product.id,
            position,
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
  }
  log(`seed: products ${inserted}/${products.length}, ${pictures.size} pictures to draw`);
  // Sample batik classes (labelled sample), dates from today on, at fictional sample workshops published
  // here — never at a real museum or centre.
  for (const { id, ...input } of SAMPLE_CLASS_PLACES) {
    if (await getPlace(db, id)) continue;
    const row = await savePlaceDraft(db, { input, by: null });
    if (row.id !== id) throw new Error(`sample place ${id} was stored as ${row.id}`);
    await publishPlace(db, row.id, null);
  }
  const places = new Map((await listPublishedPlaces(db)).map((p) => [p.id, p.name.id]));
  const classes = sampleClassSessions((id) => places.get(id) ?? null);
  for (const session of classes) await createClassSession(db, session, { actor: 'seed', isSample: true });
  if (classes.length) log(`seed: ${classes.length} sample batik classes`);
  return { result: { artisans, products: inserted, images, skipped: false }, pending: inDrawingOrder([...pictures.values()]) };
}
