import { r as AppError } from "./services.server_-_DkjSUe.mjs";
import { i as findOrderById, l as markShipped, r as endUnpaidOrder, s as markPaid, t as ORDER_STATUSES } from "./orders_BDSJUXpt.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { r as reindexProduct } from "./search-service_BK1f7Cb8.mjs";
// src/lib/portal/orders.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var ORDER_NUMBER = /^CTG-\d{4}-\d{6,}$/;
/** The rule markShipped applies, checked first so that nothing is touched for a bad number. */
var TRACKING_NUMBER = /^[A-Za-z0-9-]{4,40}$/;
/**
* Decides what a visitor of the portal gets: sign in first, a 403 for curators, a notice for an
* artisan a curator has not approved yet, or the portal (approved and suspended artisans: a
* suspended workshop still has to ship what was paid for).
*/
function portalAccess(user) {
	if (!user) return "login";
	if (user.role !== "artisan" || !user.artisanId) return "forbidden";
	if (user.artisanStatus === "pending" || user.artisanStatus === null) return "pending";
	return "ok";
}
function requireArtisan(artisanId) {
	if (typeof artisanId !== "string" || !UUID.test(artisanId)) throw new AppError("unauthorized", "sign in as an artisan first");
}
/** Whether a string is one of the order statuses (for a `?status=` filter). */
function isOrderStatus(value) {
	return typeof value === "string" && ORDER_STATUSES.includes(value);
}
/**
* The artisan's own orders, newest first, optionally of one status.
* @example await listOwnOrders(db, user.artisanId, { status: 'paid' }) // what is waiting to be shipped
*/
async function listOwnOrders(db, artisanId, filter = {}) {
	requireArtisan(artisanId);
	if (filter.status != null && !isOrderStatus(filter.status)) throw new AppError("invalid", `unknown order status "${String(filter.status)}"`);
	const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 100), 1), 500);
	const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
	return (await db.query(`SELECT o.number, o.status, o.payment_method, o.buyer_name, o.address->>'city' AS city, o.courier, o.tracking_number, o.total_idr,
       o.hold_expires_at, o.created_at, (SELECT COALESCE(sum(oi.quantity), 0)::int FROM order_items oi WHERE oi.order_id = o.id) AS item_count
     FROM orders o
     WHERE o.artisan_id = $1 AND ($2::text IS NULL OR o.status = $2)
     ORDER BY o.created_at DESC, o.number DESC
     LIMIT $3 OFFSET $4`, [
		artisanId,
		filter.status ?? null,
		limit,
		offset
	])).map((r) => ({
		number: r.number,
		status: r.status,
		paymentMethod: r.payment_method,
		buyerName: r.buyer_name,
		city: r.city ?? "",
		courier: r.courier,
		trackingNumber: r.tracking_number,
		itemCount: r.item_count,
		totalIdr: r.total_idr,
		holdExpiresAt: new Date(r.hold_expires_at),
		createdAt: new Date(r.created_at)
	}));
}
/**
* One of the artisan's own orders by its number.
* @throws AppError('not_found') when there is no such order *or* it belongs to another artisan.
*/
async function getOwnOrder(db, artisanId, number) {
	requireArtisan(artisanId);
	const notFound = new AppError("not_found", `no order ${String(number).slice(0, 40)}`);
	if (typeof number !== "string" || !ORDER_NUMBER.test(number)) throw notFound;
	const [row] = await db.query("SELECT id, note FROM orders WHERE number = $1 AND artisan_id = $2", [number, artisanId]);
	if (!row) throw notFound;
	const order = await findOrderById(db, row.id);
	if (!order) throw notFound;
	return {
		...order,
		note: row.note
	};
}
/**
* The artisan confirms that a bank transfer arrived: the order becomes paid and the ledger records
* what they are owed. An expired order is paid too (its stock is taken again, or flagged for a refund).
* @throws AppError('not_found') for someone else's order; AppError('invalid') for a card payment;
*   AppError('conflict') for a cancelled or refunded order.
*/
async function confirmOwnBankTransfer(db, artisanId, number) {
	const order = await getOwnOrder(db, artisanId, number);
	if (order.paymentMethod !== "bank_transfer") throw new AppError("invalid", "only bank-transfer orders are confirmed by hand; card payments confirm themselves");
	if (order.status === "paid" || order.status === "shipped" || order.status === "delivered") return {
		outcome: "unchanged",
		order,
		wasExpired: false
	};
	if (order.status !== "awaiting_payment" && order.status !== "expired") throw new AppError("conflict", `order ${order.number} is ${order.status}; its payment cannot be confirmed`);
	return {
		outcome: await markPaid(db, order.id, { note: "bank transfer confirmed by the artisan" }),
		order: await getOwnOrder(db, artisanId, number),
		wasExpired: order.status === "expired"
	};
}
/**
* The e-mail telling the buyer their parcel is on its way, in their language: courier, tracking
* number and the status page.
*/
function buyerShipped(order, statusUrl) {
	const id = order.lang === "id";
	const tracking = order.trackingNumber ?? "";
	const items = order.items.map((i) => `- ${i.title[order.lang]} × ${i.quantity}`).join("\n");
	return {
		to: order.buyer.email,
		subject: id ? `Pesanan ${order.number} sudah dikirim` : `Order ${order.number} has shipped`,
		text: id ? `Halo ${order.buyer.name},\n\n${order.artisan.name} sudah mengirim pesanan ${order.number}.\n\n${items}\n\nKurir: ${order.courier}\nNomor resi: ${tracking}\nTotal: ${formatIdr(order.totalIdr)}\n\nStatus pesanan ada di tautan pada e-mail konfirmasi pesanan Anda (${statusUrl}?token=…).\n\nCanting` : `Hello ${order.buyer.name},\n\n${order.artisan.name} has shipped order ${order.number}.\n\n${items}\n\nCourier: ${order.courier}\nTracking number: ${tracking}\nTotal: ${formatIdr(order.totalIdr)}\n\nThe order's status is at the link in your order confirmation e-mail (${statusUrl}?token=…).\n\nCanting`,
		kind: "order.shipped.buyer",
		orderId: order.id
	};
}
/**
* The artisan marks a paid order shipped with its tracking number (the courier is the one the
* buyer chose and paid for); the buyer then gets an e-mail, and the status page shows the number.
* @throws AppError('invalid') for a malformed tracking number (nothing changes); AppError('not_found')
*   for someone else's order; AppError('conflict') when the order is not paid.
*/
async function shipOwnOrder(db, artisanId, number, trackingNumber, deps) {
	const tracking = String(trackingNumber ?? "").trim();
	if (!TRACKING_NUMBER.test(tracking)) throw new AppError("invalid", "a tracking number is 4–40 letters, digits or dashes");
	const order = await getOwnOrder(db, artisanId, number);
	if (order.status === "shipped" || order.status === "delivered") return {
		outcome: "unchanged",
		order,
		mailed: false
	};
	if (order.status !== "paid") throw new AppError("conflict", `order ${order.number} is ${order.status}; only a paid order can be shipped`);
	const outcome = await markShipped(db, order.id, tracking);
	const shipped = await getOwnOrder(db, artisanId, number);
	if (outcome !== "changed") return {
		outcome,
		order: shipped,
		mailed: false
	};
	let mailed = false;
	try {
		await deps.mail(buyerShipped(shipped, deps.statusUrl(shipped)));
		mailed = true;
	} catch (error) {
		console.error(`portal: order ${shipped.number} is shipped, but the buyer's e-mail failed:`, error);
	}
	return {
		outcome,
		order: shipped,
		mailed
	};
}
/**
* The artisan cancels an unpaid order; its stock is released exactly once. A paid order is not
* cancelled here: its buyer must be refunded first (by a curator).
* @param reason optional, shown in the order's history (at most 300 characters).
* @returns the slugs of the order's products too, whose stock changed (to reindex).
* @throws AppError('not_found') for someone else's order; AppError('conflict') for a paid or ended order.
*/
async function cancelOwnOrder(db, artisanId, number, reason = null) {
	const note = reason?.trim() ? reason.trim().slice(0, 300) : null;
	const order = await getOwnOrder(db, artisanId, number);
	const slugs = order.items.map((i) => i.productSlug);
	if (order.status === "cancelled") return {
		outcome: "unchanged",
		order,
		productSlugs: slugs
	};
	const refuse = (status) => new AppError("conflict", status === "paid" || status === "shipped" || status === "delivered" ? `order ${order.number} is already paid: refund the buyer first (ask a curator), then it can be closed` : `order ${order.number} is ${status}; only an order awaiting payment can be cancelled`);
	if (order.status !== "awaiting_payment") throw refuse(order.status);
	const outcome = await endUnpaidOrder(db, order.id, "cancelled", note ? `cancelled by the artisan: ${note}` : "cancelled by the artisan");
	const after = await getOwnOrder(db, artisanId, number);
	if (outcome === "unchanged" && after.status !== "cancelled") throw refuse(after.status);
	return {
		outcome,
		order: after,
		productSlugs: slugs
	};
}
/** Jakarta keeps UTC+7 all year (no daylight saving), so a month starts at 17:00 UTC the day before. */
var JAKARTA_OFFSET_MS = 252e5;
/**
* The start and end of the calendar month (Asia/Jakarta) that `now` falls in.
* @example jakartaMonth(new Date('2026-03-31T18:00:00Z')) // April: 2026-03-31T17:00Z … 2026-04-30T17:00Z
*/
function jakartaMonth(now) {
	const local = new Date(now.getTime() + JAKARTA_OFFSET_MS);
	const y = local.getUTCFullYear();
	const m = local.getUTCMonth();
	return {
		start: /* @__PURE__ */ new Date(Date.UTC(y, m, 1) - JAKARTA_OFFSET_MS),
		end: /* @__PURE__ */ new Date(Date.UTC(y, m + 1, 1) - JAKARTA_OFFSET_MS)
	};
}
/** Orders to ship, low stock and this month's earnings of one artisan. */
async function dashboardStats(db, artisanId, now = /* @__PURE__ */ new Date()) {
	requireArtisan(artisanId);
	const { start, end } = jakartaMonth(now);
	const [[counts], lowStock, [earned]] = await Promise.all([
		db.query(`SELECT count(*) FILTER (WHERE status = 'paid')::int AS to_ship, count(*) FILTER (WHERE status = 'awaiting_payment')::int AS awaiting
       FROM orders WHERE artisan_id = $1`, [artisanId]),
		db.query(`SELECT slug, title_id, stock FROM products
       WHERE artisan_id = $1 AND status = 'active' AND stock <= 1
         AND NOT (stock = 0 AND lead_time_days IS NOT NULL)
         AND NOT (one_of_a_kind AND stock = 1)
       ORDER BY stock, title_id LIMIT 50`, [artisanId]),
		db.query(`SELECT COALESCE(sum(amount_idr), 0)::float8 AS total FROM ledger_entries
       WHERE artisan_id = $1 AND kind = 'owed' AND created_at >= $2 AND created_at < $3`, [
			artisanId,
			start,
			end
		])
	]);
	return {
		toShip: counts?.to_ship ?? 0,
		awaitingPayment: counts?.awaiting ?? 0,
		lowStock: lowStock.map((p) => ({
			slug: p.slug,
			title: p.title_id,
			stock: p.stock
		})),
		earnedThisMonthIdr: Number(earned?.total ?? 0)
	};
}
/** The JSON of one order in `GET /api/portal/orders` (dates as ISO strings). */
function toOwnOrderJson(order) {
	return {
		number: order.number,
		status: order.status,
		paymentMethod: order.paymentMethod,
		buyerName: order.buyerName,
		city: order.city,
		courier: order.courier,
		trackingNumber: order.trackingNumber,
		itemCount: order.itemCount,
		totalIdr: order.totalIdr,
		holdExpiresAt: order.holdExpiresAt.toISOString(),
		createdAt: order.createdAt.toISOString()
	};
}
/**
* Brings the search index up to date for products whose stock or visibility changed. A side effect:
* it never fails the caller (a failure is logged; `npm run search:index` or the admin rebuilds).
* @param open the engine and catalogue, opened only when there is something to reindex.
* @returns whether every product was reindexed.
*/
async function reindexProductsQuietly(open, db, slugs) {
	if (!slugs.length) return true;
	try {
		const { engine, catalogue } = await open();
		for (const slug of new Set(slugs)) await reindexProduct(engine, db, catalogue, slug);
		return true;
	} catch (error) {
		console.error(`search: could not reindex ${slugs.join(", ")} (rebuild the index from the admin):`, error);
		return false;
	}
}
export { getOwnOrder as a, portalAccess as c, toOwnOrderJson as d, dashboardStats as i, reindexProductsQuietly as l, cancelOwnOrder as n, isOrderStatus as o, confirmOwnBankTransfer as r, listOwnOrders as s, TRACKING_NUMBER as t, shipOwnOrder as u };
