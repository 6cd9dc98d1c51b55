/**
 * Stripe Connect through the running server (PAYOUT_MODE=connect), against the local fake Stripe:
 * two artisans finish Stripe's hosted onboarding from the portal, a shopper pays one checkout with
 * pieces from both, and the outbox worker makes one Transfer per workshop from that one charge, with
 * the checkout as `transfer_group` and the charge as `source_transaction`, each for the workshop's
 * share less commission. A server of its own (small sample); the shared e2e server runs in platform mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../fakes/fake-stripe.ts';
import { killAllStarted, startServer, type ServerProcess } from './server-process.ts';

const WEBHOOK_SECRET = 'whsec_e2e_connect_fake';
let fake: FakeStripe;
let server: ServerProcess;
const dataDir = mkdtempSync(join(tmpdir(), 'canting-connect-'));

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET });
  server = await startServer({
    DATA_DIR: dataDir,
    CANTING_SAMPLE_SIZE: 'small',
    REQUEST_LOG: 'off',
    PAYOUT_MODE: 'connect',
    COMMISSION_PERCENT: '10',
    STRIPE_SECRET_KEY: 'sk_test_e2e_connect',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
  });
  fake.webhookUrl = `${server.baseUrl}/api/stripe/webhook`;
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await killAllStarted();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function cookieOf(res: Response, name: string): string {
  const found = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in the answer (${res.status})`);
  return found.split(';')[0]!;
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/portal/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl, 'X-Forwarded-For': `198.51.100.${email.length}` },
    body: new URLSearchParams({ email, password: 'canting-contoh' }),
  });
  expect(res.status, `signing in ${email}`).toBe(303);
  return cookieOf(res, 'canting_session');
}

describe('Stripe Connect through the running server', () => {
  it('onboard two workshops → one checkout paid once → one transfer per workshop from that charge, grouped by the checkout', async () => {
    const workshops: { session: string; account: string; slug: string; priceIdr: number }[] = [];
    for (const email of ['perajin1@contoh.test', 'perajin2@contoh.test']) {
      const session = await signIn(email);
      // The portal's "connect with Stripe" button: an Express account, then Stripe's hosted onboarding.
      const started = await fetch(`${server.baseUrl}/portal/stripe-onboarding`, { method: 'POST', redirect: 'manual', headers: { Cookie: session, Origin: server.baseUrl } });
      expect(started.status).toBe(303);
      const onboarding = new URL(started.headers.get('location')!);
      expect(onboarding.origin).toBe(new URL(fake.url).origin);
      const finished = await fetch(onboarding, { redirect: 'manual' });
      expect(finished.status).toBe(303);
      // Back to the artisan's earnings on the configured site, never on the request's host.
      expect(finished.headers.get('location')).toBe('http://localhost:4321/portal/earnings?stripe=returned');
      const account = onboarding.pathname.split('/').pop()!;
      const own = (await (await fetch(`${server.baseUrl}/api/portal/products`, { headers: { Cookie: session } })).json()) as {
        products: { slug: string; priceIdr: number; stock: number; status: string }[];
      };
      const piece = own.products.find((p) => p.status === 'active' && p.stock > 0)!;
      workshops.push({ session, account, slug: piece.slug, priceIdr: piece.priceIdr });
    }
    expect(new Set(workshops.map((w) => w.account)).size).toBe(2);

    // A shopper's cart with one piece from each workshop, paid by card in one checkout.
    const first = await fetch(`${server.baseUrl}/api/cart/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
      body: JSON.stringify({ productSlug: workshops[0]!.slug, quantity: 1 }),
    });
    expect(first.status).toBe(201);
    const cart = cookieOf(first, 'canting_cart');
    const second = await fetch(`${server.baseUrl}/api/cart/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.baseUrl, Cookie: cart },
      body: JSON.stringify({ productSlug: workshops[1]!.slug, quantity: 1 }),
    });
    expect(second.status).toBe(201);
    const placed = await fetch(`${server.baseUrl}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.baseUrl, Cookie: cart, 'X-Forwarded-For': '203.0.113.77' },
      body: JSON.stringify({
        buyer: { name: 'Pembeli Contoh', email: 'connect@contoh.test', phone: '+6281234567890' },
        address: { line1: 'Jl. Contoh No. 3', city: 'Bandung', province: 'Jawa Barat', postalCode: '40111', country: 'ID' },
        paymentMethod: 'stripe',
        lang: 'id',
      }),
    });
    const body = (await placed.json()) as { checkout: { number: string; totalIdr: number; paymentUrl?: string }; orders: { number: string; totalIdr: number }[] };
    expect(placed.status, JSON.stringify(body)).toBe(201);
    expect(body.orders).toHaveLength(2);
    expect(body.checkout.paymentUrl).toBeTruthy();

    // One Checkout Session for the whole checkout; the shopper pays it on Stripe's page.
    const sessions = [...fake.sessions.values()];
    expect(sessions).toHaveLength(1);
    const paid = await fake.completeSession(sessions[0]!.id);
    const intent = fake.paymentIntents.get(String(paid.payment_intent))!;
    expect(intent.amount).toBe(body.checkout.totalIdr * 100);

    // The worker (every few seconds) makes the transfers: one per workshop, from that one charge.
    await expect.poll(() => fake.transfers.length, { timeout: 30_000, interval: 500 }).toBe(2);
    const byAccount = new Map(fake.transfers.map((t) => [t.destination, t]));
    for (const [i, w] of workshops.entries()) {
      const transfer = byAccount.get(w.account);
      expect(transfer, `a transfer to workshop ${i + 1}`).toBeDefined();
      expect(transfer!.transfer_group).toBe(body.checkout.number);
      expect(transfer!.source_transaction).toBe(intent.latest_charge);
      expect(transfer!.currency).toBe('idr');
    }
    // Each transfer is that workshop's order total less 10 % commission on its goods.
    const orders = await Promise.all(
      workshops.map(async (w) => (await (await fetch(`${server.baseUrl}/api/portal/orders`, { headers: { Cookie: w.session } })).json()) as { orders: { number: string; totalIdr: number; status: string }[] }),
    );
    for (const [i, w] of workshops.entries()) {
      const own = orders[i]!.orders.find((o) => body.orders.some((b) => b.number === o.number))!;
      expect(own.status).toBe('paid');
      expect(byAccount.get(w.account)!.amount).toBe((own.totalIdr - Math.round(w.priceIdr * 0.1)) * 100);
    }
    // A replayed webhook changes nothing: still one transfer per workshop.
    await fake.sendEvent('checkout.session.completed', paid);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(fake.transfers).toHaveLength(2);
  });
});
