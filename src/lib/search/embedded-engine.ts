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
 * Index layout, for < 10 ms at 10 000 products and < 30 ms warm p95 at 100 000 on two cores: a
 * vocabulary of normalised words (bucketed by first letter, each bucket sorted lazily for prefix
 * ranges); per query language, one posting list per word whose entries pack a slot and the best
 * attribute rank the word has in that document, and the same for neighbouring word pairs (for
 * splits and multi-word synonyms). Per-slot filter, facet and sort fields are columns (typed
 * arrays; multi-valued facets as one value array with per-slot offsets), so a broad query reads
 * them sequentially instead of chasing an object per document. Typo and prefix expansions are
 * computed per query word with a bounded Damerau-Levenshtein and cached until the vocabulary grows.
 * Per query: one byte per slot and query span for the best match, a tiny dynamic programme per
 * candidate over the query words, a single pass for filters and facet counts (a bitmask of failed
 * filters per document), and a bounded heap for the requested page; the per-query arrays are
 * reused.
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

// Attribute ranks (lower is better) of the searched fields, per query language: SEARCHED_FIELDS
// order. Title and description are the query language's; the other fields count in both.
const rankOf = (field: SearchedField) => SEARCHED_FIELDS.indexOf(field);
const LANGS = ['id', 'en'] as const;
type LangIndex = 0 | 1;

const NONE = 255; // "span not matched" in the per-slot cost bytes
const INF = 0x7fffffff;
// A span's best match per slot is a byte: typos * 8 + attribute rank (typos ≤ 7, ranks 0–5), so
// the smaller byte is the better match, typos first (the typo rule ranks before the attribute).
// Posting entries pack a slot and the best attribute rank of the word in that document for one
// language: slot * 8 + rank.
const pack = (slot: number, rank: number) => slot * 8 + rank;

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

/** An Int32Array that grows by doubling (for the facet value lists of all slots, end to end). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Per-slot fields as columns (struct of arrays): a broad query at 100 000 documents reads every
 * candidate's filters, facets and sort keys, and typed arrays keep those reads sequential and off
 * the garbage collector's heap (an object per document made each of them a cache miss).
 */
class Columns {
  capacity = 0;
  alive = new Uint8Array(0);
  product = new Uint8Array(0);
  inStock = new Uint8Array(0);
  region = new Int32Array(0);
  technique = new Int32Array(0);
  category = new Int32Array(0);
  price = new Float64Array(0);
  createdAt = new Float64Array(0);
  /** Slot s's motif ids are motifValues[motifStart[s] … motifStart[s + 1]) (one entry past the last slot). */
  motifStart = new Int32Array(1);
  colorStart = new Int32Array(1);
  motifValues = new IntList();
  colorValues = new IntList();

  ensure(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(1024, this.capacity * 2, size);
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(old: T, make: (n: number) => T, extra = 0): T => {
      const next = make(capacity + extra);
      next.set(old);
      return next;
    };
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.product = grow(this.product, (n) => new Uint8Array(n));
    this.inStock = grow(this.inStock, (n) => new Uint8Array(n));
    this.region = grow(this.region, (n) => new Int32Array(n));
    this.technique = grow(this.technique, (n) => new Int32Array(n));
    this.category = grow(this.category, (n) => new Int32Array(n));
    this.price = grow(this.price, (n) => new Float64Array(n));
    this.createdAt = grow(this.createdAt, (n) => new Float64Array(n));
    this.motifStart = grow(this.motifStart, (n) => new Int32Array(n), 1);
    this.colorStart = grow(this.colorStart, (n) => new Int32Array(n), 1);
    this.capacity = capacity;
  }
}

/** Per-query scratch arrays, reused across queries and grown as the index grows. */
class Scratch {
  candidates = new Int32Array(0);
  leading = new Int32Array(0);
  score = new Int32Array(0);
  fails = new Uint8Array(0);
  results = new Int32Array(0);
  keys = new Float64Array(0);
  mark = new Int32Array(0);
  epoch = 0;

  ensure(size: number): void {
    if (this.candidates.length >= size) return;
    const n = Math.ceil(Math.max(size, 1024) * 1.25);
    this.candidates = new Int32Array(n);
    this.leading = new Int32Array(n);
    this.score = new Int32Array(n);
    this.fails = new Uint8Array(n);
    this.results = new Int32Array(n);
    this.keys = new Float64Array(n);
    this.mark = new Int32Array(n);
    this.epoch = 0;
  }
}

