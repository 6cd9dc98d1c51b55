/**
 * What an artisan earned and was paid, from the ledger (platform payout mode): for each paid order
 * what they are owed (its total less the commission) and the commission itself, refunds booked
 * against them, and payouts made by the cooperative. Amounts are signed as stored: owed and
 * commission positive, refunds and payouts negative. The balance is owed + refunds + payouts.
 */
import { useStrings } from '../../i18n/index.ts';
import { checkArtisanId } from '../ids.ts';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { StripeProvider } from '../commerce/payments/types.ts';
import { pendingPayoutAccount } from './payout-accounts.ts';

export const LEDGER_KINDS = ['owed', 'commission', 'refund', 'payout'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One ledger entry as the artisan reads it. */
export interface LedgerRow {
  id: number;
  date: Date;
  /** The order it comes from; null for a payout. */
  orderNumber: string | null;
  kind: LedgerKind;
  /** Signed rupiah, as stored. */
  amountIdr: number;
  /** The order's pieces ("Kain kopi × 1; …"), written by the artisan; empty for a payout. */
  description: string;
}

/** Sums of an artisan's ledger, every amount as a positive number of rupiah except the balance. */
export interface EarningsTotals {
  owedIdr: number;
  commissionIdr: number;
  refundsIdr: number;
  paidOutIdr: number;
  /** What the cooperative still has to pay out: owed − refunds − paid out (may be negative after a refund). */
  balanceIdr: number;
}


/** Turns per-kind sums (signed, as stored) into totals. */
export function totalsFromSums(sums: Partial<Record<LedgerKind, number>>): EarningsTotals {
  const owed = sums.owed ?? 0;
  const refund = sums.refund ?? 0;
  const payout = sums.payout ?? 0;
  return {
    owedIdr: owed,
    commissionIdr: sums.commission ?? 0,
    refundsIdr: -refund,
    paidOutIdr: -payout,
    balanceIdr: owed + refund + payout,
  };
}

/** The totals of one artisan's ledger. */
export async function earningsTotals(db: Queryable, artisanId: string): Promise<EarningsTotals> {
  checkArtisanId(artisanId);
  const rows = await db.query<{ kind: LedgerKind; total: number }>(
    'SELECT kind, sum(amount_idr)::float8 AS total FROM ledger_entries WHERE artisan_id = $1 GROUP BY kind',
    [artisanId],
  );
  return totalsFromSums(Object.fromEntries(rows.map((r) => [r.kind, Number(r.total)])));
}

/**
 * One artisan's ledger entries, oldest first.
 * @param options.limit at most this many of the newest entries (default: all, up to 10,000).
 */
export async function listLedger(db: Queryable, artisanId: string, options: { limit?: number } = {}): Promise<LedgerRow[]> {
  checkArtisanId(artisanId);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10_000), 1), 10_000);
  const rows = await db.query<{ id: number | string; created_at: string | Date; number: string | null; kind: LedgerKind; amount_idr: number; description: string | null; payout_account: string | null }>(
    `SELECT * FROM (
       SELECT l.id, l.created_at, o.number, l.kind, l.amount_idr, l.payout_account,
         (SELECT string_agg(oi.title_id || ' × ' || oi.quantity, '; ' ORDER BY oi.title_id) FROM order_items oi WHERE oi.order_id = l.order_id) AS description
       FROM ledger_entries l LEFT JOIN orders o ON o.id = l.order_id
       WHERE l.artisan_id = $1
       ORDER BY l.created_at DESC, l.id DESC
       LIMIT $2
     ) newest ORDER BY created_at, id`,
    [artisanId, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    date: new Date(r.created_at),
    orderNumber: r.number,
    kind: r.kind,
    amountIdr: r.amount_idr,
    // A payout says which account it went to (the number masked but for its last four digits).
    description: r.description ?? (r.payout_account ? `ke ${r.payout_account.replace(/\d(?=\d{4})/g, '•')}` : ''),
  }));
}

