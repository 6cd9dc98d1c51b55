/**
 * Rules both search engines share, so that the embedded engine and the Meilisearch adapter read
 * text, synonyms and paging the same way (tests/contract/search-engine.contract.ts pins them).
 *
 * Meilisearch behaviours mirrored here (docs checked 2026):
 * - typo budget per query word: 0 below 5 letters, 1 from 5, 2 from 9 (`minWordSizeForTypos`
 *   defaults), https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_settings ;
 * - only the first 10 words of a query are used (Meilisearch's query word limit).
 */
import type { SynonymGroups } from './types.ts';

/**
 * The fields a query searches, most important first. Both engines rank by them in this order
 * (Meilisearch: `searchableAttributes` order and the `attributeRank` rule; the embedded engine:
 * the sum over query words of the rank of the best field each word matched), right after words
 * and typos, so among equally good matches a piece whose own motif, title or structured fields
 * match outranks one matched only through a motif synonym, its maker or its description. `title` and `description` are the
 * query language's; the others are searched in both languages.
 */
export const SEARCHED_FIELDS = ['motifNames', 'title', 'tags', 'motifSynonyms', 'maker', 'description'] as const;
export type SearchedField = (typeof SEARCHED_FIELDS)[number];

/** Meilisearch's default `minWordSizeForTypos`. */
export const MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 5, twoTypos: 9 } as const;

/** Words of a query beyond this are ignored (Meilisearch does the same). */
export const MAX_QUERY_WORDS = 10;

/** Page size bounds; anything outside is clamped. */
export const PAGE_SIZE_MAX = 60;

/** How many typos a query word of this length may carry. */
export function typoBudget(length: number): 0 | 1 | 2 {
  if (length >= MIN_WORD_SIZE_FOR_TYPOS.twoTypos) return 2;
  if (length >= MIN_WORD_SIZE_FOR_TYPOS.oneTypo) return 1;
  return 0;
}

const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * Lowercase, strip diacritics (NFD, combining marks removed) and turn every run of
 * non-letters/digits (hyphens, quotes, punctuation, emoji) into one space.
 * `"Mega-Méndung!"` → `"mega mendung"`.
 */
export function normalizeText(text: string): string {
  return tokenize(text).join(' ');
}

/** The words of a text after `normalizeText`'s rules. */
export function tokenize(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // Lowercase before NFD: some capitals (İ) lowercase to a letter plus a combining mark.
  return text.toLowerCase().normalize('NFD').replace(MARKS, '').split(SEPARATORS).filter((w) => w.length > 0);
}

/**
 * Synonym groups as a lookup: each normalised entry maps to every other entry of every group it
 * belongs to (a union, not a transitive closure: "naga" in two groups finds both, but the two
 * groups' other words do not find each other). This is how Meilisearch's `synonyms` setting
 * should be filled too, so both engines expand the same way.
 */
export function synonymMap(groups: SynonymGroups): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const entries = [...new Set(group.map(normalizeText).filter((e) => e.length > 0))];
    for (const entry of entries) {
      let set = map.get(entry);
      if (!set) map.set(entry, (set = new Set()));
      for (const other of entries) if (other !== entry) set.add(other);
    }
  }
  const out = new Map<string, string[]>();
  for (const [key, set] of map) if (set.size > 0) out.set(key, [...set].sort());
  return out;
}

/**
 * A query as both engines read it: its first 10 words, normalised and space-separated, with a
 * trailing space when the last word is not a prefix (the query ended with a separator, or words
 * were cut off). The Meilisearch adapter should send exactly this as `q`, so that quotes (phrase
 * search), a leading minus (negation), operators and emoji mean nothing to either engine.
 */
export function normalizeQuery(q: unknown): string {
  if (typeof q !== 'string') return '';
  const all = tokenize(q);
  const words = all.slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return '';
  const lastIsPrefix = all.length === words.length && !/[^\p{L}\p{N}\p{M}]$/u.test(q);
  return words.join(' ') + (lastIsPrefix ? '' : ' ');
}

/** Clamps paging input: `page` ≥ 1, `pageSize` in 1–60; non-numbers fall back to 1 and 24. */
export function normalizePaging(page: unknown, pageSize: unknown): { page: number; pageSize: number } {
  const p = typeof page === 'number' && Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1;
  const s = typeof pageSize === 'number' && Number.isFinite(pageSize) ? Math.min(PAGE_SIZE_MAX, Math.max(1, Math.floor(pageSize))) : 24;
  return { page: p, pageSize: s };
}
