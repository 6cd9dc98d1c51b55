/**
 * The one guard for the back office. Who may open a page (`backOfficeGate`, asked by the middleware
 * for every page under /portal and /admin): curators the admin (`requireRole`), artisans the portal
 * (`requireArtisanAccess`; a workshop not yet approved may prepare its pieces but sees no orders or
 * earnings). And what an artisan's account may change, decided once for every portal page and API
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
export type BackOfficeArea = 'portal' | 'admin';
export interface Gate {
  area: BackOfficeArea;
  access: Access;
}

type AccountUser = { role: string; artisanId: string | null; artisanStatus: string | null } | null | undefined;

/** Sign in first, then only accounts with `role` (curators: the admin). */
export function requireRole(user: { role: string } | null | undefined, role: 'curator' | 'artisan'): 'login' | 'forbidden' | 'ok' {
  if (!user) return 'login';
  return user.role === role ? 'ok' : 'forbidden';
}

/** The admin's rule: curators only. */
export function requireCurator(user: { role: string } | null | undefined): 'login' | 'forbidden' | 'ok' {
  return requireRole(user, 'curator');
}

/**
 * Who runs batik classes (sessions, attendees, cancelling a session): curators, for now. Organisers of
 * the class's place or region join once their accounts exist (issue #15's organiser half): this is the
 * one rule to extend then.
 */
export function requireClassDesk(user: { role: string } | null | undefined): 'login' | 'forbidden' | 'ok' {
  return requireCurator(user);
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
  if (isClassDeskPath(clean)) return { area: 'portal', access: requireClassDesk(user) };
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
