import type { APIRoute } from 'astro';
import { requireOrganiser } from '../../../../../lib/auth/guard.ts';
import { otherMethods, readJson } from '../../../../../lib/http.ts';
import { ownEvent, saveOwnEvent } from '../../../../../lib/organisers/visit-edit.ts';

export const prerender = false;

/** `GET /api/portal/organiser/events/{id}` → `{ event }` with its draft; another region's event is a 404. */
export const GET: APIRoute = async ({ locals, params }) => {
  const scope = requireOrganiser(locals.user);
  return Response.json({ event: await ownEvent(locals.app.db, scope, params.id ?? '') });
};

/**
 * `PUT /api/portal/organiser/events/{id}` with the whole record → `{ event, published }`. Another region's
 * event → 404 (before the body is read); moving it to another region or place → 403; a bad record → 400.
 */
export const PUT: APIRoute = async ({ locals, params, request }) => {
  const scope = requireOrganiser(locals.user);
  const id = params.id ?? '';
  await ownEvent(locals.app.db, scope, id);
  const saved = await saveOwnEvent(locals.app.db, { userId: locals.user!.id, scope }, id, await readJson(request));
  return Response.json({ event: saved.row, published: saved.published });
};

export const ALL = otherMethods({ GET, PUT });
