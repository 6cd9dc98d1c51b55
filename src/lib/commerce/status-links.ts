/**
 * Order-status links that any e-mail can carry. A buyer's status token is an HMAC of the order number
 * under a server secret, so the outbox worker can rebuild it for the "paid", "shipped" and "delivered"
 * e-mails without the token ever being stored (the order keeps only its hash, as before). Orders placed
 * before signed links keep their random token: for them `statusTokenFor` finds no match and the e-mail
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

/** The order's status token when its link is a signed one (placed since signed links), else null. */
export async function statusTokenFor(db: Queryable, secret: string, orderNumber: string): Promise<string | null> {
  const [row] = await db.query<{ token_hash: string }>('SELECT token_hash FROM orders WHERE number = $1', [orderNumber]);
  if (!row) return null;
  const token = orderStatusToken(secret, orderNumber);
  return tokenMatches(token, row.token_hash) ? token : null;
}
