/**
 * The embedded search engine: in-process, no dependency, the default when no Meilisearch is
 * configured. It mirrors Meilisearch's documented matching rules so one contract suite
 * (tests/contract/search-engine.contract.ts) passes on both:
 *
 * - Typos (https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_calculations and
 *   https://www.meilisearch.com/docs/resources/internals/typo_tolerance): per query word, 0 typos
 *   below 5 letters, 1 from 5, 2 from 9; Damerau-Levenshtein, so two swapped neighbours are one
 *   typo; a typo on the first letter counts as two ("caturday" does not find "saturday").
 * - Prefix (https://www.meilisearch.com/docs/resources/internals/prefix): only the last query
 *   word is a prefix, typos included ("tengk" finds "tengkiang"), unless the query ends with a
 *   separator.
 * - Concatenation and split (https://www.meilisearch.com/docs/resources/internals/concat): up to
 *   three neighbouring query words are also tried joined ("mega mendung" finds "megamendung"),
 *   with at most one typo; one query word is also tried as two neighbouring words of a document
 *   ("megamendung" finds "mega mendung").
 * - Synonyms: a query word or run of up to three words that is a synonym finds documents with any
 *   other entry of its groups; a multi-word entry must appear as neighbouring words.
 * - Matching strategy: every query word must match (Meilisearch `matchingStrategy: 'all'`). When
 *   nothing matches all of them (after filters), the search falls back to Meilisearch's `last`
 *   strategy: documents matching the first words, the most leading words first
 *   (https://www.meilisearch.com/docs/capabilities/full_text_search/how_to/use_matching_strategy).
 * - Ranking, as the Meilisearch adapter orders its rules (words → typo → attributeRank → kindRank
 *   …): matched words (fallback only), typos, the attribute rank of the best field each query word
 *   matched, summed over the words (SEARCHED_FIELDS order: motif names, title, tags, motif
 *   synonyms, maker, description), motif before product, then newest and id. Proximity and
 *   exactness are not modelled; the contract does not pin them.
 *
 * Facet counts are disjunctive (a facet's own filter is left out of its counts) and count products
 * only. Motif documents appear only for the relevance sort with no product-only filter.
 *
 * Index layout, for < 10 ms at 10 000 products on two cores: a vocabulary of normalised words
 * (bucketed by first letter, each bucket sorted lazily for prefix ranges), posting lists of slot
 * numbers per field and word, and the same for neighbouring word pairs (for splits and multi-word
 * synonyms). Typo and prefix expansions are computed per query word with a bounded
 * Damerau-Levenshtein and cached until the vocabulary grows. Per query: one byte per slot and
 * query span for the best match, a tiny dynamic programme per candidate over the query words, a
 * single pass for filters and facet counts (a bitmask of failed filters per document), and a
 * bounded heap for the requested page.
 *
 * Updates are incremental: an upserted or removed document's old slot is marked dead and skipped;
 * the index is rebuilt from the live documents once dead slots outnumber live ones.
 */
import { normalizePaging, normalizeQuery, SEARCHED_FIELDS, synonymMap, tokenize, typoBudget, type SearchedField } from './query-rules.ts';
import { FACETS } from './types.ts';
import type {
  Facet,
  SearchDocument,
  SearchEngine,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchResult,
  SynonymGroups,
} from './types.ts';

// Fields, and their rank for the attribute rule (lower is better): SEARCHED_FIELDS order.
const TITLE_ID = 0;
const TITLE_EN = 1;
const DESC_ID = 2;
const DESC_EN = 3;
const MOTIF_NAMES = 4;
const TAGS = 5;
const MOTIF_SYNONYMS = 6;
const MAKER = 7;
const FIELD_COUNT = 8;
const rankOf = (field: SearchedField) => SEARCHED_FIELDS.indexOf(field);
/** Per query language: [field, attribute rank]. Every field but title and description is bilingual. */
const LANG_FIELDS: Record<'id' | 'en', readonly (readonly [number, number])[]> = {
  id: [[MOTIF_NAMES, rankOf('motifNames')], [TITLE_ID, rankOf('title')], [TAGS, rankOf('tags')], [MOTIF_SYNONYMS, rankOf('motifSynonyms')], [MAKER, rankOf('maker')], [DESC_ID, rankOf('description')]],
  en: [[MOTIF_NAMES, rankOf('motifNames')], [TITLE_EN, rankOf('title')], [TAGS, rankOf('tags')], [MOTIF_SYNONYMS, rankOf('motifSynonyms')], [MAKER, rankOf('maker')], [DESC_EN, rankOf('description')]],
};

