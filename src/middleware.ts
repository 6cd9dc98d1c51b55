import { defineMiddleware } from 'astro:middleware';
import { ZodError } from 'astro/zod';
import { AppError, httpStatus } from './lib/errors.ts';

/**
 * One place where errors meet HTTP: an AppError from an API route becomes its status and a
 * short JSON message; anything else is logged with its cause and answered 500 without internals.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const isApi = context.url.pathname.startsWith('/api/');
  try {
    const response = await next();
    if (!context.isPrerendered) {
      response.headers.set('X-Content-Type-Options', 'nosniff');
      response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
      if (!response.headers.has('Content-Security-Policy')) response.headers.set('X-Frame-Options', 'DENY');
    }
    return response;
  } catch (thrown) {
    // A zod failure in an API route is bad input: 400 with the fields named.
    const error =
      thrown instanceof ZodError
        ? new AppError('invalid', thrown.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), { cause: thrown })
        : thrown;
    const status = httpStatus(error);
    if (status >= 500) console.error(`${context.request.method} ${context.url.pathname} failed:`, error);
    if (!isApi) throw error;
    const message = error instanceof AppError && status < 500 ? error.message : 'Something went wrong on our side; please try again.';
    return Response.json({ error: error instanceof AppError ? error.code : 'internal', message }, { status });
  }
});
