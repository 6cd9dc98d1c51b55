import type { APIRoute } from 'astro';
import { requireArtisanId } from '../../../../lib/auth/guard.ts';
import { otherMethods, readJson } from '../../../../lib/http.ts';
import {
  deleteOwnProduct,
  getOwnProduct,
  ownProductPatchSchema,
  setOwnProductStatus,
  updateOwnProduct,
} from '../../../../lib/portal/products.ts';

export const prerender = false;

/** `GET /api/portal/products/{id}` → `{ product }` with its photos; another artisan's id is a 404. */
export const GET: APIRoute = async ({ locals, params }) => {
  const artisanId = requireArtisanId(locals.user);
  const { db } = locals.app;
  return Response.json({ product: await getOwnProduct(db, artisanId, params.id ?? '') });
};

/**
 * `PATCH /api/portal/products/{id}` with any of the fields, and optionally `status`
 * ("active" publishes, "draft" unpublishes, "archived" archives) → `{ product }`.
 * The whole product is validated again after the change (400 naming the fields).
 */
export const PATCH: APIRoute = async ({ locals, params, request }) => {
  const artisanId = requireArtisanId(locals.user);
  const id = params.id ?? '';
  const { db } = locals.app;
  await getOwnProduct(db, artisanId, id); // 404 before looking at the body
  const catalogue = await locals.app.catalogue();
  const vocabulary = { motifs: catalogue.motifs.map((m) => m.id), techniques: catalogue.techniques.map((t) => t.id) };
  const patch = ownProductPatchSchema(vocabulary).parse(await readJson(request));
  const product = await db.transaction(async (tx) => {
    const { status, ...fields } = patch;
    let updated = Object.keys(fields).length ? await updateOwnProduct(tx, artisanId, id, fields, vocabulary) : await getOwnProduct(tx, artisanId, id);
    if (status && status !== updated.status) updated = await setOwnProductStatus(tx, artisanId, id, status);
    return updated;
  });
  await locals.app.reindex([product.slug]);
  return Response.json({ product });
};

/**
 * `DELETE /api/portal/products/{id}` → `{ outcome: "deleted" | "archived", id }`: a product that an
 * order names is archived instead of deleted, so the order keeps its history.
 * Clients that send no Origin header (a mobile app) must send a Content-Type such as
 * application/json: Astro's origin check refuses unsafe requests that have neither.
 */
export const DELETE: APIRoute = async ({ locals, params }) => {
  const artisanId = requireArtisanId(locals.user);
  const { db } = locals.app;
  const { outcome, product } = await deleteOwnProduct(db, artisanId, params.id ?? '');
  await locals.app.reindex([product.slug]);
  return Response.json({ outcome, id: product.id });
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ GET, PATCH, DELETE });
