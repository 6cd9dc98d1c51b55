/**
 * `MeilisearchEngine`: the production `SearchEngine`, through the official `meilisearch` JS client.
 *
 * This is the ONLY module that imports `meilisearch`; everything else talks to `SearchEngine`.
 *
 * Security: the engine is built with an admin-capable key (it writes documents and settings). It is
 * server-side only: never import this module from a client island, never put the key in a
 * `PUBLIC_*` variable. Browsers reach search through our own endpoint, not Meilisearch.
 *
 * Needs Meilisearch ≥ 1.36 (the `attributeRank`/`wordPosition` ranking rules; `rename` in index swaps
 * since 1.18; `attributesToSearchOn` since 1.3).
 *
 * How a query maps onto Meilisearch (one POST /multi-search per search, a second one only for the
 * fallback below):
 * - `q` is `normalizeQuery(q)` (query-rules.ts): the words the embedded engine sees, so quotes (phrase
 *   search), a leading minus (negation), operators and emoji mean nothing to Meilisearch either;
 * - query 0: the page of hits and `totalHits` (`page`/`hitsPerPage` gives exhaustive totals);
 * - queries 1–5: one per facet, `limit: 0`, `facets: [F]`, filtered by every filter except F's own
 *   plus `kind = "product"`: disjunctive facet counts over products, as `SearchResult.facets` promises;
 * - matching: `matchingStrategy: 'all'`; when query 0 finds nothing and the query has two words or
 *   more, the six queries are sent again with `'last'` (the contract's fallback to the leading words).
 *
 * Contract rules this request cannot pin, to verify against a real server
 * (tests/contract/search-meilisearch.test.ts):
 * - relevance ties between equally good text matches: Meilisearch applies `proximity`, `wordPosition`
 *   and `exactness` before newest/id; the embedded engine does not model those rules;
 * - `attributeRank` scores each query word by the first searchable attribute it appears in; the
 *   embedded engine sums those ranks over the words. Equal in kind, not proven equal in every tie:
 *   the judged set (tests/contract/search-relevance-meilisearch.test.ts) must score within 0.05
 *   nDCG@10 of the embedded engine on a real server;
 * - the `last` fallback's hits, `totalHits` and facet counts are assumed to cover every document that
 *   matches at least the first query word (as the embedded engine counts them);
 * - string filters: Meilisearch compares facet values case-insensitively (`region = "Cirebon"` matches
 *   `cirebon`), the embedded engine exactly; values are lowercase slugs, so only odd input differs;
 *   an empty value is sent as `region = ""`, assumed to parse and to match nothing;
 * - tokenising documents (charabia): Latin text is lowercased and loses its diacritics like
 *   `normalizeText`, but camelCase is split and a text detected as German gets compound splitting,
 *   which the embedded engine does not do; query words over Meilisearch's word length limit are not
 *   searched.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type MultiSearchQuery,
  type Settings,
  type Task,
} from 'meilisearch';
import { AppError } from '../errors.ts';
import type { Lang } from '../content/schemas.ts';
import { normalizePaging, normalizeQuery, SEARCHED_FIELDS, synonymMap, type SearchedField } from './query-rules.ts';
import {
  FACETS,
  type Facet,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type Sort,
  type SynonymGroups,
} from './types.ts';

/** The index uid used when none is given. */
export const DEFAULT_INDEX_UID = 'products';

/** How `createMeilisearchEngine` reaches Meilisearch. */
export interface MeilisearchEngineOptions {
  /** Base URL, e.g. `http://127.0.0.1:7700`. */
  host: string;
  /** An admin-capable key (documents.*, settings.*, indexes.*, tasks.get, search). Server-side only. */
  apiKey?: string | undefined;
  /** Index uid; defaults to `products`. */
  indexUid?: string | undefined;
  /** Timeout of each HTTP request, ms (default 5 000). */
  timeoutMs?: number | undefined;
  /** How long to wait for one enqueued task to finish, ms (default 10 000). */
  taskTimeoutMs?: number | undefined;
  /** Timeout of the health probe, ms (default 1 500): a health check must answer fast. */
  healthTimeoutMs?: number | undefined;
}

