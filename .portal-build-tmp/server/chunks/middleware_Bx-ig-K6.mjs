import { M as defineMiddleware } from "./sequence_pi_dDV_m.mjs";
import { n as zod_exports } from "./zod_lkTcRd8k.mjs";
import { c as userForSession } from "./accounts_DIB0lvJn.mjs";
import { a as httpStatus, r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/middleware.ts
var SESSION_COOKIE = "canting_session";
/**
* Content-Security-Policy for on-demand pages: our own origin only; inline styles are allowed
* (motif swatches use style attributes), inline scripts are Astro's island loaders.
*/
var CSP = [
	"default-src 'self'",
	"script-src 'self' 'unsafe-inline'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: https:",
	"connect-src 'self'",
	"form-action 'self' https://checkout.stripe.com",
	"frame-ancestors 'none'",
	"base-uri 'self'",
	"object-src 'none'"
].join("; ");
/**
* Who is signed in (from the session cookie), security headers, and the one place where errors
* meet HTTP: an AppError from an API route becomes its status and a short JSON message; anything
* else is logged with its cause and answered 500 without internals.
*/
var onRequest = defineMiddleware(async (context, next) => {
	const path = context.url.pathname;
	const isApi = path.startsWith("/api/");
	try {
		context.locals.user = null;
		if (!context.isPrerendered) {
			const token = context.cookies.get(SESSION_COOKIE)?.value;
			if (token) {
				const { db } = await getServices();
				context.locals.user = await userForSession(db, token);
			}
		}
		const response = await next();
		if (!context.isPrerendered) {
			response.headers.set("X-Content-Type-Options", "nosniff");
			response.headers.set("Referrer-Policy", response.headers.get("Referrer-Policy") ?? "strict-origin-when-cross-origin");
			if ((response.headers.get("content-type") ?? "").startsWith("text/html")) response.headers.set("Content-Security-Policy", CSP);
			if (path.startsWith("/portal") || path.startsWith("/admin") || path.startsWith("/api/portal")) response.headers.set("Cache-Control", "no-store");
		}
		return response;
	} catch (thrown) {
		const error = thrown instanceof zod_exports.ZodError ? new AppError("invalid", thrown.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "), { cause: thrown }) : thrown;
		const status = httpStatus(error);
		if (status >= 500) console.error(`${context.request.method} ${path} failed:`, error);
		if (!isApi) throw error;
		const message = error instanceof AppError && status < 500 ? error.message : "Something went wrong on our side; please try again.";
		return Response.json({
			error: error instanceof AppError ? error.code : "internal",
			message
		}, { status });
	}
});
export { onRequest as n, SESSION_COOKIE as t };
