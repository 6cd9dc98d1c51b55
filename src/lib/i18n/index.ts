/**
 * Language helpers. Indonesian (`id`) is the default and first; every URL carries its language:
 * `/id/…` and `/en/…`.
 */
import { LANGS, type Lang, type Localized } from '../catalogue/schemas.ts';

export { LANGS, type Lang, type Localized };
export const DEFAULT_LANG: Lang = 'id';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'id' ? 'en' : 'id';
}

/** The text in the reader's language. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/**
 * A path in a language. `path` is the language-neutral part, starting with `/`.
 * @example localizedPath('en', '/motifs/kopi') // '/en/motifs/kopi'
 */
export function localizedPath(lang: Lang, path = '/'): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return `/${lang}${clean === '/' ? '/' : clean}`;
}

/**
 * Splits a pathname into its language and the neutral rest; `null` when it carries no language.
 * @example splitLangPath('/en/motifs/kopi') // { lang: 'en', path: '/motifs/kopi' }
 */
export function splitLangPath(pathname: string): { lang: Lang; path: string } | null {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  if (!match || !isLang(match[1])) return null;
  return { lang: match[1], path: match[2] && match[2] !== '/' ? match[2] : '/' };
}

/** Locale for Intl formatting. */
export function intlLocale(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

/**
 * Formats an ISO date (or range) for readers, in the calendar date given (no time-zone shift).
 * @example formatDateRange('2025-11-27', '2025-12-01', 'id') // '27 Nov – 1 Des 2025'
 */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  const format = new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  return start === end ? format.format(a) : format.formatRange(a, b);
}
