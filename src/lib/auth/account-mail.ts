/**
 * The accounts' e-mails — the sign-up confirmation, the "you already have an account" notice, the
 * password-reset link and the organiser's invitation — go through the effect outbox as order e-mails do
 * (decision 017): what causes one queues it (`queueAccountMail`) in the same transaction, keyed by the
 * account; the effect worker (commerce/effects.ts) runs the handlers below, with its retries and its
 * `failed` after the last attempt. One builder per kind, called only by that kind's handler.
 *
 * No payload holds a secret: a reset or invitation link's token is issued by the handler when the
 * e-mail is sent (so a retry sends a fresh link; the links of one account end together when one is used).
 */
import { siteUrl, type Config } from '../config.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { EffectHandler, QueuedEffect } from '../commerce/effects.ts';
import { enqueueEffect } from '../commerce/order-state.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { useStrings } from '../../i18n/index.ts';
import { issueResetToken, NO_PASSWORD_YET, RESET_LINK_MINUTES } from './accounts.ts';

/** How long an invitation's link works: a week (a reset link asked for by its owner works an hour). */
export const INVITE_LINK_DAYS = 7;

/** The effect kinds of the accounts' e-mails. */
export const ACCOUNT_MAIL = {
  signup: 'mail.signup.account',
  signupExisting: 'mail.signup-existing.account',
  reset: 'mail.reset.account',
  invite: 'mail.invite.organiser',
} as const;
export type AccountMailKind = keyof typeof ACCOUNT_MAIL;

/** What an invitation's e-mail says the organiser looks after (a name, not a secret). */
export interface InvitePayload {
  scopeLabel: string;
}

/**
 * Queues one account e-mail inside the caller's transaction. An account with that kind still pending
 * gets no second one (it will carry a fresh link when it goes).
 * @returns whether this call queued it.
 */
export function queueAccountMail(tx: Queryable, accountId: string, kind: 'invite', payload: InvitePayload): Promise<boolean>;
export function queueAccountMail(tx: Queryable, accountId: string, kind: Exclude<AccountMailKind, 'invite'>): Promise<boolean>;
export function queueAccountMail(tx: Queryable, accountId: string, kind: AccountMailKind, payload?: InvitePayload): Promise<boolean> {
  return enqueueEffect(tx, { accountId }, ACCOUNT_MAIL[kind], payload ? { scopeLabel: payload.scopeLabel } : {});
}

const m = () => useStrings('id').mail;

function signupMail(to: string, name: string, workshop: string, loginUrl: string): MailMessage {
  const { account, signature } = m();
  return { to, subject: account.signup.subject, text: `${account.signup.body(name, workshop, loginUrl)}\n\n${signature}`, kind: 'account.signup' };
}

function signupExistingMail(to: string, loginUrl: string, resetUrl: string): MailMessage {
  const { account, signature } = m();
  return { to, subject: account.signupExisting.subject, text: `${account.signupExisting.body(loginUrl, resetUrl)}\n\n${signature}`, kind: 'account.signup-existing' };
}

function resetMail(to: string, link: string): MailMessage {
  const { account } = m();
  return { to, subject: account.reset.subject, text: account.reset.body(RESET_LINK_MINUTES, link), kind: 'account.password-reset' };
}

function inviteMail(to: string, name: string, scope: { kind: 'region' | 'place'; label: string }, link: string): MailMessage {
  const { account, signature } = m();
  const invite = account.organiserInvite;
  return { to, subject: invite.subject, text: `${invite.body(name, invite[scope.kind](scope.label), INVITE_LINK_DAYS, link)}\n\n${signature}`, kind: 'account.organiser-invite' };
}

export interface AccountMailDeps {
  db: Database;
  mailer: Pick<Mailer, 'send'>;
  /** Every link starts with PUBLIC_SITE_URL, never with a request's Host. */
  config: Pick<Config, 'PUBLIC_SITE_URL'>;
}

/** How each account e-mail is delivered; merged into the worker's handlers by the composition root. */
export function createAccountMailHandlers({ db, mailer, config }: AccountMailDeps): Record<string, EffectHandler> {
  const resetLink = (token: string) => siteUrl(config, `/portal/reset?token=${encodeURIComponent(token)}`);
  /** The effect's account, read with `sql` ($1 its id, then `params`); thrown (retried) when it is gone. */
  const account = async <T extends Record<string, unknown>>(effect: QueuedEffect, sql: string, params: unknown[] = []): Promise<T & { id: string; email: string }> => {
    const [row] = effect.accountId ? await db.query<T & { id: string; email: string }>(sql, [effect.accountId, ...params]) : [];
    if (!row) throw new Error(`effect #${effect.id}: its account is gone`);
    return row;
  };
  return {
    [ACCOUNT_MAIL.signup]: async (effect) => {
      const a = await account<{ name: string; workshop: string }>(
        effect,
        'SELECT u.id, u.email, a.name, a.workshop FROM users u JOIN artisans a ON a.id = u.artisan_id WHERE u.id = $1',
      );
      await mailer.send(signupMail(a.email, a.name, a.workshop, siteUrl(config, '/portal/login')));
    },
    [ACCOUNT_MAIL.signupExisting]: async (effect) => {
      const a = await account(effect, 'SELECT id, email FROM users WHERE id = $1');
      await mailer.send(signupExistingMail(a.email, siteUrl(config, '/portal/login'), siteUrl(config, '/portal/reset')));
    },
    [ACCOUNT_MAIL.reset]: async (effect) => {
      const a = await account(effect, 'SELECT id, email FROM users WHERE id = $1');
      await mailer.send(resetMail(a.email, resetLink(await issueResetToken(db, a.id, RESET_LINK_MINUTES))));
    },
    [ACCOUNT_MAIL.invite]: async (effect) => {
      const a = await account<{ name: string; scope_kind: 'region' | 'place'; scope_id: string; unset: boolean }>(
        effect,
        `SELECT u.id, u.email, o.name, o.scope_kind, o.scope_id, u.password_hash = $2 AS unset
         FROM users u JOIN organisers o ON o.id = u.organiser_id WHERE u.id = $1`,
        [NO_PASSWORD_YET],
      );
      // Its owner chose a password since it was queued: the invitation has been used, nothing to send.
      if (!a.unset) return;
      const label = typeof effect.payload.scopeLabel === 'string' ? effect.payload.scopeLabel : a.scope_id;
      const token = await issueResetToken(db, a.id, INVITE_LINK_DAYS * 24 * 60);
      await mailer.send(inviteMail(a.email, a.name, { kind: a.scope_kind, label }, resetLink(token)));
    },
  };
}
