import { visitItemRoutes } from '../../../../../lib/organisers/visit-edit-page.ts';

export const prerender = false;

/**
 * `GET /api/portal/organiser/places/{id}` → `{ place }` with its draft; another region's place is a 404.
 * `PUT` with the whole record → `{ place, published }`. Another region's place → 404 (before the body is
 * read); moving it to another region → 403; a bad record → 400.
 */
export const { GET, PUT, ALL } = visitItemRoutes('place');
