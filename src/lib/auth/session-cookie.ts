/** The sign-in session cookie's name: read by src/middleware.ts, set by the sign-in page, and the reason the HTML cache steps aside (src/lib/ops/html-cache.ts). */
export const SESSION_COOKIE = 'canting_session';