/** A `SearchDocument` as stored in Meilisearch: flat, localized fields split per language. */
export interface MeilisearchDocument {
  id: string;
  title_id: string;
  title_en: string;
  description_id: string;
  description_en: string;
  motifNames: string[];
  /** Structured words in both languages (`SearchDocument.tags`). */
  tags: string[];
  motifSynonyms: string[];
  maker: string[];
  motifs: string[];
  region: string;
  technique: string | null;
  category: string | null;
  colors: string[];
  priceIdr: number | null;
  inStock: boolean | null;
  createdAt: number;
  kind: 'product' | 'motif';
  /** 0 motif, 1 product: the `kindRank:asc` ranking rule puts motifs first among equal matches. */
  kindRank: 0 | 1;
  slug: string;
  imageUrl: string;
  artisan: { slug: string; name: string } | null;
}

/** Which document attribute holds each facet. */
export const FACET_ATTRIBUTES: Readonly<Record<Facet, string>> = {
  region: 'region',
  motif: 'motifs',
  technique: 'technique',
  category: 'category',
  color: 'colors',
};

/**
 * Sort params: equal prices or dates are ordered by id, as in the embedded engine (the primary key can
 * be a sortable attribute; Meilisearch compares strings by bytes, lowercased: ids are lowercase ASCII).
 */
const SORT_PARAMS: Readonly<Record<Sort, string[] | undefined>> = {
  relevance: undefined,
  price_asc: ['priceIdr:asc', 'id:asc'],
  price_desc: ['priceIdr:desc', 'id:asc'],
  newest: ['createdAt:desc', 'id:asc'],
};

/**
 * `all`: a hit must contain every query word (after synonyms and typos); the first request uses it.
 * `last`: documents matching the leading words, the most leading words first; sent only when `all`
 * found nothing for a query of two words or more (see `needsFallback`), like the embedded engine.
 * (Meilisearch's own default, `last` at once, would add partial matches to totals and facet counts
 * whenever a full match exists.)
 */
export type MatchingStrategy = 'all' | 'last';

const PRIMARY_KEY = 'id';

/**
 * Flattens a `SearchDocument` into the stored shape. Missing product-only fields become `null`, so
 * every document has the same keys.
 */
export function toMeilisearchDocument(doc: SearchDocument): MeilisearchDocument {
  return {
    id: doc.id,
    title_id: doc.title.id,
    title_en: doc.title.en,
    description_id: doc.description.id,
    description_en: doc.description.en,
    motifNames: [...doc.motifNames],
    tags: [...(doc.tags ?? [])],
    motifSynonyms: [...(doc.motifSynonyms ?? [])],
    maker: [...(doc.maker ?? [])],
    motifs: [...doc.motifs],
    region: doc.region,
    technique: doc.technique ?? null,
    category: doc.category ?? null,
    colors: [...doc.colors],
    priceIdr: doc.priceIdr ?? null,
    inStock: doc.inStock ?? null,
    createdAt: doc.createdAt,
    kind: doc.kind,
    kindRank: doc.kind === 'motif' ? 0 : 1,
    slug: doc.slug,
    imageUrl: doc.imageUrl,
    artisan: doc.artisan ? { slug: doc.artisan.slug, name: doc.artisan.name } : null,
  };
}

/**
 * Synonym groups as Meilisearch wants them: a map word → every other word of its groups
 * (Meilisearch synonyms are one-directional, so a group of n words becomes n entries). Built by the
 * shared `synonymMap` (normalised entries, union across groups) so both engines expand alike. These
 * are the glossary's groups only: motif synonyms are a searchable attribute (`motifSynonyms`), so a
 * word that is one motif's name never expands to another motif (issue #13).
 */
