/// <reference types="astro/client" />

/** Who is signed in, as the middleware found it (null for shoppers). */
interface SessionUser {
  id: string;
  email: string;
  role: 'artisan' | 'curator' | 'organiser';
  /** The artisan this account manages; null for curators and organisers. */
  artisanId: string | null;
  artisanSlug: string | null;
  artisanStatus: 'pending' | 'approved' | 'suspended' | null;
  /** The region or place an organiser's account looks after; null for everyone else. */
  organiser: import('./lib/auth/accounts.ts').OrganiserScope | null;
  sessionId: string;
}

declare namespace App {
  interface Locals {
    /** Every service, from the composition root (src/lib/app.server.ts); set for on-demand pages and routes. */
    app: import('./lib/app.server.ts').App;
    user: SessionUser | null;
    /** The back-office rule this page follows (src/lib/auth/guard.ts), null outside /portal and /admin. */
    gate: import('./lib/auth/guard.ts').Gate | null;
    /** The page's language: its /{lang}/ segment (checked by the middleware), else Indonesian. */
    lang: import('./lib/i18n/index.ts').Lang;
    /** This request's id (X-Request-Id), set by the HTTP server; shown on error pages. */
    requestId: string;
  }
}
