import { r as AppError } from "./services.server_-_DkjSUe.mjs";
// src/lib/http.ts
/** Small HTTP helpers shared by API routes. */
var MAX_JSON_BYTES = 65536;
/** Reads a JSON body of at most `limit` bytes; malformed or oversized bodies are AppErrors. */
async function readJson(request, limit = MAX_JSON_BYTES) {
	if (Number(request.headers.get("content-length") ?? "0") > limit) throw new AppError("too_large", `the request body is larger than ${limit} bytes`);
	const text = await request.text();
	if (Buffer.byteLength(text) > limit) throw new AppError("too_large", `the request body is larger than ${limit} bytes`);
	if (!text.trim()) return {};
	try {
		return JSON.parse(text);
	} catch (cause) {
		throw new AppError("invalid", "the request body is not valid JSON", { cause });
	}
}
export { readJson as t };