export function toSynonymMap(groups: SynonymGroups): Record<string, string[]> {
  return Object.fromEntries(synonymMap(groups));
}

/** The stored attribute(s) of a shared searched field: title and description exist per language. */
function attributesOf(field: SearchedField, langs: readonly Lang[]): string[] {
  return field === 'title' || field === 'description' ? langs.map((l) => `${field}_${l}`) : [field];
}

/** Every searchable attribute, in the shared SEARCHED_FIELDS order (order is weight: attributeRank). */
export const SEARCHABLE_ATTRIBUTES: readonly string[] = SEARCHED_FIELDS.flatMap((f) => attributesOf(f, ['id', 'en']));

/**
 * The ranking rules, in the order the embedded engine ranks (query-rules.ts): words, typos, the
 * attribute rank (a match in the piece's own motif names or title before one in its tags, motif
 * synonyms, maker or description), motif before product, then what the embedded engine does not
 * model (proximity, word position, exactness), then newest and id.
 * https://www.meilisearch.com/docs/learn/advanced/ranking_rules
 */
export const RANKING_RULES: readonly string[] = [
  'sort',
  'words',
  'typo',
  'attributeRank',
  'kindRank:asc',
  'proximity',
  'wordPosition',
  'exactness',
  'createdAt:desc',
  'id:asc',
];

/** The index settings `configure` applies (only these keys; others are left as they are). */
export function buildSettings(synonyms: Record<string, string[]>): Settings {
  return {
    // Order is weight (attributeRank): motif names, titles, tags, motif synonyms, maker, descriptions.
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: ['region', 'motifs', 'technique', 'category', 'colors', 'priceIdr', 'inStock', 'kind', 'artisan.slug'],
    // `id` (the primary key may be sortable) breaks ties of the price and date sorts.
    sortableAttributes: ['priceIdr', 'createdAt', 'id'],
    // `sort` first: a price or date sort is strict, also in the `last` fallback where hits match
    // different numbers of words (the embedded engine sorts those by price alone too); with no sort
    // param (relevance) the rule does nothing. (`words` still ranks first wherever it stands.)
    // `attributeRank` right after `typo` and before `kindRank:asc`, as the embedded engine ranks;
    // `attributeRank` + `wordPosition` are the two halves of the old `attribute` rule (Meilisearch
    // 1.36 split it). Every document has `kindRank`, `createdAt` and `id`, which custom rules need.
    rankingRules: [...RANKING_RULES],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    synonyms,
    // Facet values returned per facet (default 100): every region, motif, technique, category and
    // colour must be counted, and the motif list grows with the catalogue.
    faceting: { maxValuesPerFacet: 500 },
    // Hits reachable by paging and counted in totalHits (default 1 000): the whole index, sized for
    // 100 000 products plus motifs, so totals stay exact.
    pagination: { maxTotalHits: 200_000 },
  };
}

/**
 * Quotes a user-supplied value for a Meilisearch filter: wraps it in double quotes and escapes `\` and
 * `"` with a backslash. Meilisearch's filter parser reads a quoted value up to the first unescaped
 * quote, then unescapes; inside the quotes `OR`, `AND`, `TO`, `=`, `)` and emoji are plain text.
 * EVERY string that reaches a filter goes through here.
 */
export function quoteFilterValue(value: string): string {
  if (typeof value !== 'string') throw new AppError('invalid', 'Filter values must be strings');
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A number for a filter: finite and printed without exponent (which the filter parser cannot read). */
function filterNumber(value: unknown, name: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) >= 1e15) {
    throw new AppError('invalid', `${name} must be a number`);
  }
  return String(value);
}

function facetClause(attribute: string, values: readonly string[] | undefined): string | null {
  if (values === undefined) return null;
  if (!Array.isArray(values)) throw new AppError('invalid', `Filter ${attribute} must be a list`);
  const unique = [...new Set(values)];
  if (unique.length === 0) return null;
  const terms = unique.map((v) => `${attribute} = ${quoteFilterValue(v)}`);
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
}

