import type { APIRoute } from 'astro';
import { siteUrl } from '../../lib/config.ts';
import { AppError } from '../../lib/errors.ts';

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
  const commerce = locals.app;
  if (!commerce.stripe || commerce.config.PAYOUT_MODE !== 'connect') throw new AppError('not_found', 'Stripe Connect is not in use here');
  const [artisan] = await commerce.db.query<{ stripe_account_id: string | null; email: string | null }>(
    'SELECT stripe_account_id, email FROM artisans WHERE id = $1',
    [user.artisanId],
  );
  let accountId = artisan?.stripe_account_id ?? null;
  if (!accountId) {
    accountId = await commerce.stripe.createConnectedAccount({ email: artisan?.email ?? user.email, country: 'ID' });
    // Only set it if still unset: two clicks must not leave an orphan account in use.
    const [kept] = await commerce.db.query<{ stripe_account_id: string }>(
      `UPDATE artisans SET stripe_account_id = COALESCE(stripe_account_id, $2), updated_at = now() WHERE id = $1 RETURNING stripe_account_id`,
      [user.artisanId, accountId],
    );
    accountId = kept!.stripe_account_id;
  }
  const url = await commerce.stripe.onboardingLink(accountId, {
    refreshUrl: siteUrl(commerce.config, '/portal/stripe-onboarding'),
    returnUrl: siteUrl(commerce.config, '/portal/earnings?stripe=returned'),
  });
  return new Response(null, { status: 303, headers: { Location: url } });
}

export const POST: APIRoute = ({ locals }) => onboard(locals);
export const GET: APIRoute = ({ locals }) => onboard(locals);
