import { t as mod } from "./zod_lkTcRd8k.mjs";
import { i as fromDatabaseError, r as AppError } from "./services.server_-_DkjSUe.mjs";
import { n as createArtisan } from "./store-repository_DJEKsCo7.mjs";
import { n as newToken, t as hashToken } from "./tokens_DrFJIgGO.mjs";
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
// src/lib/auth/passwords.ts
/**
* Passwords hashed with scrypt from node:crypto, a fresh salt per password. The stored form
* carries its parameters, so they can be raised later without breaking old hashes.
*/
var scrypt$1 = (password, salt, keylen, options) => new Promise((resolve, reject) => scrypt(password, salt, keylen, options, (error, key) => error ? reject(error) : resolve(key)));
var PARAMS = {
	N: 16384,
	r: 8,
	p: 1
};
var KEY_LENGTH = 32;
/** `scrypt$N$r$p$salt$hash`, base64url parts. */
async function hashPassword(password) {
	const salt = randomBytes(16);
	const key = await scrypt$1(password.normalize("NFKC"), salt, KEY_LENGTH, {
		...PARAMS,
		maxmem: 67108864
	});
	return [
		"scrypt",
		PARAMS.N,
		PARAMS.r,
		PARAMS.p,
		salt.toString("base64url"),
		key.toString("base64url")
	].join("$");
}
async function verifyPassword(password, stored) {
	const [scheme, n, r, p, salt, hash] = stored.split("$");
	if (scheme !== "scrypt" || !salt || !hash) return false;
	const expected = Buffer.from(hash, "base64url");
	const key = await scrypt$1(password.normalize("NFKC"), Buffer.from(salt, "base64url"), expected.length, {
		N: Number(n),
		r: Number(r),
		p: Number(p),
		maxmem: 67108864
	});
	return key.length === expected.length && timingSafeEqual(key, expected);
}
/** A hash of a random password, verified against when an e-mail is unknown (no timing hint). */
var decoy;
function decoyHash() {
	decoy ??= hashPassword(randomBytes(16).toString("hex"));
	return decoy;
}
var email = mod.email().max(320).transform((e) => e.trim().toLowerCase());
var password = mod.string().min(10, `at least 10 characters`).max(200);
async function createUser(db, input) {
	const parsed = mod.object({
		email,
		password
	}).safeParse(input);
	if (!parsed.success) throw new AppError("invalid", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
	try {
		const [row] = await db.query("INSERT INTO users (email, password_hash, role, artisan_id) VALUES ($1, $2, $3, $4) RETURNING id", [
			parsed.data.email,
			await hashPassword(parsed.data.password),
			input.role,
			input.artisanId ?? null
		]);
		return row.id;
	} catch (error) {
		throw fromDatabaseError(error, `could not create the account ${parsed.data.email}`);
	}
}
var signupSchema = mod.strictObject({
	email,
	password,
	name: mod.string().trim().min(2).max(120),
	workshop: mod.string().trim().min(2).max(160),
	region: mod.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
	place: mod.string().trim().min(2).max(120),
	whatsapp: mod.string().trim().regex(/^\+?[0-9]{8,15}$/)
});
function slugify(text) {
	return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "sanggar";
}
/** An artisan applies: a pending artisan and their account, in one transaction. */
async function applyAsArtisan(db, input) {
	const data = signupSchema.parse(input);
	return db.transaction(async (tx) => {
		let slug = slugify(data.workshop);
		const [taken] = await tx.query("SELECT 1 FROM artisans WHERE slug = $1", [slug]);
		if (taken) slug = `${slug}-${newToken(3).toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 80);
		const artisan = await createArtisan(tx, {
			slug,
			name: data.name,
			workshop: data.workshop,
			region: data.region,
			place: data.place,
			bio: {
				id: "",
				en: ""
			},
			whatsapp: data.whatsapp,
			email: data.email,
			status: "pending"
		});
		return {
			userId: await createUser(tx, {
				email: data.email,
				password: data.password,
				role: "artisan",
				artisanId: artisan.id
			}),
			artisanId: artisan.id
		};
	});
}
async function recentFailures(db, column, value) {
	const [row] = await db.query(`SELECT count(*)::int AS n FROM login_attempts
     WHERE ${column} = $1 AND NOT succeeded AND created_at > now() - make_interval(mins => $2)`, [value, 15]);
	return row.n;
}
/**
* Signs in with e-mail and password. After 5 failures for an account, or 20 from one address,
* in 15 minutes, it refuses without checking (`throttled`, answered 429).
*/
async function signIn(db, rawEmail, rawPassword, ip) {
	const address = String(rawEmail ?? "").trim().toLowerCase().slice(0, 320);
	const secret = String(rawPassword ?? "").slice(0, 200);
	const ipKey = ip.slice(0, 64) || "unknown";
	if (await recentFailures(db, "email", address) >= 5 || await recentFailures(db, "ip", ipKey) >= 20) return {
		ok: false,
		reason: "throttled"
	};
	const [user] = await db.query("SELECT id, password_hash FROM users WHERE email = $1", [address]);
	const valid = await verifyPassword(secret, user?.password_hash ?? await decoyHash());
	await db.query("INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)", [
		address,
		ipKey,
		Boolean(user && valid)
	]);
	if (!user || !valid) return {
		ok: false,
		reason: "invalid"
	};
	const token = newToken(32);
	await db.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`, [
		hashToken(token),
		user.id,
		30
	]);
	return {
		ok: true,
		token,
		user: await userForSession(db, token)
	};
}
/** The user behind a session token, or null when it is unknown or expired. */
async function userForSession(db, token) {
	if (!token || token.length > 100) return null;
	const id = hashToken(token);
	const [row] = await db.query(`SELECT u.id, u.email, u.role, u.artisan_id, a.slug AS artisan_slug, a.status AS artisan_status
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN artisans a ON a.id = u.artisan_id
     WHERE s.id = $1 AND s.expires_at > now()`, [id]);
	if (!row) return null;
	return {
		id: row.id,
		email: row.email,
		role: row.role,
		artisanId: row.artisan_id ?? null,
		artisanSlug: row.artisan_slug ?? null,
		artisanStatus: row.artisan_status ?? null,
		sessionId: id
	};
}
async function signOut(db, sessionId) {
	await db.query("DELETE FROM sessions WHERE id = $1", [sessionId]);
}
/** Ends every session of a user (after a password change, or "sign out everywhere"). */
async function signOutEverywhere(db, userId) {
	return (await db.query("DELETE FROM sessions WHERE user_id = $1 RETURNING id", [userId])).length;
}
/**
* Starts a password reset: a one-hour token for the account, if there is one. Returns the token for
* the caller to e-mail; returns null for unknown addresses (the caller answers the same either way).
*/
async function startPasswordReset(db, rawEmail) {
	const address = String(rawEmail ?? "").trim().toLowerCase();
	const [user] = await db.query("SELECT id FROM users WHERE email = $1", [address]);
	if (!user) return null;
	const token = newToken(32);
	await db.query(`INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [hashToken(token), user.id]);
	return {
		token,
		email: address
	};
}
/** Sets a new password with a reset token (once), and signs the account out everywhere. */
async function finishPasswordReset(db, token, newPassword) {
	const checked = password.safeParse(newPassword);
	if (!checked.success) throw new AppError("invalid", `password: ${checked.error.issues[0].message}`);
	return db.transaction(async (tx) => {
		const [reset] = await tx.query(`UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`, [hashToken(String(token ?? "").slice(0, 100))]);
		if (!reset) return false;
		await tx.query("UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1", [reset.user_id, await hashPassword(checked.data)]);
		await signOutEverywhere(tx, reset.user_id);
		return true;
	});
}
export { signOutEverywhere as a, userForSession as c, signOut as i, finishPasswordReset as n, signupSchema as o, signIn as r, startPasswordReset as s, applyAsArtisan as t };
