/**
 * A product's photos in the artisan portal: uploads through the image pipeline (EXIF, GPS and any
 * other metadata never reach the stored files), at most {@link MAX_PHOTOS}, in an order whose
 * first photo is the cover. Positions stay dense, 0…n-1. Every query is scoped to the artisan.
 */
import type { Queryable } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { readBodyBytes } from '../http.ts';
import { withoutNul } from '../text.ts';
import type { ProductImage } from '../store/model.ts';
import { DEFAULT_MAX_INPUT_BYTES, processImage, storedImage, type ProcessOptions } from '../images/image-pipeline.ts';
import { createMediaStore } from '../images/media-store.ts';
import { isUuid } from '../ids.ts';
import { MAX_PHOTOS, atomically, ownProductRow, toImage } from './products.ts';

export { MAX_PHOTOS };

/** Largest upload accepted, in bytes (the pipeline's own limit). */
export const MAX_PHOTO_BYTES = DEFAULT_MAX_INPUT_BYTES;

/** The message of the AppError('invalid') for a ninth photo; pages match it to say so in Indonesian. */
export const TOO_MANY_PHOTOS = `A product has at most ${MAX_PHOTOS} photos; remove one first.`;

function photoNotFound(): AppError {
  return new AppError('not_found', 'There is no such photo on this product.');
}

async function photosOf(db: Queryable, productId: string): Promise<ProductImage[]> {
  const rows = await db.query('SELECT * FROM product_images WHERE product_id = $1 ORDER BY position', [productId]);
  return rows.map(toImage);
}

async function countPhotos(db: Queryable, productId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM product_images WHERE product_id = $1', [productId]);
  return row!.n;
}

/**
 * Gives the photos the positions of `ids` (0 = cover). Two statements, because the table's
 * UNIQUE (product_id, position) is checked row by row: first everything moves above the highest
 * position in use (CHECK position >= 0 rules out negative ones), then each takes its place.
 */
