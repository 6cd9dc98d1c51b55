import { t as mod } from "./zod_lkTcRd8k.mjs";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
// src/lib/errors.ts
/**
* One error type for the whole app, with a short closed list of codes, mapped to HTTP in one place
* (`httpStatus`). Foreign errors are wrapped with `cause`, never swallowed.
*/
var ERROR_CODES = {
	invalid: 400,
	unauthorized: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	too_large: 413,
	rate_limited: 429,
	internal: 500,
	unavailable: 503
};
var AppError = class extends Error {
	code;
	hint;
	constructor(code, message, options = {}) {
		super(message, { cause: options.cause });
		this.name = "AppError";
		this.code = code;
		this.hint = options.hint;
	}
};
function httpStatus(error) {
	return error instanceof AppError ? ERROR_CODES[error.code] : 500;
}
/** PostgreSQL SQLSTATEs we turn into our codes; anything else stays `internal`. */
var PG_CODES = {
	"23505": "conflict",
	"23503": "invalid",
	"23514": "invalid",
	"23502": "invalid",
	"22P02": "invalid",
	"40001": "conflict"
};
/** Wraps a database error as an AppError, keeping the original as `cause`. */
function fromDatabaseError(error, message) {
	if (error instanceof AppError) return error;
	const code = error?.code;
	return new AppError(code && PG_CODES[code] || "internal", message, { cause: error });
}
// src/lib/config.ts
/**
* Server configuration from the environment, validated once. A bad value stops start-up with a
* message that names the variable and the fix.
*/
var configSchema = mod.object({
	DATA_DIR: mod.string().min(1).default("./.data"),
	DATABASE_URL: mod.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL, e.g. postgres://canting:secret@localhost:5432/canting").optional(),
	NODE_ENV: mod.string().default("development"),
	MEILISEARCH_HOST: mod.url("must be a URL such as http://127.0.0.1:7700").optional(),
	/** Admin key: stays on the server, never sent to a browser. */
	MEILISEARCH_API_KEY: mod.string().min(1).optional(),
	STRIPE_SECRET_KEY: mod.string().regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_… or sk_live_…)").optional(),
	STRIPE_WEBHOOK_SECRET: mod.string().regex(/^whsec_/, "must be a webhook signing secret (whsec_…)").optional(),
	/** Another Stripe-compatible server (stripe-mock, a test fake), e.g. http://127.0.0.1:12111. */
	STRIPE_API_BASE: mod.url().optional(),
	PAYOUT_MODE: mod.enum(["platform", "connect"]).default("platform"),
	/** The cooperative's commission, in whole percent of the goods (not shipping). */
	COMMISSION_PERCENT: mod.coerce.number().int().min(0).max(50).default(10),
	BANK_TRANSFER_HOLD_HOURS: mod.coerce.number().int().min(1).max(168).default(24),
	STRIPE_HOLD_MINUTES: mod.coerce.number().int().min(30).max(1440).default(30),
	BANK_NAME: mod.string().min(1).default("Bank Contoh (sample)"),
	BANK_ACCOUNT_NAME: mod.string().min(1).default("Koperasi Canting (contoh)"),
	BANK_ACCOUNT_NUMBER: mod.string().min(1).default("000-000-0000 (contoh)"),
	SMTP_URL: mod.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
	MAIL_FROM: mod.string().min(3).default("Canting <pesanan@canting.invalid>"),
	/** Bearer token for the interim admin actions (confirm a bank transfer); unset disables them. */
	ADMIN_TOKEN: mod.string().min(16, "must be at least 16 characters").optional(),
	MEILISEARCH_INDEX: mod.string().regex(/^[a-zA-Z0-9_-]+$/, "letters, digits, - and _ only").default("products"),
	PUBLIC_SITE_URL: mod.url().default("http://localhost:4321")
});
var ConfigError = class extends Error {
	name = "ConfigError";
};
function loadConfig(env = process.env) {
	const blank = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? void 0 : v]));
	const parsed = configSchema.safeParse(blank);
	if (parsed.success && parsed.data.STRIPE_SECRET_KEY && !parsed.data.STRIPE_WEBHOOK_SECRET) throw new ConfigError("Invalid configuration (see .env.example):\n  STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY, to verify webhooks");
	if (!parsed.success) throw new ConfigError(`Invalid configuration (see .env.example):\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
	return parsed.data;
}
// src/lib/db/migrations/index.ts
/**
* Versioned migrations, applied in order, each once, each in its own transaction.
* Never edit a migration that has shipped: add the next one.
*/
var MIGRATIONS = [
	{
		id: 1,
		name: "artisans-products",
		sql: `
CREATE TABLE artisans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  workshop text NOT NULL CHECK (length(workshop) BETWEEN 1 AND 160),
  region text NOT NULL,
  place text NOT NULL,
  bio_id text NOT NULL DEFAULT '',
  bio_en text NOT NULL DEFAULT '',
  certifications jsonb NOT NULL DEFAULT '[]'::jsonb,
  whatsapp text CHECK (whatsapp ~ '^\\+?[0-9]{8,15}$'),
  email text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'suspended')),
  payout_bank text,
  payout_account_name text,
  payout_account_number text,
  stripe_account_id text,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX artisans_region_idx ON artisans (region);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  artisan_id uuid NOT NULL REFERENCES artisans (id) ON DELETE RESTRICT,
  title_id text NOT NULL CHECK (length(title_id) BETWEEN 1 AND 160),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 160),
  description_id text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  motifs text[] NOT NULL DEFAULT '{}',
  technique text NOT NULL,
  dye text NOT NULL CHECK (dye IN ('natural', 'synthetic', 'mixed')),
  fabric text NOT NULL,
  category text NOT NULL,
  length_cm integer CHECK (length_cm > 0),
  width_cm integer CHECK (width_cm > 0),
  weight_grams integer NOT NULL CHECK (weight_grams > 0),
  price_idr integer NOT NULL CHECK (price_idr > 0),
  stock integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  one_of_a_kind boolean NOT NULL DEFAULT false,
  lead_time_days integer CHECK (lead_time_days >= 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'archived')),
  colors text[] NOT NULL DEFAULT '{}',
  hidden boolean NOT NULL DEFAULT false,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  CHECK (NOT one_of_a_kind OR stock <= 1)
);
CREATE INDEX products_artisan_idx ON products (artisan_id);
CREATE INDEX products_status_idx ON products (status, published_at DESC);
CREATE INDEX products_motifs_idx ON products USING gin (motifs);

