/**
 * A place's or event's photo from an upload: the image pipeline checks and re-encodes it (EXIF and GPS
 * never reach the stored files), the media store saves its variants under /media/, and the record keeps
 * its key, size, placeholder and variants (src/lib/visit/schemas.ts `photoSchema`) — so a draft can hold
 * a photo before anyone publishes it, and a page renders it with the same <Picture> as a product's.
 */
import { processImage, storedImage, type ProcessedImage, type ProcessOptions } from '../images/image-pipeline.ts';
import { createMediaStore } from '../images/media-store.ts';
import type { ProductImage } from '../store/model.ts';
import { withoutNul } from '../text.ts';
import type { Photo } from './schemas.ts';

/** The record of a processed image, with its description (Indonesian required; English optional). */
export function photoFromProcessed(processed: ProcessedImage, alt: { id: string; en?: string | undefined }): Photo {
  const clean = (s: string | undefined) => withoutNul(s ?? '').trim().slice(0, 300);
  return {
    ...storedImage(processed),
    alt: { id: clean(alt.id) || 'Foto', en: clean(alt.en) },
  };
}

/**
 * Processes and stores an uploaded photo; its errors pass through: AppError('invalid') for anything that
 * is not a supported image ("bukan gambar"), AppError('too_large') beyond the byte or pixel limit.
 */
export async function storeVisitPhoto(mediaDir: string, bytes: Uint8Array, alt: { id: string; en?: string | undefined }, options: ProcessOptions = {}): Promise<Photo> {
  const processed = await processImage(bytes, options);
  await createMediaStore(mediaDir).save(processed);
  return photoFromProcessed(processed, alt);
}

/** A photo in the shape <Picture> (src/components/ui/Picture.astro) renders. */
export function photoAsImage(photo: Photo, position = 0): ProductImage {
  return {
    id: photo.key,
    position,
    imageKey: photo.key,
    width: photo.width,
    height: photo.height,
    placeholder: photo.placeholder,
    dominantColors: photo.dominantColors,
    variants: photo.variants,
    alt: photo.alt,
  };
}
