/**
 * `StripeProvider`: Stripe Checkout through the official `stripe` SDK (pinned API version
 * `2026-10-28.endive`). This file and `tests/fakes/fake-stripe.ts` are the only ones importing
 * `stripe`; Stripe's types are reshaped into ours (`PaymentSession`, `PaymentEvent`) here and go no
 * further.
 *
 * One Checkout Session per checkout (https://docs.stripe.com/api/checkout/sessions/create):
 * - IDR is a two-decimal currency in Stripe (https://docs.stripe.com/currencies): every amount we send
 *   is rupiah × 100, so amounts are always whole rupiah. Amounts come from `order.lines` (priced from
 *   our database) and must add up to `order.totalIdr`, or nothing is sent: we never charge an amount
 *   we did not compute. Stripe's ceiling for IDR is twelve digits (Rp 9.999.999.999,99); its floor is
 *   the settlement currency's minimum (about USD 0.50) after conversion, so tiny orders may be refused.
 * - Adaptive Pricing is switched off so the buyer pays exactly our rupiah, not a converted amount.
 * - `expires_at` must be 30 min – 24 h ahead
 *   (https://docs.stripe.com/payments/checkout/managing-limited-inventory); it is also our stock hold.
 * - Every create carries the idempotency key `canting-checkout-${order.id}`
 *   (https://docs.stripe.com/api/idempotent_requests): the same order gets the same session back
 *   (for 24 h). Stripe compares the parameters of a replayed request with the first one and refuses
 *   a difference, so the parameters must not depend on the clock to the second: `expires_at` is
 *   rounded up to a 5-minute step (see `checkoutExpiry`), and when a retry lands in the next step we
 *   retry with the previous steps before giving up with `conflict`.
 * - One session pays one checkout (every workshop's order): `client_reference_id` is the checkout's
 *   id, metadata carries its id and number. `connect` payout mode adds `payment_intent_data.transfer_group`
 *   (https://docs.stripe.com/connect/separate-charges-and-transfers).
 * - Refunds go through `POST /v1/refunds` with an idempotency key derived from the order.
 *
 * Errors: Stripe unreachable, timed out, rate-limited or 5xx → `AppError('unavailable')` (the SDK has
 * already retried with the same idempotency key); any other 4xx → `AppError('internal')` with
 * Stripe's message, since it means our request was wrong — except an unknown session id on
 * `retrieveSession` (`not_found`; the success page passes the id from its query string) and an
 * idempotency mismatch (`conflict`).
 */
import Stripe from 'stripe';
import { AppError } from '../../errors.ts';
import type {
  PaymentEvent,
  PaymentLine,
  PaymentOrder,
  PaymentSession,
  PaymentUrls,
  StartedPayment,
  StripeProvider,
} from './types.ts';

export interface StripeProviderOptions {
  /** `sk_test_…` / `sk_live_…` (or a restricted `rk_…` key allowed to write Checkout Sessions). */
  secretKey: string;
  /** The endpoint's signing secret, `whsec_…`. */
  webhookSecret: string;
  /**
   * Another Stripe-compatible server instead of https://api.stripe.com, e.g. `http://127.0.0.1:12111`
   * (stripe-mock, the test fake). Scheme, host and port only: the SDK cannot add a path prefix.
   */
  apiBase?: string | undefined;
  /** Per-request timeout. Default 20 s: the SDK's 80 s is longer than a buyer waits at checkout. */
  timeoutMs?: number | undefined;
  /**
   * The SDK's own retries on network errors, 409 and 5xx (with the same idempotency key, so a
   * retried create cannot make a second session). Default 2, the SDK's default.
   */
  maxNetworkRetries?: number | undefined;
}

/** IDR is a two-decimal currency in Stripe's API: Rp 1 is `100`. */
const IDR_MINOR_UNITS = 100;
/** Stripe's bounds for `expires_at`, in minutes from the session's creation. */
export const STRIPE_MIN_EXPIRY_MINUTES = 30;
export const STRIPE_MAX_EXPIRY_MINUTES = 1440;
/** `expires_at` is a multiple of this, so a retried create sends the same parameters. */
export const EXPIRY_STEP_SECONDS = 300;
/** Kept clear of Stripe's bounds: its clock reads the request a little after ours wrote it. */
const EXPIRY_MARGIN_SECONDS = 60;
/** How many earlier steps a retried create tries before it reports a conflict (15 minutes). */
const EXPIRY_LOOKBACK_STEPS = 3;
const SESSION_ID = /^cs_[A-Za-z0-9_]+$/;

