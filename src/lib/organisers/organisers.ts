/**
 * Organiser accounts: the tourism offices and batik cooperatives that look after their own places and
 * events. A curator invites one by e-mail and ties it to one region or one place; the invitation is a
 * password-reset link with a longer life (the one way a password is ever set: `finishPasswordReset`),
 * so an invited account has no password at all until its owner chooses one. A curator may mark an
 * organiser trusted: what it saves is then published at once instead of waiting for review.
 */
import { z } from 'astro/zod';
import { siteUrl, type Config } from '../config.ts';
import type { Database, Queryable } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { NUL_MESSAGE, hasNul } from '../text.ts';
import { useStrings } from '../../i18n/index.ts';
import type { Catalogue } from '../content/catalogue.ts';
import { listPlaces } from '../visit/repository.ts';
import { createUser, issueResetToken, NO_PASSWORD_YET, type OrganiserScope } from '../auth/accounts.ts';

/** How long an invitation's link works: a week (a reset link asked for by its owner works an hour). */
export const INVITE_LINK_DAYS = 7;

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

export const inviteSchema = z.strictObject({
  email: z.email().max(320).transform((e) => e.trim().toLowerCase()),
  name: z.string().trim().min(2).max(160).refine((s) => !hasNul(s), NUL_MESSAGE),
  scopeKind: z.enum(['region', 'place']),
  scopeId: slug,
});
export type InviteInput = z.input<typeof inviteSchema>;

/** The ids an organiser may be tied to: the catalogue's regions and the places that exist. */
export interface KnownScopes {
  regions: readonly string[];
  places: readonly string[];
  /** Names of the regions and places, for the invitation e-mail. */
  names?: ReadonlyMap<string, string>;
}

export interface InviteDeps {
  db: Database;
  config: Pick<Config, 'PUBLIC_SITE_URL'>;
  /** Sends one e-mail; a failure must not undo the invitation (the curator can invite again: see `reinvite`). */
  send: (message: MailMessage) => Promise<void>;
}

function inviteMail(to: string, name: string, link: string, scope: { kind: 'region' | 'place'; label: string }): MailMessage {
  const m = useStrings('id').mail;
  const invite = m.account.organiserInvite;
  return {
    to,
    subject: invite.subject,
    text: `${invite.body(name, invite[scope.kind](scope.label), INVITE_LINK_DAYS, link)}\n\n${m.signature}`,
    kind: 'account.organiser-invite',
  };
}

/**
 * Invites an organiser: the organiser, its account without a password, and a reset link of
 * {@link INVITE_LINK_DAYS} days, in one transaction; then the e-mail with the link.
 * @throws AppError('invalid') for bad input or a scope that is not a known region or place;
 *   AppError('conflict') when the e-mail already has an account.
 */
export async function inviteOrganiser(deps: InviteDeps, input: InviteInput, known: KnownScopes, invitedBy: string | null): Promise<{ organiserId: string; userId: string }> {
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { cause: parsed.error });
  const data = parsed.data;
  const ids = data.scopeKind === 'region' ? known.regions : known.places;
  if (!ids.includes(data.scopeId)) throw new AppError('invalid', `scopeId: "${data.scopeId}" is not a known ${data.scopeKind}`);
  const made = await deps.db.transaction(async (tx) => {
    const [taken] = await tx.query('SELECT 1 FROM users WHERE email = $1', [data.email]);
    if (taken) throw new AppError('conflict', `${data.email} already has an account`);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO organisers (name, scope_kind, scope_id, invited_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [data.name, data.scopeKind, data.scopeId, invitedBy && isUuid(invitedBy) ? invitedBy : null],
    );
    const userId = await createUser(tx, { email: data.email, password: null, role: 'organiser', organiserId: row!.id });
    const token = await issueResetToken(tx, userId, INVITE_LINK_DAYS * 24 * 60);
    return { organiserId: row!.id, userId, token };
  });
  const link = siteUrl(deps.config, `/portal/reset?token=${encodeURIComponent(made.token)}`);
  await deps.send(inviteMail(data.email, data.name, link, { kind: data.scopeKind, label: known.names?.get(data.scopeId) ?? data.scopeId }));
  return { organiserId: made.organiserId, userId: made.userId };
}

/**
 * Sends an invited organiser a fresh link (the first expired, or the e-mail went astray). Only for an
 * account that has not set its password yet: anyone else uses "forgot password".
 * @throws AppError('not_found') for an unknown organiser; AppError('conflict') once a password is set.
 */
