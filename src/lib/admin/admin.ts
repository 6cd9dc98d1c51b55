/**
 * The curators' admin: artisans (approve, suspend), products (hide), every order, what each artisan
 * is owed and the payouts made, and the system's health. Only curators reach these functions (the
 * the middleware's guard, lib/auth/guard.ts, lets only curators through); they read across all artisans on purpose.
 */
import { isUuid } from '../ids.ts';
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { NUL_MESSAGE, hasNul, withoutNul } from '../text.ts';
import { z } from 'astro/zod';
import { isOrderStatus } from '../portal/orders.ts';
import { totalsFromSums, type EarningsTotals, type LedgerKind } from '../portal/earnings.ts';
import type { OrderStatus, Transition } from '../commerce/orders.ts';
import type { SearchEngine } from '../search/types.ts';
import type { Artisan } from '../store/model.ts';

function requireId(id: unknown, what: string): string {
  if (!isUuid(id)) throw new AppError('not_found', `no ${what} ${String(id).slice(0, 40)}`);
  return id;
}

const clampLimit = (limit: number | undefined, fallback: number, max: number) => Math.min(Math.max(Math.trunc(limit ?? fallback), 1), max);

// ---------------------------------------------------------------------------------------------
// Artisans

export { ARTISAN_STATUSES } from '../store/model.ts';
export type ArtisanStatus = Artisan['status'];

/** One artisan in the admin's list. */
export interface AdminArtisan extends Pick<Artisan, 'id' | 'slug' | 'name' | 'workshop' | 'region' | 'place' | 'email' | 'whatsapp' | 'status' | 'isSample' | 'createdAt'> {
  productCount: number;
  activeProductCount: number;
  stripeAccountId: string | null;
}

/** Every artisan (optionally of one status): pending first, then by name, with their product counts. */
export async function listArtisans(db: Queryable, filter: { status?: ArtisanStatus | null | undefined } = {}): Promise<AdminArtisan[]> {
  const rows = await db.query<Omit<AdminArtisan, 'productCount' | 'activeProductCount' | 'stripeAccountId' | 'isSample' | 'createdAt'> & {
    product_count: number;
    active_count: number;
    stripe_account_id: string | null;
    is_sample: boolean;
    created_at: string | Date;
  }>(
    `SELECT a.id, a.slug, a.name, a.workshop, a.region, a.place, a.email, a.whatsapp, a.status, a.stripe_account_id, a.is_sample, a.created_at,
       count(p.id)::int AS product_count,
       count(p.id) FILTER (WHERE p.status = 'active' AND NOT p.hidden)::int AS active_count
     FROM artisans a LEFT JOIN products p ON p.artisan_id = a.id
     WHERE ($1::text IS NULL OR a.status = $1)
     GROUP BY a.id
     ORDER BY (a.status = 'pending') DESC, a.name, a.slug`,
    [filter.status ?? null],
  );
  return rows.map(({ product_count, active_count, stripe_account_id, is_sample, created_at, ...r }) => ({
    ...r,
    productCount: product_count,
    activeProductCount: active_count,
    stripeAccountId: stripe_account_id,
    isSample: is_sample,
    createdAt: new Date(created_at),
  }));
}

/**
 * Approves or suspends an artisan. A suspended artisan's pieces disappear from every public page
 * and from checkout (the public queries require an approved artisan); reindex the returned slugs.
 * @throws AppError('invalid') for another status; AppError('not_found') for an unknown artisan.
 */
export async function setArtisanStatus(
  db: Queryable,
  artisanId: string,
  status: 'approved' | 'suspended',
): Promise<{ outcome: Transition; productSlugs: string[] }> {
  if (status !== 'approved' && status !== 'suspended') throw new AppError('invalid', 'an artisan is approved or suspended here');
  const id = requireId(artisanId, 'artisan');
  const [before] = await db.query<{ status: ArtisanStatus }>('SELECT status FROM artisans WHERE id = $1', [id]);
  if (!before) throw new AppError('not_found', `no artisan ${id}`);
  const changed = await db.query(`UPDATE artisans SET status = $2, updated_at = now() WHERE id = $1 AND status <> $2 RETURNING id`, [id, status]);
  const slugs = await db.query<{ slug: string }>('SELECT slug FROM products WHERE artisan_id = $1 ORDER BY slug', [id]);
  return { outcome: changed.length ? 'changed' : 'unchanged', productSlugs: slugs.map((s) => s.slug) };
}

// ---------------------------------------------------------------------------------------------
// Products

