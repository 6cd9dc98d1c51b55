/**
 * One error type for the whole app, with a short closed list of codes, mapped to HTTP in one place
 * (`httpStatus`). Foreign errors are wrapped with `cause`, never swallowed.
 */
export const ERROR_CODES = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Why a request was refused, where a page says more than the code does. Pages map a reason to a
 * sentence in the reader's language; nothing matches the (English, internal) message text.
 */
export const ERROR_REASONS = [
  'empty_cart',
  'sold_out',
  'bad_quantity',
  'total_changed',
  'too_many_unpaid',
  'bad_province',
  'bad_country',
  'bad_courier',
  'needs_refund',
  'shares_checkout',
  'confirm_required',
  'unknown_action',
  'no_payout_account',
  'over_balance',
  'too_many_photos',
  'address_required',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Marks an AppError from any copy of this module (see `Symbol.hasInstance` below). */
const APP_ERROR = Symbol.for('canting.app-error');

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly reason: ErrorReason | undefined;
  /** What the refusal is about, fit to show a shopper (e.g. the titles of the pieces sold out), in their language. */
  readonly subject: string | undefined;
  readonly [APP_ERROR] = true;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; hint?: string; reason?: ErrorReason; subject?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.reason = options.reason;
    this.subject = options.subject;
  }

  /**
   * `instanceof AppError` holds for an AppError made by another copy of this module: scripts/start.mjs
   * opens the database through the source modules while pages run from the build (dist/), so an error
   * the database adapter raises (e.g. a NUL in a webhook's event id) must still be a 400, not a 500.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const marked = typeof value === 'object' && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
    // A subclass (VisitInputError) inherits this method: not every AppError is one of it.
    return this === AppError ? marked : marked && Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Whether `error` is an AppError refused for `reason`. */
export function hasReason(error: unknown, reason: ErrorReason): boolean {
  return error instanceof AppError && error.reason === reason;
}

export function httpStatus(error: unknown): number {
  return error instanceof AppError ? ERROR_CODES[error.code] : 500;
}

/** PostgreSQL SQLSTATEs we turn into our codes; anything else stays `internal`. */
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'conflict', // unique_violation
  '23503': 'invalid', // foreign_key_violation
  '23514': 'invalid', // check_violation
  '23502': 'invalid', // not_null_violation
  '22P02': 'invalid', // invalid_text_representation (e.g. a malformed uuid)
  '22021': 'invalid', // character_not_in_repertoire (a NUL character in text)
  '22P05': 'invalid', // untranslatable_character (\u0000 in jsonb)
  '40001': 'conflict', // serialization_failure
};

/** Wraps a database error as an AppError, keeping the original as `cause`. */
export function fromDatabaseError(error: unknown, message: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  return new AppError((code && PG_CODES[code]) || 'internal', message, { cause: error });
}

/**
 * Text the database cannot store (a NUL character, in text or in jsonb) is bad input, not a fault of
 * ours: the database adapters turn it into AppError('invalid') wherever it comes from. Input should
 * be checked before (see `lib/text.ts`); this is the net under that.
 */
export function asInputError(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === '22021' || code === '22P05') {
    return new AppError('invalid', 'the text contains a character that cannot be stored (a NUL, or bytes that are not UTF-8)', { cause: error });
  }
  return error;
}
