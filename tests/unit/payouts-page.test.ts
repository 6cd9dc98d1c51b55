/** The curators' payouts page's form (src/lib/admin/payouts-page.ts), on PGlite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan } from '../../src/lib/store/repository.ts';
import { submitPayoutAccount } from '../../src/lib/portal/payout-accounts.ts';
import { listOwed } from '../../src/lib/admin/admin.ts';
import { payoutAmountFromText, payoutRefusal, payoutsFormSchema, payoutsPagePost } from '../../src/lib/admin/payouts-page.ts';
import { buildArtisanInput } from '../fixtures/store-builders.ts';
import { rejection } from '../fixtures/rejection.ts';

describe('the payouts page’s form', () => {
  let db: Database;
  let artisanId: string;
  const curator = 'kurator@contoh.test';
  const form = (fields: Record<string, string>) => payoutsFormSchema.parse(fields);

  beforeAll(async () => {
    db = await openPgliteDatabase('memory://');
    await migrate(db);
    artisanId = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
    await db.query(`INSERT INTO ledger_entries (artisan_id, kind, amount_idr) VALUES ($1, 'owed', 300000)`, [artisanId]);
  });
  afterAll(async () => db?.close());

  it('reads an amount as curators type it, dots for thousands', () => {
    expect(payoutAmountFromText('150.000')).toBe(150_000);
    expect(payoutAmountFromText(' 150 000 ')).toBe(150_000);
    expect(payoutAmountFromText('150000')).toBe(150_000);
    expect(payoutAmountFromText('Rp 150.000')).toBe(150_000);
    for (const bad of ['', '150,5', '-5', '1.5.0', '1'.repeat(13)]) expect(payoutAmountFromText(bad), bad).toBeNull();
  });

  it('a stray verdict reads as none, so the post is a payout', () => {
    expect(form({ verdict: 'maybe', artisanId: 'x', amount: '1' })).toEqual({ verdict: undefined, changeId: '', artisanId: 'x', amount: '1' });
  });

  it('refuses a payout to an artisan without a checked account, or a bad amount, each with its sentence', async () => {
    const noAccount = await rejection(payoutsPagePost(db, curator, form({ artisanId, amount: '100.000' })));
    expect(payoutRefusal(noAccount)).toBe('payoutNoAccount');
    expect(payoutRefusal(await rejection(payoutsPagePost(db, curator, form({ artisanId, amount: 'seratus' }))))).toBe('payoutInvalid');
    expect(payoutRefusal(await rejection(payoutsPagePost(db, curator, form({ artisanId: '00000000-0000-4000-8000-000000000000', amount: '1' }))))).toBe('notFound');
    expect(payoutRefusal(await rejection(payoutsPagePost(db, curator, form({ verdict: 'approve', changeId: '00000000-0000-4000-8000-000000000000' }))))).toBe('notFound');
    expect((await listOwed(db))[0]!.balanceIdr).toBe(300_000);
  });

  it('approves the account, then records a payout up to the balance and no more', async () => {
    const change = await submitPayoutAccount(db, artisanId, { bank: 'Bank Contoh', accountNumber: '1234567890', holderName: 'Perajin Contoh' });
    expect(await payoutsPagePost(db, curator, form({ verdict: 'approve', changeId: change.id }))).toBe('/admin/payouts?done=approve');
    expect(await payoutsPagePost(db, curator, form({ artisanId, amount: '100.000' }))).toBe('/admin/payouts?done=payout');
    expect((await listOwed(db))[0]!.balanceIdr).toBe(200_000);
    expect(payoutRefusal(await rejection(payoutsPagePost(db, curator, form({ artisanId, amount: '200.001' }))))).toBe('payoutTooMuch');
    expect((await listOwed(db))[0]!.balanceIdr).toBe(200_000);
  });
});