/**
 * The `expires_at` sent for a Checkout Session: `now + minutes` rounded up to a 5-minute step and
 * kept inside Stripe's window with a minute to spare (31 min to 23 h 59 min ahead), so it is at most
 * 6 minutes later than asked, and only near the 24 h cap up to 6 minutes earlier. The result never
 * decreases as `nowSeconds` grows and moves in whole steps, so `stepsBack` gives the value an earlier
 * call sent.
 *
 * @example checkoutExpiry(1_800_000_000, 60) // 1_800_003_600 (already on a step)
 */
export function checkoutExpiry(nowSeconds: number, minutes: number, stepsBack = 0): number {
  const earliest = nowSeconds + STRIPE_MIN_EXPIRY_MINUTES * 60 + EXPIRY_MARGIN_SECONDS;
  const latest = nowSeconds + STRIPE_MAX_EXPIRY_MINUTES * 60 - EXPIRY_MARGIN_SECONDS;
  const step = EXPIRY_STEP_SECONDS;
  let at = Math.ceil((nowSeconds + minutes * 60) / step) * step;
  if (at < earliest) at = Math.ceil(earliest / step) * step;
  if (at > latest) at = Math.floor(latest / step) * step;
  return at - stepsBack * step;
}

/**
 * The idempotency key of an order's Checkout Session create: one session per order.
 *
 * @example checkoutIdempotencyKey({ id: '0b6e…' }) // 'canting-checkout-0b6e…'
 */
export function checkoutIdempotencyKey(order: Pick<PaymentOrder, 'id'>): string {
  return `canting-checkout-${order.id}`;
}

/**
 * Creates the Stripe Checkout provider. Nothing is sent until a method is called.
 *
 * @example
 * const stripe = createStripeProvider({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, apiBase: config.STRIPE_API_BASE });
 * const { reference, paymentUrl, expiresAt } = await stripe.start(order, urls, { expiresInMinutes: 30 });
 */
