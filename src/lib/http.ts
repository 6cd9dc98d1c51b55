/** Small HTTP helpers shared by API routes and pages: request bodies read with a size limit. */
import { AppError } from './errors.ts';

export const MAX_JSON_BYTES = 64 * 1024;

/** The most an ordinary form (cart, checkout, sign-in, admin actions…) may send. */
export const MAX_FORM_BYTES = 64 * 1024;

/**
 * The most a product's text form may send: two descriptions of up to 10 000 characters, which a
 * browser percent-encodes to as much as 12 bytes each.
 */
export const MAX_PRODUCT_FORM_BYTES = 512 * 1024;

/**
 * Reads a raw request body of at most `limit` bytes: a declared Content-Length above it is refused
 * before reading, and the stream is cut off as soon as it passes the limit (the header can lie, or
 * be absent with a chunked body). A body that breaks off, or that the server's own limit cut
 * (`bodySizeLimit` in astro.config.mjs), is an AppError too, never a 500.
 * @throws AppError('too_large') with `tooLargeMessage`; AppError('invalid') when the body cannot be read.
 */
export async function readBodyBytes(request: Request, limit: number, tooLargeMessage = `The request body is larger than ${limit} bytes.`): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError('too_large', tooLargeMessage);
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (cause) {
      // The adapter's limiter says "Body size limit exceeded"; anything else is a broken upload.
      if (/size limit/i.test(String((cause as Error)?.message ?? cause)) || /size limit/i.test(String((cause as Error)?.cause ?? ''))) throw tooLarge();
      throw new AppError('invalid', 'the request body could not be read', { cause });
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) {
      discardRest(reader);
      throw tooLarge();
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads the rest of a refused body and throws it away, without keeping it, while the 413 is sent.
 * Cancelling instead would close the connection under the client, which then sees a reset rather
 * than our answer. It ends at the end of the body, when the client goes away, or at the server's
 * own `bodySizeLimit`, whichever comes first.
 */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    try {
      for (;;) if ((await reader.read()).done) return;
    } catch {
      // The client went away, or the server's own limit cut the body: nothing more to discard.
    }
  })();
}

/** Reads a UTF-8 text body of at most `limit` bytes (see {@link readBodyBytes}). */
export async function readText(request: Request, limit: number, tooLargeMessage?: string): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit, tooLargeMessage));
}

/** Reads a JSON body of at most `limit` bytes; malformed or oversized bodies are AppErrors. */
export async function readJson(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readText(request, limit, `the request body is larger than ${limit} bytes`);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError('invalid', 'the request body is not valid JSON', { cause });
  }
}

/** A form as read by {@link readForm}: the fields, or why there are none (the status to answer). */
export type FormRead = { ok: true; form: FormData } | { ok: false; status: 400 | 413; error: AppError };

/**
 * Reads a form post (`application/x-www-form-urlencoded` or `multipart/form-data`) of at most
 * `limit` bytes. Never throws for bad input: a body over the limit is `{ ok: false, status: 413 }`;
 * another content type, a malformed multipart body or a broken upload is `{ ok: false, status: 400 }`.
 * Pages answer those with a message in the reader's language.
 */
export async function readForm(request: Request, limit = MAX_FORM_BYTES): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  const essence = type.split(';')[0]!.trim().toLowerCase();
  try {
    if (essence !== 'application/x-www-form-urlencoded' && essence !== 'multipart/form-data') {
      throw new AppError('invalid', 'send the form as application/x-www-form-urlencoded or multipart/form-data');
    }
    const bytes = await readBodyBytes(request, limit, `the form is larger than ${limit} bytes`);
    try {
      return { ok: true, form: await new Response(bytes, { headers: { 'Content-Type': type } }).formData() };
    } catch (cause) {
      throw new AppError('invalid', 'the form could not be read', { cause });
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, status: error.code === 'too_large' ? 413 : 400, error };
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The handler for every method a route does not have (export it as `ALL`): a JSON 405 naming the
 * methods it has, with an `Allow` header, instead of the HTML "page not found". HEAD is GET without
 * the body, when there is a GET.
 * @example export const ALL = otherMethods({ GET, POST });
 */
export function otherMethods<C extends { request: Request }>(
  handlers: Partial<Record<Method, (context: C) => Response | Promise<Response>>>,
): (context: C) => Promise<Response> {
  const allowed: string[] = Object.keys(handlers);
  if (handlers.GET) allowed.push('HEAD');
  return async (context) => {
    if (context.request.method === 'HEAD' && handlers.GET) {
      const response = await handlers.GET(context);
      return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    return Response.json(
      { error: 'method_not_allowed', message: `${context.request.method} is not allowed here; use ${allowed.join(', ')}.` },
      { status: 405, headers: { Allow: allowed.join(', ') } },
    );
  };
}
