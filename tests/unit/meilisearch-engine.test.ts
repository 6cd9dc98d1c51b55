/**
 * The Meilisearch adapter against a fake Meilisearch: a `node:http` server on 127.0.0.1 that records
 * every request and answers the way Meilisearch's HTTP API does (enqueued tasks for writes, task
 * polling, settings, multi-search). No real Meilisearch here; the shared contract suite runs against
 * one when MEILISEARCH_HOST is set (tests/contract/search-meilisearch.test.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/errors.ts';
import {
  buildSettings,
  createMeilisearchEngine,
  needsFallback,
  quoteFilterValue,
  toSynonymMap,
} from '../../src/lib/search/meilisearch-engine.ts';
import type { SearchDocument, SearchEngine, SearchQuery } from '../../src/lib/search/types.ts';

// ---------------------------------------------------------------------------------------------
// The fake Meilisearch

interface Recorded {
  method: string;
  /** Path with query string, e.g. `/indexes/products/documents?primaryKey=id`. */
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

interface FakeTask {
  uid: number;
  indexUid: string | null;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed';
  type: string;
  enqueuedAt: string;
  error: { message: string; code: string; type: string; link: string } | null;
}

interface FakeIndex {
  primaryKey: string | null;
  settings: Record<string, unknown>;
  documents: Map<string, Record<string, unknown>>;
}

type Json = Record<string, unknown>;

/** Settings of a fresh index, as GET /indexes/:uid/settings shows them on a recent Meilisearch. */
function defaultSettings(): Json {
  return {
    displayedAttributes: ['*'],
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: 'byWord',
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
    pagination: { maxTotalHits: 1000 },
    embedders: {},
    searchCutoffMs: null,
    localizedAttributes: null,
    facetSearch: true,
    prefixSearch: 'indexingTime',
  };
}

function apiError(code: string, message: string) {
  return { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` };
}

class FakeMeilisearch {
  readonly requests: Recorded[] = [];
  readonly indexes = new Map<string, FakeIndex>();
  readonly tasks = new Map<number, FakeTask>();
  /** Makes the next task of this type fail with this error. */
  failNext: { type: string; code: string; message: string } | null = null;
  /** Tasks never leave `enqueued` (to test the task timeout). */
  stuckTasks = false;
  /** Paths whose requests are never answered (to test the request timeout). */
  hang: RegExp | null = null;
  /** Answers POST /multi-search; by default an empty result per query. */
  multiSearch: (body: { queries: Json[] }) => unknown = (body) => ({ results: body.queries.map(emptyResult) });
  /** DELETE of a missing index answers 404 at once instead of enqueuing a task that fails. */
  deleteMissingAnswers404 = false;
  /** When set, POST /multi-search fails with this status and error body (a function: per request body). */
  multiSearchError: [number, unknown] | ((body: { queries: Json[] }) => [number, unknown] | null) | null = null;
  url = '';
  private server: Server;
  private nextTaskUid = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.indexes.clear();
    this.tasks.clear();
    this.failNext = null;
    this.stuckTasks = false;
    this.hang = null;
    this.multiSearch = (body) => ({ results: body.queries.map(emptyResult) });
    this.multiSearchError = null;
    this.deleteMissingAnswers404 = false;
  }

  /** Requests other than task polling: the ones that say what the adapter did. */
  calls(): Recorded[] {
    return this.requests.filter((r) => !r.path.startsWith('/tasks/'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    this.requests.push({ method, path, headers: req.headers, body });
    if (this.hang?.test(path)) return; // never answer; the client must time out
    const url = new URL(path, 'http://fake');
    const [status, payload] = this.route(method, url, body);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(payload === undefined ? '' : JSON.stringify(payload));
  }

  private enqueue(indexUid: string | null, type: string, apply: () => FakeTask['error']): [number, unknown] {
    const uid = this.nextTaskUid++;
    let error: FakeTask['error'] = null;
    if (this.failNext && this.failNext.type === type) {
      error = apiError(this.failNext.code, this.failNext.message);
      this.failNext = null;
    } else {
      error = apply();
    }
    const task: FakeTask = {
      uid,
      indexUid,
      status: this.stuckTasks ? 'enqueued' : error ? 'failed' : 'succeeded',
      type,
      enqueuedAt: new Date().toISOString(),
      error,
    };
    this.tasks.set(uid, task);
    return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt }];
  }

  private index(uid: string, primaryKey: string | null = null): FakeIndex {
    let index = this.indexes.get(uid);
    if (!index) {
      index = { primaryKey, settings: defaultSettings(), documents: new Map() };
      this.indexes.set(uid, index);
    }
    return index;
  }

  private route(method: string, url: URL, body: unknown): [number, unknown] {
    const p = url.pathname;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && p === '/health') return [200, { status: 'available' }];
    if (method === 'GET' && (m = p.match(/^\/tasks\/(\d+)$/))) {
      const task = this.tasks.get(Number(m[1]));
      if (!task) return [404, apiError('task_not_found', 'Task not found.')];
      return [200, { ...task, batchUid: task.uid, canceledBy: null, details: {}, duration: null, startedAt: null, finishedAt: null }];
    }
    if (method === 'POST' && p === '/indexes') {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
      return this.enqueue(uid, 'indexCreation', () => {
        if (this.indexes.has(uid)) return apiError('index_already_exists', `Index \`${uid}\` already exists.`);
        this.index(uid, primaryKey ?? null);
        return null;
      });
    }
    if (method === 'POST' && p === '/swap-indexes') {
      const [swap] = body as { indexes: [string, string]; rename: boolean }[];
      return this.enqueue(null, 'indexSwap', () => {
        const [a, b] = swap!.indexes;
        const ia = this.indexes.get(a);
        const ib = this.indexes.get(b);
        if (!ia || !ib) return apiError('index_not_found', 'Index not found.');
        this.indexes.set(a, ib);
        this.indexes.set(b, ia);
        return null;
      });
    }
    if (method === 'POST' && p === '/multi-search') {
      const request = body as { queries: Json[] };
      const error = typeof this.multiSearchError === 'function' ? this.multiSearchError(request) : this.multiSearchError;
      return error ?? [200, this.multiSearch(request)];
    }
    if ((m = p.match(/^\/indexes\/([^/]+)(\/.*)?$/))) {
      const uid = decodeURIComponent(m[1]!);
      const rest = m[2] ?? '';
      const existing = this.indexes.get(uid);
      const notFound: [number, unknown] = [404, apiError('index_not_found', `Index \`${uid}\` not found.`)];
      if (rest === '' && method === 'GET') {
        return existing ? [200, { uid, primaryKey: existing.primaryKey, createdAt: '', updatedAt: '' }] : notFound;
      }
      if (rest === '' && method === 'DELETE') {
        if (!existing && this.deleteMissingAnswers404) return notFound;
        return this.enqueue(uid, 'indexDeletion', () => (this.indexes.delete(uid) ? null : notFound[1] as FakeTask['error']));
      }
      if (rest === '/settings' && method === 'GET') return existing ? [200, sortSets(existing.settings)] : notFound;
      if (rest === '/settings/synonyms' && method === 'GET') return existing ? [200, existing.settings.synonyms] : notFound;
      if (rest === '/settings' && method === 'PATCH') {
        return this.enqueue(uid, 'settingsUpdate', () => {
          const index = this.index(uid);
          for (const [key, value] of Object.entries(body as Json)) {
            const old = index.settings[key];
            index.settings[key] =
              value && typeof value === 'object' && !Array.isArray(value) && key !== 'synonyms' && old && typeof old === 'object'
                ? { ...(old as Json), ...(value as Json) }
                : value;
          }
          return null;
        });
      }
      if (rest === '/documents' && method === 'POST') {
        return this.enqueue(uid, 'documentAdditionOrUpdate', () => {
          const index = this.index(uid, url.searchParams.get('primaryKey'));
          for (const doc of body as Json[]) index.documents.set(String(doc[index.primaryKey ?? 'id']), doc);
          return null;
        });
      }
      if (rest === '/documents/delete-batch' && method === 'POST') {
        return this.enqueue(uid, 'documentDeletion', () => {
          if (!existing) return notFound[1] as FakeTask['error'];
          for (const id of body as string[]) existing.documents.delete(id);
          return null;
        });
      }
    }
    return [404, apiError('not_found', `No route for ${method} ${p}`)];
  }
}