/** One product in the admin's list. */
export interface AdminProduct {
  id: string;
  slug: string;
  title: string;
  status: 'draft' | 'active' | 'archived';
  hidden: boolean;
  stock: number;
  priceIdr: number;
  artisan: { id: string; slug: string; workshop: string; status: ArtisanStatus };
  updatedAt: Date;
  /** The English title and description as they are (empty: not translated yet; English pages show the Indonesian). */
  english: { title: string; description: string };
}

/**
 * Products across artisans, newest change first; `q` matches the title or slug, `artisanId` narrows
 * to one workshop, `hidden` to the hidden ones.
 */
export async function listAllProducts(
  db: Queryable,
  filter: { q?: string | null | undefined; artisanId?: string | null | undefined; hidden?: boolean | undefined; limit?: number | undefined; offset?: number | undefined } = {},
): Promise<AdminProduct[]> {
  const term = withoutNul(filter.q ?? '').trim();
  const q = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const artisanId = filter.artisanId ? requireId(filter.artisanId, 'artisan') : null;
  const rows = await db.query<{
    id: string;
    slug: string;
    title_id: string;
    title_en: string;
    description_en: string;
    status: AdminProduct['status'];
    hidden: boolean;
    stock: number;
    price_idr: number;
    artisan_id: string;
    artisan_slug: string;
    artisan_workshop: string;
    artisan_status: ArtisanStatus;
    updated_at: string | Date;
  }>(
    `SELECT p.id, p.slug, p.title_id, p.title_en, p.description_en, p.status, p.hidden, p.stock, p.price_idr, p.updated_at,
       a.id AS artisan_id, a.slug AS artisan_slug, a.workshop AS artisan_workshop, a.status AS artisan_status
     FROM products p JOIN artisans a ON a.id = p.artisan_id
     WHERE ($1::text IS NULL OR p.title_id ILIKE $1 OR p.title_en ILIKE $1 OR p.slug ILIKE $1)
       AND ($2::uuid IS NULL OR p.artisan_id = $2)
       AND ($3::boolean IS NULL OR p.hidden = $3)
     ORDER BY p.updated_at DESC, p.slug
     LIMIT $4 OFFSET $5`,
    [q, artisanId, filter.hidden ?? null, clampLimit(filter.limit, 100, 500), Math.max(Math.trunc(filter.offset ?? 0), 0)],
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title_id,
    status: r.status,
    hidden: r.hidden,
    stock: r.stock,
    priceIdr: r.price_idr,
    artisan: { id: r.artisan_id, slug: r.artisan_slug, workshop: r.artisan_workshop, status: r.artisan_status },
    updatedAt: new Date(r.updated_at),
    english: { title: r.title_en, description: r.description_en },
  }));
}

const englishTranslation = z.strictObject({
  title: z.string().trim().min(1).max(160).refine((s) => !hasNul(s), NUL_MESSAGE),
  description: z.string().trim().min(1).max(10_000).refine((s) => !hasNul(s), NUL_MESSAGE),
});

/**
 * A curator adds (or corrects) the English title and description of a piece its workshop wrote
 * only in Indonesian. Reindex the returned slug.
 */
export async function translateProduct(db: Queryable, productId: string, english: { title: unknown; description: unknown }): Promise<{ outcome: Transition; slug: string }> {
  const id = requireId(productId, 'product');
  const parsed = englishTranslation.safeParse(english);
  if (!parsed.success) throw new AppError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const [before] = await db.query<{ slug: string }>('SELECT slug FROM products WHERE id = $1', [id]);
  if (!before) throw new AppError('not_found', `no product ${id}`);
  const changed = await db.query(
    `UPDATE products SET title_en = $2, description_en = $3, updated_at = now() WHERE id = $1 AND (title_en <> $2 OR description_en <> $3) RETURNING id`,
    [id, parsed.data.title, parsed.data.description],
  );
  return { outcome: changed.length ? 'changed' : 'unchanged', slug: before.slug };
}

async function setHidden(db: Queryable, productId: string, hidden: boolean): Promise<{ outcome: Transition; slug: string }> {
  const id = requireId(productId, 'product');
  const [before] = await db.query<{ slug: string }>('SELECT slug FROM products WHERE id = $1', [id]);
  if (!before) throw new AppError('not_found', `no product ${id}`);
  const changed = await db.query('UPDATE products SET hidden = $2, updated_at = now() WHERE id = $1 AND hidden <> $2 RETURNING id', [id, hidden]);
  return { outcome: changed.length ? 'changed' : 'unchanged', slug: before.slug };
}

