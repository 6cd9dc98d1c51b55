import type { APIRoute } from 'astro';
import { getSearchEngine } from '../../../../../../data/search.ts';
import { loadCatalogue } from '../../../../../../data/catalogue.ts';
import { removeOwnPhoto } from '../../../../../../lib/portal/photos.ts';
import { getOwnProduct, reindexQuietly, requireArtisan } from '../../../../../../lib/portal/products.ts';
import { reindexProduct } from '../../../../../../lib/search/search-service.ts';
import { getServices } from '../../../../../../lib/services.server.ts';
import { otherMethods } from '../../../../../../lib/http.ts';

export const prerender = false;

/**
 * `DELETE /api/portal/products/{id}/photos/{photoId}` → `{ photos }` left, in order (the next one
 * becomes the cover). Without an Origin header, send a Content-Type (e.g. application/json).
 */
export const DELETE: APIRoute = async ({ locals, params }) => {
  const artisanId = requireArtisan(locals.user);
  const [{ db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
  const product = await getOwnProduct(db, artisanId, params.id ?? '');
  const photos = await removeOwnPhoto(db, artisanId, product.id, params.photoId ?? '');
  await reindexQuietly(async (slug) => reindexProduct(await getSearchEngine(), db, catalogue, slug), product.slug);
  return Response.json({ photos });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ DELETE });
