/**
 * The account pages' logic (src/lib/auth/account-pages.ts) and the curators' organisers page's form post
 * (src/lib/organisers/organisers-page.ts), on PGlite: what each answers to a GET, a good post, a refused
 * one and a post that is not a form, and that the e-mails they queue are delivered before they answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccountMailHandlers } from '../../src/lib/auth/account-mail.ts';
import { loginPagePost, resetPagePost, signupPagePost, type AccountPageDeps } from '../../src/lib/auth/account-pages.ts';
import { createUser, MAX_FAILURES_PER_ACCOUNT } from '../../src/lib/auth/accounts.ts';
import { SESSION_COOKIE } from '../../src/lib/auth/session-cookie.ts';
import { deliverDueEffects } from '../../src/lib/commerce/effects.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import type { MailMessage } from '../../src/lib/mail/mailer.ts';
import { organisersPagePost } from '../../src/lib/organisers/organisers-page.ts';
import { useStrings } from '../../src/i18n/index.ts';

const SITE = 'https://canting.example.id';
const t = useStrings('id').portal.account;
let hosts = 0;

/** A page posted to `path` with `fields` (a form), or a GET when `fields` is null. */
function page(path: string, fields: Record<string, string> | null, init: { type?: string; body?: string } = {}) {
  const url = new URL(path, SITE);
  const request = new Request(url, fields === null && !init.body
    ? { method: 'GET' }
    : { method: 'POST', headers: { 'content-type': init.type ?? 'application/x-www-form-urlencoded' }, body: init.body ?? new URLSearchParams(fields ?? {}).toString() });
  // Every page comes from an address of its own, so the per-address limits only bite where a test wants them.
  return { request, url, clientAddress: `10.1.0.${++hosts % 250}` };
}

const applicant = { email: 'pemohon@contoh.test', password: 'kata-sandi-panjang-1', name: 'Pemohon Contoh', workshop: 'Sanggar Pemohon', region: 'lampung', place: 'Kemiling', whatsapp: '+6281200000000' };