/** Hides a product from every public page, search and checkout (reindex the returned slug). */
export function hideProduct(db: Queryable, productId: string): Promise<{ outcome: Transition; slug: string }> {
  return setHidden(db, productId, true);
}

/** Shows a hidden product again (when it is active and its artisan approved). */
export function unhideProduct(db: Queryable, productId: string): Promise<{ outcome: Transition; slug: string }> {
  return setHidden(db, productId, false);
}

// ---------------------------------------------------------------------------------------------
// Orders

/** One order in the admin's list. */
export interface AdminOrder {
  id: string;
  number: string;
  status: OrderStatus;
  paymentMethod: 'stripe' | 'bank_transfer';
  payoutMode: 'platform' | 'connect';
  artisan: { slug: string; workshop: string };
  buyerName: string;
  buyerEmail: string;
  totalIdr: number;
  commissionIdr: number;
  trackingNumber: string | null;
  note: string | null;
  createdAt: Date;
  checkoutNumber: string;
}

/** The order desk's filters. */
export interface OrderFilter {
  status?: OrderStatus | null | undefined;
  paymentMethod?: 'stripe' | 'bank_transfer' | null | undefined;
  /** Only orders awaiting payment placed more than this many hours ago. */
  awaitingHours?: number | null | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * The order desk's filters as its address gives them (`?status=&method=&awaitingHours=&needsRefund=1`);
 * anything unknown is no filter.
 */
export function orderFilterFrom(params: URLSearchParams): Required<Pick<OrderFilter, 'status' | 'paymentMethod' | 'awaitingHours'>> & { needsRefund: boolean } {
  const requested = params.get('status');
  const needsRefund = params.get('needsRefund') === '1';
  const method = params.get('method');
  const hours = params.get('awaitingHours') ?? '';
  return {
    status: needsRefund ? 'needs_refund' : isOrderStatus(requested) ? requested : null,
    paymentMethod: method === 'stripe' || method === 'bank_transfer' ? method : null,
    awaitingHours: /^\d{1,4}$/.test(hours) ? Number(hours) : null,
    needsRefund,
  };
}

/** Every artisan's orders, newest first, filtered for the order desk. */
export async function listAllOrders(db: Queryable, filter: OrderFilter = {}): Promise<AdminOrder[]> {
  if (filter.status != null && !isOrderStatus(filter.status)) throw new AppError('invalid', `unknown order status "${String(filter.status)}"`);
  if (filter.paymentMethod != null && filter.paymentMethod !== 'stripe' && filter.paymentMethod !== 'bank_transfer') {
    throw new AppError('invalid', `unknown payment method "${String(filter.paymentMethod)}"`);
  }
  const hours = filter.awaitingHours;
  if (hours != null && (!Number.isInteger(hours) || hours < 0 || hours > 24 * 365)) throw new AppError('invalid', 'awaiting hours must be a whole number from 0 to 8760');
  const rows = await db.query<{
    id: string;
    number: string;
    status: OrderStatus;
    payment_method: AdminOrder['paymentMethod'];
    payout_mode: AdminOrder['payoutMode'];
    artisan_slug: string;
    artisan_workshop: string;
    buyer_name: string;
    buyer_email: string;
    total_idr: number;
    commission_idr: number;
    tracking_number: string | null;
    note: string | null;
    created_at: string | Date;
    checkout_number: string;
  }>(
    `SELECT o.id, o.number, o.status, o.payment_method, o.payout_mode, o.buyer_name, o.buyer_email, o.total_idr, o.commission_idr,
       o.tracking_number, o.note, o.created_at, COALESCE(a.slug, o.place_id) AS artisan_slug, COALESCE(a.workshop, o.place_name) AS artisan_workshop, c.number AS checkout_number
     FROM orders o LEFT JOIN artisans a ON a.id = o.artisan_id JOIN checkouts c ON c.id = o.checkout_id
     WHERE ($1::text IS NULL OR o.status = $1) AND ($4::text IS NULL OR o.payment_method = $4)
       AND ($5::int IS NULL OR (o.status = 'awaiting_payment' AND o.created_at < now() - make_interval(hours => $5::int)))
     ORDER BY o.created_at DESC, o.number DESC
     LIMIT $2 OFFSET $3`,
    [filter.status ?? null, clampLimit(filter.limit, 100, 500), Math.max(Math.trunc(filter.offset ?? 0), 0), filter.paymentMethod ?? null, hours ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    paymentMethod: r.payment_method,
    payoutMode: r.payout_mode,
    artisan: { slug: r.artisan_slug, workshop: r.artisan_workshop },
    buyerName: r.buyer_name,
    buyerEmail: r.buyer_email,
    totalIdr: r.total_idr,
    commissionIdr: r.commission_idr,
    trackingNumber: r.tracking_number,
    note: r.note,
    createdAt: new Date(r.created_at),
    checkoutNumber: r.checkout_number,
  }));
}

