/**
 * A fake Stripe for tests, in the role stripe-mock plays elsewhere (`STRIPE_API_BASE` points the SDK
 * at it): a `node:http` server on 127.0.0.1 that implements just enough of the API for our Checkout
 * integration, records every request, and refuses broken ones with Stripe-style 400s
 * (`{ error: { type: 'invalid_request_error', message, param } }`) so a wrong request fails a test
 * instead of passing silently.
 *
 * API: `POST /v1/checkout/sessions` (form-encoded as the SDK sends it), `GET /v1/checkout/sessions/:id`,
 * `POST /v1/checkout/sessions/:id/expire` (only an `open` session, else 400, as Stripe), and
 * `POST /v1/refunds` (https://docs.stripe.com/api/refunds/create): `payment_intent` or `charge` of a
 * succeeded payment, `amount` a positive integer no larger than what is left unrefunded (default: all
 * of it), an `Idempotency-Key` derived by us (Canting rule); it answers a `re_…` refund and then sends
 * `charge.refunded` (with `refunded: true` only once the whole charge is refunded).
 * Connect, separate charges and transfers (https://docs.stripe.com/api/transfers/create,
 * https://docs.stripe.com/connect/separate-charges-and-transfers): `GET /v1/payment_intents/:id`
 * (for its `latest_charge`) and `POST /v1/transfers` — `amount`, `currency` (the charge's) and
 * `destination` (a connected account the fake made) required; `source_transaction` a succeeded
 * charge, whose transfers together may not exceed its amount; an `Idempotency-Key` (Canting rule)
 * and a `transfer_group` (Canting rule: the checkout number). Hosted page: `GET /pay/:id` pays the session (or `?cancel=1`
 * goes back), posts the signed `checkout.session.completed` event to `webhookUrl`, waits for the
 * answer, then 303-redirects to `success_url` with `{CHECKOUT_SESSION_ID}` filled in.
 *
 * Rules checked on create. Stripe's own (https://docs.stripe.com/api/checkout/sessions/create):
 * - `mode=payment` (the only mode faked), `success_url` present, at least one line item with
 *   `price_data` (`currency`, `unit_amount`, `product_data[name]`) and a positive integer `quantity`;
 * - `expires_at` 30 minutes to 24 hours after now;
 * - `application_fee_amount` only with `transfer_data[destination]` (`acct_…`), and below the total;
 * - metadata: at most 50 keys, keys up to 40 characters, values up to 500;
 * - IDR totals up to twelve digits (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts),
 *   and at least `minimumTotalIdr` (default Rp 10.000: Stripe's floor is USD 0.50 or the settlement
 *   currency's minimum after conversion, about Rp 8.000–8.500; rounded up to stay on the safe side);
 * - idempotency: the same `Idempotency-Key` with the same endpoint and parameters replays the first
 *   answer (`Idempotent-Replayed: true`); different parameters get a 400 `idempotency_error`.
 * Canting's rules (messages say so): every currency `idr`; every `unit_amount` a positive multiple of
 * 100 (whole rupiah); `client_reference_id` and `metadata[order_number]` present; success and cancel
 * URLs present; an `Idempotency-Key` derived by us, not the SDK's automatic `stripe-node-retry-…` one.
 *
 * Events are shaped like Stripe's (`evt_…`, `object: 'event'`, `api_version`, `created`,
 * `data.object`), pretty-printed like Stripe's bodies, and signed with the real SDK's
 * `Stripe.webhooks.generateTestHeaderString`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** The API version the installed SDK pins (and sends as `Stripe-Version`). */
export const STRIPE_API_VERSION: string = Stripe.API_VERSION;

/** A form body decoded into nested values, as Stripe reads it (`a[b][0][c]=v`). Leaves are strings. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/checkout/sessions`. */
  path: string;
  headers: IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  stripeVersion: string | undefined;
  body: FormObject;
  rawBody: string;
  /** The status the fake answered. */
  status: number;
}

/** A Checkout Session as the API returns it (the fields our integration reads, and a few more). */
export interface FakeSession {
  id: string;
  object: 'checkout.session';
  adaptive_pricing: { enabled: boolean };
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Record<string, string>;
  mode: 'payment';
  payment_intent: string | null;
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  success_url: string | null;
  /** The hosted page; Stripe clears it once the session is complete or expired. */
  url: string | null;
}