/** The ledger and its totals, for the earnings page. */
export async function getEarnings(db: Queryable, artisanId: string): Promise<{ rows: LedgerRow[]; totals: EarningsTotals }> {
  const [rows, totals] = await Promise.all([listLedger(db, artisanId), earningsTotals(db, artisanId)]);
  return { rows, totals };
}

/** The kinds of entry in Indonesian (the portal's language), for the page and the CSV: from the string system. */
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = useStrings('id').portal.earnings.kinds;

const jakarta = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A date and time in Jakarta, as spreadsheets read it.
 * @example jakartaDateTime(new Date('2026-03-01T17:30:00Z')) // '2026-03-02 00:30'
 */
export function jakartaDateTime(date: Date): string {
  return jakarta.format(date);
}

/**
 * Text a spreadsheet may read as a formula: `=`, `+`, `-`, `@` (or their full-width forms, which
 * some spreadsheets fold to ASCII), after any spaces or invisible characters (a zero-width space),
 * or a leading tab or carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * One CSV field. Numbers are written as they are; text is quoted when it holds a comma, quote or
 * line break (quotes doubled), and text a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
 * @example csvField('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvField(value: string | number | null | undefined): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a number for CSV: ${value}`);
    return String(value);
  }
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV's header, in Indonesian. */
export const CSV_HEADER = ((h) => [h.date, h.order, h.kind, h.description, h.amount])(useStrings('id').portal.earnings.csvHeader);

/**
 * The ledger as CSV (RFC 4180: comma-separated, CRLF line ends), with an Indonesian header.
 * Dates are Jakarta time; amounts are signed whole rupiah.
 */
export function toCsv(rows: readonly LedgerRow[]): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    lines.push([jakartaDateTime(r.date), r.orderNumber ?? '', LEDGER_KIND_LABELS[r.kind], r.description, r.amountIdr].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Where an artisan's money goes: their bank details (number masked) and, in connect mode, their Stripe account. */
export interface PayoutAccount {
  payoutBank: string | null;
  payoutAccountName: string | null;
  /** Only the last four digits, e.g. `•••• 6789`. */
  payoutAccountNumberMasked: string | null;
  stripeAccountId: string | null;
}

/** The artisan's payout details, for the earnings page. */
export async function payoutAccountOf(db: Queryable, artisanId: string): Promise<PayoutAccount> {
  checkArtisanId(artisanId);
  const [row] = await db.query<{ payout_bank: string | null; payout_account_name: string | null; payout_account_number: string | null; stripe_account_id: string | null }>(
    'SELECT payout_bank, payout_account_name, payout_account_number, stripe_account_id FROM artisans WHERE id = $1',
    [artisanId],
  );
  if (!row) throw new AppError('not_found', `no artisan ${artisanId}`);
  const number = row.payout_account_number?.replace(/\s+/g, '') ?? '';
  return {
    payoutBank: row.payout_bank,
    payoutAccountName: row.payout_account_name,
    payoutAccountNumberMasked: number ? `•••• ${number.slice(-4)}` : null,
    stripeAccountId: row.stripe_account_id,
  };
}

/**
 * Everything the earnings page shows: totals, the latest 200 ledger rows (newest first), the payout
 * account and any change waiting for a curator, and in Connect mode the artisan's Stripe account as
 * Stripe sees it now (never fatal for the page: null when Stripe does not answer).
 */
export async function earningsPageData(deps: { db: Queryable; stripe: Pick<StripeProvider, 'accountStatus'> | null }, artisanId: string) {
  const { db, stripe } = deps;
  const [pending, earnings, account] = await Promise.all([pendingPayoutAccount(db, artisanId), getEarnings(db, artisanId), payoutAccountOf(db, artisanId)]);
  const stripeStatus =
    stripe && account.stripeAccountId
      ? await stripe.accountStatus(account.stripeAccountId).catch((error: unknown) => {
          console.error('earnings: could not read the Stripe account:', error);
          return null;
        })
      : null;
  return { pending, earnings, account, rows: earnings.rows.toReversed().slice(0, 200), stripeStatus };
}
