/**
 * What a visitor does for themself before signing in: apply as an artisan, ask for a reset link.
 * Both answer the same whether the e-mail has an account or not (the owner learns the rest by
 * e-mail), both are limited per network address, and every link they send starts with
 * PUBLIC_SITE_URL, never with the request's Host (the e-mails are built in account-mail.ts).
 */
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { queueAccountMail } from './account-mail.ts';
import { applyAsArtisan, resetAccountFor, signupSchema } from './accounts.ts';
import { RESETS_PER_ADDRESS, SIGNUPS_PER_ADDRESS, takeRate } from './rate-limit.ts';

export interface SelfServiceDeps {
  db: Database;
  /**
   * Delivers the queued e-mails now (the app's `deliverEffects`, which never throws): a failure to send
   * never fails the visitor's request; the effect worker retries it.
   */
  deliverEffects: () => Promise<void>;
}

export type SignupOutcome =
  | { outcome: 'done' }
  | { outcome: 'invalid'; fields: string[] }
  | { outcome: 'unstorable' }
  | { outcome: 'rate_limited' };

/**
 * An artisan applies. A new e-mail gets a pending account and a welcome e-mail (queued with the account,
 * in one transaction); an e-mail that already has an account gets an e-mail telling its owner how to sign
 * in or reset, and the visitor sees the same answer either way.
 */
export async function signUpArtisan(deps: SelfServiceDeps, input: unknown, ip: string, regions: readonly string[]): Promise<SignupOutcome> {
  const parsed = signupSchema.safeParse(input);
  const fields = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
  if (parsed.success && !regions.includes(parsed.data.region)) fields.push('region');
  if (!parsed.success || fields.length) return { outcome: 'invalid', fields };
  if (!(await takeRate(deps.db, SIGNUPS_PER_ADDRESS, ip))) return { outcome: 'rate_limited' };
  const data = parsed.data;
  try {
    await applyAsArtisan(deps.db, data, regions, (tx, { userId }) => queueAccountMail(tx, userId, 'signup'));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'invalid') return { outcome: 'unstorable' };
    if (error.code !== 'conflict') throw error;
    const [owner] = await deps.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [data.email]);
    if (owner) await queueAccountMail(deps.db, owner.id, 'signupExisting');
  }
  await deps.deliverEffects();
  return { outcome: 'done' };
}

/**
 * Asks for a reset link. Queues at most 3 links an hour per account (silently: the visitor sees the
 * same answer) and takes at most 10 requests an hour from one address (`rate_limited`). The link's token
 * is made when the e-mail is sent, never stored with the queued e-mail.
 */
export async function requestPasswordReset(deps: SelfServiceDeps, rawEmail: string, ip: string): Promise<'sent_if_known' | 'rate_limited'> {
  if (!(await takeRate(deps.db, RESETS_PER_ADDRESS, ip))) return 'rate_limited';
  await deps.db.transaction(async (tx) => {
    const account = await resetAccountFor(tx, rawEmail);
    if (account) await queueAccountMail(tx, account.userId, 'reset');
  });
  await deps.deliverEffects();
  return 'sent_if_known';
}