// ---------------------------------------------------------------------------------------------
// Payouts

/** What the cooperative owes one artisan, with where to send it. */
export interface OwedArtisan extends EarningsTotals {
  artisanId: string;
  slug: string;
  workshop: string;
  status: ArtisanStatus;
  payoutBank: string | null;
  payoutAccountName: string | null;
  payoutAccountNumber: string | null;
}

/** Every artisan with a ledger, largest balance first. */
export async function listOwed(db: Queryable): Promise<OwedArtisan[]> {
  const rows = await db.query<{
    id: string;
    slug: string;
    workshop: string;
    status: ArtisanStatus;
    payout_bank: string | null;
    payout_account_name: string | null;
    payout_account_number: string | null;
    owed: number;
    commission: number;
    refund: number;
    payout: number;
  }>(
    `SELECT a.id, a.slug, a.workshop, a.status, a.payout_bank, a.payout_account_name, a.payout_account_number,
       COALESCE(sum(l.amount_idr) FILTER (WHERE l.kind = 'owed'), 0)::float8 AS owed,
       COALESCE(sum(l.amount_idr) FILTER (WHERE l.kind = 'commission'), 0)::float8 AS commission,
       COALESCE(sum(l.amount_idr) FILTER (WHERE l.kind = 'refund'), 0)::float8 AS refund,
       COALESCE(sum(l.amount_idr) FILTER (WHERE l.kind = 'payout'), 0)::float8 AS payout
     FROM artisans a JOIN ledger_entries l ON l.artisan_id = a.id
     GROUP BY a.id`,
  );
  return rows
    .map((r) => ({
      artisanId: r.id,
      slug: r.slug,
      workshop: r.workshop,
      status: r.status,
      payoutBank: r.payout_bank,
      payoutAccountName: r.payout_account_name,
      payoutAccountNumber: r.payout_account_number,
      ...totalsFromSums({ owed: Number(r.owed), commission: Number(r.commission), refund: Number(r.refund), payout: Number(r.payout) } satisfies Record<LedgerKind, number>),
    }))
    .sort((a, b) => b.balanceIdr - a.balanceIdr || a.workshop.localeCompare(b.workshop));
}

/**
 * Records that the cooperative transferred `amountIdr` to an artisan: a `payout` ledger entry of
 * minus that amount. Payouts of one artisan are serialised (the artisan's row is locked), so two
 * curators clicking at once cannot pay out the same balance twice.
 * @throws AppError('invalid') unless the amount is a positive whole number of rupiah;
 *   AppError('not_found') for an unknown artisan; AppError('conflict') when it exceeds the balance,
 *   or the artisan has no payout account a curator has checked.
 */
export async function markPayoutPaid(db: Database, artisanId: string, amountIdr: number): Promise<{ entryId: number; balanceIdr: number }> {
  if (!Number.isSafeInteger(amountIdr) || amountIdr <= 0) throw new AppError('invalid', 'a payout is a positive whole number of rupiah');
  const id = requireId(artisanId, 'artisan');
  return db.transaction(async (tx) => {
    const [artisan] = await tx.query('SELECT id FROM artisans WHERE id = $1 FOR UPDATE', [id]);
    if (!artisan) throw new AppError('not_found', `no artisan ${id}`);
    const [sum] = await tx.query<{ balance: number }>(
      `SELECT COALESCE(sum(amount_idr) FILTER (WHERE kind <> 'commission'), 0)::float8 AS balance FROM ledger_entries WHERE artisan_id = $1`,
      [id],
    );
    const balance = Number(sum?.balance ?? 0);
    if (amountIdr > balance) {
      throw new AppError('conflict', `a payout of ${amountIdr} is more than the balance of ${balance} rupiah`, { reason: 'over_balance' });
    }
    // Only to an account a curator has checked; the entry keeps where the money went.
    const [account] = await tx.query<{ payout_bank: string | null; payout_account_number: string | null; payout_account_name: string | null }>(
      'SELECT payout_bank, payout_account_number, payout_account_name FROM artisans WHERE id = $1',
      [id],
    );
    if (!account?.payout_bank || !account.payout_account_number || !account.payout_account_name) {
      throw new AppError('conflict', 'this artisan has no checked payout account yet', { reason: 'no_payout_account' });
    }
    const [entry] = await tx.query<{ id: number | string }>(
      `INSERT INTO ledger_entries (artisan_id, order_id, kind, amount_idr, payout_account) VALUES ($1, NULL, 'payout', $2, $3) RETURNING id`,
      [id, -amountIdr, `${account.payout_bank} ${account.payout_account_number} a.n. ${account.payout_account_name}`],
    );
    return { entryId: Number(entry!.id), balanceIdr: balance - amountIdr };
  });
}

