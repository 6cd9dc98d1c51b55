/**
 * Text that PostgreSQL can store. A `text` or `jsonb` value cannot hold U+0000 (NUL): the database
 * refuses the whole statement. Input is checked (or cleaned, where a value is only searched for or
 * is a free note) before it gets there.
 */

/** True when the text holds a NUL character, which no column can store. */
export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** The text without NUL characters (for search terms and free notes, where dropping them is harmless). */
export function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '');
}

/** The zod message for text with a NUL character. */
export const NUL_MESSAGE = 'must not contain NUL characters';

/**
 * JSON for a `jsonb` parameter. PostgreSQL refuses the escape of a lone UTF-16 surrogate (`"\ud83d"`,
 * what JSON.stringify writes for half an emoji), where a `text` column would store U+FFFD: strings
 * are made well-formed first, so both kinds of column keep the same text.
 */
export function jsonForDatabase(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.toWellFormed() : v));
}

/**
 * The one slug function: ASCII words (accents dropped) joined by hyphens, at most `maxLength`
 * characters, never starting or ending with a hyphen; `fallback` when nothing is left.
 * @example slugify('Kain Kopi Sémende — Edisi #1!') // 'kain-kopi-semende-edisi-1'
 */
export function slugify(text: string, options: { maxLength?: number; fallback?: string } = {}): string {
  const { maxLength = 60, fallback = '' } = options;
  const words = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '');
  return words.slice(0, maxLength).replace(/-+$/, '') || fallback;
}
