import type { APIRoute } from 'astro';
import { requireOrganiser } from '../../../../../lib/auth/guard.ts';
import { otherMethods, readJson } from '../../../../../lib/http.ts';
import { listOwn, saveOwnPlace } from '../../../../../lib/organisers/visit-edit.ts';

export const prerender = false;

/** `GET /api/portal/organiser/places` → `{ places }`: the organiser's places (published or not), each with its draft. */
export const GET: APIRoute = async ({ locals }) => {
  const scope = requireOrganiser(locals.user);
  return Response.json({ places: (await listOwn(locals.app.db, scope)).places });
};

/**
 * `POST /api/portal/organiser/places` with a place record (src/lib/visit/schemas.ts) → 201 `{ place, published }`:
 * a draft, or published at once for a trusted organiser. Another region → 403; a bad record → 400 naming each field.
 */
export const POST: APIRoute = async ({ locals, request }) => {
  const scope = requireOrganiser(locals.user);
  const saved = await saveOwnPlace(locals.app.db, { userId: locals.user!.id, scope }, null, await readJson(request));
  return Response.json({ place: saved.row, published: saved.published }, { status: 201 });
};

export const ALL = otherMethods({ GET, POST });