/** The filter conditions, ANDed; `except` leaves out one facet (for its disjunctive count). */
function filterClauses(filters: SearchFilters, except?: Facet): string[] {
  const clauses: string[] = [];
  for (const facet of FACETS) {
    if (facet === except) continue;
    const clause = facetClause(FACET_ATTRIBUTES[facet], filters[facet]);
    if (clause) clauses.push(clause);
  }
  if (filters.minPrice !== undefined) clauses.push(`priceIdr >= ${filterNumber(filters.minPrice, 'minPrice')}`);
  if (filters.maxPrice !== undefined) clauses.push(`priceIdr <= ${filterNumber(filters.maxPrice, 'maxPrice')}`);
  if (filters.inStock !== undefined && typeof filters.inStock !== 'boolean') {
    throw new AppError('invalid', 'inStock must be a boolean');
  }
  // `inStock: false` is no filter (the contract: motifs stay in, out-of-stock products too).
  if (filters.inStock === true) clauses.push('inStock = true');
  const artisan = facetClause('artisan.slug', filters.artisan);
  if (artisan) clauses.push(artisan);
  return clauses;
}

const PRODUCTS_ONLY = `kind = ${quoteFilterValue('product')}`;

/** Filters that only products can satisfy: with any of them, motifs would only be noise. */
function hasProductOnlyFilter(filters: SearchFilters): boolean {
  return (
    (filters.technique?.length ?? 0) > 0 ||
    (filters.category?.length ?? 0) > 0 ||
    (filters.color?.length ?? 0) > 0 ||
    filters.minPrice !== undefined ||
    filters.maxPrice !== undefined ||
    filters.inStock === true ||
    (filters.artisan?.length ?? 0) > 0 ||
    filters.productsOnly === true
  );
}

/** Motif documents take part only in a relevance search without product-only filters. */
export function includesMotifs(query: SearchQuery): boolean {
  return query.sort === 'relevance' && !hasProductOnlyFilter(query.filters);
}

function andAll(clauses: readonly string[]): string | undefined {
  return clauses.length === 0 ? undefined : clauses.join(' AND ');
}

/** Fields searched for a query in `lang`: that language's title and description, the rest in both. */
export function attributesToSearchOn(lang: Lang): string[] {
  return SEARCHED_FIELDS.flatMap((f) => attributesOf(f, [lang]));
}

function hitAttributes(lang: Lang): string[] {
  return ['id', 'kind', 'slug', `title_${lang}`, 'motifs', 'region', 'priceIdr', 'imageUrl', 'inStock', 'artisan'];
}

/** How many words the normalised query has (what Meilisearch's `last` strategy could drop). */
function queryWordCount(q: string): number {
  return q.split(' ').filter((w) => w.length > 0).length;
}

/**
 * True when the `all` answer calls for the `last` fallback: its main query matched nothing (an
 * exhaustive `totalHits`, so a page past the end does not count) and the query has 2 words or more.
 */
export function needsFallback(query: SearchQuery, results: readonly MultiSearchResultLike[]): boolean {
  const main = results[0];
  return main !== undefined && (main.totalHits ?? 0) === 0 && queryWordCount(normalizeQuery(query.q)) >= 2;
}

/**
 * The POST /multi-search body for a query: the main query first, then one facet query per facet in
 * `FACETS` order, all with one matching strategy. Pure, so tests can pin it.
 */
