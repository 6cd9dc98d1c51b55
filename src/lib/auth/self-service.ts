/**
 * What a visitor does for themself before signing in: apply as an artisan, ask for a reset link.
 * Both answer the same whether the e-mail has an account or not (the owner learns the rest by
 * e-mail), both are limited per network address, and every link they send starts with
 * PUBLIC_SITE_URL, never with the request's Host.
 */
import { siteUrl, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { applyAsArtisan, RESET_LINK_MINUTES, signupSchema, startPasswordReset } from './accounts.ts';
import { useStrings } from '../../i18n/index.ts';
import { RESETS_PER_ADDRESS, SIGNUPS_PER_ADDRESS, takeRate } from './rate-limit.ts';

export interface SelfServiceDeps {
  db: Database;
  config: Pick<Config, 'PUBLIC_SITE_URL'>;
  /** Sends one e-mail; a failure must not fail the visitor's request (the caller logs it). */
  send: (message: MailMessage) => Promise<void>;
}

export type SignupOutcome =
  | { outcome: 'done' }
  | { outcome: 'invalid'; fields: string[] }
  | { outcome: 'unstorable' }
  | { outcome: 'rate_limited' };

/**
 * An artisan applies. A new e-mail gets a pending account and a welcome e-mail; an e-mail that
 * already has an account gets an e-mail telling its owner how to sign in or reset, and the visitor
 * sees the same answer either way.
 */
export async function signUpArtisan(deps: SelfServiceDeps, input: unknown, ip: string, regions: readonly string[]): Promise<SignupOutcome> {
  const parsed = signupSchema.safeParse(input);
  const fields = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
  if (parsed.success && !regions.includes(parsed.data.region)) fields.push('region');
  if (!parsed.success || fields.length) return { outcome: 'invalid', fields };
  if (!(await takeRate(deps.db, SIGNUPS_PER_ADDRESS, ip))) return { outcome: 'rate_limited' };
  const data = parsed.data;
  try {
    await applyAsArtisan(deps.db, data, regions);
    const m = useStrings('id').mail;
    await deps.send({
      to: data.email,
      subject: m.account.signup.subject,
      text: `${m.account.signup.body(data.name, data.workshop, siteUrl(deps.config, '/portal/login'))}\n\n${m.signature}`,
      kind: 'account.signup',
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'invalid') return { outcome: 'unstorable' };
    if (error.code !== 'conflict') throw error;
    const m = useStrings('id').mail;
    await deps.send({
      to: data.email,
      subject: m.account.signupExisting.subject,
      text: `${m.account.signupExisting.body(siteUrl(deps.config, '/portal/login'), siteUrl(deps.config, '/portal/reset'))}\n\n${m.signature}`,
      kind: 'account.signup-existing',
    });
  }
  return { outcome: 'done' };
}

/**
 * Asks for a reset link. Sends at most 3 links an hour per account (silently: the visitor sees the
 * same answer) and takes at most 10 requests an hour from one address (`rate_limited`).
 */
export async function requestPasswordReset(deps: SelfServiceDeps, rawEmail: string, ip: string): Promise<'sent_if_known' | 'rate_limited'> {
  if (!(await takeRate(deps.db, RESETS_PER_ADDRESS, ip))) return 'rate_limited';
  const started = await startPasswordReset(deps.db, rawEmail);
  if (started) {
    const link = siteUrl(deps.config, `/portal/reset?token=${encodeURIComponent(started.token)}`);
    const m = useStrings('id').mail;
    await deps.send({
      to: started.email,
      subject: m.account.reset.subject,
      text: m.account.reset.body(RESET_LINK_MINUTES, link),
      kind: 'account.password-reset',
    });
  }
  return 'sent_if_known';
}
