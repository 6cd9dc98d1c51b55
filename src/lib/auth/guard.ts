/**
 * What an artisan's account may change, decided once for every portal page and API route (the
 * middleware asks before a body is read): a suspended workshop may read its portal but change
 * nothing; a workshop a curator has not approved yet may prepare its pieces' text but not upload
 * photos (uploads cost the server memory and disk, and an unvetted account could fill both).
 */
export interface GuardedUser {
  role: string;
  artisanStatus: 'pending' | 'approved' | 'suspended' | null;
}

export interface WriteRequest {
  method: string;
  path: string;
  contentType: string;
}

/** Where a signed-out visitor or any account may post: signing in and out, applying, resetting. */
const OPEN_FORMS = new Set(['/portal/login', '/portal/logout', '/portal/signup', '/portal/reset']);

export type WriteRefusal = { reason: 'suspended' | 'pending_upload'; message: string };

export const WRITE_REFUSALS: Record<WriteRefusal['reason'], string> = {
  suspended: 'Akun sanggar Anda sedang dibekukan oleh kurator: Anda masih bisa melihat data, tetapi tidak bisa mengubah apa pun. Hubungi kurator Canting.',
  pending_upload: 'Foto bisa diunggah setelah pendaftaran Anda disetujui kurator. Sementara itu Anda bisa menyiapkan teks produk.',
};

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
 *   // { reason: 'suspended', message: 'Akun sanggar Anda sedang dibekukan…' }
 */
export function writeRefusal(user: GuardedUser | null, request: WriteRequest): WriteRefusal | null {
  if (!user || user.role !== 'artisan' || !isPortalWrite(request)) return null;
  if (user.artisanStatus === 'suspended') return { reason: 'suspended', message: WRITE_REFUSALS.suspended };
  if (user.artisanStatus !== 'approved' && isUpload(request)) return { reason: 'pending_upload', message: WRITE_REFUSALS.pending_upload };
  return null;
}