export function buildMultiSearch(
  indexUid: string,
  query: SearchQuery,
  matchingStrategy: MatchingStrategy = 'all',
): { queries: MultiSearchQuery[] } {
  // Paging is clamped, not rejected, exactly as the embedded engine does (query-rules.ts).
  const { page, pageSize: hitsPerPage } = normalizePaging(query.page, query.pageSize);
  // The same words as the embedded engine, trailing space included (the last word is then no prefix).
  const q = normalizeQuery(query.q);
  const common = { indexUid, q, attributesToSearchOn: attributesToSearchOn(query.lang), matchingStrategy } as const;

  const mainClauses = filterClauses(query.filters);
  if (!includesMotifs(query)) mainClauses.push(PRODUCTS_ONLY);
  const main: MultiSearchQuery = { ...common, page, hitsPerPage, attributesToRetrieve: hitAttributes(query.lang) };
  const mainFilter = andAll(mainClauses);
  if (mainFilter !== undefined) main.filter = mainFilter;
  const sort = SORT_PARAMS[query.sort];
  if (sort === undefined && query.sort !== 'relevance') throw new AppError('invalid', `Unknown sort ${String(query.sort)}`);
  if (sort) main.sort = sort;

  const facetQueries = FACETS.map(
    (facet): MultiSearchQuery => ({
      ...common,
      limit: 0,
      facets: [FACET_ATTRIBUTES[facet]],
      filter: andAll([...filterClauses(query.filters, facet), PRODUCTS_ONLY])!,
    }),
  );
  return { queries: [main, ...facetQueries] };
}

function toHit(doc: Record<string, unknown>, lang: Lang): SearchHit {
  const artisan = doc.artisan as { slug?: unknown; name?: unknown } | null | undefined;
  return {
    id: String(doc.id),
    kind: doc.kind === 'motif' ? 'motif' : 'product',
    slug: String(doc.slug ?? ''),
    title: String(doc[`title_${lang}`] ?? ''),
    motifs: Array.isArray(doc.motifs) ? doc.motifs.map(String) : [],
    region: String(doc.region ?? ''),
    priceIdr: typeof doc.priceIdr === 'number' ? doc.priceIdr : null,
    imageUrl: String(doc.imageUrl ?? ''),
    inStock: typeof doc.inStock === 'boolean' ? doc.inStock : null,
    artisan:
      artisan && typeof artisan.slug === 'string' && typeof artisan.name === 'string'
        ? { slug: artisan.slug, name: artisan.name }
        : null,
  };
}

