/** Small HTTP helpers shared by API routes and pages: request bodies read with a size limit. */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
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
export async function readForm(request: Request, limit = MAX_FORM_BYTES, files?: FileLimits): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  const essence = type.split(';')[0]!.trim().toLowerCase();
  try {
    if (essence !== 'application/x-www-form-urlencoded' && essence !== 'multipart/form-data') {
      throw new AppError('invalid', 'send the form as application/x-www-form-urlencoded or multipart/form-data');
    }
    if (essence === 'multipart/form-data') return { ok: true, form: await readMultipart(request, type, limit, files ?? { maxFileBytes: limit, maxFiles: 20 }) };
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

/** What a multipart form may carry in files: each file's size, and how many. */
export interface FileLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/**
 * Reads a multipart form as it streams (busboy), keeping only what it accepts: a file over
 * `maxFileBytes`, one file too many, or a body over `limit` stops the reading at once (413) and the
 * rest of the body is discarded unread into memory. So a large upload costs about its accepted
 * files' size, not the whole body two or three times over (bytes, then a parsed copy).
 */
function readMultipart(request: Request, type: string, limit: number, files: FileLimits): Promise<FormData> {
  const tooLarge = () => new AppError('too_large', `the form is larger than ${limit} bytes, or a file is larger than ${files.maxFileBytes} bytes`);
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  if (!request.body) return Promise.reject(new AppError('invalid', 'the form could not be read'));
  return new Promise((resolve, reject) => {
    const form = new FormData();
    let total = 0;
    let settled = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': type }, limits: { fileSize: files.maxFileBytes, files: files.maxFiles, fieldSize: MAX_FORM_BYTES, fields: 200, parts: 400 } });
    } catch (cause) {
      reject(new AppError('invalid', 'the form could not be read', { cause }));
      return;
    }
    const body = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      // Read the rest and throw it away, so the client gets our answer rather than a reset.
      body.on('error', () => undefined);
      body.resume();
      reject(error);
    };
    const count = (bytes: number) => {
      total += bytes;
      if (total > limit) fail(tooLarge());
    };
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        count(chunk.length);
        if (!settled) chunks.push(chunk);
      });
      stream.on('limit', () => fail(tooLarge()));
      // A body that ends inside a file ("Unexpected end of form") errors the file's stream: without a
      // listener that error would end the whole process.
      stream.on('error', (cause) => fail(new AppError('invalid', 'the form could not be read', { cause })));
      stream.on('close', () => {
        if (!settled) form.append(name, new File(chunks as Uint8Array<ArrayBuffer>[], info.filename ?? '', { type: info.mimeType }));
        chunks.length = 0;
      });
    });
    parser.on('field', (name, value, info) => {
      count(Buffer.byteLength(name) + Buffer.byteLength(value));
      if (info.valueTruncated || info.nameTruncated) fail(tooLarge());
      else if (!settled) form.append(name, value);
    });
    for (const event of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) parser.on(event, () => fail(tooLarge()));
    parser.on('error', (cause) => fail(new AppError('invalid', 'the form could not be read', { cause })));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve(form);
    });
    body.on('error', (cause) => {
      const message = String((cause as Error)?.message ?? cause) + String((cause as Error)?.cause ?? '');
      fail(/size limit/i.test(message) ? tooLarge() : new AppError('invalid', 'the request body could not be read', { cause }));
    });
    body.pipe(parser);
  });
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
