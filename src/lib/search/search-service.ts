/**
 * Choosing the search engine from config, and keeping its index in step with the database.
 * The index is derived data: it can be rebuilt from the database and content at any time.
 */
import { channel } from 'node:diagnostics_channel';
import { SAMPLE_PICTURES_CHANNEL } from '../store/signals.ts';
import type { Catalogue } from '../content/catalogue.ts';
import { findPublicProduct, listPublicProducts, countPublicProducts } from '../store/repository.ts';
import { invalidateCatalogueReads } from '../store/cached-reads.ts';
import type { Config } from '../config.ts';
import type { Queryable } from '../db/database.ts';
import { buildSynonyms, motifToDocument, productDocumentId, productToDocument } from './documents.ts';
import { createEmbeddedEngine } from './embedded-engine.ts';
import { createMeilisearchEngine } from './meilisearch-engine.ts';
import type { SearchDocument, SearchEngine, SearchFilters } from './types.ts';

export type Log = (level: 'info' | 'warn', message: string) => void;

const consoleLog: Log = (level, message) => (level === 'warn' ? console.warn(message) : console.log(message));

/** Every document of the index: the motifs, then every public product, read in pages. */
export async function* documentsFrom(db: Queryable, catalogue: Pick<Catalogue, 'motifs'>, pageSize = 200): AsyncGenerator<SearchDocument[]> {
  yield catalogue.motifs.map((m) => motifToDocument(m));
  for (let offset = 0; ; offset += pageSize) {
    const products = await listPublicProducts(db, { limit: pageSize, offset });
    if (!products.length) return;
    yield products.map((p) => productToDocument(p, { motifs: catalogue.motifs }));
    if (products.length < pageSize) return;
  }
}

/**
 * Replaces the engine's whole index from the database and content.
 * @param onProgress called with (documents indexed, documents expected).
 */
export async function rebuildIndex(
  engine: SearchEngine,
  db: Queryable,
  catalogue: Pick<Catalogue, 'motifs' | 'glossary'>,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  await engine.configure(buildSynonyms(catalogue.glossary));
  const total = catalogue.motifs.length + (await countPublicProducts(db));
  const all: SearchDocument[] = [];
  for await (const batch of documentsFrom(db, catalogue)) {
    all.push(...batch);
    onProgress(all.length, total);
  }
  await engine.replaceAll(all);
  return all.length;
}

/** Brings one product's document up to date: upserted when public, removed otherwise. */
export async function reindexProduct(engine: SearchEngine, db: Queryable, catalogue: Pick<Catalogue, 'motifs'>, slug: string): Promise<void> {
  const product = await findPublicProduct(db, slug);
  if (product) await engine.upsert([productToDocument(product, { motifs: catalogue.motifs })]);
  else await engine.remove([productDocumentId(slug)]);
  // The search index changed after the write that dropped the page caches: a search page rendered in
  // between from the old index must not stay (src/lib/ops/html-cache.ts).
  invalidateCatalogueReads(db);
}

/**
 * Brings the search index up to date for products whose stock or visibility changed. A side effect:
 * it never fails the caller (a failure is logged; `npm run search:index` or the admin rebuilds).
 * @param open the engine and catalogue, opened only when there is something to reindex.
 * @returns whether every product was reindexed.
 */
export async function reindexProducts(
  open: () => Promise<{ engine: SearchEngine; catalogue: Pick<Catalogue, 'motifs'> }>,
  db: Queryable,
  slugs: readonly string[],
): Promise<boolean> {
  if (!slugs.length) return true;
  try {
    const { engine, catalogue } = await open();
    for (const slug of new Set(slugs)) await reindexProduct(engine, db, catalogue, slug);
    return true;
  } catch (error) {
    console.error(`search: could not reindex ${slugs.join(', ')} (rebuild the index from the admin):`, error);
    return false;
  }
}

/**
 * The engine for this process. With MEILISEARCH_HOST set, Meilisearch — unless it cannot be
 * reached, in which case we say so loudly and serve with the embedded engine rather than fail.
 * The embedded engine is built from the database on open.
 */
export async function openSearchEngine(
  config: Config,
  db: Queryable,
  catalogue: Pick<Catalogue, 'motifs' | 'glossary'>,
  log: Log = consoleLog,
): Promise<SearchEngine> {
  if (config.MEILISEARCH_HOST) {
    const meili = createMeilisearchEngine({ host: config.MEILISEARCH_HOST, apiKey: config.MEILISEARCH_API_KEY, indexUid: config.MEILISEARCH_INDEX });
    if (await meili.isHealthy()) {
      await meili.configure(buildSynonyms(catalogue.glossary));
      log('info', `search: Meilisearch at ${config.MEILISEARCH_HOST}, index "${config.MEILISEARCH_INDEX}" (rebuild it with npm run search:index)`);
      return meili;
    }
    log(
      'warn',
      `search: WARNING — MEILISEARCH_HOST is set to ${config.MEILISEARCH_HOST} but Meilisearch does not answer.\n` +
        '  Serving with the embedded search engine instead. Start Meilisearch or fix MEILISEARCH_HOST / MEILISEARCH_API_KEY,\n' +
        '  then restart; unset MEILISEARCH_HOST to use the embedded engine on purpose.',
    );
  }
  const engine = createEmbeddedEngine();
  const started = Date.now();
  const count = await rebuildIndex(engine, db, catalogue);
  log('info', `search: embedded engine, ${count} documents indexed in ${Date.now() - started} ms`);
  // A first start draws the sample pictures after serving (store/sample-pictures.ts): the documents'
  // covers are motif tiles until then, and are rebuilt once every picture is in.
  channel(SAMPLE_PICTURES_CHANNEL).subscribe(() => {
    rebuildIndex(engine, db, catalogue).then(
      (n) => {
        invalidateCatalogueReads(db); // search pages kept meanwhile showed motif tiles
        log('info', `search: embedded engine, ${n} documents indexed again with the sample pictures`);
      },
      (error: unknown) => log('warn', `search: reindexing after the sample pictures failed: ${(error as Error).message}`),
    );
  });
  return engine;
}

/**
 * How many pieces the shop's listing shows for these filters: the number a "see all N pieces" link
 * announces, counted by the same engine and filters as the listing it opens.
 */
export async function countListing(engine: SearchEngine, filters: Pick<SearchFilters, 'motif' | 'region' | 'artisan'>): Promise<number> {
  const result = await engine.search({ q: '', lang: 'id', filters: { ...filters, productsOnly: true }, sort: 'newest', page: 1, pageSize: 1 });
  return result.total;
}
