/**
 * Language helpers. Indonesian (`id`) is the default and first; every URL carries its language:
 * `/id/…` and `/en/…`.
 */
import { LANGS, type Lang, type Localized } from '../content/schemas.ts';

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

/** A text an artisan wrote, in the reader's language when there is one. */
export interface TextIn {
  text: string;
  /** The language the text is in: `id` on an English page when the English is missing. */
  lang: Lang;
  /** False when the reader's language was missing and the Indonesian stands in. */
  translated: boolean;
}

/**
 * A piece's title or description for a reader: English is optional for artisans, so an English
 * reader gets the Indonesian text, marked as Indonesian, until a translation is added.
 * @example inLanguage({ id: 'Kain kopi', en: '' }, 'en') // { text: 'Kain kopi', lang: 'id', translated: false }
 */
export function inLanguage(text: { id: string; en: string }, lang: Lang): TextIn {
  const own = text[lang]?.trim();
  return own ? { text: text[lang], lang, translated: true } : { text: text.id, lang: 'id', translated: lang === 'id' };
}

/** The text of `inLanguage` alone (e-mails, cart lines, JSON). */
export function textIn(text: { id: string; en: string }, lang: Lang): string {
  return inLanguage(text, lang).text;
}

/** Plural forms of a word or phrase, by `Intl.PluralRules` category (Indonesian uses only `other`). */
export interface PluralForms {
  one?: string;
  other: string;
}

/**
 * The form for `n` in a language, with `{n}` filled in (numbers grouped as the language writes them).
 * @example plural('en', 1, { one: '{n} result', other: '{n} results' }) // '1 result'
 * @example plural('id', 1, { other: '{n} hasil' }) // '1 hasil'
 */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  const category = new Intl.PluralRules(intlLocale(lang)).select(n);
  const template = (category === 'one' ? forms.one : undefined) ?? forms.other;
  return template.replaceAll('{n}', new Intl.NumberFormat(intlLocale(lang)).format(n));
}

/**
 * A country's name in the reader's language from its ISO 3166-1 alpha-2 code, via
 * `Intl.DisplayNames`; the code itself when Intl does not know it.
 * @example countryName('NL', 'id') // 'Belanda'
 */
export function countryName(code: string, lang: Lang): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  try {
    return new Intl.DisplayNames([intlLocale(lang)], { type: 'region', fallback: 'code' }).of(upper) ?? upper;
  } catch {
    return upper;
  }
}

