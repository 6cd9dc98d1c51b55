/**
 * An in-memory `StripeProvider` for database suites that need no HTTP: it keeps sessions, and records
 * the payments started, sessions expired and refunds asked for (a replayed idempotency key counts
 * once, as at Stripe). The SDK itself is tested against tests/fakes/fake-stripe.ts.
 */
import type { PaymentOrder, PaymentSession, StripeProvider } from '../../src/lib/commerce/payments/types.ts';
import { AppError } from '../../src/lib/errors.ts';

/** A Stripe double that keeps sessions and records what it was asked to do. */
export function recordingStripe(sessions = new Map<string, PaymentSession>()) {
  const started: PaymentOrder[] = [];
  const expired: string[] = [];
  const refunds: { paymentIntentId: string; amountIdr: number; idempotencyKey: string }[] = [];
  const refundKeys = new Set<string>();
  const stripe: StripeProvider = {
    method: 'stripe',
    async start(order, _urls, { expiresInMinutes }) {
      started.push(order);
      const reference = `cs_test_${order.id.replace(/-/g, '')}`;
      sessions.set(reference, { reference, checkoutId: order.id, status: 'open', paymentStatus: 'unpaid', paymentIntentId: null, amountTotalIdr: order.totalIdr });
      return { reference, paymentUrl: `http://stripe.test/pay/${reference}`, expiresAt: new Date(Date.now() + expiresInMinutes * 60_000) };
    },
    async retrieveSession(reference) {
      const session = sessions.get(reference);
      if (!session) throw new AppError('not_found', reference);
      return { ...session };
    },
    async expireSession(reference) {
      expired.push(reference);
      const session = sessions.get(reference);
      if (session?.status === 'open') session.status = 'expired';
    },
    async refund(input) {
      // Stripe answers a replayed key with the first refund: count each key once, as Stripe would.
      if (!refundKeys.has(input.idempotencyKey)) refunds.push(input);
      refundKeys.add(input.idempotencyKey);
      return `re_${input.idempotencyKey}`;
    },
    async transfer({ idempotencyKey }) {
      return `tr_${idempotencyKey}`;
    },
    async createConnectedAccount() {
      return 'acct_double';
    },
    async onboardingLink(accountId) {
      return `http://stripe.test/onboard/${accountId}`;
    },
    async accountStatus() {
      return { chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true };
    },
    verifyWebhook() {
      throw new AppError('invalid', 'not used');
    },
  };
  /** Pays a session as the buyer would on Stripe's page. */
  const pay = (reference: string, intent = `pi_${reference.slice(-12)}`) => {
    const session = sessions.get(reference)!;
    Object.assign(session, { status: 'complete', paymentStatus: 'paid', paymentIntentId: intent });
    return { ...session };
  };
  return { stripe, sessions, started, expired, refunds, pay };
}
