import { defineMiddleware } from 'astro:middleware';
import { ZodError } from 'astro/zod';
import { userForSession } from './lib/auth/accounts.ts';
import { backOfficeGate, writeRefusal } from './lib/auth/guard.ts';
import { AppError, httpStatus } from './lib/errors.ts';
import { useStrings } from './i18n/index.ts';
import { getApp } from './lib/app.server.ts';
import { loadCatalogue } from './collections.ts';
import { DEFAULT_LANG, isLang } from './lib/i18n/index.ts';

import { SESSION_COOKIE } from './lib/auth/session-cookie.ts';

export { SESSION_COOKIE };

/**
 * The services for on-demand pages and routes (`locals.app`, from the composition root in
 * src/lib/app.server.ts), who is signed in (from the session cookie), and the one place where errors meet HTTP: an
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
    // The one check of a page's language segment: /{lang}/… in a language we do not have is the 404 page.
    const routeLang = context.params.lang;
    if (routeLang !== undefined && !isLang(routeLang)) return context.rewrite('/404');
    context.locals.lang = isLang(routeLang) ? routeLang : DEFAULT_LANG;
    // Liveness and readiness answer without the services (readiness builds them itself, to say what is not ready).
    if (!context.isPrerendered && path !== '/healthz' && path !== '/readyz') {
      const app = await getApp({ loadCatalogue });
      context.locals.app = app;
      const token = context.cookies.get(SESSION_COOKIE)?.value;
      if (token) context.locals.user = await userForSession(app.db, token);
    }
    const refusal = writeRefusal(context.locals.user, {
      method: context.request.method,
      path,
      contentType: headers?.get('content-type') ?? '',
    });
    if (refusal) return refused(refusal.reason, isApi, requestId);
    // The one guard for back-office pages: sign in first; the wrong account or one still waiting for
    // approval sees /portal/access (in the same shell, at the same address) and the page never runs.
    const gate = context.isPrerendered ? null : backOfficeGate(context.locals.user, path);
    context.locals.gate = gate;
    if (gate?.access === 'login') return context.redirect(`/portal/login?next=${encodeURIComponent(path + context.url.search)}`);
    const response = gate && gate.access !== 'ok' ? await next('/portal/access') : await next();
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
function refused(reason: 'suspended' | 'pending_upload', api: boolean, requestId: string): Response {
  const r = useStrings('id').refusals;
  const message = r[reason];
  if (api) return Response.json({ error: 'forbidden', message, ...(requestId ? { requestId } : {}) }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  const escaped = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return new Response(
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${r.title} · Canting</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>${r.title}</h1><p role="alert">${escaped}</p><p><a href="/portal">${r.back}</a></p></main></body></html>`,
    { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
}
