/**
 * Where an artisan's payouts go. The artisan enters bank, account number and holder name in the
 * portal; the change waits for a curator's check (a wrong digit sends the cooperative's money to a
 * stranger) and only then becomes the account payouts use (`artisans.payout_*`). Curators see the
 * pending changes on the payouts page, approve or reject them, recorded with who and when.
 */
import { z } from 'astro/zod';
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { NUL_MESSAGE, hasNul } from '../text.ts';
import type { StripeProvider } from '../commerce/payments/types.ts';

const storable = (schema: z.ZodString) => schema.refine((s) => !hasNul(s), NUL_MESSAGE);

export const payoutAccountSchema = z.strictObject({
  bank: storable(z.string().trim().min(2).max(80)),
  /** Digits only; spaces and dashes as people write them are removed. */
  accountNumber: z.string().transform((s) => s.replace(/[\s.-]/g, '')).pipe(z.string().regex(/^[0-9]{6,20}$/, '6–20 digits')),
  holderName: storable(z.string().trim().min(2).max(120)),
});
export type PayoutAccountInput = z.input<typeof payoutAccountSchema>;

export interface PayoutAccountChange {
  id: string;
  artisanId: string;
  workshop: string;
  bank: string;
  accountNumber: string;
  holderName: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  submittedAt: Date;
  checkedBy: string | null;
  checkedAt: Date | null;
}

const toChange = (r: Record<string, unknown>): PayoutAccountChange => ({
  id: r.id as string,
  artisanId: r.artisan_id as string,
  workshop: (r.workshop as string) ?? '',
  bank: r.bank as string,
  accountNumber: r.account_number as string,
  holderName: r.holder_name as string,
  status: r.status as PayoutAccountChange['status'],
  submittedAt: new Date(r.submitted_at as string),
  checkedBy: (r.checked_by as string | null) ?? null,
  checkedAt: r.checked_at == null ? null : new Date(r.checked_at as string),
});

/**
 * The artisan submits a new account; it replaces a change still waiting, and waits for a curator.
 * @throws AppError('invalid') naming the fields.
 */
export async function submitPayoutAccount(db: Database, artisanId: string, raw: unknown): Promise<PayoutAccountChange> {
  const parsed = payoutAccountSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { bank, accountNumber, holderName } = parsed.data;
  return db.transaction(async (tx) => {
    const [artisan] = await tx.query('SELECT id FROM artisans WHERE id = $1 FOR UPDATE', [artisanId]);
    if (!artisan) throw new AppError('not_found', `no artisan ${artisanId}`);
    await tx.query(`UPDATE payout_account_changes SET status = 'withdrawn' WHERE artisan_id = $1 AND status = 'pending'`, [artisanId]);
    const [row] = await tx.query(
      `INSERT INTO payout_account_changes (artisan_id, bank, account_number, holder_name) VALUES ($1, $2, $3, $4) RETURNING *`,
      [artisanId, bank, accountNumber, holderName],
    );
    return toChange(row!);
  });
}

/** The artisan's change still waiting for a curator, if any. */
export async function pendingPayoutAccount(db: Queryable, artisanId: string): Promise<PayoutAccountChange | null> {
  const [row] = await db.query(`SELECT * FROM payout_account_changes WHERE artisan_id = $1 AND status = 'pending'`, [artisanId]);
  return row ? toChange(row) : null;
}

/** Every change waiting for a check, oldest first (curators). */
export async function listPendingPayoutAccounts(db: Queryable): Promise<PayoutAccountChange[]> {
  const rows = await db.query(
    `SELECT c.*, a.workshop FROM payout_account_changes c JOIN artisans a ON a.id = c.artisan_id WHERE c.status = 'pending' ORDER BY c.submitted_at`,
  );
  return rows.map(toChange);
}

/**
 * A curator checked the account (with the artisan, by phone): it becomes the one payouts use.
 * `reject` leaves the current account as it is. Answers `unchanged` for a change no longer pending.
 */
export async function checkPayoutAccount(db: Database, changeId: string, curator: string, verdict: 'approve' | 'reject'): Promise<'changed' | 'unchanged'> {
  if (!/^[0-9a-f-]{36}$/.test(changeId)) throw new AppError('not_found', 'no such change');
  return db.transaction(async (tx) => {
    const [change] = await tx.query<{ artisan_id: string; bank: string; account_number: string; holder_name: string; status: string }>(
      'SELECT artisan_id, bank, account_number, holder_name, status FROM payout_account_changes WHERE id = $1 FOR UPDATE',
      [changeId],
    );
    if (!change) throw new AppError('not_found', 'no such change');
    if (change.status !== 'pending') return 'unchanged';
    await tx.query(`UPDATE payout_account_changes SET status = $2, checked_by = $3, checked_at = now() WHERE id = $1`, [
      changeId,
      verdict === 'approve' ? 'approved' : 'rejected',
      curator,
    ]);
    if (verdict === 'approve') {
      await tx.query('UPDATE artisans SET payout_bank = $2, payout_account_number = $3, payout_account_name = $4, updated_at = now() WHERE id = $1', [
        change.artisan_id,
        change.bank,
        change.account_number,
        change.holder_name,
      ]);
    }
    return 'changed';
  });
}

/**
 * Connect mode: the artisan's Stripe Express account, created the first time (only stored if still
 * unset, so two clicks never leave an orphan account in use), and a fresh onboarding link to it.
 */
export async function stripeOnboardingLink(
  db: Queryable,
  stripe: Pick<StripeProvider, 'createConnectedAccount' | 'onboardingLink'>,
  artisan: { id: string; fallbackEmail: string },
  urls: { refreshUrl: string; returnUrl: string },
): Promise<string> {
  const [row] = await db.query<{ stripe_account_id: string | null; email: string | null }>('SELECT stripe_account_id, email FROM artisans WHERE id = $1', [artisan.id]);
  let accountId = row?.stripe_account_id ?? null;
  if (!accountId) {
    accountId = await stripe.createConnectedAccount({ email: row?.email ?? artisan.fallbackEmail, country: 'ID' });
    const [kept] = await db.query<{ stripe_account_id: string }>(
      `UPDATE artisans SET stripe_account_id = COALESCE(stripe_account_id, $2), updated_at = now() WHERE id = $1 RETURNING stripe_account_id`,
      [artisan.id, accountId],
    );
    accountId = kept!.stripe_account_id;
  }
  return stripe.onboardingLink(accountId, urls);
}