export function createStripeProvider(options: StripeProviderOptions): StripeProvider {
  const { webhookSecret } = options;
  if (!options.secretKey) throw new AppError('internal', 'Stripe needs a secret key (STRIPE_SECRET_KEY)');
  if (!webhookSecret) throw new AppError('internal', 'Stripe needs a webhook signing secret (STRIPE_WEBHOOK_SECRET)');
  const stripe = new Stripe(options.secretKey, {
    ...toHostConfig(options.apiBase),
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    appInfo: { name: 'Canting' },
  });

  async function retrieveSession(reference: string): Promise<PaymentSession> {
    if (!SESSION_ID.test(reference)) {
      throw new AppError('invalid', 'not a Checkout Session id', { hint: 'expected cs_…' });
    }
    try {
      return toPaymentSession(await stripe.checkout.sessions.retrieve(reference));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
        throw new AppError('not_found', `no Checkout Session ${reference} at Stripe`, { cause: error });
      }
      throw fromStripeError(error, `retrieving Checkout Session ${reference}`);
    }
  }

  return {
    method: 'stripe',

    async createConnectedAccount({ email, country }) {
      try {
        const account = await stripe.accounts.create({ type: 'express', country, ...(email ? { email } : {}), capabilities: { card_payments: { requested: true }, transfers: { requested: true } } });
        return account.id;
      } catch (error) {
        throw fromStripeError(error, 'creating a connected account');
      }
    },

    async onboardingLink(accountId, { refreshUrl, returnUrl }) {
      if (!/^acct_[A-Za-z0-9_]{4,100}$/.test(accountId)) throw new AppError('invalid', 'not a connected account id');
      try {
        const link = await stripe.accountLinks.create({ account: accountId, refresh_url: refreshUrl, return_url: returnUrl, type: 'account_onboarding' });
        return link.url;
      } catch (error) {
        throw fromStripeError(error, `creating an onboarding link for ${accountId}`);
      }
    },

    async accountStatus(accountId) {
      if (!/^acct_[A-Za-z0-9_]{4,100}$/.test(accountId)) throw new AppError('invalid', 'not a connected account id');
      try {
        const account = await stripe.accounts.retrieve(accountId);
        return { chargesEnabled: account.charges_enabled ?? false, payoutsEnabled: account.payouts_enabled ?? false, detailsSubmitted: account.details_submitted ?? false };
      } catch (error) {
        throw fromStripeError(error, `reading connected account ${accountId}`);
      }
    },

    async start(order: PaymentOrder, urls: PaymentUrls, { expiresInMinutes }: { expiresInMinutes: number }): Promise<StartedPayment> {
      if (
        !Number.isInteger(expiresInMinutes) ||
        expiresInMinutes < STRIPE_MIN_EXPIRY_MINUTES ||
        expiresInMinutes > STRIPE_MAX_EXPIRY_MINUTES
      ) {
        throw new AppError(
          'invalid',
          `a Stripe Checkout Session expires ${STRIPE_MIN_EXPIRY_MINUTES}–${STRIPE_MAX_EXPIRY_MINUTES} minutes after it starts, not ${expiresInMinutes}`,
          { hint: 'STRIPE_HOLD_MINUTES' },
        );
      }
      const lineItems = toLineItems(order);
      const idempotencyKey = checkoutIdempotencyKey(order);
      const nowSeconds = Math.floor(Date.now() / 1000);
      for (let stepsBack = 0; ; stepsBack += 1) {
        const params = toSessionParams(order, urls, lineItems, checkoutExpiry(nowSeconds, expiresInMinutes, stepsBack));
        try {
          const session = await stripe.checkout.sessions.create(params, { idempotencyKey });
          return toStartedPayment(session, order);
        } catch (error) {
          if (!(error instanceof Stripe.errors.StripeIdempotencyError)) {
            throw fromStripeError(error, `creating the Checkout Session of order ${order.number}`);
          }
          // The key was used before with other parameters: most likely an earlier start() of this
          // order whose expires_at fell in an earlier step. Replaying that step returns its session.
          if (stepsBack < EXPIRY_LOOKBACK_STEPS) continue;
          throw new AppError('conflict', `order ${order.number} already has a Checkout Session, started with other details`, {
            cause: error,
            hint: 'use the session reference stored with the order (retrieveSession) instead of starting again',
          });
        }
      }
    },

    retrieveSession,

    async expireSession(reference: string): Promise<void> {
      if (!SESSION_ID.test(reference)) {
        throw new AppError('invalid', 'not a Checkout Session id', { hint: 'expected cs_…' });
      }
      try {
        await stripe.checkout.sessions.expire(reference);
      } catch (error) {
        // Stripe answers 400 when the session is no longer open (already expired, or paid). Ask for
        // its status rather than read the wording of the message.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400) {
          const session = await retrieveSession(reference);
          if (session.status !== 'open') return;
        }
        throw fromStripeError(error, `expiring Checkout Session ${reference}`);
      }
    },

    async refund({ paymentIntentId, amountIdr, idempotencyKey }) {
      if (!/^pi_[A-Za-z0-9_]+$/.test(paymentIntentId)) throw new AppError('invalid', 'not a PaymentIntent id');
      if (!Number.isSafeInteger(amountIdr) || amountIdr <= 0) throw new AppError('internal', `a refund of Rp ${amountIdr} is not a positive whole amount`);
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: paymentIntentId, amount: amountIdr * IDR_MINOR_UNITS, reason: 'requested_by_customer' },
          { idempotencyKey },
        );
        return refund.id;
      } catch (error) {
        throw fromStripeError(error, `refunding Rp ${amountIdr} of ${paymentIntentId}`);
      }
    },

    async transfer({ paymentIntentId, destination, amountIdr, transferGroup, idempotencyKey }) {
      if (!/^pi_[A-Za-z0-9_]+$/.test(paymentIntentId)) throw new AppError('invalid', 'not a PaymentIntent id');
      if (!/^acct_[A-Za-z0-9_]{4,100}$/.test(destination)) throw new AppError('invalid', 'not a connected account id');
      if (!Number.isSafeInteger(amountIdr) || amountIdr <= 0) throw new AppError('internal', `a transfer of Rp ${amountIdr} is not a positive whole amount`);
      try {
        const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
        const charge = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
        if (!charge) throw new AppError('internal', `payment ${paymentIntentId} has no charge to transfer from`);
        const transfer = await stripe.transfers.create(
          { amount: amountIdr * IDR_MINOR_UNITS, currency: 'idr', destination, transfer_group: transferGroup, source_transaction: charge },
          { idempotencyKey },
        );
        return transfer.id;
      } catch (error) {
        throw fromStripeError(error, `transferring Rp ${amountIdr} to ${destination}`);
      }
    },

    verifyWebhook(rawBody: string, signatureHeader: string | null): PaymentEvent {
      if (!signatureHeader) {
        throw new AppError('invalid', 'invalid Stripe signature', { hint: 'no Stripe-Signature header' });
      }
      let event: Stripe.Event;
      try {
        // The signature covers the exact bytes Stripe sent: rawBody must be the unparsed body.
        // Timestamps older than the SDK's tolerance (5 minutes) are refused, against replays.
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret);
      } catch (error) {
        throw new AppError('invalid', 'invalid Stripe signature', { cause: error });
      }
      // Signed, but not shaped like the events we read (another API version, or a hand-made test
      // event): refused as bad input, saying what it was, rather than failing as our fault.
      try {
        if (typeof event?.id !== 'string' || typeof event.type !== 'string') throw new TypeError('an event has a string id and type');
        return toPaymentEvent(event);
      } catch (error) {
        const what = event && typeof event === 'object' ? `${String(event.id).slice(0, 80)} (${String(event.type).slice(0, 80)})` : String(event).slice(0, 80);
        throw new AppError('invalid', `the signed event ${what} does not have the shape of a Stripe event`, {
          cause: error,
          hint: 'check the API version of the webhook endpoint in the Stripe dashboard',
        });
      }
    },
  };
}