/** Set-like settings come back sorted, i.e. not in the order sent: the adapter must compare them as sets. */
function sortSets(settings: Json): Json {
  const copy = structuredClone(settings);
  for (const key of ['filterableAttributes', 'sortableAttributes']) {
    if (Array.isArray(copy[key])) copy[key] = [...(copy[key] as string[])].sort();
  }
  return copy;
}

function emptyResult(query: Json): Json {
  const facets = (query.facets as string[] | undefined) ?? [];
  const paging =
    query.page !== undefined
      ? { page: query.page, hitsPerPage: query.hitsPerPage, totalHits: 0, totalPages: 0 }
      : { limit: query.limit ?? 20, offset: 0, estimatedTotalHits: 0 };
  return {
    indexUid: query.indexUid,
    hits: [],
    query: query.q,
    processingTimeMs: 0,
    ...paging,
    ...(facets.length ? { facetDistribution: Object.fromEntries(facets.map((f) => [f, {}])), facetStats: {} } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const KEY = 'test-admin-key';

function productDoc(slug: string, over: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: `product-${slug}`,
    kind: 'product',
    slug,
    title: { id: `Kain ${slug}`, en: `${slug} cloth` },
    description: { id: 'Batik tulis halus', en: 'Fine hand-drawn batik' },
    motifs: ['parang'],
    motifNames: ['Parang', 'Parang (broken blade)'],
    tags: ['Kain', 'batik tulis', 'hand-drawn batik'],
    motifSynonyms: ['lereng'],
    maker: ['Sanggar Sri', 'Kotagede'],
    region: 'yogyakarta',
    technique: 'tulis',
    category: 'kain',
    colors: ['coklat'],
    priceIdr: 350_000,
    inStock: true,
    createdAt: 1_700_000_000_000,
    imageUrl: `/media/products/${slug}.webp`,
    artisan: { slug: 'bu-sri', name: 'Bu Sri' },
    ...over,
  };
}

const motifDoc: SearchDocument = {
  id: 'motif-megamendung',
  kind: 'motif',
  slug: 'megamendung',
  title: { id: 'Megamendung', en: 'Megamendung (rain clouds)' },
  description: { id: 'Awan berarak dari Cirebon', en: 'Clouds from Cirebon' },
  motifs: ['megamendung'],
  motifNames: ['Megamendung', 'Megamendung (rain clouds)'],
  region: 'cirebon',
  colors: ['biru'],
  createdAt: 1_600_000_000_000,
  imageUrl: '/art/motifs/megamendung.svg',
};

function query(over: Partial<SearchQuery> = {}): SearchQuery {
  return { q: 'parang', lang: 'id', filters: {}, sort: 'relevance', page: 1, pageSize: 24, ...over };
}

// ---------------------------------------------------------------------------------------------

const fake = new FakeMeilisearch();
let engine: SearchEngine;

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  engine = createMeilisearchEngine({ host: fake.url, apiKey: KEY, taskTimeoutMs: 2_000, timeoutMs: 2_000 });
});

