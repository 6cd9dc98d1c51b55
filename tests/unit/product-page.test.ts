/** A piece's page view model, on PGlite: availability, quantities, language fallback, structured data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArtisan, createProduct } from '../../src/lib/store/repository.ts';
import { invalidateCatalogueReads } from '../../src/lib/store/cached-reads.ts';
import { productPageData } from '../../src/lib/commerce/product-page.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { buildMotif, buildRegion } from '../fixtures/builders.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';

describe('productPageData', () => {
  let db: Database;
  const site = new URL('https://canting.example');
  const catalogue = { motifs: [{ ...buildMotif(), id: 'kopi' }], techniques: [], regions: [{ ...buildRegion(), id: 'muara-enim' }] };

  beforeAll(async () => {
    db = await openPgliteDatabase('memory://');
    await migrate(db);
    const artisan = await createArtisan(db, buildArtisanInput({ status: 'approved', whatsapp: '+6281200000000' }));
    await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-banyak', stock: 150, oneOfAKind: false, motifs: ['kopi'] }));
    await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-satu', stock: 1, oneOfAKind: true }));
    await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-pesan', stock: 0, oneOfAKind: false, leadTimeDays: 21 }));
    await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-habis', stock: 0, oneOfAKind: false }));
    await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-id', title: { id: 'Kain Kopi', en: '' } }));
    invalidateCatalogueReads(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('says what can be bought, and caps a cart line as the cart does', async () => {
    const many = (await productPageData(db, catalogue, 'kain-banyak', 'en', site))!;
    expect(many.availability).toEqual({ kind: 'inStock', count: 150 });
    expect(many.maxQuantity).toBe(99);
    expect(many.motif?.id).toBe('kopi');
    expect(many.region?.id).toBe('muara-enim');
    expect(many.url).toBe('https://canting.example/en/products/kain-banyak');
    expect(many.whatsappNumber).toBe('6281200000000');
    expect(many.jsonLd[0]).toMatchObject({ '@type': 'Product' });
    const one = (await productPageData(db, catalogue, 'kain-satu', 'id', site))!;
    expect([one.availability, one.maxQuantity]).toEqual([{ kind: 'oneOfAKind' }, 1]);
    const ordered = (await productPageData(db, catalogue, 'kain-pesan', 'id', site))!;
    expect([ordered.availability, ordered.madeToOrder, ordered.maxQuantity]).toEqual([{ kind: 'madeToOrder', days: 21 }, true, 5]);
    const gone = (await productPageData(db, catalogue, 'kain-habis', 'id', site))!;
    expect([gone.availability, gone.maxQuantity]).toEqual([{ kind: 'soldOut' }, 0]);
  });

  it('shows an untranslated piece in Indonesian, and nothing for a piece that is not for sale', async () => {
    const page = (await productPageData(db, catalogue, 'kain-id', 'en', site))!;
    expect([page.title, page.titleText.lang, page.untranslated]).toEqual(['Kain Kopi', 'id', true]);
    expect(await productPageData(db, catalogue, 'tidak-ada', 'id', site)).toBeNull();
    expect(await productPageData(db, catalogue, "x' OR 1=1 --", 'id', site)).toBeNull();
  });
});
