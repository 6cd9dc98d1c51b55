/**
 * The shapes of our identifiers, in one place: database ids (UUIDs), slugs and order numbers. Checked
 * before a query so that a malformed id is a clean 404 or 401, not a database error.
 */
import { AppError } from './errors.ts';

/** A database id: a UUID, any case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An order's number, as `nextOrderNumber` makes them: `CTG-2026-000042`. */
export const ORDER_NUMBER = /^CTG-\d{4}-\d{6,}$/;

/** The shape of every artisan and product slug (the tables' CHECK constraint). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A well-formed slug of at most `maxLength` characters; anything else names no row (and never reaches a query). */
export function isSlug(value: unknown, maxLength = 200): value is string {
  return typeof value === 'string' && value.length <= maxLength && SLUG.test(value);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isOrderNumber(value: unknown): value is string {
  return typeof value === 'string' && ORDER_NUMBER.test(value);
}

/**
 * The artisan whose data a portal function reads: a UUID, or nobody is signed in as an artisan.
 * @throws AppError('unauthorized')
 */
export function checkArtisanId(artisanId: unknown): asserts artisanId is string {
  if (!isUuid(artisanId)) throw new AppError('unauthorized', 'sign in as an artisan first');
}
