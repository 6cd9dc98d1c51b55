import { visitCollectionRoutes } from '../../../../../lib/organisers/visit-edit-page.ts';

export const prerender = false;

/**
 * `GET /api/portal/organiser/places` → `{ places }`: the organiser's places (published or not), each with its draft.
 * `POST` with a place record (src/lib/visit/schemas.ts) → 201 `{ place, published }`: a draft, or published at once
 * for a trusted organiser. Another region → 403; a bad record → 400 naming each field.
 */
export const { GET, POST, ALL } = visitCollectionRoutes('place');
