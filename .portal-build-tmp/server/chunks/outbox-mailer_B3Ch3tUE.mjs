import { i as fromDatabaseError, r as AppError } from "./services.server_-_DkjSUe.mjs";
import { t as mod } from "./zod_lkTcRd8k.mjs";
// src/lib/mail/mailer.ts
/**
* The one e-mail capability. Two implementations, chosen by env:
* - `outbox` (embedded default): writes the message to the `outbox` table, readable in the admin;
*   nothing leaves the machine (src/lib/mail/outbox-mailer.ts).
* - `smtp` (`SMTP_URL` set): sends through nodemailer AND records the message in the outbox, with
*   `sent_at` on success or `last_error` on failure (src/lib/mail/smtp-mailer.ts).
* Both pass the same contract suite (tests/contract/mailer.contract.ts).
*
* E-mail is a side effect, never part of the purchase: a caller on the purchase path must not let a
* rejected `send` fail or roll back the order. Send after the order's transaction has committed and
* catch (log) the failure; the outbox keeps the record, with `last_error`, for the admin.
*/
var noLineBreaks = (s) => !/[\r\n]/.test(s);
/** Rules for a message, checked before anything is written or sent. */
var mailMessageSchema = mod.strictObject({
	to: mod.email("must be one e-mail address").max(320),
	subject: mod.string().trim().min(1).max(300).refine(noLineBreaks, "must be one line"),
	text: mod.string().min(1),
	html: mod.string().min(1).optional(),
	kind: mod.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, "is a lowercase word such as order-confirmation"),
	orderId: mod.uuid().optional()
});
/**
* Validates a message (shared by both mailers).
* @throws AppError('invalid') naming each bad field.
*/
function checkMailMessage(message) {
	const parsed = mailMessageSchema.safeParse(message);
	if (!parsed.success) {
		const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "message"}: ${i.message}`).join("; ");
		throw new AppError("invalid", `Cannot send this e-mail: ${detail}`);
	}
	return parsed.data;
}
// src/lib/mail/outbox-mailer.ts
var toEntry = (r) => ({
	id: Number(r.id),
	to: r.to_address,
	subject: r.subject,
	text: r.body_text,
	html: r.body_html ?? null,
	kind: r.kind,
	orderId: r.order_id ?? null,
	createdAt: new Date(r.created_at),
	sentAt: r.sent_at == null ? null : new Date(r.sent_at),
	attempts: Number(r.attempts),
	lastError: r.last_error ?? null
});
/**
* Writes a (validated) message to the outbox and returns its id.
* @throws AppError from the database (e.g. 'internal' when the table is missing).
*/
async function recordOutbox(db, message) {
	try {
		const rows = await db.query(`INSERT INTO outbox (to_address, subject, body_text, body_html, kind, order_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
			message.to,
			message.subject,
			message.text,
			message.html ?? null,
			message.kind,
			message.orderId ?? null
		]);
		return Number(rows[0].id);
	} catch (error) {
		throw fromDatabaseError(error, "Could not write the e-mail to the outbox");
	}
}
/** Records the outcome of one delivery attempt of outbox row `id`. */
async function recordDelivery(db, id, outcome) {
	try {
		if (outcome.sent) await db.query("UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1", [id]);
		else await db.query("UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1", [id, outcome.error.slice(0, 2e3)]);
	} catch (error) {
		throw fromDatabaseError(error, "Could not record the e-mail delivery in the outbox");
	}
}
/**
* The latest outbox messages, newest first, for the admin.
* @param options.limit 1–500, default 50.
* @param options.orderId only the messages about this order.
*/
async function listOutbox(db, options = {}) {
	const limit = options.limit ?? 50;
	if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError("invalid", `limit must be a whole number from 1 to 500, not ${limit}`);
	try {
		return (options.orderId ? await db.query("SELECT * FROM outbox WHERE order_id = $1 ORDER BY id DESC LIMIT $2", [options.orderId, limit]) : await db.query("SELECT * FROM outbox ORDER BY id DESC LIMIT $1", [limit])).map(toEntry);
	} catch (error) {
		throw fromDatabaseError(error, "Could not read the outbox");
	}
}
/**
* A mailer that only records messages in the outbox (`sent_at` stays NULL): the embedded default,
* when no `SMTP_URL` is set.
*/
function createOutboxMailer(db) {
	return {
		name: "outbox",
		async send(message) {
			await recordOutbox(db, checkMailMessage(message));
		}
	};
}
export { checkMailMessage as a, recordOutbox as i, listOutbox as n, recordDelivery as r, createOutboxMailer as t };
