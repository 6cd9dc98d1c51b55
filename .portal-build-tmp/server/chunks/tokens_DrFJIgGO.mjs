import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
// src/lib/commerce/tokens.ts
/** Secrets handed to browsers (cart cookies, order status links): random, and stored only hashed. */
function newToken(bytes = 24) {
	return randomBytes(bytes).toString("base64url");
}
function hashToken(token) {
	return createHash("sha256").update(token).digest("hex");
}
/** Compares a presented token with a stored hash in constant time. */
function tokenMatches(token, storedHash) {
	if (!token || token.length > 200) return false;
	const a = Buffer.from(hashToken(token), "hex");
	const b = Buffer.from(storedHash, "hex");
	return a.length === b.length && timingSafeEqual(a, b);
}
export { newToken as n, tokenMatches as r, hashToken as t };