// ---------------------------------------------------------------------------------------------
// Overview and system

/** The admin's front page numbers. */
export interface AdminSummary {
  pendingArtisans: number;
  approvedArtisans: number;
  suspendedArtisans: number;
  awaitingPayment: number;
  toShip: number;
  hiddenProducts: number;
  outboxUnsent: number;
  outboxFailed: number;
  owedBalanceIdr: number;
}

/** Counts for the admin's front page. */
export async function adminSummary(db: Queryable): Promise<AdminSummary> {
  const [[artisans], [orders], [products], [outbox], [ledger]] = await Promise.all([
    db.query<{ pending: number; approved: number; suspended: number }>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'approved')::int AS approved,
         count(*) FILTER (WHERE status = 'suspended')::int AS suspended FROM artisans`,
    ),
    db.query<{ awaiting: number; to_ship: number }>(
      `SELECT count(*) FILTER (WHERE status = 'awaiting_payment')::int AS awaiting, count(*) FILTER (WHERE status = 'paid')::int AS to_ship FROM orders`,
    ),
    db.query<{ hidden: number }>('SELECT count(*) FILTER (WHERE hidden)::int AS hidden FROM products'),
    db.query<{ unsent: number; failed: number }>(
      'SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*) FILTER (WHERE last_error IS NOT NULL AND sent_at IS NULL)::int AS failed FROM outbox',
    ),
    db.query<{ balance: number }>(`SELECT COALESCE(sum(amount_idr) FILTER (WHERE kind <> 'commission'), 0)::float8 AS balance FROM ledger_entries`),
  ]);
  return {
    pendingArtisans: artisans?.pending ?? 0,
    approvedArtisans: artisans?.approved ?? 0,
    suspendedArtisans: artisans?.suspended ?? 0,
    awaitingPayment: orders?.awaiting ?? 0,
    toShip: orders?.to_ship ?? 0,
    hiddenProducts: products?.hidden ?? 0,
    outboxUnsent: outbox?.unsent ?? 0,
    outboxFailed: outbox?.failed ?? 0,
    owedBalanceIdr: Number(ledger?.balance ?? 0),
  };
}

export interface SystemStatusDeps {
  db: Database;
  /** Opens (or returns) the process's search engine; may throw when it cannot. */
  search: () => Promise<SearchEngine>;
  stripeConfigured: boolean;
  payoutMode: 'platform' | 'connect';
  mailer: string;
}

/** The health of each service, for the system page. Never throws: a failure is reported. */
export interface SystemStatus {
  database: { kind: Database['kind']; ok: boolean; latencyMs: number | null; error: string | null };
  search: { name: string | null; healthy: boolean; error: string | null };
  stripe: { configured: boolean };
  payoutMode: 'platform' | 'connect';
  mailer: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** Checks the database (a timed `SELECT 1`) and the search engine, and reports the configuration. */
export async function systemStatus(deps: SystemStatusDeps): Promise<SystemStatus> {
  const database: SystemStatus['database'] = { kind: deps.db.kind, ok: false, latencyMs: null, error: null };
  try {
    const started = performance.now();
    await deps.db.query('SELECT 1');
    database.latencyMs = Math.round((performance.now() - started) * 10) / 10;
    database.ok = true;
  } catch (error) {
    database.error = messageOf(error);
  }
  const search: SystemStatus['search'] = { name: null, healthy: false, error: null };
  try {
    const engine = await deps.search();
    search.name = engine.name;
    search.healthy = await engine.isHealthy();
  } catch (error) {
    search.error = messageOf(error);
  }
  return { database, search, stripe: { configured: deps.stripeConfigured }, payoutMode: deps.payoutMode, mailer: deps.mailer };
}