const NONE = 255; // "span not matched" in the per-slot cost bytes
const INF = 0x7fffffff;
// A span's best match in a byte: typos * 8 + attribute rank (typos ≤ 3 per span, ranks 0–5), so
// the smaller byte is the better match, typos first (the typo rule ranks before the attribute).
const encode = (typos: number, rank: number) => Math.min(typos, 7) * 8 + rank;

// Failed-filter bits, for disjunctive facet counts.
const FAIL_REGION = 1;
const FAIL_MOTIF = 2;
const FAIL_TECHNIQUE = 4;
const FAIL_CATEGORY = 8;
const FAIL_COLOR = 16;
const FAIL_OTHER = 32;

/** Bounded optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
function boundedDistance(query: string, word: string, max: number, prefix: boolean): number {
  const m = query.length;
  const n = prefix ? Math.min(word.length, m + max) : word.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  if (prefix && n < m - max) return max + 1;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
    rowC = new Int32Array(n + 1);
  }
  let prev2 = rowA; // row i - 2
  let prev = rowB; // row i - 1
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const qc = query.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const wc = word.charCodeAt(j - 1);
      let v = prev[j - 1]! + (qc === wc ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && qc === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === wc) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  if (!prefix) return prev[n]!;
  let best = INF;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * Typos between a query word and an indexed word, Meilisearch's way: the edit distance, plus one
 * when the first letters differ (a first-letter typo counts double). `max + 1` means no match.
 */
function typoCost(query: string, word: string, max: number, prefix: boolean): number {
  if (query.charCodeAt(0) === word.charCodeAt(0)) return boundedDistance(query, word, max, prefix);
  if (max < 2) return max + 1;
  return boundedDistance(query, word, max - 1, prefix) + 1;
}

interface Bucket {
  ids: number[];
  sorted: boolean;
}

/** The words seen in the index, by id, with first-letter buckets for typo and prefix scans. */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  readonly buckets = new Map<string, Bucket>();

  add(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    const first = word[0]!;
    let bucket = this.buckets.get(first);
    if (!bucket) this.buckets.set(first, (bucket = { ids: [], sorted: true }));
    bucket.ids.push(id);
    bucket.sorted = false;
    return id;
  }

  sortedBucket(first: string): number[] {
    const bucket = this.buckets.get(first);
    if (!bucket) return [];
    if (!bucket.sorted) {
      const words = this.words;
      bucket.ids.sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
      bucket.sorted = true;
    }
    return bucket.ids;
  }
}

/** Ids of the words starting with `prefix`, by binary search in its sorted bucket. */
function prefixRange(vocab: Vocabulary, prefix: string, out: (id: number) => void): void {
  const ids = vocab.sortedBucket(prefix[0]!);
  const words = vocab.words;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[ids[mid]!]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ids.length && words[ids[i]!]!.startsWith(prefix); i++) out(ids[i]!);
}

/** A word's matches in the vocabulary: word ids and their typo counts. */
interface Expansion {
  ids: number[];
  typos: number[];
}

interface Slot {
  doc: SearchDocument;
  alive: boolean;
  product: boolean;
  region: number;
  technique: number;
  category: number;
  motifs: number[];
  colors: number[];
  price: number;
  inStock: boolean;
  createdAt: number;
}

/** Values of one facet as small integers. */
class Dictionary {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

/** One query span (words `start` to `end` − 1) and the best match per slot, as cost bytes. */
interface Span {
  start: number;
  end: number;
  cost: Uint8Array;
  touched: number[];
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Creates an empty embedded engine. */
export function createEmbeddedEngine(): SearchEngine {
  return new EmbeddedEngine();
}

class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded' as const;

  private vocab = new Vocabulary();
  /** postings[field][wordId] → slots. */
  private postings: number[][][] = [];
  /** Neighbouring word pairs: "a b" → pair id; pairPostings[field][pairId] → slots. */
  private pairs = new Map<string, number>();
  private pairPostings: number[][][] = [];
  /** "ab" → ids of the pairs "a b" that join to it (for split query words). */
  private joinedPairs = new Map<string, number[]>();

