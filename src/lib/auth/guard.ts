/**
 * The one guard for the back office. Who may open a page (`backOfficeGate`, asked by the middleware
 * for every page under /portal and /admin): curators the admin (`requireRole`), artisans the portal
 * (`requireArtisanAccess`; a workshop not yet approved may prepare its pieces but sees no orders or
 * earnings), organisers their own section under /portal/organiser (`requireOrganiserAccess`), and
 * within it only the places and events of their one region or one place (`organiserCovers`; anything
 * else is a 404, as another artisan's piece is). And what an artisan's account may change, decided once for every portal page and API
 * route (the middleware asks before a body is read): a suspended workshop may read its portal but change
 * nothing; a workshop a curator has not approved yet may prepare its pieces' text but not upload
 * photos (uploads cost the server memory and disk, and an unvetted account could fill both).
 */
import { AppError } from '../errors.ts';

export interface GuardedUser {
  role: string;
  artisanStatus: 'pending' | 'approved' | 'suspended' | null;
}

/** What a visitor of a back-office page gets: sign in first, a 403, the wait-for-approval notice, or the page. */
export type Access = 'login' | 'forbidden' | 'pending' | 'ok';
export type BackOfficeArea = 'portal' | 'admin' | 'organiser';
export interface Gate {
  area: BackOfficeArea;
  access: Access;
}

type AccountUser = { role: string; artisanId: string | null; artisanStatus: string | null; organiser?: OrganiserScopeLike | null } | null | undefined;

/** The part of an organiser's account the guard looks at. */
export interface OrganiserScopeLike {
  id: string;
  kind: 'region' | 'place';
  scopeId: string;
  trusted: boolean;
}

/** Sign in first, then only accounts with `role` (curators: the admin). */
export function requireRole(user: { role: string } | null | undefined, role: 'curator' | 'artisan' | 'organiser'): 'login' | 'forbidden' | 'ok' {
  if (!user) return 'login';
  return user.role === role ? 'ok' : 'forbidden';
}

/** The admin's rule: curators only. */
export function requireCurator(user: { role: string } | null | undefined): 'login' | 'forbidden' | 'ok' {
  return requireRole(user, 'curator');
}

/**
 * Who runs batik classes (sessions, attendees, cancelling a session): curators, and organisers (tourism
 * offices, cooperatives) — each organiser only the classes of its region's or its place's places
 * (`classDeskScope`, then `organiserCovers` on each class: another's is a 404, as for places and events).
 */
export function requireClassDesk(user: AccountUser): 'login' | 'forbidden' | 'ok' {
  if (!user) return 'login';
  if (user.role === 'curator') return 'ok';
  return requireOrganiserAccess(user);
}

/** Whose classes the class desk shows this account: null for a curator (every place), else the organiser's scope. */
export function classDeskScope(user: AccountUser): OrganiserScopeLike | null {
  if (user?.role === 'curator') return null;
  if (user?.role === 'organiser' && user.organiser) return user.organiser;
  throw new AppError('forbidden', 'The class desk is for curators and organisers.');
}

/** The class desk's pages (`/portal/classes/…`): their rule is `requireClassDesk`, not the artisans'. */
export function isClassDeskPath(path: string): boolean {
  return path === '/portal/classes' || path.startsWith('/portal/classes/');
}

/**
 * Sign in first, a 403 for curators, and for an artisan a curator has not approved yet the notice
 * (`pending`), unless the page is one a new workshop may use (`pending: 'allow'`: its products).
 * Approved and suspended workshops pass (a suspended one reads only: see `writeRefusal`).
 */
export function requireArtisanAccess(user: AccountUser, options: { pending: 'allow' | 'wait' } = { pending: 'wait' }): Access {
  if (!user) return 'login';
  if (user.role !== 'artisan' || !user.artisanId) return 'forbidden';
  if (options.pending === 'wait' && (user.artisanStatus === 'pending' || user.artisanStatus === null)) return 'pending';
  return 'ok';
}

/**
 * The signed-in artisan's id for the portal's API.
 * @throws AppError('unauthorized') when nobody is signed in; AppError('forbidden') for curators.
 */
export function requireArtisanId(user: { role: string; artisanId: string | null } | null | undefined): string {
  if (!user) throw new AppError('unauthorized', 'Please sign in to the artisan portal.');
  if (user.role !== 'artisan' || !user.artisanId) throw new AppError('forbidden', 'This is for artisans.');
  return user.artisanId;
}

/** Sign in first, then only organiser accounts tied to a region or place (curators and artisans: 403). */
export function requireOrganiserAccess(user: AccountUser): 'login' | 'forbidden' | 'ok' {
  if (!user) return 'login';
  return user.role === 'organiser' && user.organiser ? 'ok' : 'forbidden';
}

/**
 * The signed-in organiser's scope for the organiser API.
 * @throws AppError('unauthorized') when nobody is signed in; AppError('forbidden') for any other account.
 */
