/**
 * Server configuration from the environment, validated once. A bad value stops start-up with a
 * message that names the variable and the fix.
 */
import { z } from 'astro/zod';

const configSchema = z.object({
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL, e.g. postgres://canting:secret@localhost:5432/canting')
    .optional(),
  NODE_ENV: z.string().default('development'),
  /**
   * What kind of site this is, apart from NODE_ENV (which only picks React's and Astro's builds):
   * `production` — a real shop: never the sample catalogue, cookies always `Secure`;
   * `sample` — a try-out: the sample catalogue on an empty database, `Secure` cookies over https only.
   * Unset: `production` when NODE_ENV=production, else `sample` (see `siteMode`).
   */
  CANTING_MODE: z.enum(['production', 'sample'], 'must be production or sample').optional(),
  MEILISEARCH_HOST: z.url('must be a URL such as http://127.0.0.1:7700').optional(),
  /** Admin key: stays on the server, never sent to a browser. */
  MEILISEARCH_API_KEY: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, 'must be a webhook signing secret (whsec_…)').optional(),
  /** Another Stripe-compatible server (stripe-mock, a test fake), e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.url().optional(),
  PAYOUT_MODE: z.enum(['platform', 'connect']).default('platform'),
  /** The cooperative's commission, in whole percent of the goods (not shipping). */
  COMMISSION_PERCENT: z.coerce.number().int().min(0).max(50).default(10),
  BANK_TRANSFER_HOLD_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  STRIPE_HOLD_MINUTES: z.coerce.number().int().min(30).max(1440).default(30),
  /** A shipped order the buyer never confirmed becomes delivered this many days after shipping. */
  DELIVERY_AUTO_COMPLETE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** An artisan is reminded (once) of a paid order not shipped this many hours after payment. */
  SHIP_REMINDER_HOURS: z.coerce.number().int().min(1).max(720).default(48),
  // The sample account: pages and e-mails label it as a sample in the reader's language (SAMPLE_BANK_ACCOUNT_NUMBER).
  BANK_NAME: z.string().min(1).default('Bank Contoh'),
  BANK_ACCOUNT_NAME: z.string().min(1).default('Koperasi Canting'),
  BANK_ACCOUNT_NUMBER: z.string().min(1).default('000-000-0000'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Canting <pesanan@canting.invalid>'),
  /**
   * Signs buyers' order-status links, so every order e-mail can carry the link. Unset: a secret is made
   * once and kept in the database (shared by every server on it). Set it to rotate (old links then stop working).
   */
  LINK_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  /** Bearer token for the interim admin actions (confirm a bank transfer); unset disables them. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  MEILISEARCH_INDEX: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, - and _ only').default('products'),
  /** The public origin: every absolute URL that leaves the server (e-mails, Stripe return URLs) starts with it. */
  PUBLIC_SITE_URL: z.url().default('http://localhost:4321'),
  /**
   * Other host names the server answers to, comma-separated (e.g. `www.canting.id,canting.id`). The host of
   * PUBLIC_SITE_URL and loopback names are always served; a request for any other Host is refused (421).
   */
  ALLOWED_HOSTS: z
    .string()
    .regex(/^\s*[a-z0-9.\-\[\]:]+(\s*,\s*[a-z0-9.\-\[\]:]+)*\s*$/i, 'must be host names separated by commas, e.g. www.canting.id,canting.id')
    .optional(),
  /** How many large uploads (photo forms) the server reads at once; more wait their turn or are asked to retry. */
  UPLOAD_SLOTS: z.coerce.number().int().min(1).max(16).default(2),
  /** How long an unpaid bank-transfer order holds a one-of-a-kind piece (stock 1), in hours. */
  ONE_OF_A_KIND_HOLD_HOURS: z.coerce.number().int().min(1).max(168).default(6),
  /** How many unpaid orders one buyer (by e-mail or phone) may hold at once. */
  MAX_UNPAID_ORDERS_PER_BUYER: z.coerce.number().int().min(1).max(100_000).default(3),
  /** How many proxies in front of the server append to X-Forwarded-For (0: none, use the socket's address). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Brotli/gzip for text answers; `off` when a proxy or CDN in front already compresses. */
  COMPRESSION: z.enum(['on', 'off'], 'must be on or off').default('on'),
  /** Rendered public pages (product, workshop, listing, search) kept in memory; `off` renders every view. */
  HTML_CACHE: z.enum(['on', 'off'], 'must be on or off').default('on'),
  /** One JSON line per request on stdout; `off` for benchmarks. */
  REQUEST_LOG: z.enum(['on', 'off'], 'must be on or off').default('on'),
});

export type Config = z.infer<typeof configSchema>;

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/**
 * The host names the server answers to: PUBLIC_SITE_URL's host, ALLOWED_HOSTS and loopback (for the
 * machine itself: health checks, tests). Lower case, without ports.
 */
export function servedHosts(config: Pick<Config, 'PUBLIC_SITE_URL' | 'ALLOWED_HOSTS'>): Set<string> {
  const hosts = new Set(LOOPBACK_HOSTS);
  hosts.add(new URL(config.PUBLIC_SITE_URL).hostname.toLowerCase());
  for (const host of (config.ALLOWED_HOSTS ?? '').split(',')) {
    const name = host.trim().toLowerCase();
    if (name) hosts.add(hostName(name));
  }
  return hosts;
}

/** `example.id:4321` → `example.id`; `[::1]:4321` → `[::1]`. */
export function hostName(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * An absolute URL on the public site, from configuration, never from the request's Host header.
 * @example siteUrl(config, '/portal/reset?token=abc') // 'https://canting.id/portal/reset?token=abc'
 */
export function siteUrl(config: Pick<Config, 'PUBLIC_SITE_URL'>, pathAndQuery: string): string {
  if (!pathAndQuery.startsWith('/') || pathAndQuery.startsWith('//')) throw new Error(`siteUrl takes a path starting with one /, not ${JSON.stringify(pathAndQuery)}`);
  return `${config.PUBLIC_SITE_URL.replace(/\/+$/, '')}${pathAndQuery}`;
}

export type SiteMode = 'production' | 'sample';

/**
 * The site's mode: CANTING_MODE, else `production` when NODE_ENV=production (how it was said before
 * CANTING_MODE existed), else `sample`. `npm start` pins CANTING_MODE before it sets NODE_ENV=production
 * for React, so a try-out keeps its sample catalogue.
 */
export function siteMode(config: Pick<Config, 'CANTING_MODE' | 'NODE_ENV'>): SiteMode {
  return config.CANTING_MODE ?? (config.NODE_ENV === 'production' ? 'production' : 'sample');
}

/** Whether cookies are set `Secure`: always in production, else when the request came over https. */
export function secureCookies(config: Pick<Config, 'CANTING_MODE' | 'NODE_ENV'>, url: URL): boolean {
  return url.protocol === 'https:' || siteMode(config) === 'production';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blank = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = configSchema.safeParse(blank);
  if (parsed.success && parsed.data.STRIPE_SECRET_KEY && !parsed.data.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration (see .env.example):\n  STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY, to verify webhooks');
  }
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