  private slots: Slot[] = [];
  private bySlotId = new Map<string, number>();
  private dead = 0;

  private facets: Record<Facet, Dictionary> = this.emptyFacets();
  private synonyms = new Map<string, string[]>();
  private expansions = new Map<string, Expansion>();
  private expansionsForVocabSize = 0;

  // Per-query scratch, reused.
  private costPool: Uint8Array[] = [];
  private mark = new Int32Array(0);
  private epoch = 0;

  constructor() {
    this.reset();
  }

  private emptyFacets(): Record<Facet, Dictionary> {
    return { region: new Dictionary(), motif: new Dictionary(), technique: new Dictionary(), category: new Dictionary(), color: new Dictionary() };
  }

  private reset(): void {
    this.vocab = new Vocabulary();
    this.postings = Array.from({ length: FIELD_COUNT }, () => []);
    this.pairs = new Map();
    this.pairPostings = Array.from({ length: FIELD_COUNT }, () => []);
    this.joinedPairs = new Map();
    this.slots = [];
    this.bySlotId = new Map();
    this.dead = 0;
    this.facets = this.emptyFacets();
    this.expansions = new Map();
    this.expansionsForVocabSize = 0;
  }

  async configure(synonyms: SynonymGroups): Promise<void> {
    // Synonyms apply at query time, so changing them needs no reindexing.
    this.synonyms = synonymMap(synonyms);
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    for (const doc of documents) this.add(doc);
    this.compactIfNeeded();
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.kill(id);
    this.compactIfNeeded();
  }