async function writeOrder(tx: Queryable, productId: string, ids: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE product_images SET position = position + (SELECT max(position) + 1 FROM product_images WHERE product_id = $1)
     WHERE product_id = $1`,
    [productId],
  );
  await tx.query('UPDATE product_images SET position = array_position($2::uuid[], id) - 1 WHERE product_id = $1', [productId, ids]);
  await tx.query('UPDATE products SET updated_at = now() WHERE id = $1', [productId]);
}

/**
 * Adds a photo at the end (the first photo becomes the cover). The upload is checked and
 * re-encoded by the image pipeline, whose errors pass through: AppError('invalid') for anything
 * that is not a supported image, AppError('too_large') beyond the byte or pixel limit.
 * @param alt the photo's description; by default the product's title.
 * @throws AppError('not_found') for someone else's product; AppError('invalid', TOO_MANY_PHOTOS).
 */
export async function addOwnPhoto(
  db: Queryable,
  mediaDir: string,
  artisanId: string,
  productId: string,
  bytes: Uint8Array,
  alt?: { id?: string | undefined; en?: string | undefined },
  options: ProcessOptions = {},
): Promise<ProductImage> {
  await ownProductRow(db, artisanId, productId);
  // Cheap checks before the expensive processing; checked again, under a lock, before the insert.
  if ((await countPhotos(db, productId)) >= MAX_PHOTOS) throw new AppError('invalid', TOO_MANY_PHOTOS, { reason: 'too_many_photos' });
  const processed = await processImage(bytes, options);
  await createMediaStore(mediaDir).save(processed);

  return atomically(db, async (tx) => {
    const product = await ownProductRow(tx, artisanId, productId, true);
    const position = await countPhotos(tx, productId);
    if (position >= MAX_PHOTOS) throw new AppError('invalid', TOO_MANY_PHOTOS, { reason: 'too_many_photos' });
    const text = (value: string | undefined, fallback: string) => (withoutNul(value ?? '').trim() || fallback).slice(0, 300);
    try {
      const [row] = await tx.query(
        `INSERT INTO product_images (product_id, position, image_key, width, height, placeholder, dominant_colors, variants, alt_id, alt_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING *`,
        [
          productId,
          position,
          processed.key,
          processed.width,
          processed.height,
          processed.placeholder,
          processed.dominantColors,
          JSON.stringify(storedImage(processed).variants),
          text(alt?.id, product.title_id as string),
          text(alt?.en, product.title_en as string),
        ],
      );
      await tx.query('UPDATE products SET updated_at = now() WHERE id = $1', [productId]);
      return toImage(row!);
    } catch (error) {
      throw fromDatabaseError(error, `could not add a photo to product ${productId}`);
    }
  });
}

/**
 * Removes a photo; the ones after it move up (removing the cover makes the next one the cover).
 * The image files stay: they are content-addressed and may be shared with a duplicate.
 * @returns the remaining photos in order.
 */
export async function removeOwnPhoto(db: Queryable, artisanId: string, productId: string, photoId: string): Promise<ProductImage[]> {
  return atomically(db, async (tx) => {
    await ownProductRow(tx, artisanId, productId, true);
    if (!isUuid(photoId)) throw photoNotFound();
    const deleted = await tx.query('DELETE FROM product_images WHERE id = $1 AND product_id = $2 RETURNING id', [photoId, productId]);
    if (!deleted.length) throw photoNotFound();
    const rest = await photosOf(tx, productId);
    if (rest.length) await writeOrder(tx, productId, rest.map((p) => p.id));
    else await tx.query('UPDATE products SET updated_at = now() WHERE id = $1', [productId]);
    return photosOf(tx, productId);
  });
}

/**
 * Puts the photos in the given order; the first becomes the cover.
 * @param photoIds every photo of the product, each once, in the new order.
 * @throws AppError('invalid') when the list is not exactly the product's photos.
 */
export async function reorderOwnPhotos(db: Queryable, artisanId: string, productId: string, photoIds: readonly string[]): Promise<ProductImage[]> {
  return atomically(db, async (tx) => {
    await ownProductRow(tx, artisanId, productId, true);
    const current = await photosOf(tx, productId);
    const known = new Set(current.map((p) => p.id));
    const unique = new Set(photoIds);
    if (unique.size !== photoIds.length || photoIds.length !== current.length || !photoIds.every((id) => known.has(id))) {
      throw new AppError('invalid', 'order: list every photo of the product exactly once');
    }
    if (current.length) await writeOrder(tx, productId, photoIds);
    return photosOf(tx, productId);
  });
}

/** Makes a photo the cover (position 0); the others keep their order after it. */
export async function setOwnCover(db: Queryable, artisanId: string, productId: string, photoId: string): Promise<ProductImage[]> {
  return atomically(db, async (tx) => {
    await ownProductRow(tx, artisanId, productId, true);
    const ids = (await photosOf(tx, productId)).map((p) => p.id);
    if (!ids.includes(photoId)) throw photoNotFound();
    await writeOrder(tx, productId, [photoId, ...ids.filter((id) => id !== photoId)]);
    return photosOf(tx, productId);
  });
}

/** Moves a photo one place earlier (-1) or later (+1); at either end nothing changes. */
export async function moveOwnPhoto(db: Queryable, artisanId: string, productId: string, photoId: string, by: -1 | 1): Promise<ProductImage[]> {
  return atomically(db, async (tx) => {
    await ownProductRow(tx, artisanId, productId, true);
    const ids = (await photosOf(tx, productId)).map((p) => p.id);
    const from = ids.indexOf(photoId);
    if (from < 0) throw photoNotFound();
    const to = from + by;
    if (to < 0 || to >= ids.length) return photosOf(tx, productId);
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    await writeOrder(tx, productId, ids);
    return photosOf(tx, productId);
  });
}

/**
 * Reads a raw photo upload of at most `limit` bytes: a declared Content-Length above it is refused
 * before reading, and the stream is cut off as soon as it passes the limit (the header can lie).
 * @throws AppError('too_large'); AppError('invalid') for a body that breaks off.
 */
export async function readPhotoBytes(request: Request, limit = MAX_PHOTO_BYTES): Promise<Uint8Array> {
  return readBodyBytes(request, limit, `The photo is larger than ${Math.round(limit / (1024 * 1024))} MB.`);
}