export async function reinviteOrganiser(deps: InviteDeps, organiserId: string, names?: ReadonlyMap<string, string>): Promise<void> {
  if (!isUuid(organiserId)) throw new AppError('not_found', 'no such organiser');
  const [row] = await deps.db.query<{ user_id: string; email: string; name: string; scope_kind: 'region' | 'place'; scope_id: string; unset: boolean }>(
    `SELECT u.id AS user_id, u.email, o.name, o.scope_kind, o.scope_id, u.password_hash = $2 AS unset
     FROM organisers o JOIN users u ON u.organiser_id = o.id WHERE o.id = $1 ORDER BY u.created_at LIMIT 1`,
    [organiserId, NO_PASSWORD_YET],
  );
  if (!row) throw new AppError('not_found', 'no such organiser');
  if (!row.unset) throw new AppError('conflict', 'this organiser has set a password already');
  const token = await issueResetToken(deps.db, row.user_id, INVITE_LINK_DAYS * 24 * 60);
  await deps.send(inviteMail(row.email, row.name, siteUrl(deps.config, `/portal/reset?token=${encodeURIComponent(token)}`), { kind: row.scope_kind, label: names?.get(row.scope_id) ?? row.scope_id }));
}

/** One organiser in the curators' list. */
export interface AdminOrganiser extends OrganiserScope {
  email: string;
  /** The owner has chosen a password (the invitation was used). */
  active: boolean;
  isSample: boolean;
  createdAt: Date;
}

/** Every organiser with its (first) account, by name. */
export async function listOrganisers(db: Queryable): Promise<AdminOrganiser[]> {
  const rows = await db.query<{
    id: string; name: string; scope_kind: 'region' | 'place'; scope_id: string; trusted: boolean; is_sample: boolean; created_at: string | Date; email: string | null; active: boolean | null;
  }>(
    `SELECT o.id, o.name, o.scope_kind, o.scope_id, o.trusted, o.is_sample, o.created_at, u.email, u.password_hash <> $1 AS active
     FROM organisers o
     LEFT JOIN LATERAL (SELECT email, password_hash FROM users WHERE organiser_id = o.id ORDER BY created_at LIMIT 1) u ON true
     ORDER BY o.name, o.id`,
    [NO_PASSWORD_YET],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.scope_kind,
    scopeId: r.scope_id,
    trusted: r.trusted,
    isSample: r.is_sample,
    createdAt: new Date(r.created_at),
    email: r.email ?? '',
    active: Boolean(r.active),
  }));
}

/** One organiser's scope, or null. */
export async function organiserById(db: Queryable, organiserId: string): Promise<OrganiserScope | null> {
  if (!isUuid(organiserId)) return null;
  const [r] = await db.query<{ id: string; name: string; scope_kind: 'region' | 'place'; scope_id: string; trusted: boolean }>(
    'SELECT id, name, scope_kind, scope_id, trusted FROM organisers WHERE id = $1',
    [organiserId],
  );
  return r ? { id: r.id, name: r.name, kind: r.scope_kind, scopeId: r.scope_id, trusted: r.trusted } : null;
}

/**
 * A curator marks an organiser trusted (it then publishes directly) or takes that back.
 * @throws AppError('not_found') for an unknown organiser.
 */
export async function setOrganiserTrusted(db: Queryable, organiserId: string, trusted: boolean): Promise<'changed' | 'unchanged'> {
  if (!isUuid(organiserId)) throw new AppError('not_found', 'no such organiser');
  const [exists] = await db.query('SELECT 1 FROM organisers WHERE id = $1', [organiserId]);
  if (!exists) throw new AppError('not_found', 'no such organiser');
  const changed = await db.query('UPDATE organisers SET trusted = $2, updated_at = now() WHERE id = $1 AND trusted <> $2 RETURNING id', [organiserId, trusted]);
  return changed.length ? 'changed' : 'unchanged';
}

/** Makes an organiser and its account with a password (the sample seed and tests; real ones are invited). */
export async function createOrganiserAccount(
  db: Queryable,
  input: { email: string; password: string; name: string; scopeKind: 'region' | 'place'; scopeId: string; trusted?: boolean; isSample?: boolean },
): Promise<{ organiserId: string; userId: string }> {
  try {
    const [row] = await db.query<{ id: string }>(
      'INSERT INTO organisers (name, scope_kind, scope_id, trusted, is_sample) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [input.name, input.scopeKind, input.scopeId, input.trusted ?? false, input.isSample ?? false],
    );
    const userId = await createUser(db, { email: input.email, password: input.password, role: 'organiser', organiserId: row!.id });
    return { organiserId: row!.id, userId };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fromDatabaseError(error, `could not create the organiser ${input.name}`);
  }
}

/**
 * The regions (content, in git) and places (the database, published or drafted) an organiser may be
 * tied to, with the places' Indonesian names for the invitation form.
 */
export async function knownScopes(db: Queryable, catalogue: Pick<Catalogue, 'regions'>): Promise<KnownScopes & { placeNames: Map<string, string> }> {
  const rows = await listPlaces(db);
  const placeNames = new Map(rows.map((row) => [row.id, (row.published ?? row.draft)!.name.id] as const));
  const names = new Map<string, string>([...catalogue.regions.map((r) => [r.id, r.name] as const), ...placeNames]);
  return { regions: catalogue.regions.map((r) => r.id), places: [...placeNames.keys()], placeNames, names };
}
