/// <reference types="astro/client" />

/** Who is signed in, as the middleware found it (null for shoppers). */
interface SessionUser {
  id: string;
  email: string;
  role: 'artisan' | 'curator';
  /** The artisan this account manages; null for curators. */
  artisanId: string | null;
  artisanSlug: string | null;
  artisanStatus: 'pending' | 'approved' | 'suspended' | null;
  sessionId: string;
}

declare namespace App {
  interface Locals {
    user: SessionUser | null;
    /** This request's id (X-Request-Id), set by the HTTP server; shown on error pages. */
    requestId: string;
  }
}
