import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { n as handleStripeEvent } from "./fulfilment_Z58ddYth.mjs";
import { r as AppError } from "./services.server_-_DkjSUe.mjs";
// src/pages/api/stripe/webhook.ts
var webhook_exports = /* @__PURE__ */ __exportAll({
	POST: () => POST,
	prerender: () => false
});
var MAX_EVENT_BYTES = 524288;
/**
* Stripe's webhook. The signature is checked on the raw body, events are deduplicated on their id,
* and types we do not handle answer 200 (Stripe retries anything else for days).
*/
var POST = async ({ request, url }) => {
	const commerce = await getCommerce();
	if (!commerce.stripe) throw new AppError("not_found", "Stripe is not configured here");
	const raw = await request.text();
	if (Buffer.byteLength(raw) > MAX_EVENT_BYTES) throw new AppError("too_large", "event too large");
	const event = commerce.stripe.verifyWebhook(raw, request.headers.get("stripe-signature"));
	const outcome = await handleStripeEvent(commerce.db, commerce.stripe, event);
	if (outcome === "processed" && event.session && (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded")) {
		const [row] = await commerce.db.query("SELECT id, status FROM orders WHERE payment_reference = $1", [event.session.reference]);
		if (row?.status === "paid") await commerce.notifyPaid(row.id, url.origin);
	}
	return Response.json({
		received: true,
		outcome
	});
};
// \0virtual:astro:page:src/pages/api/stripe/webhook@_@ts
var page = () => webhook_exports;
export { page };
