/**
 * The one e-mail capability. Two implementations, chosen by env:
 * - `outbox` (embedded default): writes the message to the `outbox` table, readable in the admin;
 *   nothing leaves the machine (src/lib/mail/outbox-mailer.ts).
 * - `smtp` (`SMTP_URL` set): sends through nodemailer AND records the message in the outbox, with
 *   `sent_at` on success or `last_error` on failure (src/lib/mail/smtp-mailer.ts).
 * Both pass the same contract suite (tests/contract/mailer.contract.ts).
 *
 * E-mail is a side effect, never part of the purchase: a caller on the purchase path must not let a
 * rejected `send` fail or roll back the order. Send after the order's transaction has committed and
 * catch (log) the failure; the outbox keeps the record, with `last_error`, for the admin.
 */
import { z } from 'astro/zod';
import { AppError } from '../errors.ts';

/** One e-mail to one recipient. */
export interface MailMessage {
  /** One address, e.g. `pembeli@example.id`. */
  to: string;
  subject: string;
  /** Plain-text body; always present. */
  text: string;
  /** Optional HTML alternative to `text`. */
  html?: string;
  /** What the message is for, e.g. `order-confirmation`, `order-paid`, `artisan-new-order`. */
  kind: string;
  /** The order it concerns, a uuid. */
  orderId?: string;
  /** Files sent with it (a class booking's .ics); text only, small. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface Mailer {
  readonly name: 'outbox' | 'smtp';
  /**
   * Delivers (or, for the outbox, records) one message.
   * @throws AppError('invalid') for a malformed message; AppError('unavailable') when the SMTP
   *   server does not take it (recorded in the outbox with `last_error` first).
   */
  send(message: MailMessage): Promise<void>;
}

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

/** Rules for a message, checked before anything is written or sent. */
export const mailMessageSchema = z.strictObject({
  to: z.email('must be one e-mail address').max(320),
  subject: z.string().trim().min(1).max(300).refine(noLineBreaks, 'must be one line'),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  kind: z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'is a lowercase word such as order-confirmation'),
  orderId: z.uuid().optional(),
  attachments: z
    .array(z.strictObject({ filename: z.string().regex(/^[\w.-]{1,80}$/, 'is a plain file name'), contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+(; ?[a-z-]+=[\w-]+)*$/), content: z.string().max(100_000) }))
    .max(3)
    .optional(),
});

/**
 * Validates a message (shared by both mailers).
 * @throws AppError('invalid') naming each bad field.
 */
export function checkMailMessage(message: MailMessage): MailMessage {
  const parsed = mailMessageSchema.safeParse(message);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
    throw new AppError('invalid', `Cannot send this e-mail: ${detail}`);
  }
  return parsed.data as MailMessage;
}
