import { visitItemRoutes } from '../../../../../lib/organisers/visit-edit-page.ts';

export const prerender = false;

/**
 * `GET /api/portal/organiser/events/{id}` → `{ event }` with its draft; another region's event is a 404.
 * `PUT` with the whole record → `{ event, published }`. Another region's event → 404 (before the body is
 * read); moving it to another region or place → 403; a bad record → 400.
 */
export const { GET, PUT, ALL } = visitItemRoutes('event');
