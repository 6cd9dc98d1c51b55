/**
 * Order-status links that any e-mail can carry. A buyer's status token is an HMAC of the order number
 * under a server secret, so the outbox worker can rebuild it for the "paid", "shipped" and "delivered"
 * e-mails without the token ever being stored (the order keeps only its hash, as before). Orders placed
 * before signed links keep their random token: for them `statusTokensFor` finds no match and the e-mail
 * points to the confirmation instead.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { tokenMatches } from './tokens.ts';

const SECRET_NAME = 'order-status-links';

/** The status token of an order: 32 URL-safe characters, the same on every server with the same secret. */
export function orderStatusToken(secret: string, orderNumber: string): string {
  return createHmac('sha256', secret).update(`order-status:${orderNumber}`).digest('base64url').slice(0, 32);
}

/**
 * The secret that signs status links: LINK_SECRET when configured, else one made once and kept in the
 * database, so every server sharing it signs alike and links survive restarts.
 */
export async function loadLinkSecret(db: Queryable, configured?: string): Promise<string> {
  if (configured) return configured;
  await db.query('INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [SECRET_NAME, randomBytes(32).toString('base64url')]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM app_secrets WHERE name = $1', [SECRET_NAME]);
  if (!row) throw new Error('the status-link secret could not be stored');
  return row.value;
}

/** Each order's status token, for the orders whose link is a signed one (placed since signed links); one query. */
export async function statusTokensFor(db: Queryable, secret: string, orderNumbers: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ number: string; token_hash: string }>('SELECT number, token_hash FROM orders WHERE number = ANY ($1::text[])', [orderNumbers]);
  const tokens = new Map<string, string>();
  for (const row of rows) {
    const token = orderStatusToken(secret, row.number);
    if (tokenMatches(token, row.token_hash)) tokens.set(row.number, token);
  }
  return tokens;
}
