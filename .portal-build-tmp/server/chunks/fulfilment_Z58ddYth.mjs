import { c as markRefunded, r as endUnpaidOrder, s as markPaid } from "./orders_BDSJUXpt.mjs";
// src/lib/commerce/payments/fulfilment.ts
async function orderIdFor(db, session) {
	const [row] = await db.query("SELECT id FROM orders WHERE payment_reference = $1", [session.reference]);
	if (row) return row.id;
	if (session.orderId && /^[0-9a-f-]{36}$/.test(session.orderId)) {
		const [byId] = await db.query(`SELECT id FROM orders WHERE id = $1 AND payment_method = 'stripe'`, [session.orderId]);
		if (byId) {
			await db.query("UPDATE orders SET payment_reference = $2 WHERE id = $1 AND payment_reference IS NULL", [byId.id, session.reference]);
			return byId.id;
		}
	}
	return null;
}
/** Applies what Stripe says of a session to its order. */
async function applySession(db, session) {
	const orderId = await orderIdFor(db, session);
	if (!orderId) return "unchanged";
	if (session.status === "complete" && session.paymentStatus !== "unpaid") return markPaid(db, orderId, { paymentIntentId: session.paymentIntentId });
	if (session.status === "expired") return endUnpaidOrder(db, orderId, "expired", "the Stripe Checkout session expired");
	return "unchanged";
}
/** Fetches a session from Stripe and applies it. Safe to call any number of times. */
async function fulfilCheckoutSession(db, stripe, reference) {
	return applySession(db, await stripe.retrieveSession(reference));
}
var HANDLED = /* @__PURE__ */ new Set([
	"checkout.session.completed",
	"checkout.session.async_payment_succeeded",
	"checkout.session.async_payment_failed",
	"checkout.session.expired",
	"charge.refunded"
]);
/**
* Handles one verified Stripe event. Deduplicated on the event id, recorded only after its effect
* succeeded (so a failure answers non-2xx and Stripe retries). Unknown types are ignored (200).
*/
async function handleStripeEvent(db, stripe, event) {
	const [seen] = await db.query("SELECT 1 FROM stripe_events WHERE id = $1", [event.id]);
	if (seen) return "duplicate";
	if (!HANDLED.has(event.type)) return "ignored";
	if (event.type === "charge.refunded") {
		if (event.refund?.fullyRefunded) {
			const orders = await db.query("SELECT id FROM orders WHERE payment_intent_id = $1", [event.refund.paymentIntentId]);
			for (const { id } of orders) await markRefunded(db, id);
		}
	} else if (event.session) {
		if (event.type === "checkout.session.async_payment_failed") {
			const orderId = await orderIdFor(db, event.session);
			if (orderId) await endUnpaidOrder(db, orderId, "cancelled", "the payment failed");
		} else await fulfilCheckoutSession(db, stripe, event.session.reference);
	}
	await db.query("INSERT INTO stripe_events (id, type) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", [event.id, event.type]);
	return "processed";
}
export { handleStripeEvent as n, fulfilCheckoutSession as t };
