import { t as mod } from "./zod_lkTcRd8k.mjs";
import { r as AppError } from "./services.server_-_DkjSUe.mjs";
import { c as viewCart, n as clearCart } from "./cart_B3uDSxMt.mjs";
import { n as newToken, r as tokenMatches, t as hashToken } from "./tokens_DrFJIgGO.mjs";
// src/lib/commerce/orders.ts
/**
* Orders: one per artisan per checkout. Stock is reserved atomically when orders are created and
* released exactly once when an order expires or is cancelled; payment never un-does itself.
* Every state change is a conditional UPDATE on the current status, so replays are harmless.
*/
var ORDER_STATUSES = [
	"awaiting_payment",
	"paid",
	"shipped",
	"delivered",
	"cancelled",
	"expired",
	"refunded"
];
var checkoutInputSchema = mod.strictObject({
	buyer: mod.strictObject({
		name: mod.string().trim().min(2).max(120),
		email: mod.email().max(200),
		phone: mod.string().trim().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, "a phone number of 8–15 digits")
	}),
	address: mod.strictObject({
		line1: mod.string().trim().min(5).max(300),
		city: mod.string().trim().min(2).max(120),
		/** An Indonesian province; free text (or empty) abroad. */
		province: mod.string().trim().max(80).default(""),
		postalCode: mod.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, "a postal code"),
		country: mod.string().trim().regex(/^[A-Z]{2}$/, "a two-letter country code such as ID").default("ID")
	}).refine((a) => a.country !== "ID" || a.province.length >= 2, {
		message: "a province",
		path: ["province"]
	}),
	couriers: mod.record(mod.string().max(80), mod.string().max(40)).default({}),
	paymentMethod: mod.enum(["stripe", "bank_transfer"]),
	lang: mod.enum(["id", "en"]).default("id")
});
/** Rupiah of commission on the goods of an order. */
function commissionOf(subtotalIdr, percent) {
	return Math.round(subtotalIdr * percent / 100);
}
async function nextOrderNumber(db, now) {
	const [row] = await db.query(`SELECT nextval('order_number_seq')::int AS n`);
	return `CTG-${now.getUTCFullYear()}-${String(row.n).padStart(6, "0")}`;
}
async function addEvent(db, orderId, status, note = null) {
	await db.query("INSERT INTO order_events (order_id, status, note) VALUES ($1, $2, $3)", [
		orderId,
		status,
		note
	]);
}
/** Releases an order's reserved stock. Call only from the transaction that flipped stock_held off. */
async function releaseStock(db, orderId) {
	await db.query(`UPDATE products p SET stock = p.stock + oi.quantity, updated_at = now()
     FROM order_items oi WHERE oi.order_id = $1 AND oi.product_id = p.id AND NOT oi.made_to_order`, [orderId]);
}
/** Takes an order's stock again (a late payment for an order whose hold had ended). */
async function retakeStock(db, orderId) {
	const items = await db.query("SELECT product_id, quantity FROM order_items WHERE order_id = $1 AND NOT made_to_order", [orderId]);
	for (const item of items) if (!(await db.query("UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING id", [item.product_id, item.quantity])).length) return false;
	return true;
}
/**
* Places the cart as one order per artisan: validates, quotes shipping, reserves every piece's
* stock in one transaction (all or nothing), empties the cart, then starts each payment.
* Out of stock → AppError('conflict') naming the piece, and nothing is reserved.
*/
async function placeOrders(db, cartId, rawInput, deps) {
	const parsed = checkoutInputSchema.safeParse(rawInput);
	if (!parsed.success) throw new AppError("invalid", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
	const input = parsed.data;
	const provider = deps.payments[input.paymentMethod];
	if (!provider) throw new AppError("invalid", `payment by ${input.paymentMethod} is not available here`);
	const now = deps.now?.() ?? /* @__PURE__ */ new Date();
	const holdMinutes = input.paymentMethod === "stripe" ? deps.settings.stripeHoldMinutes : deps.settings.bankHoldHours * 60;
	const holdUntil = new Date(now.getTime() + (holdMinutes + (input.paymentMethod === "stripe" ? 10 : 0)) * 6e4);
	const cart = await viewCart(db, cartId);
	if (!cart.groups.length) throw new AppError("invalid", "the cart is empty");
	const unavailable = cart.groups.flatMap((g) => g.items).filter((i) => !i.available);
	if (unavailable.length) throw new AppError("conflict", `no longer available in that quantity: ${unavailable.map((i) => i.title[input.lang]).join(", ")}`);
	const quotes = new Map(cart.groups.map((g) => [g.artisan.id, deps.quoteShipping({
		originRegion: g.artisan.region,
		province: input.address.province,
		country: input.address.country,
		weightGrams: g.weightGrams,
		courierId: input.couriers[g.artisan.slug]
	})]));
	const payoutMode = input.paymentMethod === "stripe" && deps.settings.payoutMode === "connect" ? "connect" : "platform";
	const connectAccounts = /* @__PURE__ */ new Map();
	if (payoutMode === "connect") {
		const rows = await db.query("SELECT id, workshop, stripe_account_id FROM artisans WHERE id = ANY ($1::uuid[])", [cart.groups.map((g) => g.artisan.id)]);
		const missing = rows.filter((r) => !r.stripe_account_id).map((r) => r.workshop);
		if (missing.length) throw new AppError("invalid", `cannot take card payments yet: ${missing.join(", ")}; choose bank transfer`);
		for (const r of rows) connectAccounts.set(r.id, r.stripe_account_id);
	}
	const checkoutId = crypto.randomUUID();
	const created = await db.transaction(async (tx) => {
		const orders = [];
		for (const group of cart.groups) {
			const quote = quotes.get(group.artisan.id);
			const token = newToken();
			const number = await nextOrderNumber(tx, now);
			const commission = commissionOf(group.subtotalIdr, deps.settings.commissionPercent);
			const [order] = await tx.query(`INSERT INTO orders (number, token_hash, checkout_id, artisan_id, lang, payment_method, buyer_name, buyer_email, buyer_phone,
           address, courier, shipping_zone, subtotal_idr, shipping_idr, total_idr, commission_idr, lead_time_days, hold_expires_at, payout_mode)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`, [
				number,
				hashToken(token),
				checkoutId,
				group.artisan.id,
				input.lang,
				input.paymentMethod,
				input.buyer.name,
				input.buyer.email,
				input.buyer.phone,
				JSON.stringify(input.address),
				quote.courierId,
				quote.zone,
				group.subtotalIdr,
				quote.costIdr,
				group.subtotalIdr + quote.costIdr,
				commission,
				group.leadTimeDays,
				holdUntil,
				payoutMode
			]);
			for (const item of group.items) {
				await tx.query(`INSERT INTO order_items (order_id, product_id, title_id, title_en, unit_price_idr, quantity, weight_grams, made_to_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
					order.id,
					item.productId,
					item.title.id,
					item.title.en,
					item.unitPriceIdr,
					item.quantity,
					item.weightGrams,
					item.madeToOrder
				]);
				if (item.madeToOrder) continue;
				if (!(await tx.query("UPDATE products SET stock = stock - $2, updated_at = now() WHERE id = $1 AND stock >= $2 RETURNING stock", [item.productId, item.quantity])).length) throw new AppError("conflict", `sold out just now: ${item.title[input.lang]}`);
			}
			await addEvent(tx, order.id, "awaiting_payment");
			orders.push({
				id: order.id,
				number,
				token,
				artisan: {
					slug: group.artisan.slug,
					name: group.artisan.name
				},
				totalIdr: group.subtotalIdr + quote.costIdr,
				paymentMethod: input.paymentMethod,
				commissionIdr: commission,
				artisanId: group.artisan.id,
				group,
				quote
			});
		}
		if (cartId) await clearCart(tx, cartId);
		return orders;
	});
	const placed = [];
	for (const order of created) {
		const paymentOrder = {
			id: order.id,
			number: order.number,
			buyerEmail: input.buyer.email,
			lang: input.lang,
			lines: order.group.items.map((i) => ({
				name: i.title[input.lang],
				quantity: i.quantity,
				unitPriceIdr: i.unitPriceIdr
			})),
			shipping: {
				name: order.quote.name,
				amountIdr: order.quote.costIdr
			},
			totalIdr: order.totalIdr,
			connect: payoutMode === "connect" ? {
				destinationAccountId: connectAccounts.get(order.artisanId),
				applicationFeeIdr: order.commissionIdr
			} : void 0
		};
		const { group: _group, quote: _quote, commissionIdr: _fee, artisanId: _artisan, ...rest } = order;
		try {
			const all = created.map((o) => ({
				number: o.number,
				token: o.token
			}));
			const payment = await startPaymentFor(db, provider, paymentOrder, deps.urls({
				number: order.number,
				token: order.token,
				lang: input.lang
			}, all), holdMinutes);
			placed.push({
				...rest,
				paymentUrl: payment.paymentUrl,
				payment
			});
		} catch (error) {
			console.error(`checkout: could not start the payment of ${order.number}:`, error);
			placed.push(rest);
		}
	}
	if (deps.afterPlaced) await deps.afterPlaced(placed).catch((error) => console.error("checkout: after-order side effects failed:", error));
	return placed;
}
async function startPaymentFor(db, provider, order, urls, holdMinutes) {
	const payment = await provider.start(order, urls, { expiresInMinutes: Math.min(holdMinutes, 1440) });
	await db.query("UPDATE orders SET payment_reference = $2, payment_url = $3, updated_at = now() WHERE id = $1", [
		order.id,
		payment.reference,
		payment.paymentUrl ?? null
	]);
	return payment;
}
async function loadOrder(db, where, param) {
	const [o] = await db.query(`SELECT o.*, a.slug AS artisan_slug, a.workshop AS artisan_name, a.whatsapp AS artisan_whatsapp
     FROM orders o JOIN artisans a ON a.id = o.artisan_id WHERE ${where}`, [param]);
	if (!o) return null;
	const [items, events] = await Promise.all([db.query(`SELECT oi.*, p.slug FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1 ORDER BY oi.title_id`, [o.id]), db.query("SELECT status, note, created_at FROM order_events WHERE order_id = $1 ORDER BY id", [o.id])]);
	return toOrderView(o, items, events);
}
function toOrderView(o, items, events) {
	return {
		id: o.id,
		number: o.number,
		tokenHash: o.token_hash,
		status: o.status,
		lang: o.lang,
		paymentMethod: o.payment_method,
		paymentReference: o.payment_reference ?? null,
		paymentUrl: o.payment_url ?? null,
		artisan: {
			slug: o.artisan_slug,
			name: o.artisan_name,
			whatsapp: o.artisan_whatsapp ?? null
		},
		buyer: {
			name: o.buyer_name,
			email: o.buyer_email,
			phone: o.buyer_phone
		},
		address: o.address,
		courier: o.courier,
		trackingNumber: o.tracking_number ?? null,
		items: items.map((i) => ({
			productSlug: i.slug,
			title: {
				id: i.title_id,
				en: i.title_en
			},
			quantity: i.quantity,
			unitPriceIdr: i.unit_price_idr,
			madeToOrder: i.made_to_order
		})),
		subtotalIdr: o.subtotal_idr,
		shippingIdr: o.shipping_idr,
		totalIdr: o.total_idr,
		commissionIdr: o.commission_idr,
		leadTimeDays: o.lead_time_days ?? null,
		holdExpiresAt: new Date(o.hold_expires_at),
		createdAt: new Date(o.created_at),
		timeline: events.map((e) => ({
			status: e.status,
			note: e.note ?? null,
			at: new Date(e.created_at)
		}))
	};
}
/** The order behind a buyer's status link; `null` unless the token matches (no hint which was wrong). */
async function findOrderForBuyer(db, number, token) {
	if (!/^CTG-\d{4}-\d{6,}$/.test(number)) return null;
	const order = await loadOrder(db, "o.number = $1", number);
	if (!order || !tokenMatches(token, order.tokenHash)) return null;
	const { tokenHash: _hidden, ...view } = order;
	return view;
}
async function findOrderById(db, id) {
	const order = await loadOrder(db, "o.id = $1", id);
	if (!order) return null;
	const { tokenHash: _hidden, ...view } = order;
	return view;
}
async function findOrderByNumber(db, number) {
	const order = await loadOrder(db, "o.number = $1", number);
	if (!order) return null;
	const { tokenHash: _hidden, ...view } = order;
	return view;
}
/**
* Marks an order paid, exactly once. An order whose hold had ended (expired) takes its stock again;
* if that stock is gone the order is still paid — the money was taken — with a note for a refund.
* Writes the ledger: what the artisan is owed, and the commission.
*/
async function markPaid(db, orderId, details = {}) {
	return db.transaction(async (tx) => {
		const [order] = await tx.query("SELECT status, stock_held, artisan_id, total_idr, commission_idr, payout_mode FROM orders WHERE id = $1 FOR UPDATE", [orderId]);
		if (!order) throw new AppError("not_found", `no order ${orderId}`);
		if (order.status !== "awaiting_payment" && order.status !== "expired") return "unchanged";
		let note = details.note ?? null;
		if (!order.stock_held && !await retakeStock(tx, orderId)) note = "paid after the hold ended, and the piece was sold meanwhile: refund the buyer";
		await tx.query(`UPDATE orders SET status = 'paid', stock_held = true, paid_at = now(), updated_at = now(),
         payment_intent_id = COALESCE($2, payment_intent_id), note = COALESCE($3, note) WHERE id = $1`, [
			orderId,
			details.paymentIntentId ?? null,
			note
		]);
		await addEvent(tx, orderId, "paid", note);
		if (order.payout_mode === "connect") return "changed";
		await tx.query(`INSERT INTO ledger_entries (artisan_id, order_id, kind, amount_idr) VALUES ($1, $2, 'owed', $3), ($1, $2, 'commission', $4)
       ON CONFLICT DO NOTHING`, [
			order.artisan_id,
			orderId,
			order.total_idr - order.commission_idr,
			order.commission_idr
		]);
		return "changed";
	});
}
/**
* Ends an unpaid order (`expired` when its time ran out, `cancelled` otherwise) and releases its
* stock — exactly once, because only the transaction that flips `awaiting_payment` releases it.
*/
async function endUnpaidOrder(db, orderId, status, note = null) {
	return db.transaction(async (tx) => {
		if (!(await tx.query(`UPDATE orders SET status = $2, stock_held = false, closed_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'awaiting_payment' RETURNING id`, [orderId, status])).length) return "unchanged";
		await releaseStock(tx, orderId);
		await addEvent(tx, orderId, status, note);
		return "changed";
	});
}
/** A refund of a paid order: marks it refunded and books the refund against what the artisan is owed. */
async function markRefunded(db, orderId) {
	return db.transaction(async (tx) => {
		const [order] = await tx.query(`UPDATE orders SET status = 'refunded', closed_at = now(), updated_at = now()
       WHERE id = $1 AND status IN ('paid', 'shipped', 'delivered') RETURNING artisan_id, total_idr, commission_idr, payout_mode`, [orderId]);
		if (!order) return "unchanged";
		if (order.payout_mode === "platform") await tx.query(`INSERT INTO ledger_entries (artisan_id, order_id, kind, amount_idr) VALUES ($1, $2, 'refund', $3) ON CONFLICT DO NOTHING`, [
			order.artisan_id,
			orderId,
			-(order.total_idr - order.commission_idr)
		]);
		await addEvent(tx, orderId, "refunded");
		return "changed";
	});
}
/** Marks a paid order shipped with its courier and tracking number. */
async function markShipped(db, orderId, trackingNumber) {
	const tracking = trackingNumber.trim();
	if (!/^[A-Za-z0-9-]{4,40}$/.test(tracking)) throw new AppError("invalid", "a tracking number is 4–40 letters, digits or dashes");
	return db.transaction(async (tx) => {
		if (!(await tx.query(`UPDATE orders SET status = 'shipped', tracking_number = $2, shipped_at = now(), updated_at = now() WHERE id = $1 AND status = 'paid' RETURNING id`, [orderId, tracking])).length) return "unchanged";
		await addEvent(tx, orderId, "shipped", tracking);
		return "changed";
	});
}
/** Ends every unpaid order whose hold has run out (a crash mid-checkout, an abandoned transfer). */
async function sweepExpiredHolds(db, now = /* @__PURE__ */ new Date()) {
	const due = await db.query(`SELECT id FROM orders WHERE status = 'awaiting_payment' AND hold_expires_at < $1`, [now]);
	let ended = 0;
	for (const { id } of due) if (await endUnpaidOrder(db, id, "expired", "payment time ran out") === "changed") ended++;
	return ended;
}
/** The JSON of `GET /api/orders/{number}`. */
function toOrderJson(order, lang) {
	return {
		number: order.number,
		status: order.status,
		paymentMethod: order.paymentMethod,
		paymentUrl: order.status === "awaiting_payment" ? order.paymentUrl : null,
		artisan: {
			slug: order.artisan.slug,
			name: order.artisan.name
		},
		items: order.items.map((i) => ({
			productSlug: i.productSlug,
			title: i.title[lang],
			quantity: i.quantity,
			unitPriceIdr: i.unitPriceIdr
		})),
		subtotalIdr: order.subtotalIdr,
		shippingIdr: order.shippingIdr,
		totalIdr: order.totalIdr,
		courier: order.courier,
		trackingNumber: order.trackingNumber,
		holdExpiresAt: order.holdExpiresAt.toISOString(),
		timeline: order.timeline.map((e) => ({
			status: e.status,
			at: e.at.toISOString()
		}))
	};
}
export { findOrderByNumber as a, markRefunded as c, sweepExpiredHolds as d, toOrderJson as f, findOrderById as i, markShipped as l, checkoutInputSchema as n, findOrderForBuyer as o, endUnpaidOrder as r, markPaid as s, ORDER_STATUSES as t, placeOrders as u };
