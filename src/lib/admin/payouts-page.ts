/**
 * The curators' payouts page's form (the page only renders): a verdict on an artisan's new payout
 * account, or a payout recorded once the transfer is made — and which sentence answers a refusal.
 */
import { z } from 'astro/zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { checkPayoutAccount } from '../portal/payout-accounts.ts';
import { markPayoutPaid } from './admin.ts';
import { parseRupiah } from '../money.ts';

/** The page's two forms in one: a verdict names the account change; a payout names the artisan and the amount. */
export const payoutsFormSchema = z.object({
  verdict: z.enum(['approve', 'reject']).optional().catch(undefined),
  changeId: z.string().catch(''),
  artisanId: z.string().catch(''),
  amount: z.string().catch(''),
});
export type PayoutsForm = z.infer<typeof payoutsFormSchema>;

/** A payout as a curator types it (`parseRupiah`: "150.000", "150 000", "Rp 150.000"), at most 12 digits; null for anything else. */
export function payoutAmountFromText(text: string): number | null {
  const rupiah = parseRupiah(text);
  return typeof rupiah === 'number' && rupiah <= 999_999_999_999 ? rupiah : null;
}

/**
 * Acts on a post of the payouts page and answers where it goes next, with its flash key.
 * @throws AppError('invalid') for an amount that is not one; what checkPayoutAccount and
 *   markPayoutPaid throw (not_found, conflict with `no_payout_account` or `over_balance`).
 */
export async function payoutsPagePost(db: Database, curatorEmail: string, form: PayoutsForm): Promise<string> {
  if (form.verdict) {
    await checkPayoutAccount(db, form.changeId, curatorEmail, form.verdict);
    return `/admin/payouts?done=${form.verdict}`;
  }
  const amount = payoutAmountFromText(form.amount);
  if (amount === null) throw new AppError('invalid', 'amount');
  await markPayoutPaid(db, form.artisanId, amount);
  return '/admin/payouts?done=payout';
}

/** The key in the admin strings' `errors` that answers a refusal of the payouts page. */
export function payoutRefusal(error: AppError): 'payoutNoAccount' | 'payoutTooMuch' | 'notFound' | 'payoutInvalid' {
  if (error.reason === 'no_payout_account') return 'payoutNoAccount';
  return error.code === 'conflict' ? 'payoutTooMuch' : error.code === 'not_found' ? 'notFound' : 'payoutInvalid';
}