// ── requests ────────────────────────────────────────────────────────────────────────────────

type LineItem = Stripe.Checkout.SessionCreateParams.LineItem;

/** Our lines (and shipping, when charged) as Stripe line items; refuses amounts that do not add up. */
function toLineItems(order: PaymentOrder): LineItem[] {
  const lines: PaymentLine[] = [...order.lines];
  if (order.shipping.amountIdr !== 0) lines.push({ name: order.shipping.name, quantity: 1, unitPriceIdr: order.shipping.amountIdr });
  if (order.lines.length === 0) throw new AppError('internal', `order ${order.number} has no lines to pay for`);
  let sum = 0;
  const items = lines.map((line): LineItem => {
    if (!Number.isSafeInteger(line.unitPriceIdr) || line.unitPriceIdr <= 0) {
      throw new AppError('internal', `order ${order.number}: "${line.name}" costs ${line.unitPriceIdr}, not a positive whole number of rupiah`);
    }
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new AppError('internal', `order ${order.number}: "${line.name}" has quantity ${line.quantity}`);
    }
    if (!line.name.trim()) throw new AppError('internal', `order ${order.number} has a line without a name`);
    sum += line.unitPriceIdr * line.quantity;
    return {
      quantity: line.quantity,
      price_data: { currency: 'idr', unit_amount: line.unitPriceIdr * IDR_MINOR_UNITS, product_data: { name: line.name } },
    };
  });
  if (sum !== order.totalIdr || !Number.isSafeInteger(sum * IDR_MINOR_UNITS)) {
    throw new AppError('internal', `order ${order.number}: lines and shipping add up to Rp ${sum}, the order says Rp ${order.totalIdr}`, {
      hint: 'refusing to charge an amount the order did not compute',
    });
  }
  return items;
}

function toSessionParams(order: PaymentOrder, urls: PaymentUrls, lineItems: LineItem[], expiresAt: number): Stripe.Checkout.SessionCreateParams {
  const metadata = { checkout_id: order.id, checkout_number: order.number };
  const paymentIntentData: Stripe.Checkout.SessionCreateParams.PaymentIntentData = { metadata };
  // Connect ("separate charges and transfers"): the charge is the platform's; one Transfer per
  // workshop follows under this transfer_group once it is paid.
  if (order.transferGroup) paymentIntentData.transfer_group = order.transferGroup;
  return {
    mode: 'payment',
    line_items: lineItems,
    customer_email: order.buyerEmail,
    locale: order.lang,
    client_reference_id: order.id,
    metadata,
    payment_intent_data: paymentIntentData,
    expires_at: expiresAt,
    success_url: urls.successUrl,
    cancel_url: urls.cancelUrl,
    adaptive_pricing: { enabled: false },
  };
}

