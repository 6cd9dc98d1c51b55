import { visitCollectionRoutes } from '../../../../../lib/organisers/visit-edit-page.ts';

export const prerender = false;

/**
 * `GET /api/portal/organiser/events` → `{ events }`: the organiser's events (published or not), each with its draft.
 * `POST` with an event record (src/lib/visit/schemas.ts) → 201 `{ event, published }`: a draft, or published at once
 * for a trusted organiser. Another region (or another's place) → 403; a bad record → 400 naming each field.
 */
export const { GET, POST, ALL } = visitCollectionRoutes('event');
