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
    await deps.send({
      to: data.email,
      subject: 'Pendaftaran perajin Canting diterima',
      text: `Halo ${data.name},\n\nPendaftaran ${data.workshop} sudah kami terima dan menunggu persetujuan kurator. Sementara itu Anda sudah bisa masuk dan menyiapkan produk:\n${siteUrl(deps.config, '/portal/login')}\n\nCanting`,
      kind: 'account.signup',
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'invalid') return { outcome: 'unstorable' };
    if (error.code !== 'conflict') throw error;
    await deps.send({
      to: data.email,
      subject: 'Alamat e-mail Anda sudah terdaftar di Canting',
      text: `Halo,\n\nSeseorang (mungkin Anda) baru saja mencoba mendaftar sebagai perajin dengan alamat e-mail ini, yang sudah punya akun di Canting.\n\nBila itu Anda, silakan masuk:\n${siteUrl(deps.config, '/portal/login')}\natau atur ulang kata sandi:\n${siteUrl(deps.config, '/portal/reset')}\n\nBila bukan Anda, abaikan e-mail ini; akun Anda tidak berubah.\n\nCanting`,
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
    await deps.send({
      to: started.email,
      subject: 'Atur ulang kata sandi Canting',
      text: `Buka tautan ini dalam ${RESET_LINK_MINUTES} menit untuk mengatur kata sandi baru:\n${link}\n\nAbaikan e-mail ini bila Anda tidak memintanya.`,
      kind: 'account.password-reset',
    });
  }
  return 'sent_if_known';
}
