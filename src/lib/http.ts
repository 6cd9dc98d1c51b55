/** Small HTTP helpers shared by API routes. */
import { AppError } from './errors.ts';

export const MAX_JSON_BYTES = 64 * 1024;

/** Reads a JSON body of at most `limit` bytes; malformed or oversized bodies are AppErrors. */
export async function readJson(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new AppError('too_large', `the request body is larger than ${limit} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new AppError('too_large', `the request body is larger than ${limit} bytes`);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError('invalid', 'the request body is not valid JSON', { cause });
  }
}
