import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import {
  applyAsArtisan,
  createUser,
  finishPasswordReset,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES,
  MAX_FAILURES_PER_IP,
  signIn,
  signOut,
  signOutEverywhere,
  startPasswordReset,
  userForSession,
} from '../../src/lib/auth/accounts.ts';
import { hashPassword, verifyPassword } from '../../src/lib/auth/passwords.ts';
import { RESETS_PER_ACCOUNT } from '../../src/lib/auth/rate-limit.ts';

const PASSWORD = 'canting-contoh';

export function describeAccounts(name: string, open: () => Promise<Database>) {
  describe(`Accounts and sessions: ${name}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => {
      await db.exec('TRUNCATE rate_events, login_attempts, password_resets, sessions, users, outbox, stripe_events, ledger_entries, order_events, order_items, orders, cart_items, carts, product_images, products, artisans CASCADE');
      await createUser(db, { email: 'Kurator@Contoh.test', password: PASSWORD, role: 'curator' });
    });

    it('stores scrypt hashes with a salt of their own', async () => {
      const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
      expect(a).not.toBe(b);
      expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(await verifyPassword(PASSWORD, a)).toBe(true);
      expect(await verifyPassword('canting-contoH', a)).toBe(false);
      const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users');
      expect(row!.password_hash).not.toContain(PASSWORD);
    });

    it('signs in (e-mail in any case) and finds the user from the session token', async () => {
      const result = await signIn(db, 'kurator@contoh.TEST', PASSWORD, '10.0.0.1');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.user).toMatchObject({ email: 'kurator@contoh.test', role: 'curator', artisanId: null });
      expect((await userForSession(db, result.token))?.email).toBe('kurator@contoh.test');
      expect(await userForSession(db, 'forged-token')).toBeNull();
      const [stored] = await db.query<{ id: string }>('SELECT id FROM sessions');
      expect(stored!.id).not.toBe(result.token); // only the hash is stored
    });

    it('refuses a wrong password or an unknown address the same way', async () => {
      expect(await signIn(db, 'kurator@contoh.test', 'salah-sekali', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
      expect(await signIn(db, 'nobody@contoh.test', PASSWORD, '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    });

    it(`throttles an account from one address after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password, but not the owner elsewhere`, async () => {
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn(db, 'kurator@contoh.test', `salah-${i}-xxxxx`, '10.0.1.1');
      expect(await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.1.1')).toEqual({ ok: false, reason: 'throttled' });
      // Someone guessing from one address does not lock the owner out of their own.
      expect((await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.9.9')).ok).toBe(true);
    });

    it(`after ${MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES} failures from everywhere, refuses new addresses but lets the owner in from a known one`, async () => {
      expect((await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.7.7')).ok).toBe(true); // the owner's usual address
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES; i++) {
        await signIn(db, 'kurator@contoh.test', `salah-${i}-xxxxx`, `10.1.${Math.floor(i / 4)}.${i % 4}`);
      }
      expect(await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.8.8')).toEqual({ ok: false, reason: 'throttled' });
      expect((await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.7.7')).ok).toBe(true);
    });

    it(`throttles an address after ${MAX_FAILURES_PER_IP} failures across accounts`, async () => {
      for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await signIn(db, `tebak${i}@contoh.test`, 'salah-xxxxxxx', '10.0.2.2');
      expect(await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.2.2')).toEqual({ ok: false, reason: 'throttled' });
      expect((await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.3.3')).ok).toBe(true);
    });

    it('signs out one session, or every session', async () => {
      const one = await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.0.1');
      const two = await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.0.2');
      if (!one.ok || !two.ok) throw new Error('sign-in failed');
      await signOut(db, one.user.sessionId);
      expect(await userForSession(db, one.token)).toBeNull();
      expect(await userForSession(db, two.token)).not.toBeNull();
      const three = await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.0.3');
      if (!three.ok) throw new Error('sign-in failed');
      expect(await signOutEverywhere(db, three.user.id)).toBe(2);
      expect(await userForSession(db, two.token)).toBeNull();
    });

    it('resets a password once with an e-mailed token, and ends old sessions', async () => {
      const before = await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.0.1');
      if (!before.ok) throw new Error('sign-in failed');
      expect(await startPasswordReset(db, 'nobody@contoh.test')).toBeNull();
      const reset = (await startPasswordReset(db, 'kurator@contoh.test'))!;
      await expect(finishPasswordReset(db, reset.token, 'pendek')).rejects.toMatchObject({ code: 'invalid' });
      expect(await finishPasswordReset(db, reset.token, 'kata-sandi-baru-123')).toBe(true);
      expect(await finishPasswordReset(db, reset.token, 'kata-sandi-lain-456')).toBe(false);
      expect(await userForSession(db, before.token)).toBeNull();
      expect((await signIn(db, 'kurator@contoh.test', 'kata-sandi-baru-123', '10.0.0.1')).ok).toBe(true);
      await db.query(`UPDATE password_resets SET expires_at = now() - interval '1 minute'`);
      const late = (await startPasswordReset(db, 'kurator@contoh.test'))!;
      await db.query(`UPDATE password_resets SET expires_at = now() - interval '1 minute'`);
      expect(await finishPasswordReset(db, late.token, 'kata-sandi-ketiga-789')).toBe(false);
    });

    it('using one reset link ends every other link of the account', async () => {
      const first = (await startPasswordReset(db, 'kurator@contoh.test'))!;
      const second = (await startPasswordReset(db, 'kurator@contoh.test'))!;
      expect(await finishPasswordReset(db, first.token, 'kata-sandi-baru-123')).toBe(true);
      expect(await finishPasswordReset(db, second.token, 'kata-sandi-penyerang-1')).toBe(false);
      expect((await signIn(db, 'kurator@contoh.test', 'kata-sandi-baru-123', '10.0.0.1')).ok).toBe(true);
    });

    it(`sends at most ${RESETS_PER_ACCOUNT.max} reset links an hour for one account`, async () => {
      const links = [];
      for (let i = 0; i < RESETS_PER_ACCOUNT.max + 2; i++) links.push(await startPasswordReset(db, 'kurator@contoh.test'));
      expect(links.filter(Boolean)).toHaveLength(RESETS_PER_ACCOUNT.max);
      expect(links.at(-1)).toBeNull();
    });

    it('an applicant must name one of the catalogue\'s regions', async () => {
      await expect(
        applyAsArtisan(db, { email: 'atlantis@contoh.test', password: PASSWORD, name: 'Perajin Jauh', workshop: 'Sanggar Jauh', region: 'atlantis', place: 'Entah', whatsapp: '+6281200009997' }, ['lampung']),
      ).rejects.toMatchObject({ code: 'invalid' });
      expect(await db.query(`SELECT 1 FROM users WHERE email = 'atlantis@contoh.test'`)).toEqual([]);
    });

    it('an artisan applies as pending, with an account that signs in', async () => {
      const { artisanId } = await applyAsArtisan(db, {
        email: 'Baru@Contoh.test', password: PASSWORD, name: 'Perajin Baru', workshop: 'Sanggar Baru', region: 'lampung', place: 'Kemiling', whatsapp: '+6281200009999',
      }, ['lampung']);
      const result = await signIn(db, 'baru@contoh.test', PASSWORD, '10.0.0.1');
      expect(result.ok && result.user).toMatchObject({ role: 'artisan', artisanId, artisanStatus: 'pending' });
      await expect(
        applyAsArtisan(db, { email: 'baru@contoh.test', password: PASSWORD, name: 'Perajin Lain', workshop: 'Sanggar Lain', region: 'lampung', place: 'Kemiling', whatsapp: '+6281200009998' }, ['lampung']),
      ).rejects.toMatchObject({ code: 'conflict' });
    });

    it('expired sessions sign nobody in', async () => {
      const result = await signIn(db, 'kurator@contoh.test', PASSWORD, '10.0.0.1');
      if (!result.ok) throw new Error('sign-in failed');
      await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`);
      expect(await userForSession(db, result.token)).toBeNull();
    });
  });
}