CREATE TABLE product_images (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  image_key text NOT NULL,
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  placeholder text NOT NULL,
  dominant_colors text[] NOT NULL DEFAULT '{}',
  variants jsonb NOT NULL,
  alt_id text NOT NULL DEFAULT '',
  alt_en text NOT NULL DEFAULT '',
  UNIQUE (product_id, position)
);
`
	},
	{
		id: 2,
		name: "carts-orders",
		sql: `
CREATE TABLE carts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cart_items (
  cart_id uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, product_id)
);

CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  token_hash text NOT NULL,
  checkout_id uuid NOT NULL,
  artisan_id uuid NOT NULL REFERENCES artisans (id),
  lang text NOT NULL CHECK (lang IN ('id', 'en')),
  status text NOT NULL DEFAULT 'awaiting_payment'
    CHECK (status IN ('awaiting_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded')),
  payment_method text NOT NULL CHECK (payment_method IN ('stripe', 'bank_transfer')),
  -- connect: Stripe pays the artisan directly (destination charge); platform: we owe them (ledger).
  payout_mode text NOT NULL DEFAULT 'platform' CHECK (payout_mode IN ('platform', 'connect')),
  payment_reference text,
  payment_url text,
  payment_intent_id text,
  buyer_name text NOT NULL,
  buyer_email text NOT NULL,
  buyer_phone text NOT NULL,
  address jsonb NOT NULL,
  courier text NOT NULL,
  shipping_zone text NOT NULL,
  subtotal_idr integer NOT NULL CHECK (subtotal_idr >= 0),
  shipping_idr integer NOT NULL CHECK (shipping_idr >= 0),
  total_idr integer NOT NULL CHECK (total_idr = subtotal_idr + shipping_idr),
  commission_idr integer NOT NULL DEFAULT 0 CHECK (commission_idr >= 0),
  lead_time_days integer,
  stock_held boolean NOT NULL DEFAULT true,
  hold_expires_at timestamptz NOT NULL,
  tracking_number text,
  paid_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  closed_at timestamptz,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_artisan_idx ON orders (artisan_id, created_at DESC);
CREATE INDEX orders_hold_idx ON orders (hold_expires_at) WHERE status = 'awaiting_payment';
CREATE UNIQUE INDEX orders_payment_reference_idx ON orders (payment_reference) WHERE payment_reference IS NOT NULL;
CREATE INDEX orders_payment_intent_idx ON orders (payment_intent_id);

CREATE TABLE order_items (
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id),
  title_id text NOT NULL,
  title_en text NOT NULL,
  unit_price_idr integer NOT NULL CHECK (unit_price_idr > 0),
  quantity integer NOT NULL CHECK (quantity > 0),
  weight_grams integer NOT NULL,
  made_to_order boolean NOT NULL DEFAULT false,
  PRIMARY KEY (order_id, product_id)
);

CREATE TABLE order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  status text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  artisan_id uuid NOT NULL REFERENCES artisans (id),
  order_id uuid REFERENCES orders (id),
  kind text NOT NULL CHECK (kind IN ('owed', 'commission', 'refund', 'payout')),
  amount_idr integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ledger_order_kind_idx ON ledger_entries (order_id, kind) WHERE order_id IS NOT NULL;

