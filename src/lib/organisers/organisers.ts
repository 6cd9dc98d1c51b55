/**
 * Organiser accounts: the tourism offices and batik cooperatives that look after their own places and
 * events. A curator invites one by e-mail and ties it to one region or one place; the invitation
 * (queued in the effect outbox, built and sent by auth/account-mail.ts) is a password-reset link with a
 * longer life (the one way a password is ever set: `finishPasswordReset`), so an invited account has no password at all until its owner chooses one. A curator may mark an
 * organiser trusted: what it saves is then published at once instead of waiting for review.
 */
import { z } from 'astro/zod';
import type { Database, Queryable } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { NUL_MESSAGE, hasNul } from '../text.ts';
import type { Catalogue } from '../content/catalogue.ts';
import { listPlaces } from '../visit/repository.ts';
import { createUser, NO_PASSWORD_YET, type OrganiserScope } from '../auth/accounts.ts';
import { queueAccountMail } from '../auth/account-mail.ts';

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
  /**
   * Delivers the queued e-mails now (the app's `deliverEffects`, which never throws): a failure to send
   * does not undo the invitation; the effect worker retries it, and the curator can invite again.
   */
  deliverEffects: () => Promise<void>;
}

/**
 * Invites an organiser: the organiser, its account without a password, and its invitation e-mail queued,
 * in one transaction; the e-mail's link (a reset link of `INVITE_LINK_DAYS`, a week) is made when it is sent.
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
    await queueAccountMail(tx, userId, 'invite', { scopeLabel: known.names?.get(data.scopeId) ?? data.scopeId });
    return { organiserId: row!.id, userId };
  });
  await deps.deliverEffects();
  return made;
}

/**
 * Sends an invited organiser a fresh link (the first expired, or the e-mail went astray). Only for an
 * account that has not set its password yet: anyone else uses "forgot password".
 * @throws AppError('not_found') for an unknown organiser; AppError('conflict') once a password is set.
 */
export async function reinviteOrganiser(deps: InviteDeps, organiserId: string, names?: ReadonlyMap<string, string>): Promise<void> {
  if (!isUuid(organiserId)) throw new AppError('not_found', 'no such organiser');
  const [row] = await deps.db.query<{ user_id: string; scope_id: string; unset: boolean }>(
    `SELECT u.id AS user_id, o.scope_id, u.password_hash = $2 AS unset
     FROM organisers o JOIN users u ON u.organiser_id = o.id WHERE o.id = $1 ORDER BY u.created_at LIMIT 1`,
    [organiserId, NO_PASSWORD_YET],
  );
  if (!row) throw new AppError('not_found', 'no such organiser');
  if (!row.unset) throw new AppError('conflict', 'this organiser has set a password already');
  await queueAccountMail(deps.db, row.user_id, 'invite', { scopeLabel: names?.get(row.scope_id) ?? row.scope_id });
  await deps.deliverEffects();
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
