/**
 * Organiser accounts (issue #15): a curator's invitation makes an account with no password and a
 * week-long reset link, the one reset flow sets the password, the account then signs in tied to its
 * region or place, and a curator's "trusted" reaches the session. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, finishPasswordReset, signIn, userForSession } from '../../src/lib/auth/accounts.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import type { MailMessage } from '../../src/lib/mail/mailer.ts';
import { createAccountMailHandlers } from '../../src/lib/auth/account-mail.ts';
import { deliverDueEffects } from '../../src/lib/commerce/effects.ts';
import { inviteOrganiser, listOrganisers, reinviteOrganiser, setOrganiserTrusted, type InviteDeps } from '../../src/lib/organisers/organisers.ts';

const SITE = 'https://canting.example.id';
const known = { regions: ['pekalongan', 'cirebon'], places: ['desa-seleman'] };
const office = { email: 'Wisata@Contoh.test', name: 'Kantor Wisata Contoh', scopeKind: 'region' as const, scopeId: 'pekalongan' };

export function describeOrganisers(name: string, open: () => Promise<Database>) {
  describe(`Organiser accounts: ${name}`, () => {
    let db: Database;
    let sent: MailMessage[];
    let deps: InviteDeps;
    let curatorId: string;
    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec('TRUNCATE rate_events, login_attempts, password_resets, sessions, users, organisers, order_effects CASCADE');
      sent = [];
      // The invitation is queued; the effect worker's account handlers send it when the page delivers.
      const handlers = createAccountMailHandlers({ db, config: { PUBLIC_SITE_URL: SITE }, mailer: { send: async (m) => void sent.push(m) } });
      deps = { db, deliverEffects: async () => void (await deliverDueEffects(db, handlers)) };
      curatorId = await createUser(db, { email: 'kurator@contoh.test', password: 'canting-contoh', role: 'curator' });
    });

    const linkToken = (mail: MailMessage) => {
      const link = mail.text.match(/https:\/\/\S+/)![0];
      expect(link.startsWith(`${SITE}/portal/reset?token=`)).toBe(true);
      return decodeURIComponent(new URL(link).searchParams.get('token')!);
    };

    it('invites by e-mail; the account has no password until the reset link sets one, then signs in tied to its region', async () => {
      await inviteOrganiser(deps, office, known, curatorId);
      expect(sent.map((m) => [m.to, m.kind])).toEqual([['wisata@contoh.test', 'account.organiser-invite']]);
      // No password works before the owner chooses one (not even an empty one).
      expect(await signIn(db, 'wisata@contoh.test', '', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
      expect(await signIn(db, 'wisata@contoh.test', 'unset$invited', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
      const [reset] = await db.query<{ week: boolean }>(`SELECT expires_at > now() + interval '6 days 23 hours' AND expires_at <= now() + interval '7 days' AS week FROM password_resets`);
      expect(reset!.week).toBe(true);
      expect(await finishPasswordReset(db, linkToken(sent[0]!), 'kata-sandi-baru-1')).toBe(true);
      const signedIn = await signIn(db, 'wisata@contoh.test', 'kata-sandi-baru-1', '10.0.0.1');
      expect(signedIn.ok && signedIn.user).toMatchObject({ role: 'organiser', artisanId: null, organiser: { name: 'Kantor Wisata Contoh', kind: 'region', scopeId: 'pekalongan', trusted: false } });
      const [listed] = await listOrganisers(db);
      expect(listed).toMatchObject({ email: 'wisata@contoh.test', active: true, trusted: false });
    });

    it('refuses a scope that is not a known region or place, and a taken e-mail, saving nothing', async () => {
      await expect(inviteOrganiser(deps, { ...office, scopeId: 'atlantis' }, known, curatorId)).rejects.toMatchObject({ code: 'invalid' });
      await expect(inviteOrganiser(deps, { ...office, scopeKind: 'place', scopeId: 'pekalongan' }, known, curatorId)).rejects.toMatchObject({ code: 'invalid' });
      await expect(inviteOrganiser(deps, { ...office, email: 'kurator@contoh.test' }, known, curatorId)).rejects.toMatchObject({ code: 'conflict' });
      await expect(inviteOrganiser(deps, { ...office, email: 'not an e-mail' }, known, curatorId)).rejects.toMatchObject({ code: 'invalid' });
      expect(await db.query('SELECT 1 FROM organisers')).toHaveLength(0);
      expect(sent).toHaveLength(0);
    });

    it('the database holds the rules: an organiser account needs its organiser, and no other role has one', async () => {
      await expect(db.query(`INSERT INTO users (email, password_hash, role) VALUES ('x@contoh.test', 'h', 'organiser')`)).rejects.toThrow();
      const { organiserId } = await inviteOrganiser(deps, office, known, curatorId);
      await expect(db.query(`INSERT INTO users (email, password_hash, role, organiser_id) VALUES ('y@contoh.test', 'h', 'curator', $1)`, [organiserId])).rejects.toThrow();
      await expect(db.query(`INSERT INTO organisers (name, scope_kind, scope_id) VALUES ('Dua', 'country', 'pekalongan')`)).rejects.toThrow();
    });

    it('sends the invitation again only while no password is set; trusted reaches the next request', async () => {
      const { organiserId } = await inviteOrganiser(deps, { ...office, scopeKind: 'place', scopeId: 'desa-seleman' }, known, curatorId);
      await reinviteOrganiser(deps, organiserId, new Map([['desa-seleman', 'Desa Wisata Seleman']]));
      expect(sent).toHaveLength(2);
      expect(sent[1]!.text).toContain('tempat Desa Wisata Seleman');
      expect(await finishPasswordReset(db, linkToken(sent[1]!), 'kata-sandi-baru-2')).toBe(true);
      // Using one link ended the other (the reset flow's rule).
      expect(await finishPasswordReset(db, linkToken(sent[0]!), 'kata-sandi-baru-3')).toBe(false);
      await expect(reinviteOrganiser(deps, organiserId)).rejects.toMatchObject({ code: 'conflict' });
      const result = await signIn(db, 'wisata@contoh.test', 'kata-sandi-baru-2', '10.0.0.1');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.user.organiser).toMatchObject({ kind: 'place', scopeId: 'desa-seleman', trusted: false });
      expect(await setOrganiserTrusted(db, organiserId, true)).toBe('changed');
      expect(await setOrganiserTrusted(db, organiserId, true)).toBe('unchanged');
      expect((await userForSession(db, result.token))?.organiser?.trusted).toBe(true);
      await expect(setOrganiserTrusted(db, '00000000-0000-4000-8000-000000000000', true)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