/** The PaymentIntent a paid session made (connect fields included when the session had them). */
export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_refunded: number;
  currency: string;
  status: 'succeeded';
  latest_charge: string;
  metadata: Record<string, string>;
  application_fee_amount: number | null;
  transfer_data: { destination: string } | null;
  checkout_session: string;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  status: 'succeeded';
}

export interface FakeTransfer {
  id: string;
  object: 'transfer';
  amount: number;
  currency: string;
  destination: string;
  source_transaction: string | null;
  transfer_group: string | null;
  created: number;
}

export interface FakeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** An event signed as Stripe would send it: the exact body and its `Stripe-Signature` header. */
export interface SignedEvent {
  event: FakeEvent;
  payload: string;
  signature: string;
}

export interface WebhookDelivery extends SignedEvent {
  /** The receiver's status, or 0 when it could not be reached. */
  status: number;
  responseBody: string;
}

export interface FakeStripe {
  /** Base URL for the SDK (`STRIPE_API_BASE`), e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Where events are posted; may be set after start (e.g. once the app server listens). */
  webhookUrl: string | undefined;
  readonly requests: RecordedRequest[];
  readonly sessions: Map<string, FakeSession>;
  readonly paymentIntents: Map<string, FakePaymentIntent>;
  /** Refunds made through `POST /v1/refunds`, in order. */
  readonly refunds: FakeRefund[];
  /** Connect transfers made through `POST /v1/transfers`, in order. */
  readonly transfers: FakeTransfer[];
  readonly events: FakeEvent[];
  readonly deliveries: WebhookDelivery[];
  /** Requests to /v1/… with this path (and method, if given). */
  requestsTo(path: string, method?: string): RecordedRequest[];
  /** Answers the next `count` API requests with `status` (a Stripe-style api_error), e.g. to test retries. */
  failNext(status: number, count?: number): void;
  /** Pays an open session as the hosted page would; sends `checkout.session.completed` unless told not to. */
  completeSession(id: string, options?: { sendWebhook?: boolean }): Promise<FakeSession>;
  /** Expires an open session (as its `expires_at` passing would); sends `checkout.session.expired` unless told not to. */
  expireSession(id: string, options?: { sendWebhook?: boolean }): Promise<FakeSession>;
  /** Refunds a paid session's payment (all of it, or `amountIdr`) and sends `charge.refunded`. */
  refund(paymentIntentId: string, options?: { amountIdr?: number }): Promise<WebhookDelivery>;
  /** Builds and signs an event without sending it (`secret` defaults to the fake's). */
  signEvent(type: string, object: unknown, options?: { secret?: string; timestamp?: number }): SignedEvent;
  /** Signs and posts an event to `webhookUrl`, and resolves with the receiver's answer. */
  sendEvent(type: string, object: unknown): Promise<WebhookDelivery>;
  /** Resolves when no webhook delivery started by the API (e.g. an expire call) is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface FakeStripeOptions {
  webhookUrl?: string | undefined;
  webhookSecret: string;
  /** Smallest session total accepted, in rupiah (default 10 000, see the file comment). */
  minimumTotalIdr?: number | undefined;
}

/** Stripe's cap for IDR amounts: twelve digits of minor units. */
const MAX_IDR_AMOUNT = 999_999_999_999;
const LOCALES = new Set(['auto', 'bg', 'cs', 'da', 'de', 'el', 'en', 'en-GB', 'es', 'es-419', 'et', 'fi', 'fil', 'fr', 'fr-CA', 'hi-IN', 'hr', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'vi', 'zh', 'zh-HK', 'zh-TW']);

interface ApiAnswer {
  status: number;
  json: unknown;
}

interface SavedIdempotent {
  method: string;
  path: string;
  params: string;
  answer: ApiAnswer;
}

interface SessionExtras {
  lineItems: { name: string; quantity: number; unitAmount: number }[];
  paymentIntentData: FormObject;
}

/**
 * Starts the fake on a free port of 127.0.0.1.
 *
 * @example
 * const fake = await startFakeStripe({ webhookSecret: 'whsec_test' });
 * const provider = createStripeProvider({ secretKey: 'sk_test_x', webhookSecret: 'whsec_test', apiBase: fake.url });
 */
