import { defineMiddleware } from 'astro:middleware';
import { ZodError } from 'astro/zod';
import { userForSession } from './lib/auth/accounts.ts';
import { writeRefusal } from './lib/auth/guard.ts';
import { AppError, httpStatus } from './lib/errors.ts';
import { getServices } from './lib/services.server.ts';

import { SESSION_COOKIE } from './lib/auth/session-cookie.ts';

export { SESSION_COOKIE };

/**
 * Who is signed in (from the session cookie), and the one place where errors meet HTTP: an
 * AppError from an API route becomes its status and a short JSON message; anything else is logged
 * with its cause and the request id, and answered 500 without internals. (Security headers and
 * request logs belong to the HTTP server in front of Astro: src/lib/ops/http-server.ts.)
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const path = context.url.pathname;
  const isApi = path.startsWith('/api/');
  // Prerendering has no request headers (Astro warns on every read): nothing to identify or refuse there.
  const headers = context.isPrerendered ? null : context.request.headers;
  const requestId = headers?.get('x-request-id') ?? '';
  context.locals.requestId = requestId;
  try {
    context.locals.user = null;
    if (!context.isPrerendered) {
      const token = context.cookies.get(SESSION_COOKIE)?.value;
      if (token) {
        const { db } = await getServices();
        context.locals.user = await userForSession(db, token);
      }
    }
    const refusal = writeRefusal(context.locals.user, {
      method: context.request.method,
      path,
      contentType: headers?.get('content-type') ?? '',
    });
    if (refusal) return refused(refusal.message, isApi, requestId);
    const response = await next();
    // An address under /api/ that no route (or the catch-all) took still answers in JSON.
    if (isApi && response.status === 404 && !(response.headers.get('content-type') ?? '').includes('json')) {
      return Response.json({ error: 'not_found', message: 'no such API route', ...(requestId ? { requestId } : {}) }, { status: 404 });
    }
    if (!context.isPrerendered && (path.startsWith('/portal') || path.startsWith('/admin') || path.startsWith('/api/portal'))) {
      response.headers.set('Cache-Control', 'no-store');
    }
    return response;
  } catch (thrown) {
    // A zod failure in an API route is bad input: 400 with the fields named.
    const error =
      thrown instanceof ZodError
        ? new AppError('invalid', thrown.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), { cause: thrown })
        : thrown;
    const status = httpStatus(error);
    if (status >= 500) {
      console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'failed', id: requestId, method: context.request.method, path, error: String((error as Error)?.stack ?? error) }));
    }
    if (!isApi) throw error;
    const message =
      error instanceof AppError && status < 500 ? error.message : `Something went wrong on our side; please try again. (request ${requestId || 'unknown'})`;
    return Response.json({ error: error instanceof AppError ? error.code : 'internal', message, ...(requestId ? { requestId } : {}) }, { status });
  }
});

/** A change the account may not make: 403, in JSON for the API, else a short page in Indonesian. */
function refused(message: string, api: boolean, requestId: string): Response {
  if (api) return Response.json({ error: 'forbidden', message, ...(requestId ? { requestId } : {}) }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  const escaped = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return new Response(
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tidak bisa diubah · Canting</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>Tidak bisa diubah</h1><p role="alert">${escaped}</p><p><a href="/portal">Kembali ke portal</a></p></main></body></html>`,
    { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
}
