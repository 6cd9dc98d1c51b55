/**
 * The production mailer: sends through an SMTP server (`SMTP_URL`, e.g.
 * `smtp://user:pass@mail.example.id:587`, or `smtps://…:465`) with nodemailer, and records every
 * message in the outbox so the admin sees it: `sent_at` when the server took it, `last_error` when
 * it did not (and `send` then rejects with AppError('unavailable')).
 *
 * The row is written before the attempt, so a message is on record even if the process dies while
 * talking to the server. Callers on the purchase path must not let a rejection here fail the
 * purchase (see mailer.ts).
 */
import nodemailer from 'nodemailer';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { checkMailMessage, type Mailer } from './mailer.ts';
import { recordDelivery, recordOutbox } from './outbox-mailer.ts';

export interface SmtpMailerOptions {
  /** `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url: string;
  /** The sender, e.g. `Canting <pesanan@canting.id>`. */
  from: string;
  /** Connection, greeting and idle-socket timeout in ms; default 15 000. */
  timeoutMs?: number;
}

/** An SMTP mailer; `close()` releases the transport at shutdown. */
export interface SmtpMailer extends Mailer {
  readonly name: 'smtp';
  close(): void;
}

/**
 * Makes a mailer that sends through `options.url` and records each message in `db`'s outbox.
 * @throws AppError('internal') when the URL is not an smtp:// or smtps:// URL (a configuration error).
 */
export function createSmtpMailer(db: Queryable, options: SmtpMailerOptions): SmtpMailer {
  let protocol: string;
  try {
    protocol = new URL(options.url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    // The URL may hold a password: never repeat it in the message.
    throw new AppError('internal', 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.id:587');
  }
  if (!options.from.trim()) throw new AppError('internal', 'The sender (from) address of the SMTP mailer is empty');

  const timeout = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport(
    { url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout },
    { from: options.from },
  );

  return {
    name: 'smtp',
    async send(input) {
      const message = checkMailMessage(input);
      const id = await recordOutbox(db, message);
      try {
        await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
          ...(message.attachments?.length ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await recordDelivery(db, id, { sent: false, error: reason });
        throw new AppError('unavailable', `The SMTP server did not take the e-mail to ${message.to}: ${reason}`, {
          cause: error,
          hint: 'the message is kept in the outbox with its last_error',
        });
      }
      await recordDelivery(db, id, { sent: true });
    },
    close() {
      transport.close();
    },
  };
}