export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const accounts = new Map<string, { id: string; charges_enabled: boolean; payouts_enabled: boolean; details_submitted: boolean; [key: string]: unknown }>();
  const links = new Map<string, string>();

  const { webhookSecret } = options;
  const minimumTotal = (options.minimumTotalIdr ?? 10_000) * 100;
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, FakeSession>();
  const extras = new Map<string, SessionExtras>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const refunds: FakeRefund[] = [];
  const transfers: FakeTransfer[] = [];
  const events: FakeEvent[] = [];
  const deliveries: WebhookDelivery[] = [];
  const idempotent = new Map<string, SavedIdempotent>();
  const failures: number[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let base = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { type: 'api_error', message: `fake Stripe crashed: ${String(error)}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeStripe = {
    url: base,
    webhookUrl: options.webhookUrl,
    requests,
    sessions,
    paymentIntents,
    refunds,
    transfers,
    events,
    deliveries,
    requestsTo: (path, method) => requests.filter((r) => r.path === path && (!method || r.method === method)),
    failNext(status, count = 1) {
      for (let i = 0; i < count; i += 1) failures.push(status);
    },
    async completeSession(id, { sendWebhook = true } = {}) {
      const session = mustFind(id);
      if (session.status !== 'open') throw new Error(`fake Stripe: session ${id} is ${session.status}, not open`);
      pay(session);
      if (sendWebhook) await sendEvent('checkout.session.completed', session);
      return session;
    },
    async expireSession(id, { sendWebhook = true } = {}) {
      const session = mustFind(id);
      if (session.status !== 'open') throw new Error(`fake Stripe: session ${id} is ${session.status}, not open`);
      expire(session);
      if (sendWebhook) await sendEvent('checkout.session.expired', session);
      return session;
    },
    async refund(paymentIntentId, { amountIdr } = {}) {
      const intent = paymentIntents.get(paymentIntentId);
      if (!intent) throw new Error(`fake Stripe: no payment intent ${paymentIntentId}`);
      const amount = amountIdr === undefined ? intent.amount - intent.amount_refunded : amountIdr * 100;
      if (!Number.isSafeInteger(amount) || amount <= 0 || intent.amount_refunded + amount > intent.amount) {
        throw new Error(`fake Stripe: cannot refund ${amount} of ${intent.amount - intent.amount_refunded} left`);
      }
      intent.amount_refunded += amount;
      return sendEvent('charge.refunded', chargeOf(intent));
    },
    signEvent,
    sendEvent,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      await fake.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  return fake;

  // ── HTTP ──────────────────────────────────────────────────────────────────────────────────

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const rawBody = await readBody(req);
    if (url.pathname.startsWith('/v1/')) {
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        headers: req.headers,
        idempotencyKey: header(req.headers, 'idempotency-key'),
        stripeVersion: header(req.headers, 'stripe-version'),
        body: parseForm(req.method === 'GET' ? url.search.slice(1) : rawBody),
        rawBody,
        status: 0,
      };
      requests.push(record);
      const { answer, replayed } = api(record);
      record.status = answer.status;
      send(res, answer.status, answer.json, replayed ? { 'Idempotent-Replayed': 'true' } : {});
      return;
    }
    const onboard = /^\/onboard\/([^/]+)$/.exec(url.pathname);
    if (onboard && req.method === 'GET') {
      // The hosted onboarding: finishing it enables charges and payouts, then returns to Canting.
      const account = accounts.get(decodeURIComponent(onboard[1] ?? ''));
      if (!account) return sendHtml(res, 404, '<h1>No such account</h1>');
      Object.assign(account, { charges_enabled: true, payouts_enabled: true, details_submitted: true });
      res.writeHead(303, { Location: links.get(account.id) ?? '/' });
      res.end();
      return;
    }
    const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (pay && req.method === 'GET') {
      await hostedPage(decodeURIComponent(pay[1] ?? ''), url.searchParams.has('cancel'), res);
      return;
    }
    sendHtml(res, 404, '<h1>Not found</h1>');
  }

  function api(request: RecordedRequest): { answer: ApiAnswer; replayed: boolean } {
    const failure = failures.shift();
    if (failure !== undefined) {
      return { answer: { status: failure, json: { error: { type: 'api_error', message: `Fake Stripe: simulated ${failure}.` } } }, replayed: false };
    }
    const auth = header(request.headers, 'authorization');
    if (!auth || !/^Bearer (sk|rk)_(test|live)_\S+$/.test(auth)) {
      return { answer: invalid(401, 'Invalid API Key provided.'), replayed: false };
    }
    const key = request.method === 'POST' ? request.idempotencyKey : undefined;
    const params = canonical(request.body);
    if (key) {
      const saved = idempotent.get(key);
      if (saved) {
        if (saved.method === request.method && saved.path === request.path && saved.params === params) {
          return { answer: saved.answer, replayed: true };
        }
        return {
          answer: {
            status: 400,
            json: {
              error: {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              },
            },
          },
          replayed: false,
        };
      }
    }
    const answer = route(request);
    // Stripe keeps the answer of a request it started to execute, not of one refused at validation.
    if (key && answer.status !== 400 && answer.status !== 401 && answer.status !== 404) {
      idempotent.set(key, { method: request.method, path: request.path, params, answer });
    }
    return { answer, replayed: false };
  }

  function route(request: RecordedRequest): ApiAnswer {
    const { method, path } = request;
    // Connect: Express accounts and their onboarding links (just enough for the portal's button).
    if (method === 'POST' && path === '/v1/accounts') {
      const body = request.body;
      if (body.type !== 'express') return invalid(400, 'Canting rule: connected accounts are Express accounts', 'type');
      const id = `acct_fake_${(accounts.size + 1).toString().padStart(6, '0')}`;
      const account = { id, object: 'account', type: 'express', email: body.email ?? null, country: body.country ?? 'ID', charges_enabled: false, payouts_enabled: false, details_submitted: false };
      accounts.set(id, account);
      return { status: 200, json: account };
    }
    const accountMatch = /^\/v1\/accounts\/([^/]+)$/.exec(path);
    if (method === 'GET' && accountMatch) {
      const account = accounts.get(decodeURIComponent(accountMatch[1] ?? ''));
      return account ? { status: 200, json: account } : invalid(404, `No such account: '${accountMatch[1]}'`, 'account');
    }
    if (method === 'POST' && path === '/v1/account_links') {
      const body = request.body;
      const account = accounts.get(String(body.account ?? ''));
      if (!account) return invalid(400, `No such account: '${String(body.account)}'`, 'account');
      if (body.type !== 'account_onboarding' || !body.refresh_url || !body.return_url) return invalid(400, 'account_onboarding links need refresh_url and return_url', 'type');
      links.set(account.id, String(body.return_url));
      return { status: 200, json: { object: 'account_link', url: `${base}/onboard/${account.id}`, expires_at: Math.floor(Date.now() / 1000) + 300 } };
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(request);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(request);
    if (method === 'POST' && path === '/v1/transfers') return createTransfer(request);
    const intentMatch = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && intentMatch) {
      const intent = paymentIntents.get(decodeURIComponent(intentMatch[1] ?? ''));
      return intent ? { status: 200, json: intent } : invalid(404, `No such payment_intent: '${intentMatch[1]}'`, 'intent');
    }
    const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const session = lookUp(decodeURIComponent(one[1] ?? ''));
      return session ? { status: 200, json: session } : missing(one[1] ?? '');
    }
    const expireMatch = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === 'POST' && expireMatch) {
      const session = lookUp(decodeURIComponent(expireMatch[1] ?? ''));
      if (!session) return missing(expireMatch[1] ?? '');
      if (session.status !== 'open') {
        return invalid(400, `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
      }
      expire(session);
      background(sendEventIfListening('checkout.session.expired', session));
      return { status: 200, json: session };
    }
    return invalid(404, `Unrecognized request URL (${method}: ${path}). The fake Stripe implements only Checkout Sessions, refunds and Express accounts.`);
  }

  function createRefund(request: RecordedRequest): ApiAnswer {
    const key = request.idempotencyKey;
    if (!key || key.startsWith('stripe-node-retry-')) {
      return invalid(400, 'Canting rule: every refund carries an Idempotency-Key derived from the order, so a retry cannot refund twice.');
    }
    const body = request.body;
    const byCharge = text(body.charge);
    const intent = text(body.payment_intent)
      ? paymentIntents.get(text(body.payment_intent)!)
      : byCharge
        ? [...paymentIntents.values()].find((i) => i.latest_charge === byCharge)
        : undefined;
    if (!text(body.payment_intent) && !byCharge) return invalid(400, 'One of the following params should be provided for this request: payment_intent or charge.');
    if (!intent) return invalid(400, `No such payment_intent: '${text(body.payment_intent) ?? byCharge}'`, text(body.payment_intent) ? 'payment_intent' : 'charge');
    const left = intent.amount - intent.amount_refunded;
    const amount = body.amount === undefined ? left : integer(body.amount);
    if (amount === null || amount <= 0) return invalid(400, 'Invalid positive integer', 'amount');
    if (left === 0) return invalid(400, `Charge ${intent.latest_charge} has already been refunded.`);
    if (amount > left) {
      return invalid(400, `Refund amount (Rp ${amount / 100}) is greater than unrefunded amount on charge (Rp ${left / 100})`, 'amount');
    }
    intent.amount_refunded += amount;
    const refund: FakeRefund = {
      id: `re_${randomId(24)}`,
      object: 'refund',
      amount,
      charge: intent.latest_charge,
      created: nowSeconds(),
      currency: intent.currency,
      metadata: stringRecord(body.metadata),
      payment_intent: intent.id,
      reason: text(body.reason) ?? null,
      status: 'succeeded',
    };
    refunds.push(refund);
    background(sendEventIfListening('charge.refunded', chargeOf(intent)));
    return { status: 200, json: refund };
  }

  function createTransfer(request: RecordedRequest): ApiAnswer {
    const key = request.idempotencyKey;
    if (!key || key.startsWith('stripe-node-retry-')) return invalid(400, 'Canting rule: every transfer carries an Idempotency-Key derived from the order.');
    const body = request.body;
    const amount = integer(body.amount);
    if (amount === null || amount <= 0) return invalid(400, 'Invalid positive integer', 'amount');
    const destination = text(body.destination);
    if (!destination) return invalid(400, 'Missing required param: destination.', 'destination');
    if (!accounts.has(destination)) return invalid(400, `No such destination: '${destination}'`, 'destination');
    const group = text(body.transfer_group);
    if (!group) return invalid(400, 'Canting rule: a transfer carries its checkout number as transfer_group.', 'transfer_group');
    const source = text(body.source_transaction);
    const intent = source ? [...paymentIntents.values()].find((i) => i.latest_charge === source) : undefined;
    if (source && !intent) return invalid(400, `No such charge: '${source}'`, 'source_transaction');
    if (!text(body.currency)) return invalid(400, 'Missing required param: currency.', 'currency');
    if (intent && text(body.currency) !== intent.currency) {
      return invalid(400, `The currency of source_transaction's balance transaction (${intent.currency}) must be the same as the transfer currency (${text(body.currency)})`, 'currency');
    }
    if (intent) {
      const already = transfers.filter((t) => t.source_transaction === source).reduce((n, t) => n + t.amount, 0);
      if (already + amount > intent.amount - intent.amount_refunded) {
        return invalid(400, `Transfers from ${source} would exceed the charge: ${already + amount} of ${intent.amount - intent.amount_refunded} available.`, 'amount');
      }
    }
    const transfer: FakeTransfer = {
      id: `tr_${randomId(24)}`,
      object: 'transfer',
      amount,
      currency: text(body.currency)!,
      destination,
      source_transaction: source ?? null,
      transfer_group: group,
      created: nowSeconds(),
    };
    transfers.push(transfer);
    return { status: 200, json: transfer };
  }

  function chargeOf(intent: FakePaymentIntent) {
    return {
      id: intent.latest_charge,
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: intent.amount_refunded,
      captured: true,
      created: nowSeconds(),
      currency: intent.currency,
      livemode: false,
      metadata: intent.metadata,
      paid: true,
      payment_intent: intent.id,
      refunded: intent.amount_refunded === intent.amount,
      status: 'succeeded',
    };
  }

  function createSession(request: RecordedRequest): ApiAnswer {
    const refusal = checkCreate(request);
    if (refusal) return invalid(400, refusal.message, refusal.param);
    const body = request.body;
    const lineItems = asArray(body.line_items).map((item) => {
      const entry = asObject(item);
      const price = asObject(entry.price_data);
      return { name: text(asObject(price.product_data).name) ?? '', quantity: Number(entry.quantity), unitAmount: Number(price.unit_amount) };
    });
    const total = lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
    const id = `cs_test_${randomId(58)}`;
    const session: FakeSession = {
      id,
      object: 'checkout.session',
      adaptive_pricing: { enabled: text(asObject(body.adaptive_pricing).enabled) !== 'false' },
      amount_subtotal: total,
      amount_total: total,
      cancel_url: text(body.cancel_url) ?? null,
      client_reference_id: text(body.client_reference_id) ?? null,
      created: nowSeconds(),
      currency: 'idr',
      customer_email: text(body.customer_email) ?? null,
      expires_at: Number(body.expires_at),
      livemode: false,
      locale: text(body.locale) ?? null,
      metadata: stringRecord(body.metadata),
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: text(body.success_url) ?? null,
      url: `${base}/pay/${id}`,
    };
    sessions.set(id, session);
    extras.set(id, { lineItems, paymentIntentData: asObject(body.payment_intent_data) });
    return { status: 200, json: session };
  }

  /** The first rule the create request breaks, or null. */
  function checkCreate(request: RecordedRequest): { message: string; param?: string } | null {
    const body = request.body;
    const key = request.idempotencyKey;
    if (!key) return { message: 'Canting rule: every Checkout Session create carries an Idempotency-Key derived from the order.' };
    if (key.startsWith('stripe-node-retry-')) {
      return { message: `Canting rule: the Idempotency-Key must be derived from the order, not the SDK's automatic ${key}.` };
    }
    if (text(body.mode) !== 'payment') return { message: 'The fake Stripe only implements `mode=payment`.', param: 'mode' };
    if (!text(body.success_url)) return { message: 'Canting rule: Missing required param: success_url.', param: 'success_url' };
    if (!text(body.cancel_url)) return { message: 'Canting rule: Missing required param: cancel_url.', param: 'cancel_url' };
    if (body.currency !== undefined && text(body.currency) !== 'idr') {
      return { message: `Canting rule: sessions are charged in idr, not ${String(text(body.currency))}.`, param: 'currency' };
    }
    const items = asArray(body.line_items);
    if (items.length === 0) return { message: 'Missing required param: line_items.', param: 'line_items' };
    let total = 0;
    for (const [i, item] of items.entries()) {
      const entry = asObject(item);
      const at = `line_items[${i}]`;
      if (entry.price !== undefined) return { message: 'The fake Stripe only implements price_data line items.', param: `${at}[price]` };
      const price = asObject(entry.price_data);
      if (entry.price_data === undefined) return { message: `Missing required param: ${at}[price_data].`, param: `${at}[price_data]` };
      if (text(price.currency) !== 'idr') {
        return { message: `Canting rule: line items are priced in idr, not ${String(text(price.currency))}.`, param: `${at}[price_data][currency]` };
      }
      if (!text(asObject(price.product_data).name)) {
        return { message: `Missing required param: ${at}[price_data][product_data][name].`, param: `${at}[price_data][product_data][name]` };
      }
      const unitAmount = integer(price.unit_amount);
      if (unitAmount === null || unitAmount < 0) {
        return { message: `Invalid non-negative integer: ${at}[price_data][unit_amount].`, param: `${at}[price_data][unit_amount]` };
      }
      if (unitAmount === 0 || unitAmount % 100 !== 0) {
        return {
          message: `Canting rule: IDR amounts are whole rupiah, so unit_amount must be a positive multiple of 100 (rupiah × 100), not ${unitAmount}.`,
          param: `${at}[price_data][unit_amount]`,
        };
      }
      const quantity = integer(entry.quantity);
      if (quantity === null || quantity <= 0) return { message: `Invalid positive integer: ${at}[quantity].`, param: `${at}[quantity]` };
      total += unitAmount * quantity;
    }
    if (total > MAX_IDR_AMOUNT) return { message: 'Amount must be no more than Rp 9.999.999.999,99 (twelve digits for idr).', param: 'line_items' };
    if (total < minimumTotal) {
      return { message: `The Checkout Session's total amount due must add up to at least Rp ${minimumTotal / 100} (USD 0.50 after conversion).`, param: 'line_items' };
    }
    const expiresAt = integer(body.expires_at);
    if (expiresAt === null) return { message: 'Canting rule: expires_at is required (our stock hold ends with it).', param: 'expires_at' };
    const ahead = expiresAt - nowSeconds();
    if (ahead < 30 * 60) return { message: 'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', param: 'expires_at' };
    if (ahead > 24 * 60 * 60) return { message: 'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', param: 'expires_at' };
    const reference = text(body.client_reference_id);
    if (!reference) return { message: 'Canting rule: client_reference_id (our checkout id) is required.', param: 'client_reference_id' };
    if (reference.length > 200) return { message: 'client_reference_id can be at most 200 characters.', param: 'client_reference_id' };
    if (body.locale !== undefined && !LOCALES.has(text(body.locale) ?? '')) return { message: `Invalid locale: ${String(text(body.locale))}.`, param: 'locale' };
    if (body.customer_email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(text(body.customer_email) ?? '')) {
      return { message: 'Invalid email address.', param: 'customer_email' };
    }
    const metadataProblem = checkMetadata(body.metadata, 'metadata');
    if (metadataProblem) return metadataProblem;
    if (!stringRecord(body.metadata).checkout_number) {
      return { message: 'Canting rule: metadata[checkout_number] is required (one session pays one checkout).', param: 'metadata[checkout_number]' };
    }
    const intentData = asObject(body.payment_intent_data);
    const intentMetadataProblem = checkMetadata(intentData.metadata, 'payment_intent_data[metadata]');
    if (intentMetadataProblem) return intentMetadataProblem;
    const destination = text(asObject(intentData.transfer_data).destination);
    const fee = intentData.application_fee_amount;
    if (destination !== undefined && !/^acct_\w+$/.test(destination)) {
      return { message: `No such destination: '${destination}'.`, param: 'payment_intent_data[transfer_data][destination]' };
    }
    if (fee !== undefined && destination === undefined) {
      return {
        message: 'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
        param: 'payment_intent_data[application_fee_amount]',
      };
    }
    if (destination !== undefined) {
      const feeAmount = integer(fee);
      if (feeAmount === null) {
        return { message: 'Canting rule: a destination charge carries the cooperative commission as application_fee_amount.', param: 'payment_intent_data[application_fee_amount]' };
      }
      if (feeAmount < 0 || feeAmount >= total) {
        return { message: `application_fee_amount (${feeAmount}) must be less than the total (${total}).`, param: 'payment_intent_data[application_fee_amount]' };
      }
    }
    return null;
  }

  async function hostedPage(id: string, cancel: boolean, res: ServerResponse): Promise<void> {
    const session = lookUp(id);
    if (!session) return sendHtml(res, 404, '<h1>Halaman pembayaran tidak ditemukan</h1>');
    if (cancel && session.status === 'open') return redirect(res, session.cancel_url ?? '/');
    if (session.status === 'expired') {
      const back = session.cancel_url ? `<a href="${escapeHtml(session.cancel_url)}">Kembali</a>` : '';
      return sendHtml(res, 410, `<h1>Sesi pembayaran ini sudah kedaluwarsa</h1>${back}`);
    }
    if (session.status === 'open') {
      pay(session);
      // Stripe posts webhooks asynchronously; waiting here keeps tests free of sleeps: by the time
      // the browser reaches success_url, the fulfilment webhook has been answered.
      await sendEventIfListening('checkout.session.completed', session);
    }
    redirect(res, (session.success_url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', session.id));
  }

  // ── state ─────────────────────────────────────────────────────────────────────────────────

  function mustFind(id: string): FakeSession {
    const session = sessions.get(id);
    if (!session) throw new Error(`fake Stripe: no session ${id}`);
    return session;
  }

  /** A session by id; one whose `expires_at` has passed expires now, as Stripe's would. */
  function lookUp(id: string): FakeSession | undefined {
    const session = sessions.get(id);
    if (session && session.status === 'open' && nowSeconds() >= session.expires_at) {
      expire(session);
      background(sendEventIfListening('checkout.session.expired', session));
    }
    return session;
  }

  function pay(session: FakeSession): void {
    const intentData = extras.get(session.id)?.paymentIntentData ?? {};
    const fee = integer(intentData.application_fee_amount);
    const destination = text(asObject(intentData.transfer_data).destination);
    const intent: FakePaymentIntent = {
      id: `pi_${randomId(24)}`,
      object: 'payment_intent',
      amount: session.amount_total,
      amount_refunded: 0,
      currency: session.currency,
      status: 'succeeded',
      latest_charge: `ch_${randomId(24)}`,
      metadata: stringRecord(intentData.metadata),
      application_fee_amount: fee,
      transfer_data: destination ? { destination } : null,
      checkout_session: session.id,
    };
    paymentIntents.set(intent.id, intent);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = intent.id;
    session.url = null;
  }

  function expire(session: FakeSession): void {
    session.status = 'expired';
    session.url = null;
  }

  // ── events ────────────────────────────────────────────────────────────────────────────────

  function signEvent(type: string, object: unknown, signOptions: { secret?: string; timestamp?: number } = {}): SignedEvent {
    const event: FakeEvent = {
      id: `evt_${randomId(24)}`,
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: nowSeconds(),
      // A snapshot: later changes to the session must not change an event already sent.
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    // Stripe's bodies are pretty-printed: a receiver that re-serialises JSON breaks the signature.
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: signOptions.secret ?? webhookSecret,
      ...(signOptions.timestamp === undefined ? {} : { timestamp: signOptions.timestamp }),
    });
    return { event, payload, signature };
  }

  async function sendEvent(type: string, object: unknown): Promise<WebhookDelivery> {
    if (!fake.webhookUrl) throw new Error('fake Stripe: set webhookUrl before sending events');
    return deliver(fake.webhookUrl, signEvent(type, object));
  }

  /** Records the event, and posts it when someone listens (API-triggered events need no receiver). */
  async function sendEventIfListening(type: string, object: unknown): Promise<WebhookDelivery | null> {
    if (fake.webhookUrl) return deliver(fake.webhookUrl, signEvent(type, object));
    events.push(signEvent(type, object).event);
    return null;
  }

  async function deliver(target: string, signed: SignedEvent): Promise<WebhookDelivery> {
    events.push(signed.event);
    let status = 0;
    let responseBody = '';
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Stripe-Signature': signed.signature,
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: signed.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      responseBody = await response.text();
    } catch (error) {
      responseBody = String(error);
    }
    // Stripe would retry a non-2xx delivery for days; tests see the failure here instead.
    const delivery: WebhookDelivery = { ...signed, status, responseBody };
    deliveries.push(delivery);
    return delivery;
  }

  function background(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
}

