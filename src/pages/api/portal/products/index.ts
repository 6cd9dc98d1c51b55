import type { APIRoute } from 'astro';
import { requireArtisanId } from '../../../../lib/auth/guard.ts';
import { otherMethods, readJson } from '../../../../lib/http.ts';
import { createOwnProduct, listOwnProducts, ownProductInputSchema } from '../../../../lib/portal/products.ts';

export const prerender = false;

/** `GET /api/portal/products` → `{ products }`: the signed-in artisan's own, each with its cover and status. */
export const GET: APIRoute = async ({ locals }) => {
  const artisanId = requireArtisanId(locals.user);
  const { db } = locals.app;
  return Response.json({ products: await listOwnProducts(db, artisanId) });
};

/**
 * `POST /api/portal/products` with the product's fields (see ownProductInputSchema; `status`
 * "draft" by default or "active") → 201 `{ product }`. Bad input is a 400 naming the fields.
 */
export const POST: APIRoute = async ({ locals, request }) => {
  const artisanId = requireArtisanId(locals.user);
  const catalogue = await locals.app.catalogue();
  const vocabulary = { motifs: catalogue.motifs.map((m) => m.id), techniques: catalogue.techniques.map((t) => t.id) };
  const input = ownProductInputSchema(vocabulary).parse(await readJson(request));
  const { db } = locals.app;
  const product = await createOwnProduct(db, artisanId, input, vocabulary);
  if (product.status === 'active') {
    await locals.app.reindex([product.slug]);
  }
  return Response.json({ product }, { status: 201, headers: { Location: `/api/portal/products/${product.id}` } });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ GET, POST });
