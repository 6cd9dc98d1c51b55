/** Runs the checkout / state machine / outbox suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/db/migrate.ts';
import { MIGRATIONS } from '../../src/lib/db/migrations/index.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeCheckout } from './checkout.contract.ts';

describeCheckout('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeCheckout('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));


describe('migration 004 on a database with orders', () => {
  it('gives every existing order a checkout of its own, keeping its number, amounts, session and state', async () => {
    const db = await openPgliteDatabase('memory://');
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.id <= 3));
      const [artisan] = await db.query<{ id: string }>(`INSERT INTO artisans (slug, name, workshop, region, place) VALUES ('lama', 'Lama', 'Sanggar Lama', 'muara-enim', 'Muara Enim') RETURNING id`);
      const shared = '00000000-0000-4000-8000-000000000001';
      const insert = (number: string, method: string, status: string, reference: string | null) =>
        db.query(
          `INSERT INTO orders (number, token_hash, checkout_id, artisan_id, lang, status, payment_method, payment_reference, buyer_name, buyer_email, buyer_phone,
             address, courier, shipping_zone, subtotal_idr, shipping_idr, total_idr, hold_expires_at, paid_at)
           VALUES ($1, 'h', $2, $3, 'id', $4, $5, $6, 'Pembeli', 'p@contoh.test', '+6281234567890', '{}'::jsonb, 'jne', 'java', 100000, 20000, 120000, now(), $7)`,
          [number, shared, artisan!.id, status, method, reference, status === 'paid' ? new Date() : null],
        );
      // Two orders of one old checkout, each paid through its own session, as before issue #11.
      await insert('CTG-2026-000001', 'stripe', 'paid', 'cs_test_lama1');
      await insert('CTG-2026-000002', 'bank_transfer', 'awaiting_payment', 'CTG-2026-000002');
      await migrate(db);
      const rows = await db.query<{ number: string; checkout_number: string; payment_status: string; stripe_session_id: string | null; total_idr: number }>(
        `SELECT o.number, c.number AS checkout_number, c.payment_status, c.stripe_session_id, c.total_idr FROM orders o JOIN checkouts c ON c.id = o.checkout_id ORDER BY o.number`,
      );
      expect(rows).toEqual([
        { number: 'CTG-2026-000001', checkout_number: 'CTG-2026-000001', payment_status: 'paid', stripe_session_id: 'cs_test_lama1', total_idr: 120000 },
        { number: 'CTG-2026-000002', checkout_number: 'CTG-2026-000002', payment_status: 'awaiting', stripe_session_id: null, total_idr: 120000 },
      ]);
    } finally {
      await db.close();
    }
  });
});