CREATE TABLE stripe_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  body_text text NOT NULL,
  body_html text,
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
  -- No foreign key: the outbox is a log that outlives what it mentions.
  order_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text
);
CREATE INDEX outbox_order_idx ON outbox (order_id) WHERE order_id IS NOT NULL;
`
	},
	{
		id: 3,
		name: "accounts",
		sql: `
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('artisan', 'curator')),
  artisan_id uuid UNIQUE REFERENCES artisans (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'artisan' OR artisan_id IS NOT NULL)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, created_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, created_at);
`
	}
];
// src/lib/db/migrate.ts
/** Arbitrary key of the advisory lock that keeps two instances from migrating at once. */
var MIGRATION_LOCK = 7364001;
/**
* Applies pending migrations. Safe to call on every start and from several instances at once:
* a transaction-scoped advisory lock serialises them, and applied ids are recorded.
* @returns the migrations applied by this call.
*/
async function migrate(db, migrations = MIGRATIONS) {
	await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
	const applied = [];
	for (const migration of [...migrations].sort((a, b) => a.id - b.id)) if (await db.transaction(async (tx) => {
		await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
		if ((await tx.query("SELECT 1 FROM schema_migrations WHERE id = $1", [migration.id])).length) return false;
		for (const statement of splitStatements(migration.sql)) await tx.query(statement);
		await tx.query("INSERT INTO schema_migrations (id, name) VALUES ($1, $2)", [migration.id, migration.name]);
		return true;
	})) applied.push(migration);
	return applied;
}
/** Splits a migration into statements on `;` at line ends (our migrations have no functions with bodies). */
function splitStatements(sql) {
	return sql.split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean);
}
// src/lib/db/pglite-database.ts
/**
* The embedded default: PGlite storing its files under `dataDir` (or in memory for `memory://`).
* One process owns a data directory at a time; PGlite serialises queries and transactions itself.
*/
async function openPgliteDatabase(dataDir) {
	if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
	const pg = await PGlite.create(dataDir);
	const wrap = (q) => ({ async query(sql, params = []) {
		return (await q.query(sql, params)).rows;
	} });
	return {
		kind: "pglite",
		...wrap(pg),
		transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
		async exec(sql) {
			await pg.exec(sql);
		},
		close: () => pg.close()
	};
}
// src/lib/db/postgres-database.ts
pg.types.setTypeParser(20, (v) => Number(v));
/** A PostgreSQL server through a connection pool (`DATABASE_URL`). */
async function openPostgresDatabase(connectionString, options = {}) {
	const pool = new pg.Pool({
		connectionString,
		max: options.max ?? 10
	});
	(await pool.connect()).release();
	const wrap = (q) => ({ async query(sql, params = []) {
		return (await q.query(sql, params)).rows;
	} });
	return {
		kind: "postgres",
		...wrap(pool),
		async transaction(work) {
			const conn = await pool.connect();
			try {
				await conn.query("BEGIN");
				const value = await work(wrap(conn));
				await conn.query("COMMIT");
				return value;
			} catch (error) {
				await conn.query("ROLLBACK").catch(() => void 0);
				throw error;
			} finally {
				conn.release();
			}
		},
		async exec(sql) {
			await pool.query(sql);
		},
		close: () => pool.end()
	};
}
// src/lib/services.server.ts
/**
* The one place that reads configuration and picks implementations. Everything else receives
* what it needs from here.
*/
/** Opens the configured database and applies pending migrations. */
async function openDatabase(config) {
	const db = await connectDatabase(config);
	await migrate(db);
	return db;
}
/** Connects to the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
async function connectDatabase(config) {
	return config.DATABASE_URL ? await openPostgresDatabase(config.DATABASE_URL).catch((cause) => {
		throw new Error(`Cannot connect to PostgreSQL at DATABASE_URL (${redact(config.DATABASE_URL)}): ${cause.message}.\n  Start the server, fix the URL, or unset DATABASE_URL to use the embedded PGlite database.`, { cause });
	}) : openPgliteDatabase(pgliteDir(config));
}
function pgliteDir(config) {
	return join(resolve(config.DATA_DIR), "pglite");
}
/** Where processed images live: content-addressed files, served under /media/. */
function mediaDir(config) {
	return join(resolve(config.DATA_DIR), "media");
}
function redact(url) {
	return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
var services;
/** The process's services, created on first use. */
function getServices() {
	services ??= (async () => {
		const config = loadConfig();
		return {
			config,
			db: await openDatabase(config)
		};
	})();
	return services;
}
export { httpStatus as a, fromDatabaseError as i, mediaDir as n, AppError as r, getServices as t };