/**
 * A posting list: packed entries in an Int32Array (half the memory of an array of small integers)
 * that grows by half when full; a bulk load trims every list to its length plus a little room.
 */
interface Postings {
  data: Int32Array;
  length: number;
}

function append(lists: Postings[], id: number, entry: number): void {
  let list = lists[id];
  if (list === undefined) lists[id] = list = { data: new Int32Array(4), length: 0 };
  else if (list.length === list.data.length) {
    const data = new Int32Array(Math.ceil(list.length * 1.5) + 4);
    data.set(list.data);
    list.data = data;
  }
  list.data[list.length++] = entry;
}

/** After a bulk load: each list keeps 1/16 spare room, so later upserts rarely copy a long list. */
function trim(lists: Postings[]): void {
  for (const list of lists) {
    if (!list) continue;
    const capacity = list.length + Math.max(2, list.length >> 4);
    if (list.data.length > capacity) list.data = list.data.slice(0, capacity);
    else if (list.data.length < capacity) {
      const data = new Int32Array(capacity);
      data.set(list.data.subarray(0, list.length));
      list.data = data;
    }
  }
}

const entriesOf = (list: Postings) => Array.from(list.data.subarray(0, list.length));

class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded' as const;

  private vocab = new Vocabulary();
  /** postings[lang][wordId] → packed (slot, best attribute rank of the word in that slot). */
  private postings: [Postings[], Postings[]] = [[], []];
  /** Neighbouring word pairs: "a b" → pair id; pairPostings[lang][pairId] → packed entries. */
  private pairs = new Map<string, number>();
  private pairPostings: [Postings[], Postings[]] = [[], []];
  /** "ab" → ids of the pairs "a b" that join to it (for split query words). */
  private joinedPairs = new Map<string, number[]>();
  /** Word and pair ids of repeated texts (see `collect`); cleared with the vocabulary. */
  private textIds = new Map<string, { words: number[]; pairs: number[] }>();

  private docs: SearchDocument[] = [];
  private ids: string[] = [];
  private columns = new Columns();
  private bySlotId = new Map<string, number>();
  private dead = 0;

  private facets: Record<Facet, Dictionary> = this.emptyFacets();
  private synonyms = new Map<string, string[]>();
  private expansions = new Map<string, Expansion>();
  private expansionsForVocabSize = 0;

  // Per-query scratch, reused.
  private costPool: Uint8Array[] = [];
  private scratch = new Scratch();

  constructor() {
    this.reset();
  }

  private emptyFacets(): Record<Facet, Dictionary> {
    return { region: new Dictionary(), motif: new Dictionary(), technique: new Dictionary(), category: new Dictionary(), color: new Dictionary() };
  }

  private reset(): void {
    this.vocab = new Vocabulary();
    this.postings = [[], []];
    this.pairs = new Map();
    this.pairPostings = [[], []];
    this.joinedPairs = new Map();
    this.textIds = new Map();
    this.docs = [];
    this.ids = [];
    this.columns = new Columns();
    this.bySlotId = new Map();
    this.dead = 0;
    this.facets = this.emptyFacets();
    this.expansions = new Map();
    this.expansionsForVocabSize = 0;
    this.costPool = [];
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
    this.columns.ensure(documents.length);
    for (const doc of documents) this.add(doc);
    for (const lists of [...this.postings, ...this.pairPostings]) trim(lists);
    // Sort the prefix buckets now rather than on the first query that needs them.
    for (const first of this.vocab.buckets.keys()) this.vocab.sortedBucket(first);
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  private kill(id: string): void {
    const slot = this.bySlotId.get(id);
    if (slot === undefined) return;
    this.columns.alive[slot] = 0;
    this.bySlotId.delete(id);
    this.dead++;
  }

  private compactIfNeeded(): void {
    if (this.dead > 1024 && this.dead > this.docs.length - this.dead) {
      const live = this.docs.filter((_, s) => this.columns.alive[s] === 1);
      this.reset();
      this.columns.ensure(live.length);
      for (const doc of live) this.add(doc);
      for (const lists of [...this.postings, ...this.pairPostings]) trim(lists);
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
    const slot = this.docs.length;
    const c = this.columns;
    c.ensure(slot + 1);
    const f = this.facets;
    this.docs.push(doc);
    this.ids.push(doc.id);
    c.alive[slot] = 1;
    c.product[slot] = doc.kind === 'product' ? 1 : 0;
    c.region[slot] = f.region.id(doc.region ?? '');
    c.technique[slot] = doc.technique ? f.technique.id(doc.technique) : -1;
    c.category[slot] = doc.category ? f.category.id(doc.category) : -1;
    c.price[slot] = typeof doc.priceIdr === 'number' ? doc.priceIdr : Number.NaN;
    c.inStock[slot] = doc.inStock === true ? 1 : 0;
    c.createdAt[slot] = Number.isFinite(doc.createdAt) ? doc.createdAt : 0;
    for (const m of new Set(doc.motifs)) c.motifValues.push(f.motif.id(m));
    c.motifStart[slot + 1] = c.motifValues.length;
    for (const colour of new Set(doc.colors)) c.colorValues.push(f.color.id(colour));
    c.colorStart[slot + 1] = c.colorValues.length;
    this.bySlotId.set(doc.id, slot);

    // Words and pairs of the bilingual fields are collected once and posted for both languages.
    const sharedWords = new Map<number, number>();
    const sharedPairs = new Map<number, number>();
    this.collect(sharedWords, sharedPairs, 'motifNames', doc.motifNames);
    this.collect(sharedWords, sharedPairs, 'tags', doc.tags ?? []);
    this.collect(sharedWords, sharedPairs, 'motifSynonyms', doc.motifSynonyms ?? []);
    this.collect(sharedWords, sharedPairs, 'maker', doc.maker ?? []);
    LANGS.forEach((lang, l) => {
      const words = new Map(sharedWords);
      const pairs = new Map(sharedPairs);
      this.collect(words, pairs, 'title', [doc.title?.[lang] ?? ''], false);
      this.collect(words, pairs, 'description', [doc.description?.[lang] ?? ''], false);
      const postings = this.postings[l as LangIndex];
      for (const [w, rank] of words) append(postings, w, pack(slot, rank));
      const pairPostings = this.pairPostings[l as LangIndex];
      for (const [p, rank] of pairs) append(pairPostings, p, pack(slot, rank));
    });
  }

  /**
   * Each word and neighbouring pair of a field's texts, with the best rank seen for it so far.
   * `memo`: the texts repeat across documents (a motif's names and synonyms, colour and category
   * words, a workshop), so their word and pair ids are kept rather than tokenised again.
   */
  private collect(words: Map<number, number>, pairs: Map<number, number>, field: SearchedField, texts: readonly string[], memo = true): void {
    const rank = rankOf(field);
    for (const text of texts) {
      let ids = memo ? this.textIds.get(text) : undefined;
      if (!ids) {
        const tokens = tokenize(text);
        ids = { words: tokens.map((t) => this.vocab.add(t)), pairs: tokens.slice(1).map((t, i) => this.pairId(tokens[i]!, t)) };
        if (memo) {
          if (this.textIds.size >= 100_000) this.textIds.clear();
          this.textIds.set(text, ids);
        }
      }
      for (const w of ids.words) if (rank < (words.get(w) ?? 8)) words.set(w, rank);
      for (const p of ids.pairs) if (rank < (pairs.get(p) ?? 8)) pairs.set(p, rank);
    }
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
    const size = this.docs.length;
    let cost = this.costPool[index];
    if (!cost || cost.length < size) {
      cost = new Uint8Array(Math.ceil(Math.max(size, 1024) * 1.25)).fill(NONE);
      this.costPool[index] = cost;
    }
    return { start, end, cost, touched: [] };
  }

  /** Marks every live slot of a posting list with `typos` plus the rank the list stores. */
  private markList(span: Span, list: Postings | undefined, typos: number): void {
    if (!list) return;
    const { cost, touched } = span;
    const alive = this.columns.alive;
    const base = Math.min(typos, 7) * 8;
    const entries = list.data;
    for (let i = 0, n = list.length; i < n; i++) {
      const e = entries[i]!;
      const s = e >>> 3;
      const value = base + (e & 7);
      const old = cost[s]!;
      if (value < old) {
        if (old === NONE) {
          if (alive[s] !== 1) continue;
          touched.push(s);
        }
        cost[s] = value;
      }
    }
  }

  private markWords(span: Span, expansion: Expansion, lang: LangIndex, baseTypos: number): void {
    const postings = this.postings[lang];
    for (let i = 0; i < expansion.ids.length; i++) this.markList(span, postings[expansion.ids[i]!], baseTypos + expansion.typos[i]!);
  }

  /** Documents where the words of `phrase` appear next to each other, in order. */
  private markPhrase(span: Span, phrase: readonly string[], lang: LangIndex, typos: number): void {
    if (phrase.length === 1) {
      const id = this.vocab.ids.get(phrase[0]!);
      if (id !== undefined) this.markWords(span, { ids: [id], typos: [0] }, lang, typos);
      return;
    }
    const lists: Postings[] = [];
    for (let i = 1; i < phrase.length; i++) {
      const id = this.pairs.get(`${phrase[i - 1]} ${phrase[i]}`);
      const list = id === undefined ? undefined : this.pairPostings[lang][id];
      if (!list) return;
      lists.push(list);
    }
    if (lists.length === 1) {
      this.markList(span, lists[0], typos);
      return;
    }
    // Three words or more: every neighbouring pair in the same document (close enough to adjacency).
    const others = lists.slice(1).map((l) => new Set(entriesOf(l).map((e) => e >>> 3)));
    const kept = Int32Array.from(entriesOf(lists[0]!).filter((e) => others.every((o) => o.has(e >>> 3))));
    this.markList(span, { data: kept, length: kept.length }, typos);
  }

  private buildSpans(words: readonly string[], lastIsPrefix: boolean, lang: LangIndex): Span[][] {
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
          for (const pairId of this.joinedPairs.get(word) ?? []) this.markList(span, this.pairPostings[lang][pairId], 1);
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
    const size = this.docs.length;
    const col = this.columns;
    const scratch = this.scratch;
    scratch.ensure(size);

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
    const artisans = isStringArray(filters.artisan) && filters.artisan.length > 0 ? new Set(filters.artisan) : null;
    const productOnly = technique !== null || category !== null || color !== null || minPrice !== null || maxPrice !== null || inStockOnly || artisans !== null || filters.productsOnly === true;
    const docs = this.docs;
    const motifsAllowed = sort === 'relevance' && !productOnly;

    const { alive, product, inStock, price, createdAt, motifStart, colorStart } = col;
    const motifValues = col.motifValues.data;
    const colorValues = col.colorValues.data;
    const anyIn = (values: Int32Array, from: number, to: number, table: Uint8Array): boolean => {
      for (let i = from; i < to; i++) if (table[values[i]!] === 1) return true;
      return false;
    };
    const failures = (s: number): number => {
      let fail = 0;
      if (region !== null && region[col.region[s]!] !== 1) fail |= FAIL_REGION;
      if (motif !== null && !anyIn(motifValues, motifStart[s]!, motifStart[s + 1]!, motif)) fail |= FAIL_MOTIF;
      if (technique !== null) {
        const t = col.technique[s]!;
        if (t < 0 || technique[t] !== 1) fail |= FAIL_TECHNIQUE;
      }
      if (category !== null) {
        const k = col.category[s]!;
        if (k < 0 || category[k] !== 1) fail |= FAIL_CATEGORY;
      }
      if (color !== null && !anyIn(colorValues, colorStart[s]!, colorStart[s + 1]!, color)) fail |= FAIL_COLOR;
      if (product[s] !== 1 && !motifsAllowed) fail |= FAIL_OTHER;
      if (minPrice !== null && !(price[s]! >= minPrice)) fail |= FAIL_OTHER;
      if (maxPrice !== null && !(price[s]! <= maxPrice)) fail |= FAIL_OTHER;
      if (inStockOnly && inStock[s] !== 1) fail |= FAIL_OTHER;
      if (artisans !== null && !artisans.has(docs[s]?.artisan?.slug ?? '')) fail |= FAIL_OTHER;
      return fail;
    };

    // Text matching: candidates with, per candidate, how many leading words matched and the best
    // typos/attribute code for that many words.
    const normalized = normalizeQuery(query?.q);
    const words = normalized.split(' ').filter((w) => w.length > 0);
    const n = words.length;
    const lastIsPrefix = !normalized.endsWith(' ');
    const candidates = scratch.candidates;
    let count = 0;
    const leading = n === 0 ? null : scratch.leading;
    const score = scratch.score;
    if (n === 0) {
      for (let s = 0; s < size; s++) if (alive[s] === 1) candidates[count++] = s;
    } else {
      const spansByStart = this.buildSpans(words, lastIsPrefix, lang === 'en' ? 1 : 0);
      const mark = scratch.mark;
      const epoch = ++scratch.epoch;
      for (const span of spansByStart[0]!) {
        const touched = span.touched;
        for (let i = 0; i < touched.length; i++) {
          const s = touched[i]!;
          if (mark[s] !== epoch) {
            mark[s] = epoch;
            candidates[count++] = s;
          }
        }
      }
      const best = new Int32Array(n + 1);
      for (let c = 0; c < count; c++) {
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
        leading![c] = reach;
        score[c] = best[reach]!;
      }
      for (const list of spansByStart) for (const span of list) this.release(span);
    }

    // Matching strategy: all words; if nothing matches all of them after filters, the leading ones.
    const fails = scratch.fails;
    let fullMatches = 0;
    for (let c = 0; c < count; c++) {
      const fail = failures(candidates[c]!);
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
    const results = scratch.results;
    let total = 0;
    for (let c = 0; c < count; c++) {
      if (leading !== null && leading[c]! < minLeading) continue;
      const s = candidates[c]!;
      const fail = fails[c]!;
      if (fail === 0) results[total++] = c;
      if (product[s] !== 1) continue;
      if (fail === 0 || fail === FAIL_REGION) cRegion[col.region[s]!]!++;
      if (fail === 0 || fail === FAIL_MOTIF) for (let i = motifStart[s]!, to = motifStart[s + 1]!; i < to; i++) cMotif[motifValues[i]!]!++;
      if (fail === 0 || fail === FAIL_TECHNIQUE) {
        const t = col.technique[s]!;
        if (t >= 0) cTechnique[t]!++;
      }
      if (fail === 0 || fail === FAIL_CATEGORY) {
        const k = col.category[s]!;
        if (k >= 0) cCategory[k]!++;
      }
      if (fail === 0 || fail === FAIL_COLOR) for (let i = colorStart[s]!, to = colorStart[s + 1]!; i < to; i++) cColor[colorValues[i]!]!++;
    }

    // Order: a sort key per result, then newest (relevance only) and id as tie-breakers.
    const keys = scratch.keys;
    for (let r = 0; r < total; r++) {
      const c = results[r]!;
      const s = candidates[c]!;
      const kindRank = product[s]!;
      if (sort === 'price_asc') keys[r] = Number.isNaN(price[s]!) ? Infinity : price[s]!;
      else if (sort === 'price_desc') keys[r] = Number.isNaN(price[s]!) ? Infinity : -price[s]!;
      else if (sort === 'newest') keys[r] = -createdAt[s]!;
      else if (leading === null) keys[r] = kindRank;
      // Words matched, then typos, then attribute ranks summed, then motif before product.
      else keys[r] = ((n - leading[c]!) * 2 ** 21 + score[c]!) * 2 + kindRank;
    }
    const byNewest = sort === 'relevance';
    const ids = this.ids;
    const compare = (a: number, b: number): number => {
      const d = keys[a]! - keys[b]!;
      if (d !== 0) return d;
      const sa = candidates[results[a]!]!;
      const sb = candidates[results[b]!]!;
      if (byNewest && createdAt[sa] !== createdAt[sb]) return createdAt[sb]! - createdAt[sa]!;
      return ids[sa]! < ids[sb]! ? -1 : ids[sa]! > ids[sb]! ? 1 : 0;
    };
    const offset = (page - 1) * pageSize;
    const top = selectTop(total, Math.min(total, offset + pageSize), compare);
    const hits: SearchHit[] = [];
    for (let i = offset; i < top.length; i++) hits.push(toHit(this.docs[candidates[results[top[i]!]!]!]!, lang));

    const facets = {} as Record<Facet, Record<string, number>>;
    for (const facet of FACETS) {
      const out: Record<string, number> = {};
      const values = this.facets[facet].values;
      counts[facet].forEach((n, id) => {
        if (n > 0) out[values[id]!] = n;
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
