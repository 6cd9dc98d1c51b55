/**
 * Durability (issue #7): `kill -9` the server in the middle of a burst of orders, start it again
 * on the same data, and check that every acknowledged order (a 201 from POST /api/checkout) is
 * there, and that no stock was lost or counted twice — on PGlite (a fresh DATA_DIR) and on
 * PostgreSQL (a fresh database on TEST_DATABASE_URL's server).
 *
 * These servers are this file's own (tests/e2e/server-process.ts), seeded with the small sample
 * catalogue (CANTING_SAMPLE_SIZE=small); the shared server of global-setup.ts is never touched.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { mulberry32 } from '../../src/lib/random.ts';
import { killAllStarted, startServer, type ServerProcess } from './server-process.ts';

/** Concurrent buyers, each with a cart cookie of its own. */
const CLIENTS = 8;
/** The server is killed once this many checkouts were acknowledged… */
const KILL_AFTER_ACKS = 24;
/** …or this long after the burst started, whichever comes first. */
const KILL_AFTER_MS = 15_000;
/** Each buyer stops after this many attempts (the burst is 40–100 orders at most). */
const ATTEMPTS_PER_CLIENT = 12;
const TEST_TIMEOUT = 600_000;

afterAll(killAllStarted);

interface Backend {
  name: string;
  /** What the server gets: DATA_DIR (always: pictures live there), DATABASE_URL for PostgreSQL. */
  env: Record<string, string>;
  /** The same database, opened in this process with the project's own adapter. */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

function pgliteBackend(): Backend {
  const dataDir = mkdtempSync(join(tmpdir(), 'canting-durability-'));
  return {
    name: 'PGlite',
    env: { DATA_DIR: dataDir, CANTING_SAMPLE_SIZE: 'small' },
    // The server's directory (db/open.ts pgliteDir): only one process may open it at a time.
    open: () => openPgliteDatabase(join(dataDir, 'pglite')),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresBackend(serverUrl: string): Promise<Backend> {
  const name = `canting_durability_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'canting-durability-'));
  return {
    name: 'PostgreSQL',
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), CANTING_SAMPLE_SIZE: 'small' },
    open: () => openPostgresDatabase(url.toString(), { max: 2 }),
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* A buyer over HTTP                                                                           */
/* ------------------------------------------------------------------------------------------ */

interface Line {
  productSlug: string;
  quantity: number;
}
interface CartJson {
  groups: { artisan: { slug: string }; items: (Line & { stock: number; maxQuantity: number })[] }[];
}
interface PlacedJson {
  orders: { number: string; token: string; artisan: { slug: string } }[];
}

/** One buyer's cart cookie, kept by hand (fetch has no cookie jar). */
class Buyer {
  private cookie = '';
  constructor(private readonly baseUrl: string) {}

  async post(path: string, body: unknown): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(this.cookie ? { Cookie: this.cookie } : {}) },
      body: JSON.stringify(body),
    });
    const cart = res.headers.getSetCookie().find((c) => c.startsWith('canting_cart='));
    if (cart) this.cookie = cart.split(';')[0]!;
    return res;
  }
}

const checkoutBody = (email: string) => ({
  buyer: { name: 'Pembeli Contoh', email, phone: '+6281234567890' },
  address: { line1: 'Jl. Contoh No. 12', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID' },
  paymentMethod: 'bank_transfer',
  lang: 'en',
});

interface Product {
  slug: string;
  artisan: string;
  stock: number;
}

/** Every piece in stock, with its stock as the cart reports it (a cart reserves nothing). */
async function productsInStock(baseUrl: string): Promise<Product[]> {
  const res = await fetch(`${baseUrl}/api/search?inStock=true&pageSize=60`);
  expect(res.status).toBe(200);
  const hits = ((await res.json()) as { hits: { kind: string; slug: string }[] }).hits.filter((h) => h.kind === 'product');
  const probe = new Buyer(baseUrl);
  let cart: CartJson | undefined;
  for (const hit of hits) {
    const added = await probe.post('/api/cart/items', { productSlug: hit.slug, quantity: 1 });
    expect(added.status, hit.slug).toBe(201);
    cart = (await added.json()) as CartJson;
  }
  return (cart?.groups ?? []).flatMap((g) => g.items.filter((i) => i.stock > 0).map((i) => ({ slug: i.productSlug, artisan: g.artisan.slug, stock: i.stock })));
}

/* ------------------------------------------------------------------------------------------ */
/* The burst                                                                                   */
/* ------------------------------------------------------------------------------------------ */

interface Attempt {
  email: string;
  /** The cart as checked out, per artisan. */
  cart: Map<string, Line[]>;
  outcome: 'acknowledged' | 'refused' | 'server-error' | 'cut-off';
  /** The checkout request had been sent (it may have committed even without an answer). */
  checkoutSent: boolean;
  orders: { number: string; token: string; artisan: string; items: Line[] }[];
}

interface Burst {
  attempts: Attempt[];
  /** Requests sent and not yet answered when the server was killed. */
  inFlightAtKill: number;
  checkoutsInFlightAtKill: number;
  msToKill: number;
  kill: { code: number | null; signal: NodeJS.Signals | null };
}

async function burstThenKill(server: ServerProcess, products: Product[], tag: string): Promise<Burst> {
  const attempts: Attempt[] = [];
  let acked = 0;
  let inFlight = 0;
  let checkoutsInFlight = 0;
  let killing: Promise<Burst['kill']> | undefined;
  let snapshot = { inFlight: 0, checkouts: 0, ms: 0 };
  const startedAt = Date.now();
  const kill = () => {
    if (!killing) {
      snapshot = { inFlight, checkouts: checkoutsInFlight, ms: Date.now() - startedAt };
      killing = server.kill9();
    }
    return killing;
  };
  const timer = setTimeout(kill, KILL_AFTER_MS);

  const tracked = async <T>(work: () => Promise<T>, checkout = false): Promise<T> => {
    inFlight++;
    if (checkout) checkoutsInFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
      if (checkout) checkoutsInFlight--;
    }
  };

  const client = async (c: number) => {
    const random = mulberry32(c + 1);
    for (let n = 0; n < ATTEMPTS_PER_CLIENT && !killing; n++) {
      const buyer = new Buyer(server.baseUrl);
      const attempt: Attempt = { email: `burst-${tag}-${c}-${n}@contoh.test`, cart: new Map(), outcome: 'cut-off', checkoutSent: false, orders: [] };
      attempts.push(attempt);
      try {
        // One piece, or now and then two (often from two artisans: two orders in one transaction).
        const picks = new Set([products[Math.floor(random() * products.length)]!.slug]);
        if (random() < 0.3) picks.add(products[Math.floor(random() * products.length)]!.slug);
        let cart: CartJson | undefined;
        for (const productSlug of picks) {
          const res = await tracked(() => buyer.post('/api/cart/items', { productSlug, quantity: 1 + Math.floor(random() * 2) }));
          const body = await res.json();
          if (res.status >= 500) attempt.outcome = 'server-error';
          if (res.status !== 201) throw Object.assign(new Error(`cart: ${res.status} ${JSON.stringify(body)}`), { refused: res.status < 500 });
          cart = body as CartJson;
        }
        for (const g of cart!.groups) attempt.cart.set(g.artisan.slug, g.items.map((i) => ({ productSlug: i.productSlug, quantity: i.quantity })));
        attempt.checkoutSent = true;
        const res = await tracked(() => buyer.post('/api/checkout', checkoutBody(attempt.email)), true);
        const body = await res.json();
        if (res.status === 201) {
          attempt.outcome = 'acknowledged';
          attempt.orders = (body as PlacedJson).orders.map((o) => ({ number: o.number, token: o.token, artisan: o.artisan.slug, items: attempt.cart.get(o.artisan.slug) ?? [] }));
          acked++;
          if (acked >= KILL_AFTER_ACKS) void kill();
        } else {
          attempt.outcome = res.status >= 500 ? 'server-error' : 'refused';
        }
      } catch (error) {
        if ((error as { refused?: boolean }).refused) attempt.outcome = 'refused';
        // Otherwise the connection died with the server (or its answer was cut off): 'cut-off'.
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  clearTimeout(timer);
  const ended = await kill();
  return { attempts, inFlightAtKill: snapshot.inFlight, checkoutsInFlightAtKill: snapshot.checkouts, msToKill: snapshot.ms, kill: ended };
}

/* ------------------------------------------------------------------------------------------ */
/* The scenario                                                                                */
/* ------------------------------------------------------------------------------------------ */

const sortLines = (lines: Line[]) => [...lines].sort((a, b) => a.productSlug.localeCompare(b.productSlug));

async function survivesKill9(backend: Backend): Promise<void> {
  const servers: ServerProcess[] = [];
  const tag = randomBytes(3).toString('hex');
  const t0 = Date.now();
  const phases: string[] = [];
  let mark = t0;
  const phase = (name: string) => {
    phases.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)} s`);
    mark = Date.now();
  };
  try {
    // 1. A server on an empty database: migrations and the small sample catalogue.
    const first = await startServer(backend.env);
    phase('first start and seed');
    servers.push(first);
    const products = await productsInStock(first.baseUrl);
    expect(products.length, 'pieces in stock in the small sample').toBeGreaterThanOrEqual(4);
    const initial = new Map(products.map((p) => [p.slug, p.stock]));

    // 2. The burst, and kill -9 in the middle of it.
    const burst = await burstThenKill(first, products, tag);
    expect(burst.kill.signal, 'the server died of SIGKILL, not of something else first').toBe('SIGKILL');
    const acknowledged = burst.attempts.filter((a) => a.outcome === 'acknowledged');
    const ackedOrders = acknowledged.flatMap((a) => a.orders);
    expect(burst.attempts.filter((a) => a.outcome === 'server-error'), 'no 5xx during the burst').toEqual([]);
    expect(acknowledged.length, 'checkouts acknowledged before the kill').toBeGreaterThanOrEqual(5);
    expect(burst.inFlightAtKill, 'requests in flight when the server was killed').toBeGreaterThan(0);
    phase('burst');

    // 3. Start again on the same data (PGlite: after a crash, with its stale postmaster.pid).
    const second = await startServer(backend.env);
    servers.push(second);
    phase('restart');
    const home = await fetch(`${second.baseUrl}/id/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html');
    // Every acknowledged order, through the buyer's own status API.
    for (const order of ackedOrders) {
      const res = await fetch(`${second.baseUrl}/api/orders/${order.number}?token=${order.token}`);
      expect(res.status, `${order.number} after the restart`).toBe(200);
      const json = (await res.json()) as { number: string; status: string; artisan: { slug: string }; items: Line[] };
      expect(json).toMatchObject({ number: order.number, status: 'awaiting_payment', artisan: { slug: order.artisan } });
      expect(sortLines(json.items.map(({ productSlug, quantity }) => ({ productSlug, quantity })))).toEqual(sortLines(order.items));
    }
    // The shop takes orders again, and a new order never reuses an acknowledged number.
    const after = new Buyer(second.baseUrl);
    const search = await fetch(`${second.baseUrl}/api/search?inStock=true&pageSize=60`);
    const stocked = ((await search.json()) as { hits: { kind: string; slug: string }[] }).hits.find((h) => h.kind === 'product')!;
    expect((await after.post('/api/cart/items', { productSlug: stocked.slug, quantity: 1 })).status).toBe(201);
    const placed = await after.post('/api/checkout', checkoutBody(`after-${tag}@contoh.test`));
    expect(placed.status).toBe(201);
    const newNumbers = ((await placed.json()) as PlacedJson).orders.map((o) => o.number);
    for (const n of newNumbers) expect(ackedOrders.map((o) => o.number)).not.toContain(n);
    await second.stop();
    phase('checks over HTTP');

    // 4. The database itself, opened with the project's adapter (PGlite: proves the directory opens).
    const db = await backend.open();
    try {
      const orders = await db.query<{ number: string; buyer_email: string; status: string; stock_held: boolean; artisan: string; events: number }>(
        `SELECT o.number, o.buyer_email, o.status, o.stock_held, a.slug AS artisan,
                (SELECT count(*)::int FROM order_events e WHERE e.order_id = o.id) AS events
           FROM orders o JOIN artisans a ON a.id = o.artisan_id`,
      );
      const items = await db.query<{ number: string; slug: string; quantity: number; made_to_order: boolean }>(
        `SELECT o.number, p.slug, oi.quantity, oi.made_to_order
           FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id`,
      );
      const stock = new Map((await db.query<{ slug: string; stock: number }>('SELECT slug, stock FROM products')).map((r) => [r.slug, r.stock]));
      const byNumber = new Map(orders.map((o) => [o.number, o]));
      const itemsOf = (number: string) => items.filter((i) => i.number === number).map((i) => ({ productSlug: i.slug, quantity: i.quantity }));

      // Every acknowledged order is there, with its items.
      for (const order of ackedOrders) {
        expect(byNumber.get(order.number), order.number).toMatchObject({ status: 'awaiting_payment', stock_held: true, artisan: order.artisan });
        expect(sortLines(itemsOf(order.number)), order.number).toEqual(sortLines(order.items));
      }
      // Nothing half-written: every order has items and its first event, and belongs to a checkout that was sent.
      const attemptsByEmail = new Map(burst.attempts.map((a) => [a.email, a]));
      for (const o of orders) {
        expect(itemsOf(o.number).length, `${o.number} has items`).toBeGreaterThan(0);
        expect(o.events, `${o.number} has its awaiting_payment event`).toBeGreaterThanOrEqual(1);
        expect(o.status).toBe('awaiting_payment');
        if (o.buyer_email === `after-${tag}@contoh.test`) continue;
        const attempt = attemptsByEmail.get(o.buyer_email);
        expect(attempt, `${o.number} comes from the burst`).toBeDefined();
        expect(attempt!.checkoutSent).toBe(true);
        // A refused (409) checkout reserved nothing; an unanswered one may have committed, whole.
        expect(attempt!.outcome, `${o.number}`).not.toBe('refused');
        expect(sortLines(itemsOf(o.number))).toEqual(sortLines(attempt!.cart.get(o.artisan) ?? []));
      }
      // A checkout is one transaction: all of its orders (one per artisan in the cart), or none.
      for (const attempt of burst.attempts) {
        const artisans = orders.filter((o) => o.buyer_email === attempt.email).map((o) => o.artisan);
        if (artisans.length) expect(artisans.sort(), attempt.email).toEqual([...attempt.cart.keys()].sort());
      }
      // No stock lost or counted twice: now = before − what the orders in the database hold.
      for (const [slug, before] of initial) {
        const held = items
          .filter((i) => i.slug === slug && !i.made_to_order && byNumber.get(i.number)!.stock_held)
          .reduce((sum, i) => sum + i.quantity, 0);
        expect(stock.get(slug), `stock of ${slug}: ${before} before, ${held} held by orders`).toBe(before - held);
        expect(stock.get(slug)!).toBeGreaterThanOrEqual(0);
      }

      phase('checks in the database');
      const cutOff = burst.attempts.filter((a) => a.outcome === 'cut-off' && a.checkoutSent);
      const committedUnanswered = cutOff.filter((a) => orders.some((o) => o.buyer_email === a.email)).length;
      console.log(
        `durability (${backend.name}): killed after ${burst.msToKill} ms with ${burst.inFlightAtKill} requests in flight ` +
          `(${burst.checkoutsInFlightAtKill} checkouts); ${acknowledged.length} checkouts acknowledged (${ackedOrders.length} orders), all ${ackedOrders.length} found after restart; ` +
          `${burst.attempts.filter((a) => a.outcome === 'refused').length} refused (sold out); ${cutOff.length} checkouts unanswered, ${committedUnanswered} of them committed; ` +
          `${orders.length} orders in the database; stock of ${initial.size} pieces accounted for (${[...initial.values()].reduce((s, n) => s + n, 0)} before, ` +
          `${[...initial.keys()].reduce((s, k) => s + stock.get(k)!, 0)} after); ${((Date.now() - t0) / 1000).toFixed(0)} s: ${phases.join(', ')}`,
      );
    } finally {
      await db.close();
    }
  } catch (error) {
    for (const [i, s] of servers.entries()) console.error(`--- ${backend.name} server ${i + 1} output ---\n${s.output()}`);
    throw error;
  } finally {
    for (const s of servers) await s.kill9();
    await backend.cleanup();
  }
}

describe('durability: kill -9 during a burst of orders', () => {
  it('PGlite: every acknowledged order survives, and no stock is lost or counted twice', () => survivesKill9(pgliteBackend()), TEST_TIMEOUT);

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    it('PostgreSQL: every acknowledged order survives, and no stock is lost or counted twice', async () => survivesKill9(await postgresBackend(serverUrl)), TEST_TIMEOUT);
  } else if (process.env.CI) {
    it('PostgreSQL: runs in CI', () => {
      throw new Error('TEST_DATABASE_URL is not set: .ci/run should have started PostgreSQL');
    });
  } else {
    it.skip('PostgreSQL: skipped — set TEST_DATABASE_URL to a PostgreSQL server (any database; the test creates and drops its own)', () => undefined);
  }
});
