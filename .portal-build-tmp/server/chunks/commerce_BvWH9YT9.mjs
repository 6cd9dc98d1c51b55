import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as byId } from "./catalogue_Dca6SlZw.mjs";
import { t as formatIdr } from "./money_DiKTNHoQ.mjs";
import { d as sweepExpiredHolds, i as findOrderById } from "./orders_BDSJUXpt.mjs";
import { r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as mod } from "./zod_lkTcRd8k.mjs";
import { r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { a as checkMailMessage, i as recordOutbox, r as recordDelivery, t as createOutboxMailer } from "./outbox-mailer_B3Ch3tUE.mjs";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Stripe from "stripe";
import yaml from "js-yaml";
import nodemailer from "nodemailer";
// src/lib/commerce/order-mail.ts
function lines(order, lang) {
	return order.items.map((i) => `- ${i.title[lang]} × ${i.quantity}: ${formatIdr(i.unitPriceIdr * i.quantity)}`).join("\n");
}
function buyerConfirmation(order, context) {
	const id = order.lang === "id";
	const bank = order.paymentMethod === "bank_transfer" && context.bank ? id ? `\nSilakan transfer tepat ${formatIdr(order.totalIdr)} ke ${context.bank.bankName}, a.n. ${context.bank.accountName}, no. rek. ${context.bank.accountNumber}, dengan berita "${order.number}".\n` : `\nPlease transfer exactly ${formatIdr(order.totalIdr)} to ${context.bank.bankName}, account name ${context.bank.accountName}, account ${context.bank.accountNumber}, with the reference "${order.number}".\n` : "";
	const text = id ? `Halo ${order.buyer.name},\n\nTerima kasih. Pesanan ${order.number} dari ${order.artisan.name} sudah kami terima.\n\n${lines(order, "id")}\nOngkos kirim (${order.courier}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\nLihat status pesanan: ${context.statusUrl}\n\nCanting` : `Hello ${order.buyer.name},\n\nThank you. We have received order ${order.number} from ${order.artisan.name}.\n\n${lines(order, "en")}\nShipping (${order.courier}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\nSee the order's status: ${context.statusUrl}\n\nCanting`;
	return {
		to: order.buyer.email,
		subject: id ? `Pesanan ${order.number} diterima` : `Order ${order.number} received`,
		text,
		kind: "order.placed.buyer",
		orderId: order.id
	};
}
function artisanNotice(order, artisanEmail) {
	return {
		to: artisanEmail,
		subject: `Pesanan baru ${order.number}`,
		text: `Pesanan baru ${order.number} dari ${order.buyer.name} (${order.address.city}, ${order.address.province}).\n\n${lines(order, "id")}\nKurir: ${order.courier}\nStatus: menunggu pembayaran.\n\nCanting`,
		kind: "order.placed.artisan",
		orderId: order.id
	};
}
function buyerPaid(order, statusUrl) {
	const id = order.lang === "id";
	return {
		to: order.buyer.email,
		subject: id ? `Pembayaran ${order.number} diterima` : `Payment for ${order.number} received`,
		text: id ? `Halo ${order.buyer.name},\n\nPembayaran pesanan ${order.number} sebesar ${formatIdr(order.totalIdr)} sudah diterima. ${order.artisan.name} akan menyiapkan kirimannya.\n\nStatus pesanan ada di tautan pada e-mail konfirmasi pesanan Anda (${statusUrl}?token=…).\n\nCanting` : `Hello ${order.buyer.name},\n\nWe have received ${formatIdr(order.totalIdr)} for order ${order.number}. ${order.artisan.name} will prepare your parcel.\n\nThe order's status is at the link in your order confirmation e-mail (${statusUrl}?token=…).\n\nCanting`,
		kind: "order.paid.buyer",
		orderId: order.id
	};
}
// src/lib/commerce/payments/bank-transfer-provider.ts
/**
* Bank transfer, the `PaymentProvider` that needs nothing installed: the buyer transfers exactly
* `order.totalIdr` to the cooperative's account with the order number as the transfer's reference,
* and the artisan (or an admin) confirms the money arrived. Nothing is sent anywhere here, so the
* same order always gets the same reference and amount; only `expiresAt` moves with the clock.
*/
/**
* Creates the bank-transfer provider.
*
* @example
* const bank = createBankTransferProvider({ bankName: 'Bank Contoh', accountName: 'Koperasi Canting', accountNumber: '000-000-0000' });
* const { reference, instructions } = await bank.start(order, urls, { expiresInMinutes: 24 * 60 });
* // reference === order.number, instructions.amountIdr === order.totalIdr
*/
function createBankTransferProvider(account) {
	const { bankName, accountName, accountNumber } = account;
	if (!bankName || !accountName || !accountNumber) throw new AppError("internal", "bank transfer needs BANK_NAME, BANK_ACCOUNT_NAME and BANK_ACCOUNT_NUMBER");
	return {
		method: "bank_transfer",
		async start(order, _urls, { expiresInMinutes }) {
			if (!Number.isInteger(expiresInMinutes) || expiresInMinutes <= 0) throw new AppError("invalid", `a bank transfer hold lasts a positive whole number of minutes, not ${expiresInMinutes}`, { hint: "BANK_TRANSFER_HOLD_HOURS" });
			assertTotal(order);
			return {
				reference: order.number,
				instructions: {
					bankName,
					accountName,
					accountNumber,
					amountIdr: order.totalIdr,
					reference: order.number
				},
				expiresAt: new Date(Date.now() + expiresInMinutes * 6e4)
			};
		}
	};
}
/** The buyer is told to send exactly `totalIdr`: it must be what the lines and shipping add up to. */
function assertTotal(order) {
	let sum = order.shipping.amountIdr;
	for (const line of order.lines) sum += line.unitPriceIdr * line.quantity;
	if (![
		order.totalIdr,
		order.shipping.amountIdr,
		...order.lines.flatMap((l) => [l.unitPriceIdr, l.quantity])
	].every((n) => Number.isSafeInteger(n) && n >= 0) || order.lines.length === 0 || order.totalIdr <= 0 || sum !== order.totalIdr) throw new AppError("internal", `order ${order.number}: lines and shipping add up to Rp ${sum}, the order says Rp ${order.totalIdr}`, { hint: "refusing to ask for an amount the order did not compute" });
}
// src/lib/commerce/payments/stripe-provider.ts
/**
* `StripeProvider`: Stripe Checkout through the official `stripe` SDK (pinned API version
* `2026-10-28.endive`). This file and `tests/fakes/fake-stripe.ts` are the only ones importing
* `stripe`; Stripe's types are reshaped into ours (`PaymentSession`, `PaymentEvent`) here and go no
* further.
*
* One Checkout Session per artisan order (https://docs.stripe.com/api/checkout/sessions/create):
* - IDR is a two-decimal currency in Stripe (https://docs.stripe.com/currencies): every amount we send
*   is rupiah × 100, so amounts are always whole rupiah. Amounts come from `order.lines` (priced from
*   our database) and must add up to `order.totalIdr`, or nothing is sent: we never charge an amount
*   we did not compute. Stripe's ceiling for IDR is twelve digits (Rp 9.999.999.999,99); its floor is
*   the settlement currency's minimum (about USD 0.50) after conversion, so tiny orders may be refused.
* - Adaptive Pricing is switched off so the buyer pays exactly our rupiah, not a converted amount.
* - `expires_at` must be 30 min – 24 h ahead
*   (https://docs.stripe.com/payments/checkout/managing-limited-inventory); it is also our stock hold.
* - Every create carries the idempotency key `canting-checkout-${order.id}`
*   (https://docs.stripe.com/api/idempotent_requests): the same order gets the same session back
*   (for 24 h). Stripe compares the parameters of a replayed request with the first one and refuses
*   a difference, so the parameters must not depend on the clock to the second: `expires_at` is
*   rounded up to a 5-minute step (see `checkoutExpiry`), and when a retry lands in the next step we
*   retry with the previous steps before giving up with `conflict`.
* - `connect` payout mode adds a destination charge: `payment_intent_data.transfer_data.destination`
*   and `application_fee_amount` (https://docs.stripe.com/connect/destination-charges).
*
* Errors: Stripe unreachable, timed out, rate-limited or 5xx → `AppError('unavailable')` (the SDK has
* already retried with the same idempotency key); any other 4xx → `AppError('internal')` with
* Stripe's message, since it means our request was wrong — except an unknown session id on
* `retrieveSession` (`not_found`; the success page passes the id from its query string) and an
* idempotency mismatch (`conflict`).
*/
/** IDR is a two-decimal currency in Stripe's API: Rp 1 is `100`. */
var IDR_MINOR_UNITS = 100;
var STRIPE_MAX_EXPIRY_MINUTES = 1440;
/** Kept clear of Stripe's bounds: its clock reads the request a little after ours wrote it. */
var EXPIRY_MARGIN_SECONDS = 60;
/** How many earlier steps a retried create tries before it reports a conflict (15 minutes). */
var EXPIRY_LOOKBACK_STEPS = 3;
var SESSION_ID = /^cs_[A-Za-z0-9_]+$/;
/**
* The `expires_at` sent for a Checkout Session: `now + minutes` rounded up to a 5-minute step and
* kept inside Stripe's window with a minute to spare (31 min to 23 h 59 min ahead), so it is at most
* 6 minutes later than asked, and only near the 24 h cap up to 6 minutes earlier. The result never
* decreases as `nowSeconds` grows and moves in whole steps, so `stepsBack` gives the value an earlier
* call sent.
*
* @example checkoutExpiry(1_800_000_000, 60) // 1_800_003_600 (already on a step)
*/
function checkoutExpiry(nowSeconds, minutes, stepsBack = 0) {
	const earliest = nowSeconds + 1800 + EXPIRY_MARGIN_SECONDS;
	const latest = nowSeconds + STRIPE_MAX_EXPIRY_MINUTES * 60 - EXPIRY_MARGIN_SECONDS;
	const step = 300;
	let at = Math.ceil((nowSeconds + minutes * 60) / step) * step;
	if (at < earliest) at = Math.ceil(earliest / step) * step;
	if (at > latest) at = Math.floor(latest / step) * step;
	return at - stepsBack * step;
}
/**
* The idempotency key of an order's Checkout Session create: one session per order.
*
* @example checkoutIdempotencyKey({ id: '0b6e…' }) // 'canting-checkout-0b6e…'
*/
function checkoutIdempotencyKey(order) {
	return `canting-checkout-${order.id}`;
}
/**
* Creates the Stripe Checkout provider. Nothing is sent until a method is called.
*
* @example
* const stripe = createStripeProvider({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, apiBase: config.STRIPE_API_BASE });
* const { reference, paymentUrl, expiresAt } = await stripe.start(order, urls, { expiresInMinutes: 30 });
*/
function createStripeProvider(options) {
	const { webhookSecret } = options;
	if (!options.secretKey) throw new AppError("internal", "Stripe needs a secret key (STRIPE_SECRET_KEY)");
	if (!webhookSecret) throw new AppError("internal", "Stripe needs a webhook signing secret (STRIPE_WEBHOOK_SECRET)");
	const stripe = new Stripe(options.secretKey, {
		...toHostConfig(options.apiBase),
		timeout: options.timeoutMs ?? 2e4,
		maxNetworkRetries: options.maxNetworkRetries ?? 2,
		appInfo: { name: "Canting" }
	});
	async function retrieveSession(reference) {
		if (!SESSION_ID.test(reference)) throw new AppError("invalid", "not a Checkout Session id", { hint: "expected cs_…" });
		try {
			return toPaymentSession(await stripe.checkout.sessions.retrieve(reference));
		} catch (error) {
			if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) throw new AppError("not_found", `no Checkout Session ${reference} at Stripe`, { cause: error });
			throw fromStripeError(error, `retrieving Checkout Session ${reference}`);
		}
	}
	return {
		method: "stripe",
		async start(order, urls, { expiresInMinutes }) {
			if (!Number.isInteger(expiresInMinutes) || expiresInMinutes < 30 || expiresInMinutes > 1440) throw new AppError("invalid", `a Stripe Checkout Session expires 30–${STRIPE_MAX_EXPIRY_MINUTES} minutes after it starts, not ${expiresInMinutes}`, { hint: "STRIPE_HOLD_MINUTES" });
			const lineItems = toLineItems(order);
			const idempotencyKey = checkoutIdempotencyKey(order);
			const nowSeconds = Math.floor(Date.now() / 1e3);
			for (let stepsBack = 0;; stepsBack += 1) {
				const params = toSessionParams(order, urls, lineItems, checkoutExpiry(nowSeconds, expiresInMinutes, stepsBack));
				try {
					return toStartedPayment(await stripe.checkout.sessions.create(params, { idempotencyKey }), order);
				} catch (error) {
					if (!(error instanceof Stripe.errors.StripeIdempotencyError)) throw fromStripeError(error, `creating the Checkout Session of order ${order.number}`);
					if (stepsBack < EXPIRY_LOOKBACK_STEPS) continue;
					throw new AppError("conflict", `order ${order.number} already has a Checkout Session, started with other details`, {
						cause: error,
						hint: "use the session reference stored with the order (retrieveSession) instead of starting again"
					});
				}
			}
		},
		retrieveSession,
		async expireSession(reference) {
			if (!SESSION_ID.test(reference)) throw new AppError("invalid", "not a Checkout Session id", { hint: "expected cs_…" });
			try {
				await stripe.checkout.sessions.expire(reference);
			} catch (error) {
				if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400) {
					if ((await retrieveSession(reference)).status !== "open") return;
				}
				throw fromStripeError(error, `expiring Checkout Session ${reference}`);
			}
		},
		verifyWebhook(rawBody, signatureHeader) {
			if (!signatureHeader) throw new AppError("invalid", "invalid Stripe signature", { hint: "no Stripe-Signature header" });
			let event;
			try {
				event = stripe.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret);
			} catch (error) {
				throw new AppError("invalid", "invalid Stripe signature", { cause: error });
			}
			return toPaymentEvent(event);
		}
	};
}
/** Our lines (and shipping, when charged) as Stripe line items; refuses amounts that do not add up. */
function toLineItems(order) {
	const lines = [...order.lines];
	if (order.shipping.amountIdr !== 0) lines.push({
		name: order.shipping.name,
		quantity: 1,
		unitPriceIdr: order.shipping.amountIdr
	});
	if (order.lines.length === 0) throw new AppError("internal", `order ${order.number} has no lines to pay for`);
	let sum = 0;
	const items = lines.map((line) => {
		if (!Number.isSafeInteger(line.unitPriceIdr) || line.unitPriceIdr <= 0) throw new AppError("internal", `order ${order.number}: "${line.name}" costs ${line.unitPriceIdr}, not a positive whole number of rupiah`);
		if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new AppError("internal", `order ${order.number}: "${line.name}" has quantity ${line.quantity}`);
		if (!line.name.trim()) throw new AppError("internal", `order ${order.number} has a line without a name`);
		sum += line.unitPriceIdr * line.quantity;
		return {
			quantity: line.quantity,
			price_data: {
				currency: "idr",
				unit_amount: line.unitPriceIdr * IDR_MINOR_UNITS,
				product_data: { name: line.name }
			}
		};
	});
	if (sum !== order.totalIdr || !Number.isSafeInteger(sum * IDR_MINOR_UNITS)) throw new AppError("internal", `order ${order.number}: lines and shipping add up to Rp ${sum}, the order says Rp ${order.totalIdr}`, { hint: "refusing to charge an amount the order did not compute" });
	return items;
}
function toSessionParams(order, urls, lineItems, expiresAt) {
	const metadata = {
		order_id: order.id,
		order_number: order.number
	};
	const paymentIntentData = { metadata };
	if (order.connect) {
		const { destinationAccountId, applicationFeeIdr } = order.connect;
		if (!destinationAccountId) throw new AppError("internal", `order ${order.number}: connect payout without a connected account`);
		if (!Number.isSafeInteger(applicationFeeIdr) || applicationFeeIdr < 0 || applicationFeeIdr >= order.totalIdr) throw new AppError("internal", `order ${order.number}: commission Rp ${applicationFeeIdr} is not between 0 and the total Rp ${order.totalIdr}`);
		paymentIntentData.transfer_data = { destination: destinationAccountId };
		paymentIntentData.application_fee_amount = applicationFeeIdr * IDR_MINOR_UNITS;
	}
	return {
		mode: "payment",
		line_items: lineItems,
		customer_email: order.buyerEmail,
		locale: order.lang,
		client_reference_id: order.id,
		metadata,
		payment_intent_data: paymentIntentData,
		expires_at: expiresAt,
		success_url: urls.successUrl,
		cancel_url: urls.cancelUrl,
		adaptive_pricing: { enabled: false }
	};
}
function toHostConfig(apiBase) {
	if (!apiBase) return {};
	let url;
	try {
		url = new URL(apiBase);
	} catch (error) {
		throw new AppError("internal", `STRIPE_API_BASE is not a URL: ${apiBase}`, { cause: error });
	}
	if (url.protocol !== "http:" && url.protocol !== "https:" || url.pathname !== "/" && url.pathname !== "") throw new AppError("internal", `STRIPE_API_BASE must be http(s)://host:port without a path, not ${apiBase}`);
	const protocol = url.protocol === "http:" ? "http" : "https";
	return {
		host: url.hostname,
		port: url.port || (protocol === "http" ? "80" : "443"),
		protocol
	};
}
function toStartedPayment(session, order) {
	if (session.client_reference_id !== order.id || session.amount_total !== order.totalIdr * IDR_MINOR_UNITS || session.currency !== "idr") throw new AppError("internal", `Stripe answered order ${order.number} with session ${session.id} for another order or amount`);
	if (!session.url) throw new AppError("internal", `Checkout Session ${session.id} has no payment URL`);
	return {
		reference: session.id,
		paymentUrl: session.url,
		expiresAt: /* @__PURE__ */ new Date(session.expires_at * 1e3)
	};
}
function toPaymentSession(session) {
	const intent = session.payment_intent;
	return {
		reference: session.id,
		orderId: session.client_reference_id,
		status: toSessionStatus(session),
		paymentStatus: toPaymentStatus(session),
		paymentIntentId: typeof intent === "string" ? intent : intent?.id ?? null,
		amountTotalIdr: session.amount_total === null || session.currency !== "idr" ? null : session.amount_total / IDR_MINOR_UNITS
	};
}
function toSessionStatus(session) {
	switch (session.status) {
		case "open": return "open";
		case "complete": return "complete";
		case "expired": return "expired";
		default: throw new AppError("internal", `Checkout Session ${session.id} has status ${String(session.status)}`);
	}
}
function toPaymentStatus(session) {
	switch (session.payment_status) {
		case "paid": return "paid";
		case "unpaid": return "unpaid";
		case "no_payment_required": return "no_payment_required";
		default: throw new AppError("internal", `Checkout Session ${session.id} has payment status ${String(session.payment_status)}`);
	}
}
function toPaymentEvent(event) {
	switch (event.type) {
		case "checkout.session.completed":
		case "checkout.session.expired":
		case "checkout.session.async_payment_succeeded":
		case "checkout.session.async_payment_failed": return {
			id: event.id,
			type: event.type,
			session: toPaymentSession(event.data.object)
		};
		case "charge.refunded": {
			const charge = event.data.object;
			const intent = charge.payment_intent;
			const paymentIntentId = typeof intent === "string" ? intent : intent?.id ?? null;
			if (!paymentIntentId) return {
				id: event.id,
				type: event.type
			};
			return {
				id: event.id,
				type: event.type,
				refund: {
					paymentIntentId,
					fullyRefunded: charge.refunded
				}
			};
		}
		default: return {
			id: event.id,
			type: event.type
		};
	}
}
function fromStripeError(error, doing) {
	if (error instanceof AppError) return error;
	if (error instanceof Stripe.errors.StripeConnectionError) return new AppError("unavailable", `Stripe could not be reached while ${doing}: ${error.message}`, { cause: error });
	if (error instanceof Stripe.errors.StripeError) {
		const status = error.statusCode;
		if (status === void 0 || status >= 500 || status === 429) return new AppError("unavailable", `Stripe is unavailable (${status ?? "no status"}) while ${doing}: ${error.message}`, { cause: error });
		const param = error.param ? `, param ${error.param}` : "";
		return new AppError("internal", `Stripe refused ${doing} (${status} ${error.rawType ?? error.type}${param}): ${error.message}`, {
			cause: error,
			...error.requestId ? { hint: `Stripe request ${error.requestId}` } : {}
		});
	}
	return new AppError("internal", `unexpected error while ${doing}`, { cause: error });
}
// src/lib/commerce/shipping.ts
/**
* Shipping: zones, chargeable weight and courier quotes from the rate table in
* `content/shipping.yaml` (SAMPLE figures; see its header and docs/batik-facts.md §6.3).
*
* The fee is a per-kg rate, set by the origin island and the destination zone, times the
* chargeable weight. Money is integer rupiah everywhere.
*
* Astro reads `content/` at build time, but checkout quotes on the server at runtime, so the table
* is parsed here from YAML text (`loadShippingTable`) or read from disk (`readShippingTable`).
*/
/** Destination zones. Any country other than Indonesia is `abroad`. */
var ZONES = [
	"java",
	"sumatra",
	"other-islands",
	"abroad"
];
/** Islands artisans ship from: the `island` of a region in `content/regions/`. */
var ORIGIN_ISLANDS = ["java", "sumatra"];
/** Standard parcel services divide L×W×H (cm) by 6000 to get the volumetric weight in kg. */
var VOLUMETRIC_DIVISOR = 6e3;
var text = mod.string().trim().min(1);
var zoneSchema = mod.enum(ZONES);
var slug = mod.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a courier id is lowercase words joined by hyphens");
var rateSchema = mod.strictObject({
	/** Rupiah per chargeable kilogram. */
	perKgIdr: mod.number().int().positive(),
	/** [min, max] working days, an estimate. */
	etaDays: mod.tuple([mod.number().int().nonnegative(), mod.number().int().nonnegative()]).refine(([min, max]) => min <= max, "etaDays is [min, max] with min ≤ max")
});
var courierSchema = mod.strictObject({
	id: slug,
	name: text,
	/** rates[origin][zone]; a zone that is absent is not served from that origin. */
	rates: mod.partialRecord(mod.enum(ORIGIN_ISLANDS), mod.partialRecord(zoneSchema, rateSchema))
});
/** Normalises a province name for lookup: case, spacing and dots do not matter. */
function normaliseProvince(name) {
	return name.normalize("NFKC").toLowerCase().replace(/\./g, " ").replace(/\s+/g, " ").trim();
}
/** The whole rate table, as `content/shipping.yaml` holds it. */
var shippingTableSchema = mod.strictObject({
	/** Shown next to quotes: says the figures are samples. */
	note: mod.strictObject({
		id: text,
		en: text
	}),
	provinces: mod.array(mod.strictObject({
		name: text,
		zone: zoneSchema.exclude(["abroad"])
	})).min(1),
	couriers: mod.array(courierSchema).min(1)
}).superRefine((table, ctx) => {
	const seen = /* @__PURE__ */ new Set();
	table.provinces.forEach((p, i) => {
		const key = normaliseProvince(p.name);
		if (seen.has(key)) ctx.addIssue({
			code: "custom",
			path: [
				"provinces",
				i,
				"name"
			],
			message: `province "${p.name}" is listed twice`
		});
		seen.add(key);
	});
	const ids = /* @__PURE__ */ new Set();
	table.couriers.forEach((c, i) => {
		if (ids.has(c.id)) ctx.addIssue({
			code: "custom",
			path: [
				"couriers",
				i,
				"id"
			],
			message: `courier "${c.id}" is listed twice`
		});
		ids.add(c.id);
	});
});
/**
* Validates already-parsed data (e.g. from YAML) as a rate table.
* @throws AppError('internal') listing every problem: the table is our configuration, not user input.
*/
function parseShippingTable(data) {
	const parsed = shippingTableSchema.safeParse(data);
	if (!parsed.success) {
		const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "(table)"}: ${i.message}`).join("; ");
		throw new AppError("internal", `The shipping rate table is invalid: ${detail}`, { hint: "fix content/shipping.yaml" });
	}
	const provinceIndex = new Map(parsed.data.provinces.map((p) => [normaliseProvince(p.name), p.zone]));
	return {
		...parsed.data,
		provinceIndex
	};
}
/**
* Parses the YAML text of `content/shipping.yaml` and validates it.
* @throws AppError('internal') when the YAML is malformed or the table is invalid.
*/
function loadShippingTable(yamlText) {
	let data;
	try {
		data = yaml.load(yamlText);
	} catch (error) {
		throw new AppError("internal", `The shipping rate table is not valid YAML: ${error.message}`, {
			cause: error,
			hint: "fix content/shipping.yaml"
		});
	}
	return parseShippingTable(data);
}
var cache = /* @__PURE__ */ new Map();
/**
* Reads `<contentDir>/shipping.yaml` with node:fs and parses it; cached per process (per directory).
* @throws AppError('internal') when the file is missing or invalid.
*/
function readShippingTable(contentDir) {
	const file = join(resolve(contentDir), "shipping.yaml");
	const cached = cache.get(file);
	if (cached) return cached;
	let source;
	try {
		source = readFileSync(file, "utf8");
	} catch (error) {
		throw new AppError("internal", `Cannot read the shipping rate table ${file}`, { cause: error });
	}
	const table = loadShippingTable(source);
	cache.set(file, table);
	return table;
}
/**
* The zone a destination falls in. A country other than Indonesia ('ID') is `abroad` whatever the
* province; in Indonesia the province must be one of the table's (case and spacing do not matter).
* @throws AppError('invalid') for a malformed country code or an unknown province.
*/
function provinceZone(table, province, country) {
	const cc = country.trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(cc)) throw new AppError("invalid", `Country must be a two-letter ISO code such as "ID", not "${country}"`);
	if (cc !== "ID") return "abroad";
	const zone = table.provinceIndex.get(normaliseProvince(province));
	if (!zone) throw new AppError("invalid", `Unknown province "${province}": choose one of Indonesia's ${table.provinces.length} provinces, e.g. "Jawa Tengah"`);
	return zone;
}
/**
* The weight couriers charge for, in whole kilograms: the larger of the actual weight and the
* volumetric weight (L×W×H ÷ 6000), at least 1 kg, rounded down when the excess over a whole kilo
* is at most 0.3 kg and up otherwise (1.3 kg → 1, 1.31 kg → 2). The JNE/TIKI rule, used for every
* courier here.
* @throws AppError('invalid') for a weight that is not positive or a dimension that is not positive.
*/
function chargeableKg(weightGrams, dimensions) {
	if (!Number.isFinite(weightGrams) || weightGrams <= 0) throw new AppError("invalid", `A parcel weight must be a positive number of grams, not ${weightGrams}`);
	let grams = weightGrams;
	if (dimensions) {
		const { lengthCm, widthCm, heightCm } = dimensions;
		for (const [name, value] of Object.entries({
			lengthCm,
			widthCm,
			heightCm
		})) if (!Number.isFinite(value) || value <= 0) throw new AppError("invalid", `Parcel ${name} must be a positive number of centimetres, not ${value}`);
		grams = Math.max(grams, lengthCm * widthCm * heightCm * 1e3 / VOLUMETRIC_DIVISOR);
	}
	const whole = Math.floor(grams / 1e3);
	const kg = grams - whole * 1e3 <= 300 ? whole : whole + 1;
	return Math.max(1, kg);
}
/** The couriers that serve `zone` from `origin`, in the table's order. */
function availableCouriers(table, origin, zone) {
	const result = [];
	for (const courier of table.couriers) {
		const rate = courier.rates[origin]?.[zone];
		if (rate) result.push({
			courierId: courier.id,
			name: courier.name,
			perKgIdr: rate.perKgIdr,
			etaDays: [...rate.etaDays]
		});
	}
	return result;
}
/**
* Quotes one courier for one parcel: per-kg rate (origin island × destination zone) times the
* chargeable weight, in integer rupiah.
* @throws AppError('invalid') for an unknown origin, courier or province, or a courier that does not
*   serve the destination zone from that origin (e.g. abroad by anything but POS Indonesia).
*/
function quoteShipping(table, request) {
	const { originRegionIsland: origin, courierId } = request;
	if (!ORIGIN_ISLANDS.includes(origin)) throw new AppError("invalid", `Unknown origin island "${origin}": artisans ship from ${ORIGIN_ISLANDS.join(" or ")}`);
	const courier = table.couriers.find((c) => c.id === courierId);
	if (!courier) throw new AppError("invalid", `Unknown courier "${courierId}": choose one of ${table.couriers.map((c) => c.id).join(", ")}`);
	const zone = provinceZone(table, request.destinationProvince, request.country);
	const rate = courier.rates[origin]?.[zone];
	if (!rate) {
		const others = availableCouriers(table, origin, zone).map((c) => c.name);
		throw new AppError("invalid", `${courier.name} does not ship to ${zone} from ${origin}` + (others.length ? `; choose ${others.join(" or ")}` : ""));
	}
	const kg = chargeableKg(request.weightGrams, request.dimensions);
	return {
		courierId: courier.id,
		name: courier.name,
		costIdr: kg * rate.perKgIdr,
		zone,
		etaDays: [...rate.etaDays],
		chargeableKg: kg
	};
}
// src/lib/mail/smtp-mailer.ts
/**
* The production mailer: sends through an SMTP server (`SMTP_URL`, e.g.
* `smtp://user:pass@mail.example.id:587`, or `smtps://…:465`) with nodemailer, and records every
* message in the outbox so the admin sees it: `sent_at` when the server took it, `last_error` when
* it did not (and `send` then rejects with AppError('unavailable')).
*
* The row is written before the attempt, so a message is on record even if the process dies while
* talking to the server. Callers on the purchase path must not let a rejection here fail the
* purchase (see mailer.ts).
*/
/**
* Makes a mailer that sends through `options.url` and records each message in `db`'s outbox.
* @throws AppError('internal') when the URL is not an smtp:// or smtps:// URL (a configuration error).
*/
function createSmtpMailer(db, options) {
	let protocol;
	try {
		protocol = new URL(options.url).protocol;
	} catch {
		protocol = "";
	}
	if (protocol !== "smtp:" && protocol !== "smtps:") throw new AppError("internal", "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.id:587");
	if (!options.from.trim()) throw new AppError("internal", "The sender (from) address of the SMTP mailer is empty");
	const timeout = options.timeoutMs ?? 15e3;
	const transport = nodemailer.createTransport({
		url: options.url,
		connectionTimeout: timeout,
		greetingTimeout: timeout,
		socketTimeout: timeout
	}, { from: options.from });
	return {
		name: "smtp",
		async send(input) {
			const message = checkMailMessage(input);
			const id = await recordOutbox(db, message);
			try {
				await transport.sendMail({
					to: message.to,
					subject: message.subject,
					text: message.text,
					...message.html === void 0 ? {} : { html: message.html }
				});
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				await recordDelivery(db, id, {
					sent: false,
					error: reason
				});
				throw new AppError("unavailable", `The SMTP server did not take the e-mail to ${message.to}: ${reason}`, {
					cause: error,
					hint: "the message is kept in the outbox with its last_error"
				});
			}
			await recordDelivery(db, id, { sent: true });
		},
		close() {
			transport.close();
		}
	};
}
// src/data/commerce.ts
/**
* Commerce services for pages and routes: payment providers, mailer, shipping and checkout
* dependencies, chosen from config once per process.
*/
var commerce;
function getCommerce() {
	commerce ??= (async () => {
		const [{ config, db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
		const stripe = config.STRIPE_SECRET_KEY ? createStripeProvider({
			secretKey: config.STRIPE_SECRET_KEY,
			webhookSecret: config.STRIPE_WEBHOOK_SECRET,
			apiBase: config.STRIPE_API_BASE
		}) : null;
		const bankAccount = {
			bankName: config.BANK_NAME,
			accountName: config.BANK_ACCOUNT_NAME,
			accountNumber: config.BANK_ACCOUNT_NUMBER
		};
		const bank = createBankTransferProvider(bankAccount);
		const mailer = config.SMTP_URL ? createSmtpMailer(db, {
			url: config.SMTP_URL,
			from: config.MAIL_FROM
		}) : createOutboxMailer(db);
		const shipping = readShippingTable(join(process.cwd(), "content"));
		const regionIsland = (region) => {
			const island = byId(catalogue.regions, region)?.island;
			if (!island) throw new AppError("internal", `region "${region}" has no island in content/regions`);
			return island;
		};
		const statusUrl = (origin, order, token) => `${origin}${localizedPath(order.lang, `/orders/${order.number}`)}?token=${encodeURIComponent(token)}`;
		const sendQuietly = async (build) => {
			try {
				const message = await build();
				if (message) await mailer.send(message);
			} catch (error) {
				console.error("mail: could not send (the order is safe; the message stays in the outbox):", error);
			}
		};
		const artisanEmail = async (order) => {
			const [row] = await db.query("SELECT email FROM artisans WHERE slug = $1", [order.artisan.slug]);
			return row?.email ?? null;
		};
		setInterval(() => {
			sweepExpiredHolds(db).catch((error) => console.error("orders: the expiry sweep failed:", error));
		}, 6e4).unref();
		return {
			config,
			db,
			stripe,
			bank,
			mailer,
			shipping,
			regionIsland,
			statusUrl,
			sendQuietly,
			async notifyPaid(orderId, origin) {
				await sendQuietly(async () => {
					const order = await findOrderById(db, orderId);
					return order ? buyerPaid(order, `${origin}${localizedPath(order.lang, `/orders/${order.number}`)}`) : null;
				});
			},
			checkoutDeps: (origin) => ({
				quoteShipping: ({ originRegion, province, country, weightGrams, courierId }) => quoteShipping(shipping, {
					originRegionIsland: regionIsland(originRegion),
					destinationProvince: province,
					country,
					weightGrams: Math.max(1, weightGrams),
					courierId: courierId ?? (country === "ID" ? "jne" : "pos")
				}),
				payments: {
					bank_transfer: bank,
					...stripe ? { stripe } : {}
				},
				settings: {
					payoutMode: config.PAYOUT_MODE,
					commissionPercent: config.COMMISSION_PERCENT,
					stripeHoldMinutes: config.STRIPE_HOLD_MINUTES,
					bankHoldHours: config.BANK_TRANSFER_HOLD_HOURS
				},
				urls: ({ lang }, all) => {
					const summary = `${origin}${localizedPath(lang, "/checkout/done")}?o=${all.map((o) => `${o.number}.${o.token}`).join(",")}`;
					return {
						successUrl: `${summary}&session_id={CHECKOUT_SESSION_ID}`,
						cancelUrl: summary
					};
				},
				afterPlaced: async (orders) => {
					for (const placed of orders) {
						await sendQuietly(async () => {
							const order = await findOrderById(db, placed.id);
							return order ? buyerConfirmation(order, {
								statusUrl: statusUrl(origin, order, placed.token),
								bank: bankAccount
							}) : null;
						});
						await sendQuietly(async () => {
							const order = await findOrderById(db, placed.id);
							const email = order && await artisanEmail(order);
							return order && email ? artisanNotice(order, email) : null;
						});
					}
				}
			})
		};
	})().catch((error) => {
		commerce = void 0;
		throw error;
	});
	return commerce;
}
export { provinceZone as i, availableCouriers as n, chargeableKg as r, getCommerce as t };