const EXPECTED_SETTINGS = {
  // Order is weight (attributeRank): own motif names and title before tags, motif synonyms, maker, description.
  searchableAttributes: ['motifNames', 'title_id', 'title_en', 'tags', 'motifSynonyms', 'maker', 'description_id', 'description_en'],
  filterableAttributes: ['region', 'motifs', 'technique', 'category', 'colors', 'priceIdr', 'inStock', 'kind', 'artisan.slug'],
  // `id` (the primary key) breaks ties of the price and date sorts.
  sortableAttributes: ['priceIdr', 'createdAt', 'id'],
  // `sort` first (strict sorts, also in the `last` fallback); words → typo → attributeRank → motif
  // before product, as the embedded engine ranks; newest then id as the final tie-breakers.
  rankingRules: [
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
  ],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // Normalised by the shared rules (query-rules.ts): lower case, punctuation → space, values sorted.
  synonyms: { kopi: ['coffee'], coffee: ['kopi'], tulis: ['hand drawn', 'handdrawn'], 'hand drawn': ['handdrawn', 'tulis'], handdrawn: ['hand drawn', 'tulis'] },
  faceting: { maxValuesPerFacet: 500 },
  // Exact totals for the whole index: 100 000 products plus motifs.
  pagination: { maxTotalHits: 200_000 },
};
const SYNONYMS = [['kopi', 'coffee'], ['tulis', 'Hand-drawn', ' handdrawn ']];

