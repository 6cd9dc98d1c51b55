/**
 * The account pages' logic (the pages only render): sign-in (`/portal/login`), applying as an artisan
 * (`/portal/signup`) and resetting a password (`/portal/reset`). Each takes the page's request and
 * answers what to show — the status, the sentence, the fields to fill again — or where to go next.
 */
import { secureCookies, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { readForm } from '../http.ts';
import { clientAddress } from '../ops/client-address.ts';
import { useStrings } from '../../i18n/index.ts';
import { finishPasswordReset, SESSION_DAYS, signIn, type SignedInUser } from './accounts.ts';
import { homeFor, safeNext } from './redirects.ts';
import { requestPasswordReset, signUpArtisan } from './self-service.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** The part of Astro's page a visitor's form post needs. */
export interface VisitorPage {
  request: Request;
  url: URL;
  /** The socket's address (Astro.clientAddress); behind proxies the forwarded one is taken (TRUST_PROXY_HOPS). */
  clientAddress: string;
}

export interface AccountPageDeps {
  db: Database;
  config: Pick<Config, 'TRUST_PROXY_HOPS' | 'CANTING_MODE' | 'NODE_ENV'>;
  /** The app's `deliverEffects`: the queued account e-mails go out before the page answers. */
  deliverEffects: () => Promise<void>;
}

const visitorAddress = (config: AccountPageDeps['config'], page: VisitorPage) =>
  clientAddress(page.request.headers.get('x-forwarded-for'), page.clientAddress, config.TRUST_PROXY_HOPS);

/** The sentence for a form that could not be read at all (too large, not a form). */
const unreadable = (status: number) => (status === 413 ? useStrings('id').form.tooLarge : useStrings('id').form.unreadable);

export const SIGNUP_FIELDS = ['email', 'name', 'workshop', 'region', 'place', 'whatsapp'] as const;
export type SignupField = (typeof SIGNUP_FIELDS)[number];

export interface SignupPage {
  status: number;
  /** Applied (or told the owner of a taken e-mail: the same answer). */
  done: boolean;
  problem: string | null;
  /** What the visitor wrote, to fill the form again (never the password). */
  values: Record<SignupField, string>;
  /** A sentence per refused field (`password` included). */
  errors: Partial<Record<SignupField | 'password', string>>;
}

/**
 * The sign-up page: a GET shows the empty form; a post applies (`signUpArtisan`) and answers done, the
 * fields to correct (400), too many sign-ups from the address (429) or text that cannot be stored (400).
 */
export async function signupPagePost(deps: AccountPageDeps, page: VisitorPage, regions: readonly string[]): Promise<SignupPage> {
  const t = useStrings('id').portal.account;
  const values = Object.fromEntries(SIGNUP_FIELDS.map((key) => [key, ''])) as Record<SignupField, string>;
  const view: SignupPage = { status: 200, done: false, problem: null, values, errors: {} };
  if (page.request.method !== 'POST') return view;
  const read = await readForm(page.request);
  if (!read.ok) return { ...view, status: read.status, problem: unreadable(read.status) };
  for (const key of SIGNUP_FIELDS) values[key] = String(read.form.get(key) ?? '').slice(0, 320);
  const result = await signUpArtisan(deps, { ...values, password: String(read.form.get('password') ?? '') }, visitorAddress(deps.config, page), regions);
  if (result.outcome === 'done') return { ...view, done: true };
  if (result.outcome === 'rate_limited') return { ...view, status: 429, problem: t.signupRateLimited };
  if (result.outcome === 'unstorable') return { ...view, status: 400, problem: t.signupUnsaved };
  const errors: SignupPage['errors'] = {};
  for (const field of result.fields) {
    errors[field as SignupField] = Object.hasOwn(t.signupErrors, field) ? t.signupErrors[field as keyof typeof t.signupErrors] : t.signupErrors.other;
  }
  return { ...view, status: 400, errors };
}

/** Which sentence the reset page shows (the page holds the texts). */
export type ResetSaid = 'changed' | 'expired' | 'tooShort' | 'rateLimited' | 'sentIfKnown';

/**
 * The reset page. With `?token=`, a post sets the new password (`finishPasswordReset`); without, a post
 * asks for a link by e-mail, answered the same whether the address has an account or not.
 */
export async function resetPagePost(deps: AccountPageDeps, page: VisitorPage): Promise<{ status: number; done: boolean; said: ResetSaid | null; problem: string | null }> {
  const view = { status: 200, done: false, said: null, problem: null };
  if (page.request.method !== 'POST') return view;
  const read = await readForm(page.request);
  if (!read.ok) return { ...view, status: read.status, problem: unreadable(read.status) };
  const token = page.url.searchParams.get('token');
  if (token) {
    try {
      const done = await finishPasswordReset(deps.db, token, String(read.form.get('password') ?? ''));
      return done ? { ...view, done, said: 'changed' } : { ...view, status: 400, said: 'expired' };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      return { ...view, status: 400, said: 'tooShort' };
    }
  }
  const sent = await requestPasswordReset(deps, String(read.form.get('email') ?? ''), visitorAddress(deps.config, page));
  return sent === 'rate_limited' ? { ...view, status: 429, said: 'rateLimited' } : { ...view, done: true, said: 'sentIfKnown' };
}

/** The part of Astro's cookie jar signing in needs (structural: lib stays free of Astro). */
export interface SessionCookieJar {
  set(name: string, value: string, options: { httpOnly: boolean; sameSite: 'lax'; secure: boolean; path: string; maxAge: number }): void;
}

/**
 * The sign-in page: someone signed in already goes on (to `next` if it is ours, else their section);
 * a post signs in (the session cookie set, then on), or answers the wrong password (401) or too many
 * failures (429, with Retry-After); a post that is not a form is not an attempt and counts against no one.
 */
export async function loginPagePost(
  deps: Pick<AccountPageDeps, 'db' | 'config'>,
  page: VisitorPage & { cookies: SessionCookieJar },
  user: Pick<SignedInUser, 'role'> | null,
): Promise<{ redirect: string } | { status: number; message: string | null; email: string; retryAfter?: string }> {
  const next = page.url.searchParams.get('next');
  if (user) return { redirect: safeNext(next, homeFor(user.role)) };
  if (page.request.method !== 'POST') return { status: 200, message: null, email: '' };
  const read = await readForm(page.request);
  if (!read.ok) return { status: read.status, message: unreadable(read.status), email: '' };
  const email = String(read.form.get('email') ?? '').slice(0, 320);
  const result = await signIn(deps.db, email, String(read.form.get('password') ?? ''), visitorAddress(deps.config, page));
  if (result.ok) {
    page.cookies.set(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', secure: secureCookies(deps.config, page.url), path: '/', maxAge: 60 * 60 * 24 * SESSION_DAYS });
    return { redirect: safeNext(String(read.form.get('next') ?? next ?? ''), homeFor(result.user.role)) };
  }
  const t = useStrings('id').portal.account;
  if (result.reason === 'throttled') return { status: 429, message: t.loginThrottled, email, retryAfter: '900' };
  return { status: 401, message: t.loginWrong, email };
}
