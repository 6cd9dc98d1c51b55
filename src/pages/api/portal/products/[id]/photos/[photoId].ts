import type { APIRoute } from 'astro';
import { requireArtisanId } from '../../../../../../lib/auth/guard.ts';
import { removeOwnPhoto } from '../../../../../../lib/portal/photos.ts';
import { getOwnProduct } from '../../../../../../lib/portal/products.ts';
import { otherMethods } from '../../../../../../lib/http.ts';

export const prerender = false;

/**
 * `DELETE /api/portal/products/{id}/photos/{photoId}` → `{ photos }` left, in order (the next one
 * becomes the cover). Without an Origin header, send a Content-Type (e.g. application/json).
 */
export const DELETE: APIRoute = async ({ locals, params }) => {
  const artisanId = requireArtisanId(locals.user);
  const { db } = locals.app;
  const product = await getOwnProduct(db, artisanId, params.id ?? '');
  const photos = await removeOwnPhoto(db, artisanId, product.id, params.photoId ?? '');
  await locals.app.reindex([product.slug]);
  return Response.json({ photos });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ DELETE });
