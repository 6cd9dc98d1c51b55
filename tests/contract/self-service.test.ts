/**
 * Security of what visitors do before signing in (issue #10), on PGlite and on PostgreSQL when
 * TEST_DATABASE_URL is set: sign-up that says nothing about which e-mails exist, reset e-mails
 * limited per address and per account, every link on PUBLIC_SITE_URL, and an order lookup that
 * does the same work for a wrong token as for a missing order.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/lib/auth/accounts.ts';
import { RESETS_PER_ADDRESS, SIGNUPS_PER_ADDRESS } from '../../src/lib/auth/rate-limit.ts';
import { createAccountMailHandlers } from '../../src/lib/auth/account-mail.ts';
import { requestPasswordReset, signUpArtisan, type SelfServiceDeps } from '../../src/lib/auth/self-service.ts';
import { deliverDueEffects } from '../../src/lib/commerce/effects.ts';
import { createArtisan, createProduct } from '../../src/lib/store/repository.ts';
import { addToCart, openCart } from '../../src/lib/commerce/cart.ts';
import { findOrderForBuyer, placeOrders, type CheckoutDeps } from '../../src/lib/commerce/orders.ts';
import type { PaymentProvider } from '../../src/lib/commerce/payments/types.ts';
import type { Database, Queryable } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import type { MailMessage } from '../../src/lib/mail/mailer.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';

const SITE = 'https://canting.example.id';
const applicant = { email: 'pemohon@contoh.test', password: 'kata-sandi-panjang-1', name: 'Pemohon Contoh', workshop: 'Sanggar Pemohon', region: 'lampung', place: 'Kemiling', whatsapp: '+6281200000000' };

function describeSelfService(name: string, open: () => Promise<Database>) {
  describe(`Self-service and lookups: ${name}`, () => {
    let db: Database;
    let sent: MailMessage[];
    let deps: SelfServiceDeps;
    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec('TRUNCATE rate_events, login_attempts, password_resets, sessions, users, outbox, order_effects, stripe_events, ledger_entries, order_events, order_items, orders, cart_items, carts, product_images, products, artisans CASCADE');
      sent = [];
      // The e-mails are queued; the effect worker's account handlers send them when the page delivers.
      const handlers = createAccountMailHandlers({ db, config: { PUBLIC_SITE_URL: SITE }, mailer: { send: async (m) => void sent.push(m) } });
      deps = { db, deliverEffects: async () => void (await deliverDueEffects(db, handlers)) };
    });

    it('answers a sign-up with a taken e-mail exactly like a new one, and tells the owner by e-mail', async () => {
      expect(await signUpArtisan(deps, applicant, '10.0.0.1', ['lampung'])).toEqual({ outcome: 'done' });
      expect(await signUpArtisan(deps, { ...applicant, workshop: 'Sanggar Lain' }, '10.0.0.2', ['lampung'])).toEqual({ outcome: 'done' });
      expect(sent.map((m) => [m.to, m.kind])).toEqual([
        ['pemohon@contoh.test', 'account.signup'],
        ['pemohon@contoh.test', 'account.signup-existing'],
      ]);
      expect(sent[1]!.text).toContain(`${SITE}/portal/reset`);
      expect(await db.query('SELECT 1 FROM artisans')).toHaveLength(1);
    });

    it('refuses a region that is not in the catalogue as a field error', async () => {
      expect(await signUpArtisan(deps, { ...applicant, region: 'atlantis' }, '10.0.0.1', ['lampung'])).toEqual({ outcome: 'invalid', fields: ['region'] });
      expect(sent).toEqual([]);
    });

    it(`takes at most ${SIGNUPS_PER_ADDRESS.max} sign-ups an hour from one address`, async () => {
      const outcomes = [];
      for (let i = 0; i <= SIGNUPS_PER_ADDRESS.max; i++) {
        outcomes.push((await signUpArtisan(deps, { ...applicant, email: `pemohon${i}@contoh.test` }, '10.9.9.9', ['lampung'])).outcome);
      }
      expect(outcomes.at(-1)).toBe('rate_limited');
      expect(outcomes.slice(0, -1).every((o) => o === 'done')).toBe(true);
      expect((await signUpArtisan(deps, { ...applicant, email: 'lain@contoh.test' }, '10.9.9.8', ['lampung'])).outcome).toBe('done');
    });

    it('puts the reset link on PUBLIC_SITE_URL and limits reset requests per address', async () => {
      await createUser(db, { email: 'kurator@contoh.test', password: 'kata-sandi-panjang-1', role: 'curator' });
      expect(await requestPasswordReset(deps, 'kurator@contoh.test', '10.0.0.1')).toBe('sent_if_known');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toMatch(new RegExp(`${SITE}/portal/reset\\?token=[A-Za-z0-9_-]+`));
      for (let i = 1; i < RESETS_PER_ADDRESS.max; i++) expect(await requestPasswordReset(deps, `nobody${i}@contoh.test`, '10.0.0.1')).toBe('sent_if_known');
      expect(await requestPasswordReset(deps, 'kurator@contoh.test', '10.0.0.1')).toBe('rate_limited');
      expect(sent).toHaveLength(1);
    });

    it('looks an order up with the same work for a wrong token as for a number that does not exist', async () => {
      const artisanId = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
      await createProduct(db, buildProductInput({ artisanId, slug: 'kain-uji', stock: 3 }));
      const { cartId } = await openCart(db, undefined);
      await addToCart(db, cartId, 'kain-uji', 1);
      const bank: PaymentProvider = { method: 'bank_transfer', start: async (order, _u, { expiresInMinutes }) => ({ reference: order.number, expiresAt: new Date(Date.now() + expiresInMinutes * 60_000) }) };
      const checkout: CheckoutDeps = {
        quoteShipping: () => ({ courierId: 'jne', name: 'JNE REG', costIdr: 20_000, zone: 'java', etaDays: [2, 3] }),
        payments: { bank_transfer: bank },
        settings: { payoutMode: 'platform', commissionPercent: 10, stripeHoldMinutes: 30, bankHoldHours: 24 },
        urls: () => ({ successUrl: `${SITE}/ok`, cancelUrl: `${SITE}/cancel` }),
      };
      const [placed] = await placeOrders(db, cartId, {
        buyer: { name: 'Pembeli Contoh', email: 'pembeli@contoh.test', phone: '+6281234567890' },
        address: { line1: 'Jl. Contoh No. 1', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID' },
        paymentMethod: 'bank_transfer',
      }, checkout);
      const counting = (): Queryable & { statements: number } => {
        const wrapper = { statements: 0, query: async (sql: string, params?: unknown[]) => { wrapper.statements++; return db.query(sql, params); } };
        return wrapper as unknown as Queryable & { statements: number };
      };
      const wrong = counting();
      const missing = counting();
      expect(await findOrderForBuyer(wrong, placed!.number, 'not-the-token')).toBeNull();
      expect(await findOrderForBuyer(missing, 'CTG-2099-999999', 'not-the-token')).toBeNull();
      expect(wrong.statements).toBe(missing.statements);
      expect((await findOrderForBuyer(db, placed!.number, placed!.token))?.number).toBe(placed!.number);
    });
  });
}

describeSelfService('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeSelfService('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