describe('MeilisearchEngine: configure', () => {
  it('creates the index with primary key id, then sends exactly these settings', async () => {
    await engine.configure(SYNONYMS);
    expect(fake.calls().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /indexes/products',
      'POST /indexes',
      'GET /indexes/products/settings',
      'PATCH /indexes/products/settings',
    ]);
    expect(fake.calls()[1]!.body).toEqual({ uid: 'products', primaryKey: 'id' });
    const patch = fake.calls()[3]!;
    expect(JSON.stringify(patch.body)).toBe(JSON.stringify(EXPECTED_SETTINGS));
    // Every write was awaited: task polling happened after each enqueue.
    expect(fake.requests.filter((r) => r.path.startsWith('/tasks/')).length).toBeGreaterThanOrEqual(2);
  });

  it('is idempotent: a second run with the same synonyms reads and sends nothing else', async () => {
    await engine.configure(SYNONYMS);
    fake.requests.length = 0;
    await engine.configure([['coffee', 'KOPI'], ['tulis', 'Hand drawn', 'handdrawn']]);
    expect(fake.calls().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /indexes/products', 'GET /indexes/products/settings']);
    // A fresh engine (a restart) against the configured index: same.
    fake.requests.length = 0;
    await createMeilisearchEngine({ host: fake.url, apiKey: KEY }).configure(SYNONYMS);
    expect(fake.calls().some((r) => r.method !== 'GET')).toBe(false);
  });

  it('sends an update when the synonyms changed, and the result is what a first run gives', async () => {
    await engine.configure(SYNONYMS);
    fake.requests.length = 0;
    await engine.configure([['kopi', 'coffee', 'kawa']]);
    const patch = fake.calls().find((r) => r.method === 'PATCH');
    expect((patch?.body as { synonyms: unknown }).synonyms).toEqual({
      kopi: ['coffee', 'kawa'],
      coffee: ['kawa', 'kopi'],
      kawa: ['coffee', 'kopi'],
    });
    expect(fake.indexes.get('products')!.settings.synonyms).toEqual(toSynonymMap([['kopi', 'coffee', 'kawa']]));
  });

  it('uses a configurable index uid', async () => {
    const other = createMeilisearchEngine({ host: fake.url, apiKey: KEY, indexUid: 'canting-products' });
    await other.configure([]);
    expect(fake.indexes.has('canting-products')).toBe(true);
    expect(fake.calls()[0]!.path).toBe('/indexes/canting-products');
  });

  it('builds synonym maps: every word to all the others, merged across groups', () => {
    expect(toSynonymMap([['a', 'b'], ['b', 'c'], ['solo']])).toEqual({ a: ['b'], b: ['a', 'c'], c: ['b'] });
    expect(buildSettings({}).synonyms).toEqual({});
  });

  it('turns a failed task into AppError(unavailable) carrying the task error message', async () => {
    fake.failNext = { type: 'settingsUpdate', code: 'invalid_settings_ranking_rules', message: 'Unknown ranking rule `kindRank`' };
    const error = await engine.configure([]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toContain('Unknown ranking rule `kindRank`');
  });

  it('gives up waiting for a task after taskTimeoutMs: AppError(unavailable)', async () => {
    fake.stuckTasks = true;
    const quick = createMeilisearchEngine({ host: fake.url, apiKey: KEY, taskTimeoutMs: 200 });
    const started = Date.now();
    const error = await quick.upsert([productDoc('a')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('MeilisearchEngine: documents', () => {
  it('upserts flattened documents with primaryKey=id', async () => {
    await engine.upsert([productDoc('kain-parang'), motifDoc]);
    const [add] = fake.calls();
    expect(add!.method).toBe('POST');
    expect(add!.path).toBe('/indexes/products/documents?primaryKey=id');
    expect(add!.body).toEqual([
      {
        id: 'product-kain-parang',
        title_id: 'Kain kain-parang',
        title_en: 'kain-parang cloth',
        description_id: 'Batik tulis halus',
        description_en: 'Fine hand-drawn batik',
        motifNames: ['Parang', 'Parang (broken blade)'],
        tags: ['Kain', 'batik tulis', 'hand-drawn batik'],
        motifSynonyms: ['lereng'],
        maker: ['Sanggar Sri', 'Kotagede'],
        motifs: ['parang'],
        region: 'yogyakarta',
        technique: 'tulis',
        category: 'kain',
        colors: ['coklat'],
        priceIdr: 350_000,
        inStock: true,
        createdAt: 1_700_000_000_000,
        kind: 'product',
        kindRank: 1,
        slug: 'kain-parang',
        imageUrl: '/media/products/kain-parang.webp',
        artisan: { slug: 'bu-sri', name: 'Bu Sri' },
      },
      {
        id: 'motif-megamendung',
        title_id: 'Megamendung',
        title_en: 'Megamendung (rain clouds)',
        description_id: 'Awan berarak dari Cirebon',
        description_en: 'Clouds from Cirebon',
        motifNames: ['Megamendung', 'Megamendung (rain clouds)'],
        tags: [],
        motifSynonyms: [],
        maker: [],
        motifs: ['megamendung'],
        region: 'cirebon',
        technique: null,
        category: null,
        colors: ['biru'],
        priceIdr: null,
        inStock: null,
        createdAt: 1_600_000_000_000,
        kind: 'motif',
        kindRank: 0,
        slug: 'megamendung',
        imageUrl: '/art/motifs/megamendung.svg',
        artisan: null,
      },
    ]);
  });

  it('deletes by ids through delete-batch', async () => {
    await engine.upsert([productDoc('a'), productDoc('b')]);
    fake.requests.length = 0;
    await engine.remove(['product-a', 'motif-x']);
    expect(fake.calls().map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/indexes/products/documents/delete-batch', ['product-a', 'motif-x']],
    ]);
    expect([...fake.indexes.get('products')!.documents.keys()]).toEqual(['product-b']);
  });

  it('sends nothing for empty upserts and removals', async () => {
    await engine.upsert([]);
    await engine.remove([]);
    expect(fake.requests).toEqual([]);
  });

  it('replaceAll builds <uid>__next, swaps it in atomically and drops the old index', async () => {
    await engine.configure(SYNONYMS);
    await engine.upsert([productDoc('old')]);
    fake.requests.length = 0;

    await engine.replaceAll([productDoc('new'), motifDoc]);

    expect(fake.calls().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /indexes/products',
      'DELETE /indexes/products__next',
      'POST /indexes',
      'PATCH /indexes/products__next/settings',
      'POST /indexes/products__next/documents?primaryKey=id',
      'POST /swap-indexes',
      'DELETE /indexes/products__next',
    ]);
    expect(fake.calls()[2]!.body).toEqual({ uid: 'products__next', primaryKey: 'id' });
    expect(fake.calls()[3]!.body).toEqual(EXPECTED_SETTINGS);
    expect(fake.calls()[5]!.body).toEqual([{ indexes: ['products', 'products__next'], rename: false }]);
    const live = fake.indexes.get('products')!;
    expect([...live.documents.keys()].sort()).toEqual(['motif-megamendung', 'product-new']);
    expect(live.primaryKey).toBe('id');
    expect(fake.indexes.has('products__next')).toBe(false);
  });

  it('replaceAll accepts a missing __next index reported as a failed task or as an immediate 404', async () => {
    await engine.replaceAll([productDoc('one')]);
    fake.deleteMissingAnswers404 = true;
    await engine.replaceAll([productDoc('two')]);
    expect([...fake.indexes.get('products')!.documents.keys()]).toEqual(['product-two']);
  });

  it('replaceAll without a configure() in this process copies the live synonyms', async () => {
    await engine.configure(SYNONYMS);
    const fresh = createMeilisearchEngine({ host: fake.url, apiKey: KEY });
    fake.requests.length = 0;
    await fresh.replaceAll([productDoc('a')]);
    expect(fake.calls().some((r) => r.path === '/indexes/products/settings/synonyms')).toBe(true);
    expect(fake.indexes.get('products')!.settings.synonyms).toEqual(EXPECTED_SETTINGS.synonyms);
  });

  it('replaceAll leaves the live index untouched when the new documents are rejected', async () => {
    await engine.configure([]);
    await engine.upsert([productDoc('keep')]);
    fake.failNext = { type: 'documentAdditionOrUpdate', code: 'invalid_document_id', message: 'Document identifier `bad id` is invalid.' };
    const error = await engine.replaceAll([productDoc('bad id')]).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toContain('Document identifier `bad id` is invalid.');
    expect([...fake.indexes.get('products')!.documents.keys()]).toEqual(['product-keep']);
    expect(fake.requests.some((r) => r.path === '/swap-indexes')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Search request bodies

const FACET_ATTRS = ['region', 'motifs', 'technique', 'category', 'colors'] as const;

/**
 * The expected multi-search body, from literal filter strings: `main` is the main query's filter,
 * `facets` the filter of each facet query (region, motifs, technique, category, colors).
 */
function expectedBody(opts: {
  q?: string;
  strategy?: 'all' | 'last';
  lang?: 'id' | 'en';
  main?: string;
  sort?: string[];
  page?: number;
  hitsPerPage?: number;
  facets: readonly [string, string, string, string, string];
}) {
  const lang = opts.lang ?? 'id';
  const common = {
    indexUid: 'products',
    q: opts.q ?? 'parang',
    attributesToSearchOn: ['motifNames', `title_${lang}`, 'tags', 'motifSynonyms', 'maker', `description_${lang}`],
    matchingStrategy: opts.strategy ?? 'all',
  };
  return {
    queries: [
      {
        ...common,
        page: opts.page ?? 1,
        hitsPerPage: opts.hitsPerPage ?? 24,
        attributesToRetrieve: ['id', 'kind', 'slug', `title_${lang}`, 'motifs', 'region', 'priceIdr', 'imageUrl', 'inStock', 'artisan'],
        ...(opts.main !== undefined ? { filter: opts.main } : {}),
        ...(opts.sort ? { sort: opts.sort } : {}),
      },
      ...FACET_ATTRS.map((attr, i) => ({ ...common, limit: 0, facets: [attr], filter: opts.facets[i] })),
    ],
  };
}

const P = 'kind = "product"';
const all5 = (f: string) => [f, f, f, f, f] as const;

/** Every POST /multi-search body one search sent (one, or two with the `last` fallback). */
async function sentBodies(q: SearchQuery): Promise<unknown[]> {
  fake.requests.length = 0;
  await engine.search(q);
  const posts = fake.requests.filter((r) => r.path === '/multi-search');
  for (const post of posts) expect(post.method).toBe('POST');
  return posts.map((r) => r.body);
}

async function sentBody(q: SearchQuery): Promise<unknown> {
  const bodies = await sentBodies(q);
  expect(bodies).toHaveLength(1);
  return bodies[0];
}

/** Makes the fake answer `totalHits` for the main query under `all` (and nothing under `last`). */
function answerTotal(totalHits: number): void {
  fake.multiSearch = (body) => ({
    results: body.queries.map((q, i) =>
      i === 0 && q.matchingStrategy === 'all' ? { ...emptyResult(q), totalHits, totalPages: Math.ceil(totalHits / Number(q.hitsPerPage)) } : emptyResult(q),
    ),
  });
}

describe('MeilisearchEngine: search requests', () => {
  it('no filters: motifs included, every facet counted over products', async () => {
    expect(await sentBody(query())).toEqual(expectedBody({ facets: all5(P) }));
  });

  it('one region: the main query and the other facets filter by it; the region facet does not', async () => {
    const R = 'region = "cirebon"';
    expect(await sentBody(query({ filters: { region: ['cirebon'] } }))).toEqual(
      expectedBody({ main: R, facets: [P, `${R} AND ${P}`, `${R} AND ${P}`, `${R} AND ${P}`, `${R} AND ${P}`] }),
    );
  });

  it('two regions: OR within the facet', async () => {
    const R = '(region = "cirebon" OR region = "pekalongan")';
    expect(await sentBody(query({ filters: { region: ['cirebon', 'pekalongan'] } }))).toEqual(
      expectedBody({ main: R, facets: [P, `${R} AND ${P}`, `${R} AND ${P}`, `${R} AND ${P}`, `${R} AND ${P}`] }),
    );
  });

  it('region + technique: AND across facets; technique is product-only, so no motifs', async () => {
    const R = 'region = "pekalongan"';
    const T = 'technique = "cap"';
    expect(await sentBody(query({ filters: { region: ['pekalongan'], technique: ['cap'] } }))).toEqual(
      expectedBody({
        main: `${R} AND ${T} AND ${P}`,
        facets: [`${T} AND ${P}`, `${R} AND ${T} AND ${P}`, `${R} AND ${P}`, `${R} AND ${T} AND ${P}`, `${R} AND ${T} AND ${P}`],
      }),
    );
  });

  it('motif filter keeps motif documents (they list themselves)', async () => {
    const M = 'motifs = "parang"';
    expect(await sentBody(query({ filters: { motif: ['parang'] } }))).toEqual(
      expectedBody({ main: M, facets: [`${M} AND ${P}`, P, `${M} AND ${P}`, `${M} AND ${P}`, `${M} AND ${P}`] }),
    );
  });

  it('price range: numbers, in every facet query', async () => {
    const PR = 'priceIdr >= 100000 AND priceIdr <= 500000';
    expect(await sentBody(query({ filters: { minPrice: 100_000, maxPrice: 500_000 } }))).toEqual(
      expectedBody({ main: `${PR} AND ${P}`, facets: all5(`${PR} AND ${P}`) }),
    );
  });

  it('inStock', async () => {
    expect(await sentBody(query({ filters: { inStock: true } }))).toEqual(
      expectedBody({ main: `inStock = true AND ${P}`, facets: all5(`inStock = true AND ${P}`) }),
    );
  });

  it('colour (two values) maps to the colors attribute', async () => {
    const C = '(colors = "biru" OR colors = "merah")';
    expect(await sentBody(query({ filters: { color: ['biru', 'merah'] } }))).toEqual(
      expectedBody({ main: `${C} AND ${P}`, facets: [`${C} AND ${P}`, `${C} AND ${P}`, `${C} AND ${P}`, `${C} AND ${P}`, P] }),
    );
  });

  it.each([
    ['price_asc', ['priceIdr:asc', 'id:asc']],
    ['price_desc', ['priceIdr:desc', 'id:asc']],
    ['newest', ['createdAt:desc', 'id:asc']],
  ] as const)('sort %s: sort param with ties by id, products only', async (sort, param) => {
    expect(await sentBody(query({ sort }))).toEqual(expectedBody({ main: P, sort: [...param], facets: all5(P) }));
  });

  it('page 3 in English, empty query', async () => {
    expect(await sentBody(query({ q: '  ', lang: 'en', page: 3, pageSize: 12 }))).toEqual(
      expectedBody({ q: '', lang: 'en', page: 3, hitsPerPage: 12, facets: all5(P) }),
    );
  });

  it('everything at once', async () => {
    const R = 'region = "cirebon"';
    const M = '(motifs = "megamendung" OR motifs = "wadasan")';
    const T = 'technique = "tulis"';
    const K = 'category = "kain"';
    const C = 'colors = "biru"';
    const rest = 'priceIdr >= 0 AND priceIdr <= 2500000.5 AND inStock = true';
    const filters = {
      region: ['cirebon'],
      motif: ['megamendung', 'wadasan'],
      technique: ['tulis'],
      category: ['kain'],
      color: ['biru'],
      minPrice: 0,
      maxPrice: 2_500_000.5,
      inStock: true,
    };
    expect(await sentBody(query({ filters, sort: 'newest' }))).toEqual(
      expectedBody({
        main: `${R} AND ${M} AND ${T} AND ${K} AND ${C} AND ${rest} AND ${P}`,
        sort: ['createdAt:desc', 'id:asc'],
        facets: [
          `${M} AND ${T} AND ${K} AND ${C} AND ${rest} AND ${P}`,
          `${R} AND ${T} AND ${K} AND ${C} AND ${rest} AND ${P}`,
          `${R} AND ${M} AND ${K} AND ${C} AND ${rest} AND ${P}`,
          `${R} AND ${M} AND ${T} AND ${C} AND ${rest} AND ${P}`,
          `${R} AND ${M} AND ${T} AND ${K} AND ${rest} AND ${P}`,
        ],
      }),
    );
  });

  it('inStock: false is no filter: no clause, motifs kept (as in the embedded engine)', async () => {
    expect(await sentBody(query({ filters: { inStock: false } }))).toEqual(expectedBody({ facets: all5(P) }));
    const R = 'region = "cirebon"';
    expect(await sentBody(query({ filters: { region: ['cirebon'], inStock: false } }))).toEqual(
      expectedBody({ main: R, facets: [P, `${R} AND ${P}`, `${R} AND ${P}`, `${R} AND ${P}`, `${R} AND ${P}`] }),
    );
  });

  it('empty filter lists are no filters', async () => {
    expect(await sentBody(query({ filters: { region: [], technique: [], color: [] } }))).toEqual(expectedBody({ facets: all5(P) }));
  });

  it('clamps paging like the embedded engine (query-rules.ts)', async () => {
    expect(await sentBody(query({ page: 0, pageSize: 500 }))).toEqual(expectedBody({ page: 1, hitsPerPage: 60, facets: all5(P) }));
    expect(await sentBody(query({ page: 2.7, pageSize: 0 }))).toEqual(expectedBody({ page: 2, hitsPerPage: 1, facets: all5(P) }));
    const result = await engine.search(query({ page: -1, pageSize: 1000 }));
    expect([result.page, result.pageSize]).toEqual([1, 60]);
  });

  it('rejects bad filter values before sending anything', async () => {
    for (const bad of [
      query({ filters: { minPrice: Number.NaN } }),
      query({ filters: { maxPrice: Number.POSITIVE_INFINITY } }),
      query({ filters: { minPrice: '100 OR kind = "motif"' as unknown as number } }),
      query({ filters: { inStock: 'true' as unknown as boolean } }),
    ]) {
      const error = await engine.search(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid');
    }
    expect(fake.requests).toEqual([]);
  });
});

describe('MeilisearchEngine: the query text sent', () => {
  // A full match under `all`, so no fallback request muddles the single body.
  beforeEach(() => answerTotal(1));

  it.each([
    ['parang', 'parang'],
    ['  Parang  ', 'parang '],
    ['KOPI', 'kopi'],
    ['Kopí', 'kopi'],
    ['Mégá Méndung', 'mega mendung'],
    ['Mega-Mendung', 'mega mendung'],
    // Phrase quotes: plain words; a closing quote ends the query with a separator, so no prefix.
    ['"mega mendung"', 'mega mendung '],
    ['kopi"', 'kopi '],
    // A leading minus would be Meilisearch's negation operator: here it is only a separator.
    ['-kopi', 'kopi'],
    ['kopi -nanas', 'kopi nanas'],
    ['NOT kopi', 'not kopi'],
    ['kopi OR nanas', 'kopi or nanas'],
    ['region = cirebon', 'region cirebon'],
    ['(kopi)', 'kopi '],
    ['kopi*', 'kopi '],
    ['\\"kopi\\"', 'kopi '],
    ['\u0000kopi', 'kopi'],
    ['kopi ☕', 'kopi '],
    ['☕kopi', 'kopi'],
    // The first 10 words; words were cut, so the last one kept is no prefix.
    ['a b c d e f g h i j k l', 'a b c d e f g h i j '],
  ])('%j is sent as q %j', async (input, q) => {
    expect(await sentBody(query({ q: input }))).toEqual(expectedBody({ q, facets: all5(P) }));
  });

  it.each(['', '   ', '"', '()', '-', '☕', '🙂🙂🙂', '\\'])('a query without words (%j) is a placeholder search', async (input) => {
    expect(await sentBody(query({ q: input }))).toEqual(expectedBody({ q: '', facets: all5(P) }));
  });

  it('a non-string q is an empty query', async () => {
    expect(await sentBody(query({ q: undefined as unknown as string }))).toEqual(expectedBody({ q: '', facets: all5(P) }));
  });
});

describe('MeilisearchEngine: `last` fallback', () => {
  const HIT = {
    id: 'product-kain-parang',
    kind: 'product',
    slug: 'kain-parang',
    title_id: 'Kain Parang',
    motifs: ['parang'],
    region: 'solo',
    priceIdr: 450_000,
    imageUrl: '/media/p.webp',
    inStock: true,
    artisan: null,
  };

  /** Nothing under `all`; under `last`, one hit, a total of 5 and region counts. */
  function answerOnlyLast(): void {
    fake.multiSearch = (body) => ({
      results: body.queries.map((q, i) => {
        if (q.matchingStrategy !== 'last') return emptyResult(q);
        if (i === 0) return { ...emptyResult(q), hits: [HIT], totalHits: 5, totalPages: 1 };
        const attr = (q.facets as string[])[0]!;
        return { ...emptyResult(q), facetDistribution: { [attr]: attr === 'region' ? { solo: 3, yogyakarta: 2 } : {} } };
      }),
    });
  }

  it('searches again with `last` when `all` finds nothing for two words, hits and facets alike', async () => {
    answerOnlyLast();
    const bodies = await sentBodies(query({ q: 'Parang Sutra' }));
    expect(bodies).toEqual([
      expectedBody({ q: 'parang sutra', strategy: 'all', facets: all5(P) }),
      expectedBody({ q: 'parang sutra', strategy: 'last', facets: all5(P) }),
    ]);
    const result = await engine.search(query({ q: 'Parang Sutra' }));
    expect(result).toEqual({
      hits: [
        {
          id: 'product-kain-parang',
          kind: 'product',
          slug: 'kain-parang',
          title: 'Kain Parang',
          motifs: ['parang'],
          region: 'solo',
          priceIdr: 450_000,
          imageUrl: '/media/p.webp',
          inStock: true,
          artisan: null,
        },
      ],
      facets: { region: { solo: 3, yogyakarta: 2 }, motif: {}, technique: {}, category: {}, color: {} },
      total: 5,
      page: 1,
      pageSize: 24,
    });
  });

  it('keeps filters, sort and paging in the fallback; only the strategy changes', async () => {
    answerOnlyLast();
    const R = 'region = "cirebon"';
    const T = 'technique = "cap"';
    const over = { q: 'kopi sutra', filters: { region: ['cirebon'], technique: ['cap'] }, sort: 'price_asc' as const, page: 2, pageSize: 10 };
    const expected = (strategy: 'all' | 'last') =>
      expectedBody({
        q: 'kopi sutra',
        strategy,
        main: `${R} AND ${T} AND ${P}`,
        sort: ['priceIdr:asc', 'id:asc'],
        page: 2,
        hitsPerPage: 10,
        facets: [`${T} AND ${P}`, `${R} AND ${T} AND ${P}`, `${R} AND ${P}`, `${R} AND ${T} AND ${P}`, `${R} AND ${T} AND ${P}`],
      });
    expect(await sentBodies(query(over))).toEqual([expected('all'), expected('last')]);
  });

  it('counts words after normalisation: a hyphen makes two, quotes and a minus do not', async () => {
    answerOnlyLast();
    expect(await sentBodies(query({ q: 'kopi-sutra' }))).toHaveLength(2);
    expect(await sentBodies(query({ q: '-kopi"' }))).toHaveLength(1);
    expect(await sentBodies(query({ q: '"kopi" ☕' }))).toHaveLength(1);
  });

  it('does not fall back for one word, an empty query, or when `all` found something', async () => {
    answerOnlyLast();
    expect(await sentBodies(query({ q: 'parang' }))).toEqual([expectedBody({ q: 'parang', facets: all5(P) })]);
    expect(await sentBodies(query({ q: '   ' }))).toHaveLength(1);
    // Page past the end: no hits on this page, but `all` matched 3 documents; the total says so.
    answerTotal(3);
    expect(await sentBodies(query({ q: 'kopi sutra', page: 9 }))).toHaveLength(1);
    const result = await engine.search(query({ q: 'kopi sutra', page: 9 }));
    expect([result.hits, result.total]).toEqual([[], 3]);
  });

  it('decides from the main query total only', () => {
    const q = query({ q: 'kopi sutra' });
    expect(needsFallback(q, [{ totalHits: 0 }, { totalHits: 0 }])).toBe(true);
    expect(needsFallback(q, [{ totalHits: 0, hits: [] }, { totalHits: 4 }])).toBe(true);
    expect(needsFallback(q, [{ totalHits: 1 }])).toBe(false);
    expect(needsFallback(q, [])).toBe(false);
    expect(needsFallback(query({ q: 'kopi' }), [{ totalHits: 0 }])).toBe(false);
  });

  it('a failing fallback request is AppError(unavailable), like the first', async () => {
    // The `all` answer is empty (fallback needed); the `last` request gets a 503.
    fake.multiSearchError = (body) =>
      body.queries[0]!.matchingStrategy === 'last' ? [503, apiError('internal', 'Meilisearch is restarting')] : null;
    const error = await engine.search(query({ q: 'kopi sutra' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toContain('Meilisearch is restarting');
    expect(fake.requests.filter((r) => r.path === '/multi-search')).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Escaping

/**
 * Reads one double-quoted value the way Meilisearch's filter parser does (crates/filter-parser
 * value.rs: a backslash takes the next character, the first unescaped quote ends the value, then
 * `\"` and `\\` are unescaped). Returns the value and what follows it.
 */
function readQuoted(input: string): { value: string; rest: string } {
  if (input[0] !== '"') throw new Error(`not quoted: ${input}`);
  let i = 1;
  let raw = '';
  while (i < input.length && input[i] !== '"') {
    if (input[i] === '\\') {
      raw += input.slice(i, i + 2);
      i += 2;
    } else {
      raw += input[i];
      i += 1;
    }
  }
  if (input[i] !== '"') throw new Error(`unterminated: ${input}`);
  return { value: raw.replace(/\\(["\\])/g, '$1'), rest: input.slice(i + 1) };
}

const HOSTILE = [
  'a"b',
  'ends with \\',
  '\\"',
  '"',
  '\\',
  '\\\\"\\',
  'x" OR kind = "motif',
  'cirebon OR pekalongan',
  'a AND b',
  'a = b',
  'a) OR (b',
  '1 TO 5',
  "it's",
  'NOT EXISTS',
  '🌧️ mega☁️mendung 👩🏽‍🎨',
  '',
  '   ',
  'line\nbreak\ttab',
];

describe('MeilisearchEngine: filter escaping', () => {
  it('quotes with double quotes and escapes only backslash and double quote', () => {
    expect(quoteFilterValue('cirebon')).toBe('"cirebon"');
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue('a\\b')).toBe('"a\\\\b"');
    expect(quoteFilterValue('x" OR kind = "motif')).toBe('"x\\" OR kind = \\"motif"');
    expect(quoteFilterValue('1 TO 5')).toBe('"1 TO 5"');
    expect(quoteFilterValue('🌧️')).toBe('"🌧️"');
  });

  it.each(HOSTILE)('keeps %j a literal inside one quoted value', async (value) => {
    const body = (await sentBody(query({ filters: { region: [value] } }))) as { queries: { filter?: string }[] };
    const filter = body.queries[0]!.filter!;
    expect(filter.startsWith('region = "')).toBe(true);
    const { value: parsed, rest } = readQuoted(filter.slice('region = '.length));
    expect(parsed).toBe(value);
    expect(rest).toBe(''); // nothing leaked out of the quotes
    // And in a facet query, where the value is followed by more conditions:
    const { value: again, rest: after } = readQuoted(body.queries[2]!.filter!.slice('region = '.length));
    expect(again).toBe(value);
    expect(after).toBe(` AND ${P}`);
  });

  it('keeps every value of a multi-value facet separate', async () => {
    const body = (await sentBody(query({ filters: { motif: ['a" OR motifs = "b', '\\'] } }))) as { queries: { filter?: string }[] };
    let rest = body.queries[0]!.filter!;
    expect(rest.startsWith('(motifs = ')).toBe(true);
    const first = readQuoted(rest.slice('(motifs = '.length));
    expect(first.value).toBe('a" OR motifs = "b');
    expect(first.rest.startsWith(' OR motifs = ')).toBe(true);
    rest = first.rest.slice(' OR motifs = '.length);
    const second = readQuoted(rest);
    expect(second.value).toBe('\\');
    expect(second.rest).toBe(')');
  });
});

// ---------------------------------------------------------------------------------------------
// Responses

describe('MeilisearchEngine: search responses', () => {
  it('maps hits, totals and the five facet distributions', async () => {
    fake.multiSearch = (body) => ({
      results: [
        {
          indexUid: 'products',
          query: 'parang',
          processingTimeMs: 1,
          page: 2,
          hitsPerPage: 2,
          totalHits: 7,
          totalPages: 4,
          hits: [
            {
              id: 'motif-parang',
              kind: 'motif',
              slug: 'parang',
              title_en: 'Parang (broken blade)',
              motifs: ['parang'],
              region: 'yogyakarta',
              priceIdr: null,
              imageUrl: '/art/motifs/parang.svg',
              inStock: null,
              artisan: null,
            },
            {
              id: 'product-kain-parang',
              kind: 'product',
              slug: 'kain-parang',
              title_en: 'Parang cloth',
              motifs: ['parang', 'kawung'],
              region: 'solo',
              priceIdr: 450_000,
              imageUrl: '/media/p.webp',
              inStock: false,
              artisan: { slug: 'bu-sri', name: 'Bu Sri' },
            },
          ],
        },
        ...(body.queries.slice(1) as Json[]).map((q) => {
          const attr = (q.facets as string[])[0]!;
          const counts: Record<string, Record<string, number>> = {
            region: { solo: 4, yogyakarta: 2 },
            motifs: { parang: 6, kawung: 1 },
            technique: { tulis: 5 },
            category: {}, // no values: still present
            colors: { coklat: 3, biru: 1 },
          };
          return { ...emptyResult(q), facetDistribution: attr === 'category' ? {} : { [attr]: counts[attr] } };
        }),
      ],
    });
    const result = await engine.search(query({ lang: 'en', page: 2, pageSize: 2 }));
    expect(result).toEqual({
      hits: [
        {
          id: 'motif-parang',
          kind: 'motif',
          slug: 'parang',
          title: 'Parang (broken blade)',
          motifs: ['parang'],
          region: 'yogyakarta',
          priceIdr: null,
          imageUrl: '/art/motifs/parang.svg',
          inStock: null,
          artisan: null,
        },
        {
          id: 'product-kain-parang',
          kind: 'product',
          slug: 'kain-parang',
          title: 'Parang cloth',
          motifs: ['parang', 'kawung'],
          region: 'solo',
          priceIdr: 450_000,
          imageUrl: '/media/p.webp',
          inStock: false,
          artisan: { slug: 'bu-sri', name: 'Bu Sri' },
        },
      ],
      facets: {
        region: { solo: 4, yogyakarta: 2 },
        motif: { parang: 6, kawung: 1 },
        technique: { tulis: 5 },
        category: {},
        color: { coklat: 3, biru: 1 },
      },
      total: 7,
      page: 2,
      pageSize: 2,
    });
  });

  it('an empty answer still has all five facets', async () => {
    const result = await engine.search(query());
    expect(result).toEqual({
      hits: [],
      facets: { region: {}, motif: {}, technique: {}, category: {}, color: {} },
      total: 0,
      page: 1,
      pageSize: 24,
    });
  });

  it('a missing index (404) is AppError(unavailable) with Meilisearch’s message', async () => {
    fake.multiSearchError = [404, apiError('index_not_found', 'Inside `.queries[0]`: Index `products` not found.')];
    const error = await engine.search(query()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toContain('Index `products` not found.');
  });

  it('a rejected request (400) is our bug: AppError(internal)', async () => {
    fake.multiSearchError = [400, apiError('invalid_search_filter', 'Inside `.queries[0]`: Was expecting a value')];
    const error = await engine.search(query()).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('internal');
  });

  it('an answer with the wrong number of results is AppError(unavailable)', async () => {
    fake.multiSearch = () => ({ results: [] });
    const error = await engine.search(query()).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('unavailable');
  });

  it('times out after timeoutMs: AppError(unavailable)', async () => {
    fake.hang = /^\/multi-search/;
    const quick = createMeilisearchEngine({ host: fake.url, apiKey: KEY, timeoutMs: 150 });
    const started = Date.now();
    const error = await quick.search(query()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('MeilisearchEngine: key and health', () => {
  it('sends the key as a Bearer token on every request', async () => {
    await engine.configure([]);
    await engine.upsert([productDoc('a')]);
    await engine.search(query());
    await engine.isHealthy();
    expect(fake.requests.length).toBeGreaterThan(5);
    for (const r of fake.requests) expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('isHealthy is true when /health answers available', async () => {
    expect(await engine.isHealthy()).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /health']);
  });

  it('isHealthy is false when the server hangs (after the short health timeout)', async () => {
    fake.hang = /^\/health/;
    const started = Date.now();
    const probe = createMeilisearchEngine({ host: fake.url, apiKey: KEY, healthTimeoutMs: 150 });
    expect(await probe.isHealthy()).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('isHealthy is false, and calls fail as unavailable, when nothing listens', async () => {
    const down = new FakeMeilisearch();
    await down.start();
    const url = down.url;
    await down.stop();
    const dead = createMeilisearchEngine({ host: url, apiKey: KEY, timeoutMs: 1_000 });
    expect(await dead.isHealthy()).toBe(false);
    const error = await dead.search(query()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
  });
});

afterEach(() => {
  fake.hang = null;
});