export function requireOrganiser(user: { role: string; organiser?: OrganiserScopeLike | null } | null | undefined): OrganiserScopeLike {
  if (!user) throw new AppError('unauthorized', 'Please sign in.');
  if (user.role !== 'organiser' || !user.organiser) throw new AppError('forbidden', 'This is for tourism offices and cooperatives.');
  return user.organiser;
}

/** A place or an event as the scope rule sees it: the place's own id (an event's: where it is held) and the region. */
export interface ScopedItem {
  region: string | null;
  placeId: string | null;
}

/**
 * Whether an organiser looks after a place or an event: a tourism office everything in its region,
 * a cooperative its own place and the events held there. The one rule for pages and the API.
 * @example organiserCovers({ kind: 'region', scopeId: 'pekalongan' }, { region: 'pekalongan', placeId: 'kampung-batik-kauman' }) // true
 */
export function organiserCovers(scope: Pick<OrganiserScopeLike, 'kind' | 'scopeId'>, item: ScopedItem): boolean {
  return scope.kind === 'region' ? item.region === scope.scopeId : item.placeId === scope.scopeId;
}

/**
 * The same rule for an item fetched by id: the item, or AppError('not_found') when it is not this
 * organiser's (another region's place is not told apart from one that does not exist).
 */
export function coveredOrNotFound<T extends ScopedItem>(scope: Pick<OrganiserScopeLike, 'kind' | 'scopeId'>, item: T | null | undefined): T {
  if (!item || !organiserCovers(scope, item)) throw notAmongYours();
  return item;
}

/** The refusal of an item that is not the organiser's: a 404, the same as for one that does not exist. */
export function notAmongYours(): AppError {
  return new AppError('not_found', 'There is no such place or event among yours.');
}

/** Portal addresses that are not pages behind the gate: they answer for themselves (files, redirects). */
const SELF_GUARDED = new Set(['/portal/earnings.csv', '/portal/stripe-onboarding', '/portal/access']);

/**
 * The rule a back-office page follows, or null for any other path (the public site, the API, the
 * open forms). The middleware sends `login` to the sign-in page and renders `/portal/access` for
 * `forbidden` and `pending`, so that a page runs only for those it is for.
 * @example backOfficeGate(null, '/admin/orders') // { area: 'admin', access: 'login' }
 */
export function backOfficeGate(user: AccountUser, path: string): Gate | null {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/admin' || clean.startsWith('/admin/')) return { area: 'admin', access: requireCurator(user) };
  if (clean !== '/portal' && !clean.startsWith('/portal/')) return null;
  if (OPEN_FORMS.has(clean) || SELF_GUARDED.has(clean)) return null;
  if (clean === '/portal/organiser' || clean.startsWith('/portal/organiser/')) return { area: 'organiser', access: requireOrganiserAccess(user) };
  if (isClassDeskPath(clean)) return { area: user?.role === 'organiser' ? 'organiser' : user?.role === 'artisan' ? 'portal' : 'admin', access: requireClassDesk(user) };
  const pending = clean === '/portal/products' || clean.startsWith('/portal/products/') ? 'allow' : 'wait';
  return { area: 'portal', access: requireArtisanAccess(user, { pending }) };
}

export interface WriteRequest {
  method: string;
  path: string;
  contentType: string;
}

/** Where a signed-out visitor or any account may post: signing in and out, applying, resetting. */
const OPEN_FORMS = new Set(['/portal/login', '/portal/logout', '/portal/signup', '/portal/reset']);

/** Why a change is refused; the middleware says it in the reader's language (`refusals` in src/i18n). */
export type WriteRefusal = { reason: 'suspended' | 'pending_upload' };

/** Whether a request changes something in the portal (so the guard applies). */
export function isPortalWrite(request: WriteRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const portal = request.path === '/portal' || request.path.startsWith('/portal/') || request.path.startsWith('/api/portal/');
  return portal && !OPEN_FORMS.has(request.path.replace(/\/+$/, ''));
}

/** Whether a request uploads a photo (a multipart form, or a raw image to the photos API). */
export function isUpload(request: WriteRequest): boolean {
  const type = request.contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'multipart/form-data' || /\/photos\/?$/.test(request.path);
}

/**
 * Refuses a portal change the account may not make, or answers null to let the page or route decide
 * (signed-out visitors and curators are sent on by the pages themselves).
 * @example writeRefusal({ role: 'artisan', artisanStatus: 'suspended' }, { method: 'POST', path: '/portal/products/new', contentType: '' })
 *   // { reason: 'suspended' }
 */
export function writeRefusal(user: GuardedUser | null, request: WriteRequest): WriteRefusal | null {
  if (!user || user.role !== 'artisan' || !isPortalWrite(request)) return null;
  if (user.artisanStatus === 'suspended') return { reason: 'suspended' };
  if (user.artisanStatus !== 'approved' && isUpload(request)) return { reason: 'pending_upload' };
  return null;
}
