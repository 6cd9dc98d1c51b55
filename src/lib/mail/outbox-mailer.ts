/**
 * The embedded default mailer: every message goes to the `outbox` table (migration 002)
 * and is read in the admin; nothing is sent. Also the outbox's reading and writing, shared with the
 * SMTP mailer, which records each message it sends.
 */
import type { Queryable, Row } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { checkMailMessage, type MailMessage, type Mailer } from './mailer.ts';

/** One row of the outbox, as the admin lists it. */
export interface OutboxEntry {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  orderId: string | null;
  createdAt: Date;
  /** When an SMTP server accepted it; null in the outbox mode and for failures. */
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
  /** Files sent with it (a class booking's .ics). */
  attachments: { filename: string; contentType: string; content: string }[];
}

const toEntry = (r: Row): OutboxEntry => ({
  id: Number(r.id),
  to: r.to_address as string,
  subject: r.subject as string,
  text: r.body_text as string,
  html: (r.body_html as string | null) ?? null,
  kind: r.kind as string,
  orderId: (r.order_id as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
  sentAt: r.sent_at == null ? null : new Date(r.sent_at as string),
  attempts: Number(r.attempts),
  lastError: (r.last_error as string | null) ?? null,
  attachments: (r.attachments as OutboxEntry['attachments'] | null) ?? [],
});

/**
 * Writes a (validated) message to the outbox and returns its id.
 * @throws AppError from the database (e.g. 'internal' when the table is missing).
 */
export async function recordOutbox(db: Queryable, message: MailMessage): Promise<number> {
  try {
    const rows = await db.query<{ id: number | string }>(
      `INSERT INTO outbox (to_address, subject, body_text, body_html, kind, order_id, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
      [message.to, message.subject, message.text, message.html ?? null, message.kind, message.orderId ?? null, message.attachments?.length ? JSON.stringify(message.attachments) : null],
    );
    return Number(rows[0]!.id);
  } catch (error) {
    throw fromDatabaseError(error, 'Could not write the e-mail to the outbox');
  }
}

/** Records the outcome of one delivery attempt of outbox row `id`. */
export async function recordDelivery(db: Queryable, id: number, outcome: { sent: true } | { sent: false; error: string }): Promise<void> {
  try {
    if (outcome.sent) {
      await db.query('UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [id]);
    } else {
      await db.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [id, outcome.error.slice(0, 2000)]);
    }
  } catch (error) {
    throw fromDatabaseError(error, 'Could not record the e-mail delivery in the outbox');
  }
}

/**
 * The latest outbox messages, newest first, for the admin.
 * @param options.limit 1–500, default 50.
 * @param options.orderId only the messages about this order.
 */
export async function listOutbox(db: Queryable, options: { limit?: number; orderId?: string } = {}): Promise<OutboxEntry[]> {
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new AppError('invalid', `limit must be a whole number from 1 to 500, not ${limit}`);
  }
  try {
    const rows = options.orderId
      ? await db.query('SELECT * FROM outbox WHERE order_id = $1 ORDER BY id DESC LIMIT $2', [options.orderId, limit])
      : await db.query('SELECT * FROM outbox ORDER BY id DESC LIMIT $1', [limit]);
    return rows.map(toEntry);
  } catch (error) {
    throw fromDatabaseError(error, 'Could not read the outbox');
  }
}

/**
 * A mailer that only records messages in the outbox (`sent_at` stays NULL): the embedded default,
 * when no `SMTP_URL` is set.
 */
export function createOutboxMailer(db: Queryable): Mailer {
  return {
    name: 'outbox',
    async send(message) {
      await recordOutbox(db, checkMailMessage(message));
    },
  };
}