  async replaceAll(documents: readonly SearchDocument[]): Promise<void> {
    this.reset();
    for (const doc of documents) this.add(doc);
    // Sort the prefix buckets now rather than on the first query that needs them.
    for (const first of this.vocab.buckets.keys()) this.vocab.sortedBucket(first);
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  private kill(id: string): void {
    const slot = this.bySlotId.get(id);
    if (slot === undefined) return;
    this.slots[slot]!.alive = false;
    this.bySlotId.delete(id);
    this.dead++;
  }

  private compactIfNeeded(): void {
    if (this.dead > 1024 && this.dead > this.slots.length - this.dead) {
      const live = this.slots.filter((s) => s.alive).map((s) => s.doc);
      this.reset();
      for (const doc of live) this.add(doc);
    }
  }

  private add(input: SearchDocument): void {
    // Keep our own copy of what hits show and what a rebuild reads: the caller may reuse its
    // objects after indexing (strings are immutable, so a shallow copy of each part is enough).
    const doc: SearchDocument = {
      ...input,
      title: { ...input.title },
      description: { ...input.description },
      motifs: [...(input.motifs ?? [])],
      motifNames: [...(input.motifNames ?? [])],
      tags: [...(input.tags ?? [])],
      motifSynonyms: [...(input.motifSynonyms ?? [])],
      maker: [...(input.maker ?? [])],
      colors: [...(input.colors ?? [])],
      ...(input.artisan ? { artisan: { ...input.artisan } } : {}),
    };
    this.kill(doc.id);
    const slot = this.slots.length;
    const f = this.facets;
    this.slots.push({
      doc,
      alive: true,
      product: doc.kind === 'product',
      region: f.region.id(doc.region ?? ''),
      technique: doc.technique ? f.technique.id(doc.technique) : -1,
      category: doc.category ? f.category.id(doc.category) : -1,
      motifs: [...new Set(doc.motifs ?? [])].map((m) => f.motif.id(m)),
      colors: [...new Set(doc.colors ?? [])].map((c) => f.color.id(c)),
      price: typeof doc.priceIdr === 'number' ? doc.priceIdr : Number.NaN,
      inStock: doc.inStock === true,
      createdAt: Number.isFinite(doc.createdAt) ? doc.createdAt : 0,
    });
    this.bySlotId.set(doc.id, slot);
    this.indexText(slot, TITLE_ID, [doc.title?.id ?? '']);
    this.indexText(slot, TITLE_EN, [doc.title?.en ?? '']);
    this.indexText(slot, DESC_ID, [doc.description?.id ?? '']);
    this.indexText(slot, DESC_EN, [doc.description?.en ?? '']);
    this.indexText(slot, MOTIF_NAMES, doc.motifNames ?? []);
    this.indexText(slot, TAGS, doc.tags ?? []);
    this.indexText(slot, MOTIF_SYNONYMS, doc.motifSynonyms ?? []);
    this.indexText(slot, MAKER, doc.maker ?? []);
  }

  private indexText(slot: number, field: number, texts: readonly string[]): void {
    const words = new Set<number>();
    const pairs = new Set<number>();
    for (const text of texts) {
      const tokens = tokenize(text);
      for (let i = 0; i < tokens.length; i++) {
        words.add(this.vocab.add(tokens[i]!));
        if (i > 0) pairs.add(this.pairId(tokens[i - 1]!, tokens[i]!));
      }
    }
    const postings = this.postings[field]!;
    for (const w of words) (postings[w] ??= []).push(slot);
    const pairPostings = this.pairPostings[field]!;
    for (const p of pairs) (pairPostings[p] ??= []).push(slot);
  }

  private pairId(a: string, b: string): number {
    const key = `${a} ${b}`;
    let id = this.pairs.get(key);
    if (id === undefined) {
      id = this.pairs.size;
      this.pairs.set(key, id);
      const joined = a + b;
      const list = this.joinedPairs.get(joined);
      if (list) list.push(id);
      else this.joinedPairs.set(joined, [id]);
    }
    return id;
  }

  /** Vocabulary words within the typo budget of `word` (and extending it, for a prefix). */
  private expand(word: string, prefix: boolean, maxTypos: number): Expansion {
    if (this.expansionsForVocabSize !== this.vocab.words.length || this.expansions.size > 10_000) {
      this.expansions.clear();
      this.expansionsForVocabSize = this.vocab.words.length;
    }
    const key = `${prefix ? 'p' : 'w'}${maxTypos}${word}`;
    const cached = this.expansions.get(key);
    if (cached) return cached;

    const found = new Map<number, number>();
    const exact = this.vocab.ids.get(word);
    if (exact !== undefined) found.set(exact, 0);
    if (prefix) prefixRange(this.vocab, word, (id) => found.set(id, 0));
    if (maxTypos > 0) {
      const m = word.length;
      const words = this.vocab.words;
      const consider = (id: number) => {
        const w = words[id]!;
        if (prefix ? w.length < m - maxTypos : Math.abs(w.length - m) > maxTypos) return;
        const typos = typoCost(word, w, maxTypos, prefix);
        if (typos <= maxTypos && typos < (found.get(id) ?? INF)) found.set(id, typos);
      };
      // Same first letter: up to the whole budget. Another first letter costs one extra typo,
      // so it is only worth scanning with a budget of two.
      for (const id of this.vocab.buckets.get(word[0]!)?.ids ?? []) consider(id);
      if (maxTypos >= 2) {
        for (const [first, bucket] of this.vocab.buckets) if (first !== word[0]) for (const id of bucket.ids) consider(id);
      }
    }
    const expansion: Expansion = { ids: [...found.keys()], typos: [...found.values()] };
    this.expansions.set(key, expansion);
    return expansion;
  }

  private span(index: number, start: number, end: number): Span {
    const size = this.slots.length;
    let cost = this.costPool[index];
    if (!cost || cost.length < size) {
      cost = new Uint8Array(Math.ceil(Math.max(size, 1024) * 1.25)).fill(NONE);
      this.costPool[index] = cost;
    }
    return { start, end, cost, touched: [] };
  }

  private markList(span: Span, list: readonly number[] | undefined, value: number): void {
    if (!list) return;
    const { cost, touched } = span;
    const slots = this.slots;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const old = cost[s]!;
      if (value < old) {
        if (old === NONE) {
          if (!slots[s]!.alive) continue;
          touched.push(s);
        }
        cost[s] = value;
      }
    }
  }

  private markWords(span: Span, expansion: Expansion, lang: 'id' | 'en', baseTypos: number): void {
    for (const [field, rank] of LANG_FIELDS[lang]) {
      const postings = this.postings[field]!;
      for (let i = 0; i < expansion.ids.length; i++) {
        this.markList(span, postings[expansion.ids[i]!], encode(baseTypos + expansion.typos[i]!, rank));
      }
    }
  }