// ── form bodies ─────────────────────────────────────────────────────────────────────────────

/**
 * Decodes a form body the way Stripe reads the SDK's encoding: `a[b][0][c]=v` becomes
 * `{ a: { b: [{ c: 'v' }] } }` (objects whose keys are 0…n-1 become arrays).
 */
export function parseForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split('[').map((part, i) => (i === 0 ? part : part.replace(/\]$/, '')));
    let node: { [key: string]: FormValue } = root;
    for (const [i, part] of path.entries()) {
      if (i === path.length - 1) {
        node[part] = value;
      } else {
        const next = node[part];
        node = next !== undefined && typeof next === 'object' && !Array.isArray(next) ? next : (node[part] = {});
      }
    }
  }
  return toArrays(root) as FormObject;
}

/**
 * Encodes params as the SDK does (`a[b][0][c]=v`), for tests that talk to the fake without the SDK.
 *
 * @example encodeForm({ line_items: [{ quantity: 1 }] }) // 'line_items[0][quantity]=1'
 */
export function encodeForm(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) value.forEach((v, i) => add(`${key}[${i}]`, v));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    else pairs.push(`${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return pairs.join('&');
}

function toArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: { [key: string]: FormValue } = {};
  for (const key of keys) converted[key] = toArrays(value[key] as FormValue);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => converted[k] as FormValue);
  return converted;
}

/** Order-independent form of a body, for comparing a replayed request with the first one. */
function canonical(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k] as FormValue)}`)
    .join(',')}}`;
}

function checkMetadata(value: FormValue | undefined, param: string): { message: string; param: string } | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return { message: `Invalid object: ${param}.`, param };
  const entries = Object.entries(value);
  if (entries.length > 50) return { message: 'Metadata can have at most 50 keys.', param };
  for (const [key, v] of entries) {
    if (key.length > 40) return { message: `Metadata keys can be at most 40 characters (${key}).`, param: `${param}[${key}]` };
    if (typeof v !== 'string' || v.length > 500) return { message: `Metadata values are strings of at most 500 characters (${key}).`, param: `${param}[${key}]` };
  }
  return null;
}

// ── small helpers ───────────────────────────────────────────────────────────────────────────

function asObject(value: FormValue | undefined): { [key: string]: FormValue } {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function asArray(value: FormValue | undefined): FormValue[] {
  return Array.isArray(value) ? value : [];
}

function text(value: FormValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function integer(value: FormValue | undefined): number | null {
  const s = text(value);
  return s !== undefined && /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : null;
}

function stringRecord(value: FormValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObject(value))) if (typeof v === 'string') out[k] = v;
  return out;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomId(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

function invalid(status: number, message: string, param?: string): ApiAnswer {
  const code = status === 404 && message.startsWith('No such') ? { code: 'resource_missing' } : {};
  return { status, json: { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...code } } };
}

function missing(id: string): ApiAnswer {
  return invalid(404, `No such checkout.session: '${decodeURIComponent(id)}'`, 'session');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Request-Id': `req_${randomId(14)}`,
    'Stripe-Version': STRIPE_API_VERSION,
    ...headers,
  });
  res.end(JSON.stringify(json));
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="id"><meta charset="utf-8"><title>Fake Stripe Checkout</title>${body}</html>`);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location });
  res.end();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