interface MultiSearchResultLike {
  hits?: Record<string, unknown>[];
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** Maps the multi-search response (in `buildMultiSearch` order) to a `SearchResult`. */
export function toSearchResult(query: SearchQuery, results: readonly MultiSearchResultLike[]): SearchResult {
  const [main, ...facetResults] = results;
  if (!main || facetResults.length !== FACETS.length) {
    throw new AppError('unavailable', `Meilisearch answered ${results.length} results to ${FACETS.length + 1} queries`);
  }
  const facets = {} as SearchResult['facets'];
  FACETS.forEach((facet, i) => {
    facets[facet] = { ...(facetResults[i]?.facetDistribution?.[FACET_ATTRIBUTES[facet]] ?? {}) };
  });
  const { page, pageSize } = normalizePaging(query.page, query.pageSize);
  return {
    hits: (main.hits ?? []).map((doc) => toHit(doc, query.lang)),
    facets,
    total: main.totalHits ?? 0,
    page,
    pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// Settings comparison: configure() reads the current settings and only PATCHes when they differ,
// because a settings update makes Meilisearch re-index the whole index, and configure() runs at
// every start. Either way the end state is the same: configure() is idempotent. Anything the
// server normalizes differently from what we send only costs an extra (harmless) update.

function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet(a: unknown, b: readonly string[]): boolean {
  if (!Array.isArray(a) || a.some((x) => typeof x !== 'string')) return false;
  return sameList([...new Set(a as string[])].sort(), [...new Set(b)].sort());
}

function sameSynonyms(current: unknown, desired: Record<string, string[]>): boolean {
  if (typeof current !== 'object' || current === null) return false;
  const cur = current as Record<string, unknown>;
  const keys = Object.keys(desired);
  return Object.keys(cur).length === keys.length && keys.every((k) => sameSet(cur[k], desired[k]!));
}

/** True when `current` already holds every setting of `desired` (see the note above). */
export function settingsMatch(current: Settings, desired: Settings): boolean {
  return (
    sameList(current.searchableAttributes, desired.searchableAttributes as string[]) &&
    sameSet(current.filterableAttributes, desired.filterableAttributes as string[]) &&
    sameSet(current.sortableAttributes, desired.sortableAttributes as string[]) &&
    sameList(current.rankingRules, desired.rankingRules as string[]) &&
    current.typoTolerance?.enabled === desired.typoTolerance?.enabled &&
    current.typoTolerance?.minWordSizeForTypos?.oneTypo === desired.typoTolerance?.minWordSizeForTypos?.oneTypo &&
    current.typoTolerance?.minWordSizeForTypos?.twoTypos === desired.typoTolerance?.minWordSizeForTypos?.twoTypos &&
    sameSynonyms(current.synonyms, desired.synonyms as Record<string, string[]>) &&
    current.faceting?.maxValuesPerFacet === desired.faceting?.maxValuesPerFacet &&
    current.pagination?.maxTotalHits === desired.pagination?.maxTotalHits
  );
}

// ---------------------------------------------------------------------------------------------
// Errors: everything foreign becomes an AppError, the original kept as `cause`.

function meiliCode(error: unknown): string | undefined {
  return error instanceof MeilisearchApiError ? error.cause?.code : undefined;
}

function toAppError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  // The client wraps network failures ("Request to … has failed") around the real reason
  // ("request timed out after 5000ms", ECONNREFUSED…): keep both in the message.
  let detail = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && !(error instanceof MeilisearchApiError) ? error.cause : undefined;
  if (cause instanceof Error) detail += `: ${cause.message}`;
  // A 400 means our request was malformed (a bug here, not an outage); everything else (network
  // errors, request and task timeouts, 5xx, a missing index, a rejected key) means search cannot answer.
  const status = error instanceof MeilisearchApiError ? error.response.status : undefined;
  const code = status === 400 ? 'internal' : 'unavailable';
  return new AppError(code, `Meilisearch: ${action} failed: ${detail}`, { cause: error });
}

/**
 * Builds the Meilisearch-backed engine. Nothing is sent until a method is called.
 * The key is an admin key: keep this on the server (see the module comment).
 */
export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const indexUid = options.indexUid ?? DEFAULT_INDEX_UID;
  const nextUid = `${indexUid}__next`;
  const taskTimeout = options.taskTimeoutMs ?? 10_000;
  const client = new Meilisearch({
    host: options.host,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    timeout: options.timeoutMs ?? 5_000,
    defaultWaitOptions: { timeout: taskTimeout, interval: 50 },
  });
  // A separate client so the probe has its own, shorter, timeout (health() takes no per-call options).
  const healthClient = new Meilisearch({
    host: options.host,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    timeout: options.healthTimeoutMs ?? 1_500,
  });
  /** Synonyms of the last configure(), reused by replaceAll() for the index it builds. */
  let configuredSynonyms: Record<string, string[]> | null = null;

  /**
   * Waits for a task; a task that did not succeed becomes AppError('unavailable') with its message.
   * `tolerate`: error codes that count as success (accepted whether Meilisearch reports them as a
   * failed task, as documented for index operations, or straight away as an HTTP error).
   */
  async function settle(enqueued: EnqueuedTaskPromise, action: string, tolerate: readonly string[] = []): Promise<Task | null> {
    let task: Task;
    try {
      task = await enqueued.waitTask({ timeout: taskTimeout });
    } catch (error) {
      const code = meiliCode(error);
      if (code !== undefined && tolerate.includes(code)) return null;
      throw error;
    }
    if (task.status === 'succeeded') return task;
    if (task.status === 'failed' && task.error && tolerate.includes(task.error.code)) return task;
    const reason = task.error ? `${task.error.message} (${task.error.code})` : task.status;
    throw new AppError('unavailable', `Meilisearch: ${action}: task ${task.uid} ${task.status}: ${reason}`);
  }

  async function guarded<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toAppError(error, action);
    }
  }

  /**
   * Creates the index with primary key `id` when missing. The key must be explicit: Meilisearch infers
   * it from attributes ending in "id", and `title_id`/`description_id` would make that ambiguous.
   */
  async function ensureIndex(uid: string): Promise<void> {
    try {
      await client.getRawIndex(uid);
      return;
    } catch (error) {
      if (meiliCode(error) !== 'index_not_found') throw error;
    }
    // index_already_exists: someone else created it between our check and our request; fine.
    await settle(client.createIndex(uid, { primaryKey: PRIMARY_KEY }), `create index ${uid}`, ['index_already_exists']);
  }

  return {
    name: 'meilisearch',

    configure(synonyms) {
      return guarded('configure', async () => {
        const desired = buildSettings(toSynonymMap(synonyms));
        await ensureIndex(indexUid);
        const index = client.index(indexUid);
        const current = await index.getSettings();
        if (!settingsMatch(current, desired)) await settle(index.updateSettings(desired), 'update settings');
        configuredSynonyms = desired.synonyms as Record<string, string[]>;
      });
    },

    upsert(documents) {
      return guarded('upsert', async () => {
        if (documents.length === 0) return;
        const docs = documents.map(toMeilisearchDocument);
        await settle(client.index(indexUid).addDocuments(docs, { primaryKey: PRIMARY_KEY }), 'add documents');
      });
    },

    remove(ids) {
      return guarded('remove', async () => {
        if (ids.length === 0) return;
        await settle(client.index(indexUid).deleteDocuments([...ids]), 'delete documents');
      });
    },

    /**
     * Builds the new contents in `<uid>__next`, then swaps it with the live index in one atomic task and
     * drops the old one. Searches never see an empty or half-filled index, and if anything fails before
     * the swap the live index is untouched. (The alternative, delete-all + add on the live index, leaves
     * a window where search answers nothing.) Writes to the live index during a rebuild are lost by the
     * swap; rebuilds are rare, admin-triggered jobs. The key needs rights on both uids.
     */
    replaceAll(documents) {
      return guarded('replace all', async () => {
        await ensureIndex(indexUid);
        // A leftover from a crashed rebuild would hold stale documents: start clean.
        await settle(client.deleteIndex(nextUid), `delete index ${nextUid}`, ['index_not_found']);
        await settle(client.createIndex(nextUid, { primaryKey: PRIMARY_KEY }), `create index ${nextUid}`);
        const synonyms = configuredSynonyms ?? (await client.index(indexUid).getSynonyms());
        const next = client.index(nextUid);
        await settle(next.updateSettings(buildSettings(synonyms)), `update settings of ${nextUid}`);
        if (documents.length > 0) {
          await settle(next.addDocuments(documents.map(toMeilisearchDocument), { primaryKey: PRIMARY_KEY }), 'add documents');
        }
        await settle(client.swapIndexes([{ indexes: [indexUid, nextUid], rename: false }]), 'swap indexes');
        await settle(client.deleteIndex(nextUid), `delete index ${nextUid}`);
      });
    },

    async search(query) {
      // Validation errors (AppError 'invalid') reject before any request is sent.
      const body = buildMultiSearch(indexUid, query, 'all');
      return guarded('search', async () => {
        let results = (await client.multiSearch(body)).results as MultiSearchResultLike[];
        if (needsFallback(query, results)) {
          // Nothing has every word: the leading words, for the hits and the facet counts alike.
          results = (await client.multiSearch(buildMultiSearch(indexUid, query, 'last'))).results as MultiSearchResultLike[];
        }
        return toSearchResult(query, results);
      });
    },

    async isHealthy() {
      try {
        const health = await healthClient.health();
        return health.status === 'available';
      } catch {
        return false;
      }
    },
  };
}
