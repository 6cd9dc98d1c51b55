/**
 * The mailer contract: every Mailer records each message in the outbox table, where the admin reads
 * it, and a mailer that talks to a server delivers the recipient, subject and body there too.
 * `describeMailer(name, setup)` runs it against one mailer; see mailer.test.ts for which run here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { AppError } from '../../src/lib/errors.ts';
import type { MailMessage, Mailer } from '../../src/lib/mail/mailer.ts';
import { listOutbox } from '../../src/lib/mail/outbox-mailer.ts';
import { migrate } from '../../src/lib/db/migrate.ts';

/** A message as an SMTP server received it. */
export interface ReceivedMail {
  mailFrom: string;
  rcptTo: string[];
  /** The raw message (headers, blank line, body), dot-unstuffed. */
  data: string;
  /** The user that authenticated, if any. */
  user: string | null;
}

export interface MailerHarness {
  mailer: Mailer;
  /** What reached the server, oldest first; absent for a mailer that only records (the outbox). */
  delivered?: () => readonly ReceivedMail[];
  close?: () => void | Promise<void>;
}

/** A fresh in-memory PGlite with every migration applied (the outbox is in 002). */
export async function openOutboxDatabase(): Promise<Database> {
  const db = await openPgliteDatabase('memory://');
  await migrate(db);
  return db;
}

const ORDER_ID = '7d0c6a4e-3f1b-4a59-9a52-0f3c2b8e1d11';

export const sampleMessage = (over: Partial<MailMessage> = {}): MailMessage => ({
  to: 'pembeli@example.id',
  subject: 'Pesanan CT-2031 diterima',
  text: 'Terima kasih, Ibu Sari.\nPesanan CT-2031 sudah kami terima.\nTotal: Rp 350.000',
  kind: 'order-confirmation',
  orderId: ORDER_ID,
  ...over,
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

export function describeMailer(name: string, setup: (db: Database) => Promise<MailerHarness>) {
  describe(`Mailer contract: ${name}`, () => {
    let db: Database;
    let harness: MailerHarness;

    beforeAll(async () => {
      db = await openOutboxDatabase();
      harness = await setup(db);
    });
    afterAll(async () => {
      await harness?.close?.();
      await db?.close();
    });
    beforeEach(async () => {
      await db.exec('TRUNCATE outbox RESTART IDENTITY');
    });

    it('delivers a message that then appears in the outbox', async () => {
      const before = harness.delivered?.().length ?? 0;
      await harness.mailer.send(sampleMessage());

      const [entry, ...rest] = await listOutbox(db, { limit: 10 });
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({
        to: 'pembeli@example.id',
        subject: 'Pesanan CT-2031 diterima',
        text: sampleMessage().text,
        html: null,
        kind: 'order-confirmation',
        orderId: ORDER_ID,
        lastError: null,
      });
      expect(entry!.createdAt).toBeInstanceOf(Date);

      if (harness.delivered) {
        const delivered = harness.delivered();
        expect(delivered).toHaveLength(before + 1);
        const mail = delivered.at(-1)!;
        expect(mail.rcptTo).toEqual(['pembeli@example.id']);
        expect(mail.data).toMatch(/^Subject: Pesanan CT-2031 diterima$/m);
        expect(mail.data).toMatch(/^To: pembeli@example\.id$/m);
        expect(mail.data).toContain('Pesanan CT-2031 sudah kami terima.');
        expect(entry!.sentAt).toBeInstanceOf(Date);
        expect(entry!.attempts).toBe(1);
      } else {
        expect(harness.mailer.name).toBe('outbox');
        expect(entry!.sentAt).toBeNull();
        expect(entry!.attempts).toBe(0);
      }
    });

    it('keeps the HTML alternative', async () => {
      const html = '<p>Pesanan <strong>CT-2032</strong> sudah dibayar.</p>';
      const { orderId: _, ...withoutOrder } = sampleMessage({ subject: 'Pembayaran diterima', html, kind: 'order-paid' });
      await harness.mailer.send(withoutOrder);
      const [entry] = await listOutbox(db);
      expect(entry).toMatchObject({ subject: 'Pembayaran diterima', html, kind: 'order-paid', orderId: null });
      if (harness.delivered) {
        const data = harness.delivered().at(-1)!.data;
        expect(data).toMatch(/multipart\/alternative/);
        expect(data).toContain('<strong>CT-2032</strong>');
      }
    });

    it('lists the outbox newest first, with a limit and by order', async () => {
      const otherOrder = '0b8f1c2d-5e6a-4b7c-8d9e-a0b1c2d3e4f5';
      await harness.mailer.send(sampleMessage({ subject: 'satu' }));
      await harness.mailer.send(sampleMessage({ subject: 'dua', orderId: otherOrder }));
      await harness.mailer.send(sampleMessage({ subject: 'tiga' }));
      expect((await listOutbox(db)).map((e) => e.subject)).toEqual(['tiga', 'dua', 'satu']);
      expect((await listOutbox(db, { limit: 2 })).map((e) => e.subject)).toEqual(['tiga', 'dua']);
      expect((await listOutbox(db, { orderId: otherOrder })).map((e) => e.subject)).toEqual(['dua']);
      expect((await rejection(listOutbox(db, { limit: 0 }))).code).toBe('invalid');
    });

    it('refuses a malformed message before writing or sending anything', async () => {
      const before = harness.delivered?.().length ?? 0;
      for (const bad of [
        sampleMessage({ to: 'bukan-alamat' }),
        sampleMessage({ subject: 'Subjek\r\nBcc: korban@example.id' }),
        sampleMessage({ subject: '  ' }),
        sampleMessage({ kind: 'Order Confirmation' }),
        sampleMessage({ orderId: 'CT-2031' }),
      ]) {
        const error = await rejection(harness.mailer.send(bad));
        expect(error.code).toBe('invalid');
      }
      expect(await listOutbox(db)).toEqual([]);
      expect(harness.delivered?.().length ?? 0).toBe(before);
    });
  });
}
