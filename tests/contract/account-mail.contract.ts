/**
 * Account e-mails through the effect outbox (decision 017): the sign-up confirmation, the password-reset
 * link and the organiser invitation are queued once, in the transaction that causes them, keyed by the
 * account; the effect worker's handlers send them, retry them when the mailer throws and give up
 * (`failed`) after the last attempt; and no queued row ever holds a link's token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_MAIL, createAccountMailHandlers } from '../../src/lib/auth/account-mail.ts';
import { createUser, finishPasswordReset, signIn } from '../../src/lib/auth/accounts.ts';
import { requestPasswordReset, signUpArtisan, type SelfServiceDeps } from '../../src/lib/auth/self-service.ts';
import { backoffSeconds, deliverDueEffects } from '../../src/lib/commerce/effects.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import type { MailMessage } from '../../src/lib/mail/mailer.ts';
import { inviteOrganiser, reinviteOrganiser } from '../../src/lib/organisers/organisers.ts';
import { allowConsoleError } from '../setup/console.ts';

const SITE = 'https://canting.example.id';
const applicant = { email: 'pemohon@contoh.test', password: 'kata-sandi-panjang-1', name: 'Pemohon Contoh', workshop: 'Sanggar Pemohon', region: 'lampung', place: 'Kemiling', whatsapp: '+6281200000000' };
const known = { regions: ['pekalongan'], places: [], names: new Map([['pekalongan', 'Pekalongan']]) };
const office = { email: 'wisata@contoh.test', name: 'Kantor Wisata Contoh', scopeKind: 'region' as const, scopeId: 'pekalongan' };

export function describeAccountMail(name: string, open: () => Promise<Database>) {
  describe(`Account e-mails through the effect outbox: ${name}`, () => {
    let db: Database;
    let sent: MailMessage[];
    /** When set, the mailer throws this many times before it takes a message. */
    let failures: number;
    let handlers: ReturnType<typeof createAccountMailHandlers>;
    /** Queues without delivering: the worker is run by the test. */
    const queueOnly: SelfServiceDeps = { get db() { return db; }, deliverEffects: async () => undefined };
    const effects = () =>
      db.query<{ kind: string; account_id: string | null; status: string; attempts: number; payload: Record<string, unknown>; last_error: string | null }>(
        'SELECT kind, account_id, status, attempts, payload, last_error FROM order_effects ORDER BY id',
      );
    const tokenIn = (mail: MailMessage) => decodeURIComponent(/\/portal\/reset\?token=([^\s]+)/.exec(mail.text)![1]!);

    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec('TRUNCATE rate_events, login_attempts, password_resets, sessions, order_effects, users, organisers, artisans CASCADE');
      sent = [];
      failures = 0;
      handlers = createAccountMailHandlers({
        db,
        config: { PUBLIC_SITE_URL: SITE },
        mailer: {
          send: async (m) => {
            if (failures > 0) {
              failures--;
              throw new Error('the SMTP server is away');
            }
            sent.push(m);
          },
        },
      });
    });

    it('queues the sign-up confirmation with the account, once, and the worker sends it', async () => {
      expect(await signUpArtisan(queueOnly, applicant, '10.0.0.1', ['lampung'])).toEqual({ outcome: 'done' });
      const [user] = await db.query<{ id: string }>('SELECT id FROM users');
      expect((await effects()).map((e) => [e.kind, e.account_id, e.status])).toEqual([[ACCOUNT_MAIL.signup, user!.id, 'pending']]);
      expect(sent).toEqual([]);
      expect(await deliverDueEffects(db, handlers)).toEqual({ delivered: 1, failed: 0 });
      expect(sent.map((m) => [m.to, m.kind])).toEqual([['pemohon@contoh.test', 'account.signup']]);
      expect(sent[0]!.text).toContain('Sanggar Pemohon');
      expect(sent[0]!.text).toContain(`${SITE}/portal/login`);
      expect(await deliverDueEffects(db, handlers)).toEqual({ delivered: 0, failed: 0 });
      expect(sent).toHaveLength(1);
    });

    it("decides what is due by the database's clock: an e-mail queued this instant is sent though the server's clock is behind", async () => {
      // A row is stamped with the database's now() (microseconds). The server's own clock (milliseconds,
      // maybe another machine's) can be earlier; the worker must not then find the row "not yet due".
      vi.useFakeTimers({ now: Date.now() - 60_000, toFake: ['Date'] });
      try {
        expect(await signUpArtisan(queueOnly, applicant, '10.0.0.1', ['lampung'])).toEqual({ outcome: 'done' });
        expect(await deliverDueEffects(db, handlers)).toEqual({ delivered: 1, failed: 0 });
      } finally {
        vi.useRealTimers();
      }
      expect(sent.map((m) => m.kind)).toEqual(['account.signup']);
    });

    it('a refused sign-up queues nothing; a taken e-mail queues the notice for the account that has it', async () => {
      expect((await signUpArtisan(queueOnly, { ...applicant, region: 'atlantis' }, '10.0.0.1', ['lampung'])).outcome).toBe('invalid');
      expect(await effects()).toEqual([]);
      const owner = await createUser(db, { email: 'pemohon@contoh.test', password: 'kata-sandi-panjang-1', role: 'curator' });
      expect((await signUpArtisan(queueOnly, applicant, '10.0.0.2', ['lampung'])).outcome).toBe('done');
      expect((await effects()).map((e) => [e.kind, e.account_id])).toEqual([[ACCOUNT_MAIL.signupExisting, owner]]);
      expect(await db.query('SELECT 1 FROM artisans')).toEqual([]);
      await deliverDueEffects(db, handlers);
      expect(sent.map((m) => m.kind)).toEqual(['account.signup-existing']);
      expect(sent[0]!.text).toContain(`${SITE}/portal/reset`);
    });

    it('a reset asked twice before the worker runs is one e-mail with one working link; its token is in no queued row', async () => {
      const userId = await createUser(db, { email: 'kurator@contoh.test', password: 'kata-sandi-panjang-1', role: 'curator' });
      expect(await requestPasswordReset(queueOnly, 'kurator@contoh.test', '10.0.0.1')).toBe('sent_if_known');
      expect(await requestPasswordReset(queueOnly, 'kurator@contoh.test', '10.0.0.1')).toBe('sent_if_known');
      expect(await requestPasswordReset(queueOnly, 'nobody@contoh.test', '10.0.0.1')).toBe('sent_if_known');
      expect((await effects()).map((e) => [e.kind, e.account_id])).toEqual([[ACCOUNT_MAIL.reset, userId]]);
      // No token exists until the e-mail is sent.
      expect(await db.query('SELECT 1 FROM password_resets')).toEqual([]);
      await deliverDueEffects(db, handlers);
      expect(sent.map((m) => [m.to, m.kind])).toEqual([['kurator@contoh.test', 'account.password-reset']]);
      const token = tokenIn(sent[0]!);
      expect(token.length).toBeGreaterThan(20);
      const rows = await db.query<{ row: string }>('SELECT row_to_json(e)::text AS row FROM order_effects e');
      expect(rows.length).toBe(1);
      for (const { row } of rows) expect(row).not.toContain(token);
      expect((await effects())[0]!.payload).toEqual({});
      expect(await finishPasswordReset(db, token, 'kata-sandi-baru-123')).toBe(true);
      // Once the first is delivered, a new request queues a new e-mail.
      expect(await requestPasswordReset(queueOnly, 'kurator@contoh.test', '10.0.0.1')).toBe('sent_if_known');
      expect((await effects()).map((e) => e.status)).toEqual(['done', 'pending']);
    });

    it('retries an e-mail the mailer refused, with backoff, and marks it failed after the last attempt', async () => {
      allowConsoleError(/effects: mail\.(reset\.account|invite\.organiser) #\d+ failed/);
      await createUser(db, { email: 'kurator@contoh.test', password: 'kata-sandi-panjang-1', role: 'curator' });
      await requestPasswordReset(queueOnly, 'kurator@contoh.test', '10.0.0.1');
      failures = 1;
      const t0 = new Date();
      expect(await deliverDueEffects(db, handlers, { now: t0 })).toEqual({ delivered: 0, failed: 1 });
      expect((await effects())[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: 'the SMTP server is away' });
      expect(await deliverDueEffects(db, handlers, { now: new Date(t0.getTime() + (backoffSeconds(1) + 1) * 1000) })).toEqual({ delivered: 1, failed: 0 });
      expect(sent.map((m) => m.kind)).toEqual(['account.password-reset']);
      expect((await effects())[0]).toMatchObject({ status: 'done', attempts: 2 });

      // An invitation whose mailer never takes it is given up after the last attempt, the account kept.
      await inviteOrganiser({ db, deliverEffects: async () => undefined }, office, known, null);
      failures = 99;
      const later = new Date(t0.getTime() + 10 * 86_400_000);
      expect(await deliverDueEffects(db, handlers, { now: later, maxAttempts: 2 })).toEqual({ delivered: 0, failed: 1 });
      expect(await deliverDueEffects(db, handlers, { now: new Date(later.getTime() + 86_400_000), maxAttempts: 2 })).toEqual({ delivered: 0, failed: 1 });
      expect((await effects()).at(-1)).toMatchObject({ kind: ACCOUNT_MAIL.invite, status: 'failed', attempts: 2 });
      expect(await db.query(`SELECT 1 FROM users WHERE email = 'wisata@contoh.test'`)).toHaveLength(1);
    });

    it('queues the invitation with the organiser (a failed invitation queues none), sends its week-long link, and sends nothing once a password is set', async () => {
      const invited = await inviteOrganiser({ db, deliverEffects: async () => undefined }, office, known, null);
      await expect(inviteOrganiser({ db, deliverEffects: async () => undefined }, office, known, null)).rejects.toMatchObject({ code: 'conflict' });
      expect((await effects()).map((e) => [e.kind, e.account_id, e.payload])).toEqual([[ACCOUNT_MAIL.invite, invited.userId, { scopeLabel: 'Pekalongan' }]]);
      await deliverDueEffects(db, handlers);
      expect(sent.map((m) => [m.to, m.kind])).toEqual([['wisata@contoh.test', 'account.organiser-invite']]);
      expect(sent[0]!.text).toContain('daerah Pekalongan');
      const token = tokenIn(sent[0]!);
      for (const { row } of await db.query<{ row: string }>('SELECT row_to_json(e)::text AS row FROM order_effects e')) expect(row).not.toContain(token);
      const [reset] = await db.query<{ week: boolean }>(`SELECT expires_at > now() + interval '6 days 23 hours' AS week FROM password_resets`);
      expect(reset!.week).toBe(true);

      // Sent again, then the owner sets a password before the worker runs: that invitation is not sent.
      await reinviteOrganiser({ db, deliverEffects: async () => undefined }, invited.organiserId, known.names);
      expect(await finishPasswordReset(db, token, 'kata-sandi-dinas-1')).toBe(true);
      expect(await deliverDueEffects(db, handlers)).toEqual({ delivered: 1, failed: 0 });
      expect(sent).toHaveLength(1);
      expect((await signIn(db, 'wisata@contoh.test', 'kata-sandi-dinas-1', '10.0.0.1')).ok).toBe(true);
    });

    it('the database keeps one subject per effect', async () => {
      await expect(db.query(`INSERT INTO order_effects (kind) VALUES ('mail.reset.account')`)).rejects.toThrow();
    });
  });
}
