import type { APIRoute } from 'astro';
import { siteUrl } from '../../lib/config.ts';
import { AppError } from '../../lib/errors.ts';
import { stripeOnboardingLink } from '../../lib/portal/payout-accounts.ts';

export const prerender = false;

/**
 * Connect mode: starts (or resumes) an artisan's Stripe onboarding. Creates their Express account
 * the first time, then sends them to Stripe's hosted onboarding, which returns to their earnings.
 * GET is Stripe's `refresh_url` (an expired link): it makes a fresh link the same way.
 */
async function onboard(locals: App.Locals): Promise<Response> {
  const user = locals.user;
  if (!user || user.role !== 'artisan' || !user.artisanId) {
    return new Response(null, { status: 303, headers: { Location: '/portal/login?next=/portal/earnings' } });
  }
  const app = locals.app;
  if (!app.stripe || app.config.PAYOUT_MODE !== 'connect') throw new AppError('not_found', 'Stripe Connect is not in use here');
  const url = await stripeOnboardingLink(app.db, app.stripe, { id: user.artisanId, fallbackEmail: user.email }, {
    refreshUrl: siteUrl(app.config, '/portal/stripe-onboarding'),
    returnUrl: siteUrl(app.config, '/portal/earnings?stripe=returned'),
  });
  return new Response(null, { status: 303, headers: { Location: url } });
}

export const POST: APIRoute = ({ locals }) => onboard(locals);
export const GET: APIRoute = ({ locals }) => onboard(locals);
