import { r as AppError } from "./services.server_-_DkjSUe.mjs";
// src/lib/portal/earnings.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function requireArtisan(artisanId) {
	if (typeof artisanId !== "string" || !UUID.test(artisanId)) throw new AppError("unauthorized", "sign in as an artisan first");
}
/** Turns per-kind sums (signed, as stored) into totals. */
function totalsFromSums(sums) {
	const owed = sums.owed ?? 0;
	const refund = sums.refund ?? 0;
	const payout = sums.payout ?? 0;
	return {
		owedIdr: owed,
		commissionIdr: sums.commission ?? 0,
		refundsIdr: -refund,
		paidOutIdr: -payout,
		balanceIdr: owed + refund + payout
	};
}
/** The totals of one artisan's ledger. */
async function earningsTotals(db, artisanId) {
	requireArtisan(artisanId);
	const rows = await db.query("SELECT kind, sum(amount_idr)::float8 AS total FROM ledger_entries WHERE artisan_id = $1 GROUP BY kind", [artisanId]);
	return totalsFromSums(Object.fromEntries(rows.map((r) => [r.kind, Number(r.total)])));
}
/**
* One artisan's ledger entries, oldest first.
* @param options.limit at most this many of the newest entries (default: all, up to 10,000).
*/
async function listLedger(db, artisanId, options = {}) {
	requireArtisan(artisanId);
	const limit = Math.min(Math.max(Math.trunc(options.limit ?? 1e4), 1), 1e4);
	return (await db.query(`SELECT * FROM (
       SELECT l.id, l.created_at, o.number, l.kind, l.amount_idr,
         (SELECT string_agg(oi.title_id || ' × ' || oi.quantity, '; ' ORDER BY oi.title_id) FROM order_items oi WHERE oi.order_id = l.order_id) AS description
       FROM ledger_entries l LEFT JOIN orders o ON o.id = l.order_id
       WHERE l.artisan_id = $1
       ORDER BY l.created_at DESC, l.id DESC
       LIMIT $2
     ) newest ORDER BY created_at, id`, [artisanId, limit])).map((r) => ({
		id: Number(r.id),
		date: new Date(r.created_at),
		orderNumber: r.number,
		kind: r.kind,
		amountIdr: r.amount_idr,
		description: r.description ?? ""
	}));
}
/** The ledger and its totals, for the earnings page. */
async function getEarnings(db, artisanId) {
	const [rows, totals] = await Promise.all([listLedger(db, artisanId), earningsTotals(db, artisanId)]);
	return {
		rows,
		totals
	};
}
/** The kinds of entry in Indonesian, for the page and the CSV. */
var LEDGER_KIND_LABELS = {
	owed: "Hak perajin",
	commission: "Komisi koperasi",
	refund: "Pengembalian dana",
	payout: "Sudah dibayarkan"
};
var jakarta = new Intl.DateTimeFormat("sv-SE", {
	timeZone: "Asia/Jakarta",
	year: "numeric",
	month: "2-digit",
	day: "2-digit",
	hour: "2-digit",
	minute: "2-digit",
	hourCycle: "h23"
});
/**
* A date and time in Jakarta, as spreadsheets read it.
* @example jakartaDateTime(new Date('2026-03-01T17:30:00Z')) // '2026-03-02 00:30'
*/
function jakartaDateTime(date) {
	return jakarta.format(date);
}
/**
* One CSV field. Numbers are written as they are; text is quoted when it holds a comma, quote or
* line break (quotes doubled), and text a spreadsheet would run as a formula (starting with
* `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
* @example csvField('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
*/
function csvField(value) {
	if (typeof value === "number") {
		if (!Number.isFinite(value)) throw new RangeError(`not a number for CSV: ${value}`);
		return String(value);
	}
	let text = value ?? "";
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll("\"", "\"\"")}"` : text;
}
/** The CSV's header, in Indonesian. */
var CSV_HEADER = [
	"Tanggal",
	"Nomor pesanan",
	"Jenis",
	"Keterangan",
	"Jumlah (Rp)"
];
/**
* The ledger as CSV (RFC 4180: comma-separated, CRLF line ends), with an Indonesian header.
* Dates are Jakarta time; amounts are signed whole rupiah.
*/
function toCsv(rows) {
	const lines = [CSV_HEADER.map(csvField).join(",")];
	for (const r of rows) lines.push([
		jakartaDateTime(r.date),
		r.orderNumber ?? "",
		LEDGER_KIND_LABELS[r.kind],
		r.description,
		r.amountIdr
	].map(csvField).join(","));
	return `${lines.join("\r\n")}\r\n`;
}
/** The artisan's payout details, for the earnings page. */
async function payoutAccountOf(db, artisanId) {
	requireArtisan(artisanId);
	const [row] = await db.query("SELECT payout_bank, payout_account_name, payout_account_number, stripe_account_id FROM artisans WHERE id = $1", [artisanId]);
	if (!row) throw new AppError("not_found", `no artisan ${artisanId}`);
	const number = row.payout_account_number?.replace(/\s+/g, "") ?? "";
	return {
		payoutBank: row.payout_bank,
		payoutAccountName: row.payout_account_name,
		payoutAccountNumberMasked: number ? `•••• ${number.slice(-4)}` : null,
		stripeAccountId: row.stripe_account_id
	};
}
export { toCsv as a, payoutAccountOf as i, getEarnings as n, totalsFromSums as o, listLedger as r, LEDGER_KIND_LABELS as t };
