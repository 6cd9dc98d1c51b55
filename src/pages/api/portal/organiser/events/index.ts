import type { APIRoute } from 'astro';
import { requireOrganiser } from '../../../../../lib/auth/guard.ts';
import { otherMethods, readJson } from '../../../../../lib/http.ts';
import { listOwn, saveOwnEvent } from '../../../../../lib/organisers/visit-edit.ts';

export const prerender = false;

/** `GET /api/portal/organiser/events` → `{ events }`: the organiser's events (published or not), each with its draft. */
export const GET: APIRoute = async ({ locals }) => {
  const scope = requireOrganiser(locals.user);
  return Response.json({ events: (await listOwn(locals.app.db, scope)).events });
};

/**
 * `POST /api/portal/organiser/events` with a event record (src/lib/visit/schemas.ts) → 201 `{ event, published }`:
 * a draft, or published at once for a trusted organiser. Another region → 403; a bad record → 400 naming each field.
 */
export const POST: APIRoute = async ({ locals, request }) => {
  const scope = requireOrganiser(locals.user);
  const saved = await saveOwnEvent(locals.app.db, { userId: locals.user!.id, scope }, null, await readJson(request));
  return Response.json({ event: saved.row, published: saved.published }, { status: 201 });
};

export const ALL = otherMethods({ GET, POST });
