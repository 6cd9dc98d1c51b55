/**
 * Runs the mailer contract on the outbox mailer and on the SMTP mailer (against a tiny fake SMTP
 * server on 127.0.0.1), then the SMTP mailer's failure cases.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { AppError } from '../../src/lib/errors.ts';
import { createOutboxMailer, listOutbox } from '../../src/lib/mail/outbox-mailer.ts';
import { createSmtpMailer, type SmtpMailer } from '../../src/lib/mail/smtp-mailer.ts';
import { describeMailer, openOutboxDatabase, sampleMessage, type ReceivedMail } from './mailer.contract.ts';

interface FakeSmtp {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * Speaks just enough SMTP for nodemailer: 220 greeting, EHLO/HELO, AUTH PLAIN, MAIL FROM, RCPT TO,
 * DATA (354, then '.' → 250), RSET, NOOP, QUIT (221). No TLS, no pipelining.
 */
async function startFakeSmtp(options: { rejectRcpt?: boolean } = {}): Promise<FakeSmtp> {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    const reply = (...lines: string[]) => socket.write(lines.map((l) => `${l}\r\n`).join(''));

    let buffer = '';
    let inData = false;
    let awaitingAuth = false;
    let dataLines: string[] = [];
    let user: string | null = null;
    let envelope: { mailFrom: string; rcptTo: string[] } = { mailFrom: '', rcptTo: [] };
    const plainUser = (b64: string) => Buffer.from(b64, 'base64').toString('utf8').split('\0')[1] ?? '';
    const address = (line: string) => /<([^>]*)>/.exec(line)?.[1] ?? '';

    reply('220 fake.smtp.test ESMTP ready');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push({ ...envelope, data: dataLines.join('\r\n'), user });
            envelope = { mailFrom: '', rcptTo: [] };
            dataLines = [];
            reply('250 2.0.0 queued');
          } else {
            dataLines.push(line.startsWith('.') ? line.slice(1) : line);
          }
          continue;
        }
        if (awaitingAuth) {
          awaitingAuth = false;
          user = plainUser(line);
          reply('235 2.7.0 authenticated');
          continue;
        }
        const [verb = '', ...args] = line.split(' ');
        switch (verb.toUpperCase()) {
          case 'EHLO':
            reply('250-fake.smtp.test', '250 AUTH PLAIN');
            break;
          case 'HELO':
            reply('250 fake.smtp.test');
            break;
          case 'AUTH':
            if (args[1]) {
              user = plainUser(args[1]);
              reply('235 2.7.0 authenticated');
            } else {
              awaitingAuth = true;
              reply('334 ');
            }
            break;
          case 'MAIL':
            envelope = { mailFrom: address(line), rcptTo: [] };
            reply('250 2.1.0 ok');
            break;
          case 'RCPT':
            if (options.rejectRcpt) {
              reply('550 5.1.1 mailbox unavailable');
            } else {
              envelope.rcptTo.push(address(line));
              reply('250 2.1.5 ok');
            }
            break;
          case 'DATA':
            inData = true;
            reply('354 end data with <CR><LF>.<CR><LF>');
            break;
          case 'RSET':
            envelope = { mailFrom: '', rcptTo: [] };
            reply('250 2.0.0 ok');
            break;
          case 'NOOP':
            reply('250 2.0.0 ok');
            break;
          case 'QUIT':
            reply('221 2.0.0 bye');
            socket.end();
            break;
          default:
            reply('502 5.5.2 command not implemented');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describeMailer('outbox', async (db) => ({ mailer: createOutboxMailer(db) }));

describeMailer('SMTP', async (db) => {
  const smtp = await startFakeSmtp();
  const mailer = createSmtpMailer(db, { url: `smtp://canting:rahasia@127.0.0.1:${smtp.port}`, from: 'Canting <pesanan@canting.test>' });
  return {
    mailer,
    delivered: () => smtp.received,
    close: async () => {
      mailer.close();
      await smtp.close();
    },
  };
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

describe('SMTP mailer', () => {
  let db: Database;
  let mailers: SmtpMailer[] = [];
  let servers: FakeSmtp[] = [];

  beforeAll(async () => {
    db = await openOutboxDatabase();
  });
  const release = async () => {
    for (const m of mailers) m.close();
    await Promise.all(servers.map((s) => s.close()));
    mailers = [];
    servers = [];
  };
  afterAll(async () => {
    await release();
    await db?.close();
  });
  beforeEach(async () => {
    await release();
    await db.exec('TRUNCATE outbox RESTART IDENTITY');
  });

  const mailerFor = (url: string) => {
    const mailer = createSmtpMailer(db, { url, from: 'Canting <pesanan@canting.test>', timeoutMs: 5_000 });
    mailers.push(mailer);
    return mailer;
  };

  it('sends from the configured address and logs in with the URL credentials', async () => {
    const smtp = await startFakeSmtp();
    servers.push(smtp);
    await mailerFor(`smtp://canting:rahasia@127.0.0.1:${smtp.port}`).send(sampleMessage());
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ mailFrom: 'pesanan@canting.test', rcptTo: ['pembeli@example.id'], user: 'canting' });
    expect(smtp.received[0]!.data).toMatch(/^From: Canting <pesanan@canting\.test>$/m);
  });

  it('a server that refuses the recipient → AppError unavailable, last_error recorded', async () => {
    const smtp = await startFakeSmtp({ rejectRcpt: true });
    servers.push(smtp);
    const error = await rejection(mailerFor(`smtp://127.0.0.1:${smtp.port}`).send(sampleMessage()));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/550/);
    expect(smtp.received).toEqual([]);

    const [entry] = await listOutbox(db);
    expect(entry).toMatchObject({ to: 'pembeli@example.id', subject: 'Pesanan CT-2031 diterima', sentAt: null, attempts: 1 });
    expect(entry!.lastError).toMatch(/550/);
  });

  it('a server that cannot be reached → AppError unavailable, last_error recorded', async () => {
    const smtp = await startFakeSmtp();
    const port = smtp.port;
    await smtp.close();
    const error = await rejection(mailerFor(`smtp://127.0.0.1:${port}`).send(sampleMessage()));
    expect(error.code).toBe('unavailable');
    const [entry] = await listOutbox(db);
    expect(entry!.sentAt).toBeNull();
    expect(entry!.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('refuses a URL that is not smtp:// or smtps:// without repeating it', () => {
    for (const url of ['http://user:geheim@mail.example.id', 'not a url']) {
      try {
        createSmtpMailer(db, { url, from: 'pesanan@canting.test' });
        throw new Error('expected an AppError');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).message).not.toContain('geheim');
      }
    }
  });
});
