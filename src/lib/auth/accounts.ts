/**
 * Accounts, sessions, sign-in throttling and password resets. Sessions live in the database, so
 * any instance serves any user; the browser holds only a random token whose hash is the row's id.
 */
import { z } from 'astro/zod';
import type { Database, Queryable } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { createArtisan } from '../store/repository.ts';
import { hashToken, newToken } from '../commerce/tokens.ts';
import { NUL_MESSAGE, hasNul, slugify } from '../text.ts';
import { RESETS_PER_ACCOUNT, takeRate } from './rate-limit.ts';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

export const SESSION_DAYS = 30;
export const THROTTLE_WINDOW_MINUTES = 15;
/** Wrong passwords for one account from one address before that address is refused for the account. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Wrong passwords for one account from all addresses before *unknown* addresses are refused for it. */
export const MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES = 50;
/** Wrong passwords from one address, across accounts. */
export const MAX_FAILURES_PER_IP = 20;
/** An address that signed this account in within this many days is known: a flood elsewhere does not lock it out. */
export const KNOWN_ADDRESS_DAYS = 30;

export interface SignedInUser {
  id: string;
  email: string;
  role: Role;
  artisanId: string | null;
  artisanSlug: string | null;
  artisanStatus: 'pending' | 'approved' | 'suspended' | null;
  /** The tourism office or cooperative an organiser's account speaks for; null for everyone else. */
  organiser: OrganiserScope | null;
  sessionId: string;
}

export type Role = 'artisan' | 'curator' | 'organiser';

/** What an organiser may look after: one region (a tourism office) or one place (a cooperative or sentra). */
export interface OrganiserScope {
  id: string;
  name: string;
  kind: 'region' | 'place';
  /** The region's id (content/regions) or the place's id (its slug). */
  scopeId: string;
  /** Publishes directly, without a curator's review. */
  trusted: boolean;
}

const email = z.email().max(320).transform((e) => e.trim().toLowerCase());
const password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(200);

/**
 * Makes an account. Without a password (an invited organiser) the account has no password that any
 * input matches until its owner sets one through the reset flow (`password_hash` is then not a hash).
 */
export async function createUser(
  db: Queryable,
  input: { email: string; password: string | null; role: Role; artisanId?: string | null; organiserId?: string | null },
): Promise<string> {
  const parsed = z.object({ email, password: password.nullable() }).safeParse(input);
  if (!parsed.success) throw new AppError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  try {
    const [row] = await db.query<{ id: string }>('INSERT INTO users (email, password_hash, role, artisan_id, organiser_id) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      parsed.data.email,
      parsed.data.password === null ? NO_PASSWORD_YET : await hashPassword(parsed.data.password),
      input.role,
      input.artisanId ?? null,
      input.organiserId ?? null,
    ]);
    return row!.id;
  } catch (error) {
    throw fromDatabaseError(error, `could not create the account ${parsed.data.email}`);
  }
}

/** The stored "hash" of an account whose owner has not set a password yet: no password verifies against it. */
export const NO_PASSWORD_YET = 'unset$invited';

/** Text that the database can store: no NUL characters. */
const storable = (schema: z.ZodString) => schema.refine((s) => !hasNul(s), NUL_MESSAGE);

export const signupSchema = z.strictObject({
  email,
  password,
  name: storable(z.string().trim().min(2).max(120)),
  workshop: storable(z.string().trim().min(2).max(160)),
  region: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  place: storable(z.string().trim().min(2).max(120)),
  whatsapp: z.string().trim().regex(/^\+?[0-9]{8,15}$/),
});

/** A workshop's URL slug: ASCII words joined by hyphens, at most 60 characters (`slugify` in lib/text.ts). */
export function workshopSlug(text: string): string {
  return slugify(text, { maxLength: 60, fallback: 'sanggar' });
}

/**
 * An artisan applies: a pending artisan and their account, in one transaction. `regions` are the
 * catalogue's region ids: a workshop must be in one of them (its region decides where parcels ship from).
 * `alsoInTransaction` runs inside that transaction once both exist (the sign-up queues its e-mail there).
 * @throws AppError('invalid') for a region that is not one of them; AppError('conflict') for a taken e-mail.
 */