function toHostConfig(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch (error) {
    throw new AppError('internal', `STRIPE_API_BASE is not a URL: ${apiBase}`, { cause: error });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || (url.pathname !== '/' && url.pathname !== '')) {
    throw new AppError('internal', `STRIPE_API_BASE must be http(s)://host:port without a path, not ${apiBase}`);
  }
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? '80' : '443'), protocol };
}

// ── answers ─────────────────────────────────────────────────────────────────────────────────

function toStartedPayment(session: Stripe.Checkout.Session, order: PaymentOrder): StartedPayment {
  // A replayed create returns the first answer for this key: check that it is this order's session.
  if (session.client_reference_id !== order.id || session.amount_total !== order.totalIdr * IDR_MINOR_UNITS || session.currency !== 'idr') {
    throw new AppError('internal', `Stripe answered order ${order.number} with session ${session.id} for another order or amount`);
  }
  if (!session.url) throw new AppError('internal', `Checkout Session ${session.id} has no payment URL`);
  return { reference: session.id, paymentUrl: session.url, expiresAt: new Date(session.expires_at * 1000) };
}

function toPaymentSession(session: Stripe.Checkout.Session): PaymentSession {
  const intent = session.payment_intent;
  return {
    reference: session.id,
    checkoutId: session.client_reference_id,
    status: toSessionStatus(session),
    paymentStatus: toPaymentStatus(session),
    paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    // Only rupiah are ours to compare; another currency would be a session we did not create.
    amountTotalIdr: session.amount_total === null || session.currency !== 'idr' ? null : session.amount_total / IDR_MINOR_UNITS,
  };
}

function toSessionStatus(session: Stripe.Checkout.Session): PaymentSession['status'] {
  switch (session.status) {
    case 'open':
      return 'open';
    case 'complete':
      return 'complete';
    case 'expired':
      return 'expired';
    default:
      throw new AppError('internal', `Checkout Session ${session.id} has status ${String(session.status)}`);
  }
}

function toPaymentStatus(session: Stripe.Checkout.Session): PaymentSession['paymentStatus'] {
  switch (session.payment_status) {
    case 'paid':
      return 'paid';
    case 'unpaid':
      return 'unpaid';
    case 'no_payment_required':
      return 'no_payment_required';
    default:
      throw new AppError('internal', `Checkout Session ${session.id} has payment status ${String(session.payment_status)}`);
  }
}

function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
      return { id: event.id, type: event.type, session: toPaymentSession(event.data.object) };
    case 'charge.refunded': {
      const charge = event.data.object;
      const intent = charge.payment_intent;
      const paymentIntentId = typeof intent === 'string' ? intent : (intent?.id ?? null);
      // A charge made without a PaymentIntent is none of Checkout's: nothing of ours to refund.
      if (!paymentIntentId) return { id: event.id, type: event.type };
      return { id: event.id, type: event.type, refund: { paymentIntentId, fullyRefunded: charge.refunded } };
    }
    default:
      // Stripe retries non-2xx deliveries for days: types we ignore still get a 200 from the route.
      return { id: event.id, type: event.type };
  }
}

function fromStripeError(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return new AppError('unavailable', `Stripe could not be reached while ${doing}: ${error.message}`, { cause: error });
  }
  if (error instanceof Stripe.errors.StripeError) {
    const status = error.statusCode;
    if (status === undefined || status >= 500 || status === 429) {
      return new AppError('unavailable', `Stripe is unavailable (${status ?? 'no status'}) while ${doing}: ${error.message}`, { cause: error });
    }
    const param = error.param ? `, param ${error.param}` : '';
    return new AppError('internal', `Stripe refused ${doing} (${status} ${error.rawType ?? error.type}${param}): ${error.message}`, {
      cause: error,
      ...(error.requestId ? { hint: `Stripe request ${error.requestId}` } : {}),
    });
  }
  return new AppError('internal', `unexpected error while ${doing}`, { cause: error });
}