describe('the account pages and the organisers page', () => {
  let db: Database;
  let sent: MailMessage[];
  let deps: AccountPageDeps;
  beforeAll(async () => {
    db = await openPgliteDatabase('memory://');
    await migrate(db);
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    await db.exec('TRUNCATE rate_events, login_attempts, password_resets, sessions, order_effects, users, organisers, artisans CASCADE');
    sent = [];
    const handlers = createAccountMailHandlers({ db, config: { PUBLIC_SITE_URL: SITE }, mailer: { send: async (m) => void sent.push(m) } });
    deps = { db, config: { TRUST_PROXY_HOPS: 0, CANTING_MODE: 'sample', NODE_ENV: 'test' }, deliverEffects: async () => void (await deliverDueEffects(db, handlers)) };
  });

  it('sign-up: a GET is the empty form; a good post is done with its e-mail sent; bad fields are 400 with their sentences', async () => {
    expect(await signupPagePost(deps, page('/portal/signup', null), ['lampung'])).toMatchObject({ status: 200, done: false, problem: null, errors: {}, values: { email: '', region: '' } });
    expect(await signupPagePost(deps, page('/portal/signup', applicant), ['lampung'])).toMatchObject({ status: 200, done: true });
    expect(sent.map((m) => [m.to, m.kind])).toEqual([['pemohon@contoh.test', 'account.signup']]);
    const refused = await signupPagePost(deps, page('/portal/signup', { ...applicant, email: 'bukan e-mail', password: 'pendek' }), ['lampung']);
    expect(refused).toMatchObject({ status: 400, done: false, errors: { email: t.signupErrors.email, password: t.signupErrors.password } });
    expect(await signupPagePost(deps, page('/portal/signup', { ...applicant, email: 'lain@contoh.test', region: 'atlantis' }), ['lampung'])).toMatchObject({ status: 400, errors: { region: t.signupErrors.region } });
    // What was written comes back to be corrected, never the password.
    expect(refused.values).toMatchObject({ email: 'bukan e-mail', workshop: 'Sanggar Pemohon' });
    expect(Object.keys(refused.values)).not.toContain('password');
  });

  it('sign-up: a post that is not a form is refused with a sentence and saves nothing; text that cannot be stored is 400', async () => {
    const notForm = await signupPagePost(deps, page('/portal/signup', {}, { type: 'application/json', body: '{}' }), ['lampung']);
    expect(notForm.status).toBeGreaterThanOrEqual(400);
    expect(notForm.problem).toBe(useStrings('id').form.unreadable);
    expect(await db.query('SELECT 1 FROM users')).toEqual([]);
    const unstorable = await signupPagePost(deps, page('/portal/signup', { ...applicant, name: 'Nama\u0000Buruk' }), ['lampung']);
    expect(unstorable.status).toBe(400);
    expect(unstorable.done).toBe(false);
    expect(sent).toEqual([]);
  });

  it('reset: asking for a link answers the same for a known and an unknown address, and e-mails only the known one', async () => {
    await createUser(db, { email: 'kurator@contoh.test', password: 'kata-sandi-panjang-1', role: 'curator' });
    const known = await resetPagePost(deps, page('/portal/reset', { email: 'kurator@contoh.test' }));
    const unknown = await resetPagePost(deps, page('/portal/reset', { email: 'nobody@contoh.test' }));
    expect(known).toEqual({ status: 200, done: true, said: 'sentIfKnown', problem: null });
    expect(unknown).toEqual(known);
    expect(sent.map((m) => [m.to, m.kind])).toEqual([['kurator@contoh.test', 'account.password-reset']]);
    const token = decodeURIComponent(/token=(\S+)/.exec(sent[0]!.text)![1]!);
    const at = `/portal/reset?token=${encodeURIComponent(token)}`;
    expect(await resetPagePost(deps, page(at, { password: 'pendek' }))).toMatchObject({ status: 400, done: false, said: 'tooShort' });
    expect(await resetPagePost(deps, page(at, { password: 'kata-sandi-baru-123' }))).toMatchObject({ status: 200, done: true, said: 'changed' });
    expect(await resetPagePost(deps, page(at, { password: 'kata-sandi-lain-456' }))).toMatchObject({ status: 400, done: false, said: 'expired' });
    expect(await resetPagePost(deps, page('/portal/reset', null))).toEqual({ status: 200, done: false, said: null, problem: null });
  });

  it('reset: too many requests from one address are 429', async () => {
    const from = page('/portal/reset', { email: 'nobody@contoh.test' }).clientAddress;
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push((await resetPagePost(deps, { ...page('/portal/reset', { email: `x${i}@contoh.test` }), clientAddress: from })).said);
    expect(outcomes.at(-1)).toBe('rateLimited');
    expect(outcomes.slice(0, -1).every((s) => s === 'sentIfKnown')).toBe(true);
  });

  it('login: sets the session cookie and goes to a safe next; a wrong password is 401; too many failures are 429 with Retry-After', async () => {
    await createUser(db, { email: 'kurator@contoh.test', password: 'kata-sandi-panjang-1', role: 'curator' });
    const set: { name: string; value: string; secure: boolean }[] = [];
    const cookies = { set: (name: string, value: string, options: { secure: boolean }) => void set.push({ name, value, secure: options.secure }) };
    expect(await loginPagePost(deps, { ...page('/portal/login', null), cookies }, { role: 'organiser' })).toEqual({ redirect: '/portal/organiser' });
    expect(await loginPagePost(deps, { ...page('/portal/login?next=/admin/orders', null), cookies }, { role: 'curator' })).toEqual({ redirect: '/admin/orders' });
    expect(await loginPagePost(deps, { ...page('/portal/login', null), cookies }, null)).toEqual({ status: 200, message: null, email: '' });
    const ok = await loginPagePost(deps, { ...page('/portal/login', { email: 'kurator@contoh.test', password: 'kata-sandi-panjang-1', next: 'https://evil.example/' }), cookies }, null);
    expect(ok).toEqual({ redirect: '/admin' });
    expect(set).toMatchObject([{ name: SESSION_COOKIE, secure: true }]);
    expect(set[0]!.value.length).toBeGreaterThan(20);
    const from = page('/portal/login', null).clientAddress;
    const wrong = () => loginPagePost(deps, { ...page('/portal/login', { email: 'kurator@contoh.test', password: 'salah-salah-salah' }), clientAddress: from, cookies }, null);
    expect(await wrong()).toEqual({ status: 401, message: t.loginWrong, email: 'kurator@contoh.test' });
    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) await wrong();
    expect(await wrong()).toEqual({ status: 429, message: t.loginThrottled, email: 'kurator@contoh.test', retryAfter: '900' });
    expect(set).toHaveLength(1);
  });

  it('organisers: invites (303 back, the invitation sent), refuses a taken e-mail in the curators\' words, and ignores a GET', async () => {
    const curatorId = await createUser(db, { email: 'kurator@contoh.test', password: 'kata-sandi-panjang-1', role: 'curator' });
    const scopes = { regions: ['pekalongan'], places: [], names: new Map([['pekalongan', 'Pekalongan']]) };
    const response = { status: 200 };
    const astro = (fields: Record<string, string> | null) => ({ ...page('/admin/organisers', fields), response, redirect: (to: string, status?: number) => new Response(null, { status: status ?? 302, headers: { Location: to } }) });
    expect(await organisersPagePost(deps, astro(null), scopes, curatorId)).toBeNull();
    const invite = { action: 'invite', email: 'wisata@contoh.test', name: 'Kantor Wisata Contoh', scopeKind: 'region', region: 'pekalongan' };
    const done = await organisersPagePost(deps, astro(invite), scopes, curatorId);
    expect(done).toBeInstanceOf(Response);
    expect((done as Response).status).toBe(303);
    expect((done as Response).headers.get('Location')).toBe('/admin/organisers?done=invited');
    expect(sent.map((m) => [m.to, m.kind])).toEqual([['wisata@contoh.test', 'account.organiser-invite']]);
    expect(sent[0]!.text).toContain('daerah Pekalongan');
    const a = useStrings('id').organiser.admin;
    expect(await organisersPagePost(deps, astro({ ...invite, email: 'kurator@contoh.test' }), scopes, curatorId)).toBe(a.errors.taken);
    expect(response.status).toBe(409);
    expect(await organisersPagePost(deps, astro({ action: 'reinvite', organiserId: '00000000-0000-4000-8000-000000000000' }), scopes, curatorId)).toBe(a.errors.notFound);
    expect(response.status).toBe(404);
    expect(sent).toHaveLength(1);
  });
});
