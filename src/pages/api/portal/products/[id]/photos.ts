import type { APIRoute } from 'astro';
import { requireArtisanId } from '../../../../../lib/auth/guard.ts';
import { z } from 'astro/zod';
import { AppError } from '../../../../../lib/errors.ts';
import { otherMethods, readJson } from '../../../../../lib/http.ts';
import { MAX_PHOTO_BYTES, addOwnPhoto, readPhotoBytes, reorderOwnPhotos } from '../../../../../lib/portal/photos.ts';
import { getOwnProduct } from '../../../../../lib/portal/products.ts';

export const prerender = false;

/** `GET /api/portal/products/{id}/photos` → `{ photos }` in order (the first is the cover). */
export const GET: APIRoute = async ({ locals, params }) => {
  const artisanId = requireArtisanId(locals.user);
  const { db } = locals.app;
  return Response.json({ photos: (await getOwnProduct(db, artisanId, params.id ?? '')).images });
};

/**
 * `POST /api/portal/products/{id}/photos` with the raw image as the body (`Content-Type: image/*`),
 * optionally `?alt_id=&alt_en=` → 201 `{ photo }`. At most 15 MB (413 beyond, by Content-Length
 * or by what actually arrives); not an image → 400; a ninth photo → 400. EXIF/GPS never stored.
 */
export const POST: APIRoute = async ({ locals, params, request, url }) => {
  const artisanId = requireArtisanId(locals.user);
  const id = params.id ?? '';
  const { db } = locals.app;
  const product = await getOwnProduct(db, artisanId, id); // 404 before reading 15 MB
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!type.startsWith('image/') && type !== 'application/octet-stream') {
    throw new AppError('invalid', 'Send the photo itself as the body, with Content-Type image/jpeg, image/png or image/webp.');
  }
  const bytes = await readPhotoBytes(request, MAX_PHOTO_BYTES);
  const alt = { id: url.searchParams.get('alt_id') ?? undefined, en: url.searchParams.get('alt_en') ?? undefined };
  const photo = await addOwnPhoto(db, locals.app.mediaDir, artisanId, id, bytes, alt);
  await locals.app.reindex([product.slug]);
  return Response.json({ photo }, { status: 201 });
};

const orderSchema = z.strictObject({ order: z.array(z.string()).max(50) });

/** `PATCH /api/portal/products/{id}/photos` `{ order: [photoId…] }` → `{ photos }`: every photo once; the first becomes the cover. */
export const PATCH: APIRoute = async ({ locals, params, request }) => {
  const artisanId = requireArtisanId(locals.user);
  const { db } = locals.app;
  const product = await getOwnProduct(db, artisanId, params.id ?? '');
  const { order } = orderSchema.parse(await readJson(request));
  const photos = await reorderOwnPhotos(db, artisanId, product.id, order);
  await locals.app.reindex([product.slug]);
  return Response.json({ photos });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ GET, POST, PATCH });