export async function applyAsArtisan(
  db: Database,
  input: z.input<typeof signupSchema>,
  regions: readonly string[],
  alsoInTransaction?: (tx: Queryable, made: { userId: string; artisanId: string }) => Promise<unknown>,
): Promise<{ userId: string; artisanId: string }> {
  const data = signupSchema.parse(input);
  if (!regions.includes(data.region)) throw new AppError('invalid', `region: "${data.region}" is not one of the catalogue's regions`);
  return db.transaction(async (tx) => {
    let slug = workshopSlug(data.workshop);
    const [taken] = await tx.query('SELECT 1 FROM artisans WHERE slug = $1', [slug]);
    if (taken) slug = `${slug}-${newToken(3).toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 80);
    const artisan = await createArtisan(tx, {
      slug, name: data.name, workshop: data.workshop, region: data.region, place: data.place,
      bio: { id: '', en: '' }, whatsapp: data.whatsapp, email: data.email, status: 'pending',
    });
    const userId = await createUser(tx, { email: data.email, password: data.password, role: 'artisan', artisanId: artisan.id });
    await alsoInTransaction?.(tx, { userId, artisanId: artisan.id });
    return { userId, artisanId: artisan.id };
  });
}

/**
 * Whether a sign-in for `address` from `ip` is refused without checking the password: too many
 * failures for this account from this address, or from this address across accounts, or — unless
 * this address is one the account signed in from before — for this account from everywhere. So
 * someone guessing from elsewhere can lock out neither the owner's known address nor, below the
 * account-wide limit, a new one.
 */
async function throttled(db: Queryable, address: string, ip: string): Promise<boolean> {
  const [row] = await db.query<{ pair: number; from_ip: number; account: number; known: boolean }>(
    `SELECT
       count(*) FILTER (WHERE email = $1 AND ip = $2 AND NOT succeeded AND created_at > now() - make_interval(mins => $3))::int AS pair,
       (SELECT count(*)::int FROM login_attempts WHERE ip = $2 AND NOT succeeded AND created_at > now() - make_interval(mins => $3)) AS from_ip,
       count(*) FILTER (WHERE email = $1 AND NOT succeeded AND created_at > now() - make_interval(mins => $3))::int AS account,
       bool_or(email = $1 AND ip = $2 AND succeeded AND created_at > now() - make_interval(days => $4)) AS known
     FROM login_attempts WHERE email = $1`,
    [address, ip, THROTTLE_WINDOW_MINUTES, KNOWN_ADDRESS_DAYS],
  );
  if (row!.pair >= MAX_FAILURES_PER_ACCOUNT || row!.from_ip >= MAX_FAILURES_PER_IP) return true;
  return row!.account >= MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES && !row!.known;
}

export type SignInResult = { ok: true; token: string; user: SignedInUser } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Signs in with e-mail and password. In 15 minutes, after 5 failures for an account from one
 * address, 20 from one address across accounts, or 50 for an account from everywhere (which does not
 * stop an address the account signed in from before), it refuses without checking (`throttled`, 429).
 */
export async function signIn(db: Queryable, rawEmail: string, rawPassword: string, ip: string): Promise<SignInResult> {
  // No account has a NUL in its address (it could not be stored): such an attempt is counted under the
  // address with U+FFFD in its place, like any other wrong address.
  const address = String(rawEmail ?? '').trim().toLowerCase().slice(0, 320).replaceAll('\u0000', '\uFFFD');
  const secret = String(rawPassword ?? '').slice(0, 200);
  const ipKey = ip.slice(0, 64) || 'unknown';
  if (await throttled(db, address, ipKey)) return { ok: false, reason: 'throttled' };
  const [user] = await db.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM users WHERE email = $1', [address]);
  // An unknown address, or an invited account with no password yet, is checked against the decoy (same timing).
  const hasPassword = Boolean(user && user.password_hash !== NO_PASSWORD_YET);
  const valid = (await verifyPassword(secret, hasPassword ? user!.password_hash : await decoyHash())) && hasPassword;
  await db.query('INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)', [address, ipKey, Boolean(user && valid)]);
  if (!user || !valid) return { ok: false, reason: 'invalid' };
  const token = newToken(32);
  await db.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`, [hashToken(token), user.id, SESSION_DAYS]);
  const signedIn = await userForSession(db, token);
  return { ok: true, token, user: signedIn! };
}

/** The user behind a session token, or null when it is unknown or expired. */
export async function userForSession(db: Queryable, token: string | undefined): Promise<SignedInUser | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const [row] = await db.query(
    `SELECT u.id, u.email, u.role, u.artisan_id, a.slug AS artisan_slug, a.status AS artisan_status,
       o.id AS organiser_id, o.name AS organiser_name, o.scope_kind, o.scope_id, o.trusted
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN artisans a ON a.id = u.artisan_id
       LEFT JOIN organisers o ON o.id = u.organiser_id
     WHERE s.id = $1 AND s.expires_at > now()`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id as string,
    email: row.email as string,
    role: row.role as SignedInUser['role'],
    artisanId: (row.artisan_id as string | null) ?? null,
    artisanSlug: (row.artisan_slug as string | null) ?? null,
    artisanStatus: (row.artisan_status as SignedInUser['artisanStatus']) ?? null,
    organiser: row.organiser_id
      ? {
          id: row.organiser_id as string,
          name: row.organiser_name as string,
          kind: row.scope_kind as OrganiserScope['kind'],
          scopeId: row.scope_id as string,
          trusted: Boolean(row.trusted),
        }
      : null,
    sessionId: id,
  };
}

