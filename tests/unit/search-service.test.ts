import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan, createProduct } from '../../src/lib/store/repository.ts';
import { openSearchEngine, reindexProduct } from '../../src/lib/search/search-service.ts';
import { onCatalogueWrite } from '../../src/lib/store/cached-reads.ts';
import type { Catalogue } from '../../src/lib/content/catalogue.ts';
import { buildMotif } from '../fixtures/builders.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const catalogue = {
  motifs: [{ id: 'kopi', ...buildMotif({ name: { id: 'Kopi Semende', en: 'Kopi Semende (coffee)' }, synonyms: { id: ['kopi'], en: ['coffee'] } }) }],
  glossary: [],
} as unknown as Pick<Catalogue, 'motifs' | 'glossary'>;

describe('choosing the search engine', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPgliteDatabase('memory://');
    await migrate(db);
    const artisan = await createArtisan(db, buildArtisanInput({ status: 'approved' }));
    await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-kopi', title: { id: 'Kain Kopi', en: 'Coffee cloth' } }));
  });
  afterAll(async () => db?.close());

  it('falls back to the embedded engine, loudly, when Meilisearch does not answer', async () => {
    const config = loadConfig({ MEILISEARCH_HOST: `http://127.0.0.1:${await closedPort()}` });
    const lines: [string, string][] = [];
    const engine = await openSearchEngine(config, db, catalogue, (level, message) => lines.push([level, message]));
    expect(engine.name).toBe('embedded');
    expect(lines.some(([level, m]) => level === 'warn' && /MEILISEARCH_HOST is set to .* but Meilisearch does not answer/.test(m))).toBe(true);
    const result = await engine.search({ q: 'coffee', lang: 'en', filters: {}, sort: 'relevance', page: 1, pageSize: 10 });
    expect(result.hits.map((h) => h.slug)).toEqual(['kopi', 'kain-kopi']);
  });

  it('uses the embedded engine quietly when no Meilisearch is configured, and follows product changes', async () => {
    const lines: [string, string][] = [];
    const engine = await openSearchEngine(loadConfig({}), db, catalogue, (level, message) => lines.push([level, message]));
    expect(lines.filter(([level]) => level === 'warn')).toEqual([]);
    await db.query(`UPDATE products SET status = 'archived' WHERE slug = 'kain-kopi'`);
    await reindexProduct(engine, db, catalogue, 'kain-kopi');
    const result = await engine.search({ q: 'kopi', lang: 'id', filters: {}, sort: 'relevance', page: 1, pageSize: 10 });
    expect(result.hits.map((h) => h.slug)).toEqual(['kopi']);
  });

  it('drops the page caches once the index has the change (a search page rendered in between must not stay)', async () => {
    const engine = await openSearchEngine(loadConfig({}), db, catalogue, () => undefined);
    let signals = 0;
    const stop = onCatalogueWrite(() => signals++);
    try {
      await reindexProduct(engine, db, catalogue, 'kain-kopi');
    } finally {
      stop();
    }
    expect(signals).toBe(1);
  });
});
