import type { Lang } from '../lib/i18n/index.ts';
import { en } from './en.ts';
import { id, type UiStrings } from './id.ts';

const strings: Record<Lang, UiStrings> = { id, en };

/** The interface text of a language. */
export function useStrings(lang: Lang): UiStrings {
  return strings[lang];
}
