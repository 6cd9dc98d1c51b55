/**
 * The repository contract: the same behaviour on every Database implementation.
 * `describeDatabase(name, open)` runs it against one; see database.test.ts for which run here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { MIGRATIONS } from '../../src/lib/db/migrations/index.ts';
import { AppError } from '../../src/lib/errors.ts';
import {
  addProductImage,
  countPublicProducts,
  createArtisan,
  createProduct,
  findPublicArtisan,
  findPublicProduct,
  listArtisansForMotif,
  listPublicProducts,
  writeArtisanStatus as setArtisanStatus,
  takeStock,
} from '../../src/lib/store/repository.ts';
import { cachedLivePieces, cachedPublicProduct, catalogueCacheTtl, CATALOGUE_CACHE_TTL_MS, CATALOGUE_TABLES, invalidateCatalogueReads } from '../../src/lib/store/cached-reads.ts';
import { addToCart, openCart, viewCart } from '../../src/lib/commerce/cart.ts';
import { watchWrites } from '../../src/lib/db/write-watch.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';

export function describeDatabase(name: string, open: () => Promise<Database>) {
  describe(`Database contract: ${name}`, () => {
    let db: Database;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      await db.exec('TRUNCATE login_attempts, password_resets, sessions, users, outbox, stripe_events, ledger_entries, order_events, order_items, orders, cart_items, carts, product_images, products, artisans CASCADE');
    });

    it('applies migrations once, however often it is asked', async () => {
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    });

    it('stores an artisan and a product and reads them back as domain objects', async () => {
      const artisan = await createArtisan(db, buildArtisanInput({ slug: 'sanggar-contoh', status: 'approved' }));
      expect(artisan.bio.en).toMatch(/sample/i);
      const product = await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-kopi-1', priceIdr: 350_000 }));
      expect(product.priceIdr).toBe(350_000);
      expect(Number.isInteger(product.priceIdr)).toBe(true);
      await addProductImage(db, product.id, {
        position: 0, imageKey: 'abc', width: 1200, height: 900, placeholder: 'data:image/webp;base64,AAAA',
        dominantColors: ['#4a2c1a'], variants: [{ format: 'avif', width: 640, height: 480, path: 'ab/abc-640.avif' }], alt: { id: 'Kain', en: 'Cloth' },
      });
      const view = await findPublicProduct(db, 'kain-kopi-1');
      expect(view?.artisan.slug).toBe('sanggar-contoh');
      expect(view?.images[0]?.variants[0]?.format).toBe('avif');
      expect(view?.motifs).toEqual(['kopi']);
    });

    it('reads a piece with all its images, in position order, in one page view and in lists', async () => {
      const artisan = await createArtisan(db, buildArtisanInput({ slug: 'bergambar', status: 'approved' }));
      const product = await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-bergambar' }));
      const bare = await createProduct(db, buildProductInput({ artisanId: artisan.id, slug: 'kain-polos' }));
      const image = (position: number, key: string) => ({
        position, imageKey: key, width: 1200, height: 900 + position, placeholder: `data:image/webp;base64,${key}`,
        dominantColors: ['#4a2c1a', '#e8d8b0'], variants: [{ format: 'webp' as const, width: 640, height: 480, path: `${key}/640.webp` }],
        alt: { id: `Kain ${key}`, en: `Cloth ${key}` },
      });
      const second = await addProductImage(db, product.id, image(1, 'kedua'));
      const first = await addProductImage(db, product.id, image(0, 'pertama'));
      const view = await findPublicProduct(db, 'kain-bergambar');
      expect(view?.images).toEqual([first, second]);
      expect(view?.images[0]).toEqual({
        id: first.id, position: 0, imageKey: 'pertama', width: 1200, height: 900, placeholder: 'data:image/webp;base64,pertama',
        dominantColors: ['#4a2c1a', '#e8d8b0'], variants: [{ format: 'webp', width: 640, height: 480, path: 'pertama/640.webp' }],
        alt: { id: 'Kain pertama', en: 'Cloth pertama' },
      });
      expect((await findPublicProduct(db, bare.slug))?.images).toEqual([]);
      const listed = await listPublicProducts(db, { artisanSlug: 'bergambar' });
      expect(Object.fromEntries(listed.map((p) => [p.slug, p.images.map((i) => i.imageKey)]))).toEqual({ 'kain-bergambar': ['pertama', 'kedua'], 'kain-polos': [] });
      expect(listed.find((p) => p.slug === 'kain-bergambar')).toEqual(view);
    });

    it('refuses a duplicate slug as a conflict', async () => {
      await createArtisan(db, buildArtisanInput({ slug: 'kembar' }));
      const error = await createArtisan(db, buildArtisanInput({ slug: 'kembar' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('conflict');
    });

    it('rejects bad input before it reaches the database, and the database rejects what slips past', async () => {
      const artisan = await createArtisan(db, buildArtisanInput({ status: 'approved' }));
      await expect(createProduct(db, buildProductInput({ artisanId: artisan.id, priceIdr: -5 }))).rejects.toMatchObject({ code: 'invalid' });
      await expect(createProduct(db, buildProductInput({ artisanId: artisan.id, priceIdr: 12.5 }))).rejects.toMatchObject({ code: 'invalid' });
      await expect(createProduct(db, buildProductInput({ artisanId: artisan.id, oneOfAKind: true, stock: 2 }))).rejects.toMatchObject({ code: 'invalid' });
      await expect(db.query(`UPDATE products SET price_idr = 0`)).resolves.toBeDefined(); // no rows yet
      const p = await createProduct(db, buildProductInput({ artisanId: artisan.id }));
      await expect(db.query(`UPDATE products SET stock = -1 WHERE id = $1`, [p.id])).rejects.toBeDefined();
    });

    it('shows the public only active, unhidden pieces of approved artisans', async () => {
      const approved = await createArtisan(db, buildArtisanInput({ slug: 'disetujui', status: 'approved' }));
      const pending = await createArtisan(db, buildArtisanInput({ slug: 'menunggu', status: 'pending' }));
      await createProduct(db, buildProductInput({ artisanId: approved.id, slug: 'aktif', status: 'active' }));
      await createProduct(db, buildProductInput({ artisanId: approved.id, slug: 'draf', status: 'draft' }));
      await createProduct(db, buildProductInput({ artisanId: pending.id, slug: 'milik-menunggu', status: 'active' }));
      const hidden = await createProduct(db, buildProductInput({ artisanId: approved.id, slug: 'disembunyikan', status: 'active' }));
      await db.query('UPDATE products SET hidden = true WHERE id = $1', [hidden.id]);

      expect((await listPublicProducts(db)).map((p) => p.slug)).toEqual(['aktif']);
      expect(await findPublicProduct(db, 'draf')).toBeNull();
      expect(await findPublicArtisan(db, 'menunggu')).toBeNull();

      await setArtisanStatus(db, approved.id, 'suspended');
      expect(await listPublicProducts(db)).toEqual([]);
    });

    it('filters public pieces by motif, region and artisan, and pages through them', async () => {
      const a = await createArtisan(db, buildArtisanInput({ slug: 'a', region: 'muara-enim', status: 'approved' }));
      const b = await createArtisan(db, buildArtisanInput({ slug: 'b', region: 'cirebon', status: 'approved' }));
      for (let i = 0; i < 5; i++) await createProduct(db, buildProductInput({ artisanId: a.id, slug: `kopi-${i}`, motifs: ['kopi'] }));
      for (let i = 0; i < 3; i++) await createProduct(db, buildProductInput({ artisanId: b.id, slug: `mega-${i}`, motifs: ['mega-mendung', 'wadasan'] }));
      expect(await countPublicProducts(db, { motif: 'wadasan' })).toBe(3);
      expect(await countPublicProducts(db, { region: 'muara-enim' })).toBe(5);
      expect(await countPublicProducts(db, { artisanSlug: 'b' })).toBe(3);
      const page1 = await listPublicProducts(db, { motif: 'kopi', limit: 2 });
      const page3 = await listPublicProducts(db, { motif: 'kopi', limit: 2, offset: 4 });
      expect(page1).toHaveLength(2);
      expect(page3).toHaveLength(1);
      expect((await listArtisansForMotif(db, 'mega-mendung')).map((x) => x.slug)).toEqual(['b']);
    });

    it("caches pages' catalogue reads, drops them on this server's writes, and never caches the cart", async () => {
      // As app.server.ts sets it up: writes through `server` drop its cache; writes through
      // `db` stand for another process (a CLI script), seen only when the entry expires.
      const server: Database = watchWrites(db, CATALOGUE_TABLES, () => invalidateCatalogueReads(server));
      const artisan = await createArtisan(server, buildArtisanInput({ slug: 'tersimpan', status: 'approved' }));
      const piece = await createProduct(server, buildProductInput({ artisanId: artisan.id, slug: 'kain-tersimpan', stock: 3, priceIdr: 250_000 }));
      expect(await cachedPublicProduct(server, 'kain-tersimpan')).toMatchObject({ stock: 3, priceIdr: 250_000 });
      expect((await cachedLivePieces(server, { motif: 'kopi' })).total).toBe(1);

      await db.query('UPDATE products SET price_idr = 300000 WHERE id = $1', [piece.id]);
      expect(await cachedPublicProduct(server, 'kain-tersimpan')).toMatchObject({ priceIdr: 250_000 }); // cached
      const { cartId } = await openCart(server, undefined);
      await addToCart(server, cartId, 'kain-tersimpan', 1);
      expect((await viewCart(server, cartId)).groups[0]?.items[0]).toMatchObject({ unitPriceIdr: 300_000, stock: 3 }); // never cached

      await server.transaction((tx) => takeStock(tx, piece.id, 1)); // a checkout in this server
      expect(await cachedPublicProduct(server, 'kain-tersimpan')).toMatchObject({ stock: 2, priceIdr: 300_000 });

      await createProduct(server, buildProductInput({ artisanId: artisan.id, slug: 'kain-baru', motifs: ['kopi'] }));
      const pieces = await cachedLivePieces(server, { motif: 'kopi' });
      expect(pieces.total).toBe(2);
      expect(pieces.artisans.map((a) => a.slug)).toEqual(['tersimpan']);

      await setArtisanStatus(server, artisan.id, 'suspended');
      expect(await cachedPublicProduct(server, 'kain-tersimpan')).toBeNull();
      expect(await cachedLivePieces(server, { motif: 'kopi' })).toEqual({ products: [], total: 0, artisans: [] });
    });

    it("shows another process's catalogue writes once the cached entry expires", async () => {
      expect(catalogueCacheTtl(db)).toBe(db.kind === 'pglite' ? CATALOGUE_CACHE_TTL_MS.pglite : CATALOGUE_CACHE_TTL_MS.postgres);
      vi.useFakeTimers({ toFake: ['performance'] });
      try {
        const server: Database = watchWrites(db, CATALOGUE_TABLES, () => invalidateCatalogueReads(server));
        const artisan = await createArtisan(server, buildArtisanInput({ status: 'approved' }));
        const piece = await createProduct(server, buildProductInput({ artisanId: artisan.id, slug: 'kain-lain', priceIdr: 250_000 }));
        expect(await cachedPublicProduct(server, 'kain-lain')).toMatchObject({ priceIdr: 250_000 });
        await db.query('UPDATE products SET price_idr = 275000 WHERE id = $1', [piece.id]); // not through `server`
        vi.advanceTimersByTime(catalogueCacheTtl(db) - 1);
        expect(await cachedPublicProduct(server, 'kain-lain')).toMatchObject({ priceIdr: 250_000 });
        vi.advanceTimersByTime(1);
        expect(await cachedPublicProduct(server, 'kain-lain')).toMatchObject({ priceIdr: 275_000 });
      } finally {
        vi.useRealTimers();
      }
    });

    it('stores half an emoji (a lone surrogate) as U+FFFD, the same on both databases', async () => {
      const [row] = await db.query<{ t: string }>('SELECT $1::text AS t', ['שלום\udfff and \ud83d']);
      expect(row?.t).toBe('שלום\ufffd and \ufffd');
    });

    it('rolls a transaction back when its work throws', async () => {
      await expect(
        db.transaction(async (tx) => {
          await createArtisan(tx, buildArtisanInput({ slug: 'sementara' }));
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await db.query(`SELECT 1 FROM artisans WHERE slug = 'sementara'`)).toEqual([]);
    });

    it('never sells the last piece twice, however many buyers race for it', async () => {
      const artisan = await createArtisan(db, buildArtisanInput({ status: 'approved' }));
      const piece = await createProduct(db, buildProductInput({ artisanId: artisan.id, oneOfAKind: true, stock: 1 }));
      const results = await Promise.all(Array.from({ length: 8 }, () => db.transaction((tx) => takeStock(tx, piece.id, 1))));
      expect(results.filter((r) => r !== null)).toEqual([0]);
      const [row] = await db.query<{ stock: number }>('SELECT stock FROM products WHERE id = $1', [piece.id]);
      expect(row!.stock).toBe(0);
    });
  });
}