  /** Documents where the words of `phrase` appear next to each other, in order, in one field. */
  private markPhrase(span: Span, phrase: readonly string[], lang: 'id' | 'en', typos: number): void {
    if (phrase.length === 1) {
      const id = this.vocab.ids.get(phrase[0]!);
      if (id !== undefined) this.markWords(span, { ids: [id], typos: [0] }, lang, typos);
      return;
    }
    const pairIds: number[] = [];
    for (let i = 1; i < phrase.length; i++) {
      const id = this.pairs.get(`${phrase[i - 1]} ${phrase[i]}`);
      if (id === undefined) return;
      pairIds.push(id);
    }
    for (const [field, rank] of LANG_FIELDS[lang]) {
      const postings = this.pairPostings[field]!;
      const lists = pairIds.map((id) => postings[id] ?? []);
      if (lists.length === 1) {
        this.markList(span, lists[0], encode(typos, rank));
        continue;
      }
      // Three words or more: every neighbouring pair in the same field (close enough to adjacency).
      const others = lists.slice(1).map((l) => new Set(l));
      this.markList(span, lists[0]!.filter((s) => others.every((o) => o.has(s))), encode(typos, rank));
    }
  }

  private buildSpans(words: readonly string[], lastIsPrefix: boolean, lang: 'id' | 'en'): Span[][] {
    const n = words.length;
    const byStart: Span[][] = Array.from({ length: n }, () => []);
    let index = 0;
    for (let start = 0; start < n; start++) {
      for (let len = 1; len <= 3 && start + len <= n; len++) {
        const end = start + len;
        const span = this.span(index++, start, end);
        const prefix = lastIsPrefix && end === n;
        const text = words.slice(start, end);
        if (len === 1) {
          const word = text[0]!;
          this.markWords(span, this.expand(word, prefix, typoBudget(word.length)), lang, 0);
          // Split: the word typed as two neighbouring words of a document; counts as one typo.
          for (const pairId of this.joinedPairs.get(word) ?? []) {
            for (const [field, rank] of LANG_FIELDS[lang]) this.markList(span, this.pairPostings[field]![pairId], encode(1, rank));
          }
        } else {
          // Concatenation: neighbouring words typed apart; one typo for joining, at most one more.
          const joined = text.join('');
          this.markWords(span, this.expand(joined, prefix, Math.min(1, typoBudget(joined.length))), lang, 1);
        }
        for (const alternative of this.synonyms.get(text.join(' ')) ?? []) {
          this.markPhrase(span, alternative.split(' '), lang, 0);
        }
        if (span.touched.length > 0) byStart[start]!.push(span);
        else this.release(span);
      }
    }
    return byStart;
  }

