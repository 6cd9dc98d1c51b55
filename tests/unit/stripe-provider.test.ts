/**
 * The Stripe Checkout provider against the fake Stripe (tests/fakes/fake-stripe.ts), which checks
 * every request the SDK sends and signs its events with the real SDK. A webhook receiver stands in
 * for our `POST /api/stripe/webhook` and keeps the raw bodies and signatures it was sent.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EXPIRY_STEP_SECONDS,
  checkoutExpiry,
  checkoutIdempotencyKey,
  createStripeProvider,
} from '../../src/lib/commerce/payments/stripe-provider.ts';
import type { PaymentOrder, StripeProvider } from '../../src/lib/commerce/payments/types.ts';
import { AppError } from '../../src/lib/errors.ts';
import { CONTRACT_URLS as URLS, buildPaymentOrder } from '../contract/payment-provider.contract.ts';
import { STRIPE_API_VERSION, encodeForm, startFakeStripe, type FakeStripe, type RecordedRequest } from '../fakes/fake-stripe.ts';

const SECRET = 'whsec_unit_test_secret';
const SECRET_KEY = 'sk_test_unit';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** Our webhook endpoint's stand-in: keeps what it is sent, answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"received":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let fake: FakeStripe;
let provider: StripeProvider;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startFakeStripe({ webhookSecret: SECRET, webhookUrl: receiver.url });
  // No SDK retries here (they wait 0.5 s and more); one test below turns them on.
  provider = createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: SECRET, apiBase: fake.url, maxNetworkRetries: 0 });
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
});

afterEach(() => {
  vi.useRealTimers();
});

function createRequests(order?: PaymentOrder): RecordedRequest[] {
  const all = fake.requestsTo('/v1/checkout/sessions', 'POST');
  return order ? all.filter((r) => r.idempotencyKey === checkoutIdempotencyKey(order)) : all;
}

function lastCreate(order: PaymentOrder): RecordedRequest {
  const request = createRequests(order).at(-1);
  if (!request) throw new Error(`no create request for ${order.number}`);
  return request;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

// ── start ─────────────────────────────────────────────────────────────────────────────────

describe('start: the Checkout Session it creates', () => {
  it('sends rupiah × 100 in idr, shipping as one more line, and the checkout in reference, metadata and locale', async () => {
    const order = buildPaymentOrder({
      lines: [
        { name: 'Kain panjang batik tulis motif Kopi', quantity: 1, unitPriceIdr: 850_000 },
        { name: 'Selendang batik cap motif Tengkiang', quantity: 2, unitPriceIdr: 175_000 },
      ],
      shipping: { name: 'Ongkos kirim JNE REG', amountIdr: 38_000 },
    });
    const before = nowSeconds();
    const started = await provider.start(order, URLS, { expiresInMinutes: 60 });
    const after = nowSeconds();

    const { body } = lastCreate(order);
    expect(body).toMatchObject({
      mode: 'payment',
      customer_email: 'sari.wulandari@example.id',
      locale: 'id',
      client_reference_id: order.id,
      metadata: { checkout_id: order.id, checkout_number: order.number },
      payment_intent_data: { metadata: { checkout_id: order.id, checkout_number: order.number } },
      success_url: URLS.successUrl,
      cancel_url: URLS.cancelUrl,
      adaptive_pricing: { enabled: 'false' },
    });
    // Form values arrive as strings, exactly as Stripe reads them.
    expect(body.line_items).toEqual([
      { quantity: '1', price_data: { currency: 'idr', unit_amount: '85000000', product_data: { name: 'Kain panjang batik tulis motif Kopi' } } },
      { quantity: '2', price_data: { currency: 'idr', unit_amount: '17500000', product_data: { name: 'Selendang batik cap motif Tengkiang' } } },
      { quantity: '1', price_data: { currency: 'idr', unit_amount: '3800000', product_data: { name: 'Ongkos kirim JNE REG' } } },
    ]);
    const expiresAt = Number(body.expires_at);
    expect(expiresAt % EXPIRY_STEP_SECONDS).toBe(0);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60 * 60);
    expect(expiresAt).toBeLessThanOrEqual(after + 60 * 60 + EXPIRY_STEP_SECONDS);

    const session = fake.sessions.get(started.reference);
    expect(session?.amount_total).toBe(1_238_000 * 100);
    expect(started).toEqual({ reference: session?.id, paymentUrl: `${fake.url}/pay/${session?.id}`, expiresAt: new Date(expiresAt * 1000) });
  });

  it('sends no shipping line when shipping is free, and the English locale for an English buyer', async () => {
    const order = buildPaymentOrder({ lang: 'en', shipping: { name: 'Ambil di sentra', amountIdr: 0 } });
    await provider.start(order, URLS, { expiresInMinutes: 30 });
    const { body } = lastCreate(order);
    expect(body.locale).toBe('en');
    expect(body.line_items).toHaveLength(2);
    expect(JSON.stringify(body.line_items)).not.toContain('Ambil di sentra');
  });

  it('keeps expires_at inside Stripe’s 30 min – 24 h window at both ends', async () => {
    const short = buildPaymentOrder();
    const long = buildPaymentOrder();
    const now = nowSeconds();
    await provider.start(short, URLS, { expiresInMinutes: 30 });
    await provider.start(long, URLS, { expiresInMinutes: 1440 });
    const shortAhead = Number(lastCreate(short).body.expires_at) - now;
    const longAhead = Number(lastCreate(long).body.expires_at) - now;
    expect(shortAhead).toBeGreaterThan(30 * 60);
    expect(shortAhead).toBeLessThanOrEqual(36 * 60 + 1);
    expect(longAhead).toBeLessThan(24 * 60 * 60);
    expect(longAhead).toBeGreaterThanOrEqual(24 * 60 * 60 - 6 * 60 - 1);
  });

  it('carries the API version the SDK pins and an idempotency key derived from the order', async () => {
    const order = buildPaymentOrder();
    await provider.start(order, URLS, { expiresInMinutes: 60 });
    const request = lastCreate(order);
    expect(request.idempotencyKey).toBe(`canting-checkout-${order.id}`);
    expect(request.stripeVersion).toBe(STRIPE_API_VERSION);
    expect(STRIPE_API_VERSION).toBe('2026-10-28.endive');
    expect(request.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
  });

  it('returns the same session when the same order is started twice', async () => {
    const order = buildPaymentOrder();
    const sessionsBefore = fake.sessions.size;
    const first = await provider.start(order, URLS, { expiresInMinutes: 60 });
    const again = await provider.start(order, URLS, { expiresInMinutes: 60 });
    expect(again).toEqual(first);
    expect(fake.sessions.size).toBe(sessionsBefore + 1);
    expect(createRequests(order).map((r) => r.status)).toEqual([200, 200]);
  });

  it('still returns the same session when the order is started again minutes later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const order = buildPaymentOrder();
    const first = await provider.start(order, URLS, { expiresInMinutes: 30 });
    vi.setSystemTime(Date.now() + 7 * 60_000);
    const again = await provider.start(order, URLS, { expiresInMinutes: 30 });
    expect(again.reference).toBe(first.reference);
    expect(again.expiresAt).toEqual(first.expiresAt);
    // Its expires_at moved to a later step: Stripe refuses the changed parameters, and the retry
    // with the earlier step replays the first session.
    const statuses = createRequests(order).map((r) => r.status);
    expect(statuses[0]).toBe(200);
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.slice(1, -1).length).toBeGreaterThanOrEqual(1);
    expect(statuses.slice(1, -1).every((s) => s === 400)).toBe(true);
  });

  it('reports a conflict when the same order comes back with other details, and makes no second session', async () => {
    const order = buildPaymentOrder();
    await provider.start(order, URLS, { expiresInMinutes: 60 });
    const sessionsBefore = fake.sessions.size;
    const error = await rejection(provider.start({ ...order, buyerEmail: 'orang.lain@example.id' }, URLS, { expiresInMinutes: 60 }));
    expect(error.code).toBe('conflict');
    expect(fake.sessions.size).toBe(sessionsBefore);
  });

  it('adds the checkout number as transfer_group in connect mode (separate charges and transfers), and no destination charge', async () => {
    const order = buildPaymentOrder({ transferGroup: 'CO-2026-000042' });
    await provider.start(order, URLS, { expiresInMinutes: 60 });
    expect(lastCreate(order).body.payment_intent_data).toEqual({
      metadata: { checkout_id: order.id, checkout_number: order.number },
      transfer_group: 'CO-2026-000042',
    });
  });

  it('sends no transfer group in platform mode', async () => {
    const order = buildPaymentOrder({ transferGroup: undefined });
    await provider.start(order, URLS, { expiresInMinutes: 60 });
    expect(lastCreate(order).body.payment_intent_data).toEqual({ metadata: { checkout_id: order.id, checkout_number: order.number } });
  });

  it.each([
    ['a total the lines do not make', (o: PaymentOrder): PaymentOrder => ({ ...o, totalIdr: o.totalIdr + 1 })],
    ['a fraction of a rupiah', (o: PaymentOrder): PaymentOrder => ({ ...o, lines: [{ name: 'Kain', quantity: 1, unitPriceIdr: 100_000.5 }], shipping: { name: 'JNE', amountIdr: 0 }, totalIdr: 100_000.5 })],
    ['a negative shipping', (o: PaymentOrder): PaymentOrder => ({ ...o, shipping: { name: 'JNE', amountIdr: -38_000 }, totalIdr: o.totalIdr - 76_000 })],
    ['no lines at all', (o: PaymentOrder): PaymentOrder => ({ ...o, lines: [], totalIdr: o.shipping.amountIdr })],
  ])('refuses %s before calling Stripe (internal)', async (_label, broken) => {
    const before = fake.requests.length;
    const error = await rejection(provider.start(broken(buildPaymentOrder()), URLS, { expiresInMinutes: 60 }));
    expect(error.code).toBe('internal');
    expect(fake.requests.length).toBe(before);
  });

  it.each([29, 1441, 45.5, 0])('refuses a hold of %s minutes before calling Stripe (invalid)', async (minutes) => {
    const before = fake.requests.length;
    const error = await rejection(provider.start(buildPaymentOrder(), URLS, { expiresInMinutes: minutes }));
    expect(error.code).toBe('invalid');
    expect(fake.requests.length).toBe(before);
  });
});

describe('checkoutExpiry', () => {
  it.each([30, 45, 60, 720, 1440])('stays inside Stripe’s window, on 5-minute steps, never going back, for %i minutes', (minutes) => {
    const start = 1_800_000_000;
    let previous = 0;
    for (let now = start; now < start + 1_500; now += 7) {
      const at = checkoutExpiry(now, minutes);
      expect(at % EXPIRY_STEP_SECONDS).toBe(0);
      expect(at - now).toBeGreaterThan(30 * 60);
      expect(at - now).toBeLessThan(24 * 60 * 60);
      expect(Math.abs(at - (now + minutes * 60))).toBeLessThanOrEqual(6 * 60);
      expect(at).toBeGreaterThanOrEqual(previous);
      previous = at;
    }
  });

  it('gives the value of earlier steps with stepsBack', () => {
    expect(checkoutExpiry(1_800_000_000, 60, 2)).toBe(checkoutExpiry(1_800_000_000, 60) - 2 * EXPIRY_STEP_SECONDS);
  });
});

// ── retrieveSession, expireSession, the hosted page ──────────────────────────────────────────

describe('retrieveSession', () => {
  it('maps an open session to ours, the amount back in rupiah', async () => {
    const order = buildPaymentOrder();
    const started = await provider.start(order, URLS, { expiresInMinutes: 60 });
    expect(await provider.retrieveSession(started.reference)).toEqual({
      reference: started.reference,
      checkoutId: order.id,
      status: 'open',
      paymentStatus: 'unpaid',
      paymentIntentId: null,
      amountTotalIdr: order.totalIdr,
    });
  });

  it('shows a paid session as complete, with its payment intent', async () => {
    const order = buildPaymentOrder();
    const started = await provider.start(order, URLS, { expiresInMinutes: 60 });
    await fake.completeSession(started.reference, { sendWebhook: false });
    expect(await provider.retrieveSession(started.reference)).toMatchObject({
      status: 'complete',
      paymentStatus: 'paid',
      paymentIntentId: expect.stringMatching(/^pi_/),
      amountTotalIdr: order.totalIdr,
    });
  });

  it('answers not_found for an unknown session and invalid for something that is not a session id', async () => {
    expect((await rejection(provider.retrieveSession('cs_test_doesnotexist'))).code).toBe('not_found');
    const before = fake.requests.length;
    expect((await rejection(provider.retrieveSession('../../v1/customers'))).code).toBe('invalid');
    expect(fake.requests.length).toBe(before);
  });
});

describe('expireSession', () => {
  it('expires an open session, and Stripe then sends checkout.session.expired', async () => {
    const started = await provider.start(buildPaymentOrder(), URLS, { expiresInMinutes: 60 });
    await provider.expireSession(started.reference);
    expect(fake.sessions.get(started.reference)?.status).toBe('expired');
    expect(fake.requestsTo(`/v1/checkout/sessions/${started.reference}/expire`, 'POST').map((r) => r.status)).toEqual([200]);
    await fake.idle();
    const delivered = receiver.received.map((r) => provider.verifyWebhook(r.body, String(r.headers['stripe-signature'])));
    expect(delivered.find((e) => e.session?.reference === started.reference)).toMatchObject({ type: 'checkout.session.expired', session: { status: 'expired' } });
  });

  it('leaves an already expired session alone', async () => {
    const started = await provider.start(buildPaymentOrder(), URLS, { expiresInMinutes: 60 });
    await fake.expireSession(started.reference, { sendWebhook: false });
    await expect(provider.expireSession(started.reference)).resolves.toBeUndefined();
    expect(fake.requestsTo(`/v1/checkout/sessions/${started.reference}/expire`, 'POST').map((r) => r.status)).toEqual([400]);
  });

  it('leaves a paid session alone', async () => {
    const started = await provider.start(buildPaymentOrder(), URLS, { expiresInMinutes: 60 });
    await fake.completeSession(started.reference, { sendWebhook: false });
    await expect(provider.expireSession(started.reference)).resolves.toBeUndefined();
    expect(fake.sessions.get(started.reference)?.status).toBe('complete');
  });
});

describe('the fake’s hosted checkout page', () => {
  it('pays, posts a signed checkout.session.completed, then sends the buyer to success_url', async () => {
    const order = buildPaymentOrder();
    const started = await provider.start(order, URLS, { expiresInMinutes: 60 });
    const receivedBefore = receiver.received.length;
    const response = await fetch(started.paymentUrl ?? '', { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`https://canting.test/id/orders/CTG?session_id=${started.reference}`);
    // The webhook was answered before the redirect.
    const [delivery] = receiver.received.slice(receivedBefore);
    expect(delivery?.headers['content-type']).toBe('application/json; charset=utf-8');
    const event = provider.verifyWebhook(delivery?.body ?? '', String(delivery?.headers['stripe-signature']));
    expect(event).toEqual({
      id: expect.stringMatching(/^evt_/),
      type: 'checkout.session.completed',
      session: {
        reference: started.reference,
        checkoutId: order.id,
        status: 'complete',
        paymentStatus: 'paid',
        paymentIntentId: fake.sessions.get(started.reference)?.payment_intent,
        amountTotalIdr: order.totalIdr,
      },
    });
  });

  it('sends the buyer back to cancel_url, and refuses an expired session', async () => {
    const started = await provider.start(buildPaymentOrder(), URLS, { expiresInMinutes: 60 });
    const cancelled = await fetch(`${started.paymentUrl}?cancel=1`, { redirect: 'manual' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(URLS.cancelUrl);
    await fake.expireSession(started.reference, { sendWebhook: false });
    expect((await fetch(started.paymentUrl ?? '', { redirect: 'manual' })).status).toBe(410);
  });
});

// ── webhooks ────────────────────────────────────────────────────────────────────────────────

describe('verifyWebhook', () => {
  async function openSession() {
    const order = buildPaymentOrder();
    const started = await provider.start(order, URLS, { expiresInMinutes: 60 });
    const session = fake.sessions.get(started.reference);
    if (!session) throw new Error('no session');
    return { order, session };
  }

  it.each(['checkout.session.completed', 'checkout.session.expired', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed'])(
    'maps %s to our session',
    async (type) => {
      const { order, session } = await openSession();
      const signed = fake.signEvent(type, session);
      expect(provider.verifyWebhook(signed.payload, signed.signature)).toEqual({
        id: signed.event.id,
        type,
        session: { reference: session.id, checkoutId: order.id, status: 'open', paymentStatus: 'unpaid', paymentIntentId: null, amountTotalIdr: order.totalIdr },
      });
    },
  );

  it('maps charge.refunded to the refunded payment intent, fully or not', async () => {
    const { session } = await openSession();
    await fake.completeSession(session.id, { sendWebhook: false });
    const paymentIntentId = session.payment_intent ?? '';
    const partial = await fake.refund(paymentIntentId, { amountIdr: 50_000 });
    expect(partial.status).toBe(200);
    expect(provider.verifyWebhook(partial.payload, partial.signature)).toEqual({
      id: partial.event.id,
      type: 'charge.refunded',
      refund: { paymentIntentId, fullyRefunded: false },
    });
    const rest = await fake.refund(paymentIntentId);
    expect(provider.verifyWebhook(rest.payload, rest.signature).refund).toEqual({ paymentIntentId, fullyRefunded: true });
  });

  it('passes other event types through with only their id and type', () => {
    const signed = fake.signEvent('payment_intent.created', { id: 'pi_123', object: 'payment_intent' });
    expect(provider.verifyWebhook(signed.payload, signed.signature)).toEqual({ id: signed.event.id, type: 'payment_intent.created' });
  });

  it('refuses an event signed with another secret', async () => {
    const { session } = await openSession();
    const signed = fake.signEvent('checkout.session.completed', session, { secret: 'whsec_someone_else' });
    const error = thrown(() => provider.verifyWebhook(signed.payload, signed.signature));
    expect(error).toMatchObject({ code: 'invalid', message: 'invalid Stripe signature' });
  });

  it('refuses a tampered body, even one that only changes the formatting', async () => {
    const { session } = await openSession();
    const signed = fake.signEvent('checkout.session.completed', { ...session, payment_status: 'unpaid' });
    expect(thrown(() => provider.verifyWebhook(signed.payload.replace('"unpaid"', '"paid"'), signed.signature)).code).toBe('invalid');
    // Re-serialised JSON is not the body Stripe signed: the route must pass the raw text.
    expect(thrown(() => provider.verifyWebhook(JSON.stringify(JSON.parse(signed.payload)), signed.signature)).code).toBe('invalid');
  });

  it.each([null, '', 'garbage'])('refuses a missing or malformed signature header (%s)', (header) => {
    const signed = fake.signEvent('checkout.session.completed', { id: 'cs_test_x', object: 'checkout.session' });
    expect(thrown(() => provider.verifyWebhook(signed.payload, header)).code).toBe('invalid');
  });

  it('refuses a replayed event whose signature is older than five minutes', () => {
    const signed = fake.signEvent('payment_intent.created', { id: 'pi_1' }, { timestamp: nowSeconds() - 10 * 60 });
    expect(thrown(() => provider.verifyWebhook(signed.payload, signed.signature)).code).toBe('invalid');
  });
});

// ── errors ──────────────────────────────────────────────────────────────────────────────────

describe('when Stripe fails', () => {
  it('answers unavailable when Stripe cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: SECRET, apiBase: `http://127.0.0.1:${port}`, maxNetworkRetries: 0 });
    const error = await rejection(offline.start(buildPaymentOrder(), URLS, { expiresInMinutes: 60 }));
    expect(error.code).toBe('unavailable');
    expect((error.cause as { type?: string }).type).toBe('StripeConnectionError');
  });

  it('answers unavailable on a 5xx', async () => {
    const started = await provider.start(buildPaymentOrder(), URLS, { expiresInMinutes: 60 });
    fake.failNext(503);
    expect((await rejection(provider.retrieveSession(started.reference))).code).toBe('unavailable');
  });

  it('lets the SDK retry a 5xx with the same idempotency key, so the retry cannot make a second session', async () => {
    const patient = createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: SECRET, apiBase: fake.url, maxNetworkRetries: 1 });
    const order = buildPaymentOrder();
    fake.failNext(500);
    const started = await patient.start(order, URLS, { expiresInMinutes: 60 });
    const attempts = createRequests(order);
    expect(attempts.map((r) => [r.status, r.idempotencyKey])).toEqual([
      [500, checkoutIdempotencyKey(order)],
      [200, checkoutIdempotencyKey(order)],
    ]);
    expect(fake.sessions.has(started.reference)).toBe(true);
  });

  it('answers internal with Stripe’s message when Stripe refuses our request', async () => {
    // Rp 5.000 is below Stripe's minimum charge (USD 0.50 after conversion).
    const order = buildPaymentOrder({ lines: [{ name: 'Stiker motif Kopi', quantity: 1, unitPriceIdr: 5_000 }], shipping: { name: 'Ambil sendiri', amountIdr: 0 } });
    const error = await rejection(provider.start(order, URLS, { expiresInMinutes: 60 }));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('must add up to at least');
  });

  it('answers internal for a rejected API key: it is our configuration, not the buyer', async () => {
    const wrongKey = createStripeProvider({ secretKey: 'sk_live_', webhookSecret: SECRET, apiBase: fake.url, maxNetworkRetries: 0 });
    const error = await rejection(wrongKey.start(buildPaymentOrder(), URLS, { expiresInMinutes: 60 }));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('401');
  });
});

// ── the fake's own rules ────────────────────────────────────────────────────────────────────

describe('the fake Stripe refuses what Stripe (or Canting) would', () => {
  function validParams(): Record<string, unknown> {
    const orderId = randomUUID();
    return {
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'idr', unit_amount: 35_000_000, product_data: { name: 'Kain batik motif Kopi' } } }],
      customer_email: 'sari.wulandari@example.id',
      locale: 'id',
      client_reference_id: orderId,
      metadata: { checkout_id: orderId, checkout_number: 'CO-2026-009999' },
      expires_at: nowSeconds() + 3600,
      success_url: URLS.successUrl,
      cancel_url: URLS.cancelUrl,
    };
  }

  async function create(params: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await fetch(`${fake.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${SECRET_KEY}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Idempotency-Key': `canting-checkout-${randomUUID()}`,
        ...headers,
      },
      body: encodeForm(params),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), json: (await response.json()) as Record<string, any> };
  }

  const withLine = (change: Record<string, unknown>, priceChange: Record<string, unknown> = {}) => (p: Record<string, unknown>) => ({
    ...p,
    line_items: [{ quantity: 1, price_data: { currency: 'idr', unit_amount: 35_000_000, product_data: { name: 'Kain' }, ...priceChange }, ...change }],
  });

  it('accepts a valid request', async () => {
    const { status, json } = await create(validParams());
    expect(status).toBe(200);
    expect(json).toMatchObject({ object: 'checkout.session', status: 'open', amount_total: 35_000_000, currency: 'idr' });
  });

  it.each<[string, (p: Record<string, unknown>) => Record<string, unknown>, string]>([
    ['a unit_amount that is not whole rupiah', withLine({}, { unit_amount: 35_000_050 }), 'line_items[0][price_data][unit_amount]'],
    ['a zero unit_amount', withLine({}, { unit_amount: 0 }), 'line_items[0][price_data][unit_amount]'],
    ['a currency other than idr', withLine({}, { currency: 'usd' }), 'line_items[0][price_data][currency]'],
    ['a zero quantity', withLine({ quantity: 0 }), 'line_items[0][quantity]'],
    ['expires_at 10 minutes ahead', (p) => ({ ...p, expires_at: nowSeconds() + 600 }), 'expires_at'],
    ['expires_at 25 hours ahead', (p) => ({ ...p, expires_at: nowSeconds() + 25 * 3600 }), 'expires_at'],
    ['no client_reference_id', (p) => ({ ...p, client_reference_id: undefined }), 'client_reference_id'],
    ['no metadata[checkout_number]', (p) => ({ ...p, metadata: { checkout_id: 'x' } }), 'metadata[checkout_number]'],
    ['no success_url', (p) => ({ ...p, success_url: undefined }), 'success_url'],
    ['no cancel_url', (p) => ({ ...p, cancel_url: undefined }), 'cancel_url'],
    ['a destination without a commission', (p) => ({ ...p, payment_intent_data: { transfer_data: { destination: 'acct_1X' } } }), 'payment_intent_data[application_fee_amount]'],
    [
      'a commission as large as the total',
      (p) => ({ ...p, payment_intent_data: { transfer_data: { destination: 'acct_1X' }, application_fee_amount: 35_000_000 } }),
      'payment_intent_data[application_fee_amount]',
    ],
    ['a commission without a destination', (p) => ({ ...p, payment_intent_data: { application_fee_amount: 100_000 } }), 'payment_intent_data[application_fee_amount]'],
    ['a total over twelve digits', withLine({ quantity: 30_000 }), 'line_items'],
  ])('refuses %s', async (_label, breakIt, param) => {
    const before = fake.sessions.size;
    const { status, json } = await create(breakIt(validParams()));
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(fake.sessions.size).toBe(before);
  });

  it('refuses a create without our idempotency key', async () => {
    const missing = await create(validParams(), { 'Idempotency-Key': '' });
    expect(missing.status).toBe(400);
    const sdkDefault = await create(validParams(), { 'Idempotency-Key': `stripe-node-retry-${randomUUID()}` });
    expect(sdkDefault.status).toBe(400);
    expect(sdkDefault.json.error.message).toContain('derived from the order');
  });

  it('refuses a request without a secret key', async () => {
    expect((await create(validParams(), { Authorization: '' })).status).toBe(401);
  });

  it('replays the same key with the same body, and refuses it with another body', async () => {
    const key = `canting-checkout-${randomUUID()}`;
    const params = validParams();
    const first = await create(params, { 'Idempotency-Key': key });
    const replay = await create(params, { 'Idempotency-Key': key });
    expect(replay).toMatchObject({ status: 200, replayed: 'true' });
    expect(replay.json.id).toBe(first.json.id);
    const changed = await create({ ...params, customer_email: 'lain@example.id' }, { 'Idempotency-Key': key });
    expect(changed.status).toBe(400);
    expect(changed.json.error.type).toBe('idempotency_error');
  });

  it('does not keep the key of a request it refused, as Stripe does not', async () => {
    const key = `canting-checkout-${randomUUID()}`;
    const params = validParams();
    expect((await create({ ...params, expires_at: nowSeconds() + 60 }, { 'Idempotency-Key': key })).status).toBe(400);
    expect((await create(params, { 'Idempotency-Key': key })).status).toBe(200);
  });
});

describe('Connect onboarding against the fake', () => {
  it('creates an Express account, links to onboarding, and reads its status before and after', async () => {
    const { startFakeStripe } = await import('../fakes/fake-stripe.ts');
    const { createStripeProvider } = await import('../../src/lib/commerce/payments/stripe-provider.ts');
    const fake = await startFakeStripe({ webhookSecret: 'whsec_connect_test' });
    try {
      const stripe = createStripeProvider({ secretKey: 'sk_test_connect', webhookSecret: 'whsec_connect_test', apiBase: fake.url, maxNetworkRetries: 0 });
      const id = await stripe.createConnectedAccount({ email: 'perajin@contoh.test', country: 'ID' });
      expect(id).toMatch(/^acct_/);
      expect(fake.requestsTo('/v1/accounts', 'POST')[0]!.body).toMatchObject({ type: 'express', country: 'ID', email: 'perajin@contoh.test' });
      expect(await stripe.accountStatus(id)).toEqual({ chargesEnabled: false, payoutsEnabled: false, detailsSubmitted: false });
      const link = await stripe.onboardingLink(id, { refreshUrl: 'http://canting.test/portal/stripe-onboarding', returnUrl: 'http://canting.test/portal/earnings' });
      const done = await fetch(link, { redirect: 'manual' });
      expect(done.headers.get('location')).toBe('http://canting.test/portal/earnings');
      expect(await stripe.accountStatus(id)).toEqual({ chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true });
      await expect(stripe.onboardingLink('not-an-account', { refreshUrl: 'x', returnUrl: 'y' })).rejects.toMatchObject({ code: 'invalid' });
    } finally {
      await fake.close();
    }
  });
});

describe('refunds and Connect transfers against the fake', () => {
  it('refunds part of a payment with our idempotency key; a retry with the key refunds nothing more; too much is refused', async () => {
    const order = buildPaymentOrder();
    const started = await provider.start(order, URLS, { expiresInMinutes: 60 });
    await fake.completeSession(started.reference, { sendWebhook: false });
    const intent = fake.sessions.get(started.reference)!.payment_intent!;
    const first = await provider.refund({ paymentIntentId: intent, amountIdr: 100_000, idempotencyKey: `canting-refund-${order.id}` });
    const again = await provider.refund({ paymentIntentId: intent, amountIdr: 100_000, idempotencyKey: `canting-refund-${order.id}` });
    expect(again).toBe(first);
    expect(fake.refunds).toHaveLength(1);
    expect(fake.refunds[0]).toMatchObject({ amount: 100_000 * 100, payment_intent: intent });
    const requests = fake.requestsTo('/v1/refunds', 'POST');
    expect(requests.map((r) => r.idempotencyKey)).toEqual([`canting-refund-${order.id}`, `canting-refund-${order.id}`]);
    const error = await rejection(provider.refund({ paymentIntentId: intent, amountIdr: order.totalIdr, idempotencyKey: 'canting-refund-too-much' }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/greater than unrefunded/);
  });

  it('connect: one charge, then one Transfer per workshop from it with transfer_group and source_transaction; never more than the charge', async () => {
    const a = await provider.createConnectedAccount({ email: 'a@contoh.test', country: 'ID' });
    const b = await provider.createConnectedAccount({ email: 'b@contoh.test', country: 'ID' });
    const order = buildPaymentOrder({ transferGroup: 'CO-2026-000777' });
    const started = await provider.start(order, URLS, { expiresInMinutes: 60 });
    await fake.completeSession(started.reference, { sendWebhook: false });
    const intent = fake.paymentIntents.get(fake.sessions.get(started.reference)!.payment_intent!)!;
    await provider.transfer({ paymentIntentId: intent.id, destination: a, amountIdr: 700_000, transferGroup: 'CO-2026-000777', idempotencyKey: 'canting-transfer-a' });
    await provider.transfer({ paymentIntentId: intent.id, destination: a, amountIdr: 700_000, transferGroup: 'CO-2026-000777', idempotencyKey: 'canting-transfer-a' });
    await provider.transfer({ paymentIntentId: intent.id, destination: b, amountIdr: 300_000, transferGroup: 'CO-2026-000777', idempotencyKey: 'canting-transfer-b' });
    expect(fake.transfers.map((t) => [t.destination, t.amount, t.transfer_group, t.source_transaction])).toEqual([
      [a, 70_000_000, 'CO-2026-000777', intent.latest_charge],
      [b, 30_000_000, 'CO-2026-000777', intent.latest_charge],
    ]);
    const error = await rejection(
      provider.transfer({ paymentIntentId: intent.id, destination: b, amountIdr: order.totalIdr, transferGroup: 'CO-2026-000777', idempotencyKey: 'canting-transfer-c' }),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/exceed the charge/);
  });
});
