/**
 * Counting limits kept in the database (so every instance shares them): "at most N of this kind for
 * this key in the last M minutes". Used for sign-ups per address and reset e-mails per address and
 * per account; sign-in attempts have their own table (accounts.ts).
 */
import type { Queryable } from '../db/database.ts';

export interface RateLimit {
  kind: string;
  max: number;
  windowMinutes: number;
}

/** Sign-ups from one network address. */
export const SIGNUPS_PER_ADDRESS: RateLimit = { kind: 'signup.address', max: 5, windowMinutes: 60 };
/** Password-reset e-mails for one account. */
export const RESETS_PER_ACCOUNT: RateLimit = { kind: 'reset.account', max: 3, windowMinutes: 60 };
/** Password-reset requests from one network address (any e-mail). */
export const RESETS_PER_ADDRESS: RateLimit = { kind: 'reset.address', max: 10, windowMinutes: 60 };

/**
 * Records one event for `key` when it is within the limit, and says whether it was. Two requests at
 * the same moment can both pass at the edge; the limit is against floods, not an exact quota.
 */
export async function takeRate(db: Queryable, limit: RateLimit, key: string): Promise<boolean> {
  const bounded = key.slice(0, 320) || 'unknown';
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM rate_events WHERE kind = $1 AND key = $2 AND created_at > now() - make_interval(mins => $3)`,
    [limit.kind, bounded, limit.windowMinutes],
  );
  if (row!.n >= limit.max) return false;
  await db.query('INSERT INTO rate_events (kind, key) VALUES ($1, $2)', [limit.kind, bounded]);
  // Now and then, forget what no window looks at any more (every limit's window is within a day).
  if (Math.random() < 0.01) await db.query(`DELETE FROM rate_events WHERE created_at < now() - interval '1 day'`);
  return true;
}
