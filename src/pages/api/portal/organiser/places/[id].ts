import type { APIRoute } from 'astro';
import { requireOrganiser } from '../../../../../lib/auth/guard.ts';
import { otherMethods, readJson } from '../../../../../lib/http.ts';
import { ownPlace, saveOwnPlace } from '../../../../../lib/organisers/visit-edit.ts';

export const prerender = false;

/** `GET /api/portal/organiser/places/{id}` → `{ place }` with its draft; another region's place is a 404. */
export const GET: APIRoute = async ({ locals, params }) => {
  const scope = requireOrganiser(locals.user);
  return Response.json({ place: await ownPlace(locals.app.db, scope, params.id ?? '') });
};

/**
 * `PUT /api/portal/organiser/places/{id}` with the whole record → `{ place, published }`. Another region's
 * place → 404 (before the body is read); moving it to another region → 403; a bad record → 400.
 */
export const PUT: APIRoute = async ({ locals, params, request }) => {
  const scope = requireOrganiser(locals.user);
  const id = params.id ?? '';
  await ownPlace(locals.app.db, scope, id);
  const saved = await saveOwnPlace(locals.app.db, { userId: locals.user!.id, scope }, id, await readJson(request));
  return Response.json({ place: saved.row, published: saved.published });
};

export const ALL = otherMethods({ GET, PUT });