  private release(span: Span): void {
    const { cost, touched } = span;
    for (let i = 0; i < touched.length; i++) cost[touched[i]!] = NONE;
    touched.length = 0;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { page, pageSize } = normalizePaging(query?.page, query?.pageSize);
    const lang: 'id' | 'en' = query?.lang === 'en' ? 'en' : 'id';
    const sort = query?.sort ?? 'relevance';
    const filters: SearchFilters = query?.filters ?? {};
    const slots = this.slots;

    // Filters as per-facet lookup tables; null means "no filter on this facet".
    const selector = (facet: Facet, values: unknown): Uint8Array | null => {
      if (!isStringArray(values) || values.length === 0) return null;
      const dict = this.facets[facet];
      const table = new Uint8Array(dict.values.length + 1);
      for (const v of values) {
        const id = dict.ids.get(v);
        if (id !== undefined) table[id] = 1;
      }
      return table;
    };
    const region = selector('region', filters.region);
    const motif = selector('motif', filters.motif);
    const technique = selector('technique', filters.technique);
    const category = selector('category', filters.category);
    const color = selector('color', filters.color);
    const minPrice = typeof filters.minPrice === 'number' && Number.isFinite(filters.minPrice) ? filters.minPrice : null;
    const maxPrice = typeof filters.maxPrice === 'number' && Number.isFinite(filters.maxPrice) ? filters.maxPrice : null;
    const inStockOnly = filters.inStock === true;
    const productOnly = technique !== null || category !== null || color !== null || minPrice !== null || maxPrice !== null || inStockOnly;
    const motifsAllowed = sort === 'relevance' && !productOnly;

    const anyIn = (values: readonly number[], table: Uint8Array): boolean => {
      for (let i = 0; i < values.length; i++) if (table[values[i]!] === 1) return true;
      return false;
    };
    const failures = (s: Slot): number => {
      let fail = 0;
      if (region !== null && region[s.region] !== 1) fail |= FAIL_REGION;
      if (motif !== null && !anyIn(s.motifs, motif)) fail |= FAIL_MOTIF;
      if (technique !== null && (s.technique < 0 || technique[s.technique] !== 1)) fail |= FAIL_TECHNIQUE;
      if (category !== null && (s.category < 0 || category[s.category] !== 1)) fail |= FAIL_CATEGORY;
      if (color !== null && !anyIn(s.colors, color)) fail |= FAIL_COLOR;
      if (!s.product && !motifsAllowed) fail |= FAIL_OTHER;
      if (minPrice !== null && !(s.price >= minPrice)) fail |= FAIL_OTHER;
      if (maxPrice !== null && !(s.price <= maxPrice)) fail |= FAIL_OTHER;
      if (inStockOnly && !s.inStock) fail |= FAIL_OTHER;
      return fail;
    };

    // Text matching: candidates with, per candidate, how many leading words matched and the best
    // typos/attribute code for that many words.
    const normalized = normalizeQuery(query?.q);
    const words = normalized.split(' ').filter((w) => w.length > 0);
    const n = words.length;
    const lastIsPrefix = !normalized.endsWith(' ');
    let candidates: number[];
    let leading: Int32Array | null = null;
    let score: Int32Array | null = null;
    let spansByStart: Span[][] = [];
    if (n === 0) {
      candidates = [];
      for (let s = 0; s < slots.length; s++) if (slots[s]!.alive) candidates.push(s);
    } else {
      spansByStart = this.buildSpans(words, lastIsPrefix, lang);
      if (this.mark.length < slots.length) this.mark = new Int32Array(Math.ceil(Math.max(slots.length, 1024) * 1.25));
      const epoch = ++this.epoch;
      candidates = [];
      for (const span of spansByStart[0]!) {
        for (const s of span.touched) {
          if (this.mark[s] !== epoch) {
            this.mark[s] = epoch;
            candidates.push(s);
          }
        }
      }
      leading = new Int32Array(candidates.length);
      score = new Int32Array(candidates.length);
      const best = new Int32Array(n + 1);
      for (let c = 0; c < candidates.length; c++) {
        const s = candidates[c]!;
        best.fill(INF);
        best[0] = 0;
        let reach = 0;
        for (let i = 0; i < n; i++) {
          const here = best[i]!;
          if (here === INF) continue;
          for (const span of spansByStart[i]!) {
            const v = span.cost[s]!;
            if (v === NONE) continue;
            // Sums over the query words: typos in the high bits, attribute rank (once per word the
            // span covers) in the low ones, so the minimum has the fewest typos, then the best fields.
            const combined = here + ((v >> 3) << 8) + (v & 7) * (span.end - span.start);
            if (combined < best[span.end]!) best[span.end] = combined;
            if (span.end > reach) reach = span.end;
          }
        }
        leading[c] = reach;
        score[c] = best[reach]!;
      }
      for (const list of spansByStart) for (const span of list) this.release(span);
    }

    // Matching strategy: all words; if nothing matches all of them after filters, the leading ones.
    const fails = new Uint8Array(candidates.length);
    let fullMatches = 0;
    for (let c = 0; c < candidates.length; c++) {
      const fail = failures(slots[candidates[c]!]!);
      fails[c] = fail;
      if (fail === 0 && (leading === null || leading[c] === n)) fullMatches++;
    }
    const minLeading = leading === null ? 0 : fullMatches === 0 && n > 1 ? 1 : n;

    // One pass: results, and disjunctive facet counts (a product counts for facet F when it fails
    // no filter, or only F's own).
    const counts: Record<Facet, Int32Array> = {
      region: new Int32Array(this.facets.region.values.length),
      motif: new Int32Array(this.facets.motif.values.length),
      technique: new Int32Array(this.facets.technique.values.length),
      category: new Int32Array(this.facets.category.values.length),
      color: new Int32Array(this.facets.color.values.length),
    };
    const cRegion = counts.region;
    const cMotif = counts.motif;
    const cTechnique = counts.technique;
    const cCategory = counts.category;
    const cColor = counts.color;
    const results: number[] = [];
    for (let c = 0; c < candidates.length; c++) {
      if (leading !== null && leading[c]! < minLeading) continue;
      const s = slots[candidates[c]!]!;
      const fail = fails[c]!;
      if (fail === 0) results.push(c);
      if (!s.product) continue;
      // Facet F counts this product when it fails no filter, or only F's own.
      if (fail === 0 || fail === FAIL_REGION) cRegion[s.region]!++;
      if (fail === 0 || fail === FAIL_MOTIF) for (let i = 0; i < s.motifs.length; i++) cMotif[s.motifs[i]!]!++;
      if ((fail === 0 || fail === FAIL_TECHNIQUE) && s.technique >= 0) cTechnique[s.technique]!++;
      if ((fail === 0 || fail === FAIL_CATEGORY) && s.category >= 0) cCategory[s.category]!++;
      if (fail === 0 || fail === FAIL_COLOR) for (let i = 0; i < s.colors.length; i++) cColor[s.colors[i]!]!++;
    }

    // Order: a sort key per result, then newest (relevance only) and id as tie-breakers.
    const total = results.length;
    const keys = new Float64Array(total);
    for (let r = 0; r < total; r++) {
      const c = results[r]!;
      const s = slots[candidates[c]!]!;
      const kindRank = s.product ? 1 : 0;
      if (sort === 'price_asc') keys[r] = Number.isNaN(s.price) ? Infinity : s.price;
      else if (sort === 'price_desc') keys[r] = Number.isNaN(s.price) ? Infinity : -s.price;
      else if (sort === 'newest') keys[r] = -s.createdAt;
      else if (leading === null) keys[r] = kindRank;
      else {
        const code = score![c]!;
        // Words matched, then typos, then attribute ranks summed, then motif before product.
        keys[r] = ((n - leading[c]!) * 2 ** 21 + code) * 2 + kindRank;
      }
    }
    const byNewest = sort === 'relevance';
    const compare = (a: number, b: number): number => {
      const d = keys[a]! - keys[b]!;
      if (d !== 0) return d;
      const sa = slots[candidates[results[a]!]!]!;
      const sb = slots[candidates[results[b]!]!]!;
      if (byNewest && sa.createdAt !== sb.createdAt) return sb.createdAt - sa.createdAt;
      return sa.doc.id < sb.doc.id ? -1 : sa.doc.id > sb.doc.id ? 1 : 0;
    };
    const offset = (page - 1) * pageSize;
    const top = selectTop(total, Math.min(total, offset + pageSize), compare);
    const hits: SearchHit[] = [];
    for (let i = offset; i < top.length; i++) hits.push(toHit(slots[candidates[results[top[i]!]!]!]!.doc, lang));

    const facets = {} as Record<Facet, Record<string, number>>;
    for (const facet of FACETS) {
      const out: Record<string, number> = {};
      const values = this.facets[facet].values;
      counts[facet].forEach((count, id) => {
        if (count > 0) out[values[id]!] = count;
      });
      facets[facet] = out;
    }
    return { hits, facets, total, page, pageSize };
  }
}

/** The first `k` of `0 … total − 1` in `compare` order: a bounded max-heap, then a sort. */
function selectTop(total: number, k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  if (k * 4 >= total) {
    const all = Array.from({ length: total }, (_, i) => i);
    all.sort(compare);
    return all.slice(0, k);
  }
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i]!, heap[parent]!) <= 0) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && compare(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && compare(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let i = 0; i < total; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (compare(i, heap[0]!) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(compare);
}

function toHit(doc: SearchDocument, lang: 'id' | 'en'): SearchHit {
  const product = doc.kind === 'product';
  return {
    id: doc.id,
    kind: doc.kind,
    slug: doc.slug,
    title: doc.title?.[lang] ?? '',
    motifs: [...(doc.motifs ?? [])],
    region: doc.region,
    priceIdr: product && typeof doc.priceIdr === 'number' ? doc.priceIdr : null,
    imageUrl: doc.imageUrl,
    inStock: product ? doc.inStock === true : null,
    artisan: doc.artisan ? { slug: doc.artisan.slug, name: doc.artisan.name } : null,
  };
}