export async function signOut(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}

/** Ends every session of a user (after a password change, or "sign out everywhere"). */
export async function signOutEverywhere(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query('DELETE FROM sessions WHERE user_id = $1 RETURNING id', [userId]);
  return rows.length;
}

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

/**
 * The account a reset is asked for, having counted the request against it: null for an unknown address,
 * and once the account had {@link RESETS_PER_ACCOUNT} requests this hour (the caller answers the same
 * either way, and sends nothing). The self-service page queues the reset e-mail for the account it answers.
 */
export async function resetAccountFor(db: Queryable, rawEmail: string): Promise<{ userId: string; email: string } | null> {
  const address = String(rawEmail ?? '').trim().toLowerCase();
  if (hasNul(address)) return null; // no account has one
  const [user] = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [address]);
  if (!user) return null;
  if (!(await takeRate(db, RESETS_PER_ACCOUNT, user.id))) return null;
  return { userId: user.id, email: address };
}

/**
 * Starts a password reset at once: {@link resetAccountFor}, then a one-hour token for it (null as there).
 * The visitor's request does not use it: its e-mail's token is issued when the e-mail is sent (account-mail.ts).
 */
export async function startPasswordReset(db: Queryable, rawEmail: string): Promise<{ token: string; email: string } | null> {
  const account = await resetAccountFor(db, rawEmail);
  return account && { token: await issueResetToken(db, account.userId, RESET_LINK_MINUTES), email: account.email };
}

/**
 * A reset link's token for an account, valid `minutes`: the one way a password is set, whether the owner
 * forgot it or a curator invited them (`finishPasswordReset` uses either).
 */
export async function issueResetToken(db: Queryable, userId: string, minutes: number): Promise<string> {
  const token = newToken(32);
  await db.query(`INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`, [hashToken(token), userId, minutes]);
  return token;
}

/**
 * Sets a new password with a reset token, and signs the account out everywhere. Using one link
 * ends every other link of the account too: a link left in an old e-mail cannot be used later.
 */
export async function finishPasswordReset(db: Database, token: string, newPassword: string): Promise<boolean> {
  const checked = password.safeParse(newPassword);
  if (!checked.success) throw new AppError('invalid', `password: ${checked.error.issues[0]!.message}`);
  return db.transaction(async (tx) => {
    const [reset] = await tx.query<{ user_id: string }>(
      `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [hashToken(String(token ?? '').slice(0, 100))],
    );
    if (!reset) return false;
    await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [reset.user_id]);
    await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [reset.user_id, await hashPassword(checked.data)]);
    await signOutEverywhere(tx, reset.user_id);
    return true;
  });
}
