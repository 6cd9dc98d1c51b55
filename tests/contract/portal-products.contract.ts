/**
 * The artisan portal's products and photos, on every Database implementation: each artisan sees
 * and changes only their own pieces (someone else's id, or a guessed one, is not_found and changes
 * nothing), input is validated with the field named, publishing shows the piece publicly, and
 * uploads go through the image pipeline (non-images refused, oversized refused, GPS stripped).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan, findPublicProduct, listPublicProducts } from '../../src/lib/store/repository.ts';
import { requireArtisanId as requireArtisan } from '../../src/lib/auth/guard.ts';
import { inLanguage } from '../../src/lib/i18n/index.ts';
import {
  archiveOwnProduct,
  createOwnProduct,
  deleteOwnProduct,
  duplicateOwnProduct,
  getOwnProduct,
  listOwnProducts,
  parseWholeNumber,
  productInputFromForm,
  productSlug,
  publishOwnProduct,
  unpublishOwnProduct,
  updateOwnProduct,
  type OwnProductInput,
  type Vocabulary,
} from '../../src/lib/portal/products.ts';
import {
  addOwnPhoto,
  moveOwnPhoto,
  readPhotoBytes as readBodyBytes,
  removeOwnPhoto,
  reorderOwnPhotos,
  setOwnCover,
  TOO_MANY_PHOTOS,
} from '../../src/lib/portal/photos.ts';
import { buildArtisanInput } from '../fixtures/store-builders.ts';
import { jpegWithGps, pngClaimingSize, solidJpeg, SVG_WITH_SCRIPT } from '../fixtures/images.ts';
import { rejection } from '../fixtures/rejection.ts';

const vocabulary: Vocabulary = { motifs: ['kopi', 'kapal', 'durian'], techniques: ['cap', 'tulis'] };

function productInput(overrides: Partial<OwnProductInput> = {}): OwnProductInput {
  return {
    title: { id: 'Kain Kopi Semende', en: 'Kopi Semende Cloth' },
    description: { id: 'Kain batik cap motif kopi.', en: 'Stamped batik with the coffee motif.' },
    motifs: ['kopi'],
    technique: 'cap',
    dye: 'synthetic',
    fabric: 'katun-primisima',
    category: 'kain-panjang',
    lengthCm: 250,
    widthCm: 115,
    weightGrams: 350,
    priceIdr: 250_000,
    stock: 3,
    ...overrides,
  };
}

export function describePortalProducts(name: string, open: () => Promise<Database>) {
  describe(`Portal products: ${name}`, () => {
    let db: Database;
    let mediaDir: string;
    let a: string;
    let b: string;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
      mediaDir = await mkdtemp(join(tmpdir(), 'canting-portal-media-'));
    });
    afterAll(async () => {
      await db?.close();
      if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      await db.exec(
        'TRUNCATE login_attempts, password_resets, sessions, users, outbox, stripe_events, ledger_entries, order_effects, order_events, order_items, orders, checkouts, cart_items, carts, product_images, products, artisans CASCADE',
      );
      a = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
      b = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
    });

    const create = (artisanId: string, overrides: Partial<OwnProductInput> = {}) =>
      createOwnProduct(db, artisanId, productInput(overrides), vocabulary);
    const photo = (artisanId: string, productId: string, colour = '#8a4b2a') =>
      solidJpeg(120, 90, colour).then((bytes) => addOwnPhoto(db, mediaDir, artisanId, productId, bytes));
    const positions = async (artisanId: string, productId: string) =>
      (await getOwnProduct(db, artisanId, productId)).images.map((i) => [i.id, i.position] as const);

    describe('scoping', () => {
      it('lists only the signed-in artisan’s products, with cover and status', async () => {
        const mine = await create(a, { title: { id: 'Milik A', en: 'A’s' } });
        await create(a, { title: { id: 'Milik A dua', en: 'A’s two' }, status: 'active' });
        await create(b, { title: { id: 'Milik B', en: 'B’s' } });
        await photo(a, mine.id);

        const list = await listOwnProducts(db, a);
        expect(list.map((p) => p.title.id).sort()).toEqual(['Milik A', 'Milik A dua']);
        const first = list.find((p) => p.id === mine.id)!;
        expect(first.status).toBe('draft');
        expect(first.photoCount).toBe(1);
        expect(first.cover?.position).toBe(0);
        expect(list.find((p) => p.id !== mine.id)!.status).toBe('active');
        expect((await listOwnProducts(db, b)).map((p) => p.title.id)).toEqual(['Milik B']);
      });

      it('A can neither read, change, copy, archive, delete nor add photos to B’s product: not_found, and it is unchanged', async () => {
        const theirs = await create(b, { status: 'active' });
        const theirPhoto = await photo(b, theirs.id);
        const before = await getOwnProduct(db, b, theirs.id);
        const jpeg = await solidJpeg(64, 64);

        const attempts: [string, () => Promise<unknown>][] = [
          ['read', () => getOwnProduct(db, a, theirs.id)],
          ['update', () => updateOwnProduct(db, a, theirs.id, { priceIdr: 1_000 })],
          ['update with bad input', () => updateOwnProduct(db, a, theirs.id, { priceIdr: -1 })],
          ['publish', () => publishOwnProduct(db, a, theirs.id)],
          ['unpublish', () => unpublishOwnProduct(db, a, theirs.id)],
          ['duplicate', () => duplicateOwnProduct(db, a, theirs.id)],
          ['archive', () => archiveOwnProduct(db, a, theirs.id)],
          ['delete', () => deleteOwnProduct(db, a, theirs.id)],
          ['add photo', () => addOwnPhoto(db, mediaDir, a, theirs.id, jpeg)],
          ['remove photo', () => removeOwnPhoto(db, a, theirs.id, theirPhoto.id)],
          ['reorder photos', () => reorderOwnPhotos(db, a, theirs.id, [theirPhoto.id])],
          ['set cover', () => setOwnCover(db, a, theirs.id, theirPhoto.id)],
          ['move photo', () => moveOwnPhoto(db, a, theirs.id, theirPhoto.id, 1)],
        ];
        for (const [what, attempt] of attempts) {
          expect((await rejection(attempt())).code, what).toBe('not_found');
        }
        expect(await getOwnProduct(db, b, theirs.id)).toEqual(before);
        expect((await listOwnProducts(db, a))).toEqual([]);
      });

      it('B’s photo cannot be reached through A’s own product either', async () => {
        const mine = await create(a);
        await photo(a, mine.id);
        const theirs = await create(b);
        const theirPhoto = await photo(b, theirs.id);
        expect((await rejection(removeOwnPhoto(db, a, mine.id, theirPhoto.id))).code).toBe('not_found');
        expect((await rejection(setOwnCover(db, a, mine.id, theirPhoto.id))).code).toBe('not_found');
        expect((await getOwnProduct(db, b, theirs.id)).images.map((i) => i.id)).toEqual([theirPhoto.id]);
      });

      it('guessed ids, random uuids and malformed ones answer not_found', async () => {
        await create(b);
        for (const id of [randomUUID(), randomUUID(), '00000000-0000-0000-0000-000000000000', 'not-a-uuid', "1' OR '1'='1", '']) {
          expect((await rejection(getOwnProduct(db, a, id))).code, id).toBe('not_found');
          expect((await rejection(updateOwnProduct(db, a, id, { stock: 1 }))).code, id).toBe('not_found');
          expect((await rejection(deleteOwnProduct(db, a, id))).code, id).toBe('not_found');
          expect((await rejection(publishOwnProduct(db, a, id))).code, id).toBe('not_found');
        }
        const mine = await create(a);
        expect((await rejection(removeOwnPhoto(db, a, mine.id, randomUUID()))).code).toBe('not_found');
        expect((await rejection(removeOwnPhoto(db, a, mine.id, 'x'))).code).toBe('not_found');
      });

      it('the API guard: nobody signed in is unauthorized, a curator forbidden, an artisan their own id', () => {
        expect(() => requireArtisan(null)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
        expect(() => requireArtisan({ role: 'curator', artisanId: null })).toThrow(expect.objectContaining({ code: 'forbidden' }));
        expect(requireArtisan({ role: 'artisan', artisanId: a })).toBe(a);
      });
    });

    describe('validation', () => {
      it('bad input is invalid with the field named', async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ priceIdr: 12.5 }, 'priceIdr'],
          [{ priceIdr: 500 }, 'priceIdr'],
          [{ title: { id: '', en: 'x' } }, 'title.id'],
          [{ motifs: [] }, 'motifs'],
          [{ motifs: ['bukan-motif'] }, 'motifs'],
          [{ technique: 'sulap' }, 'technique'],
          [{ fabric: 'plastik' }, 'fabric'],
          [{ weightGrams: Number.NaN }, 'weightGrams'],
          [{ slug: 'my-own-slug' }, 'slug'],
          [{ artisanId: b }, 'artisanId'],
        ];
        for (const [overrides, field] of cases) {
          const error = await rejection(createOwnProduct(db, a, { ...productInput(), ...overrides }, vocabulary));
          expect(error.code, field).toBe('invalid');
          expect(error.message, field).toContain(field);
        }
        expect(await listOwnProducts(db, a)).toEqual([]);
      });

      it('every wrong field is named at once, so a form can show them together', async () => {
        const error = await rejection(
          createOwnProduct(db, a, { ...productInput(), priceIdr: 500, motifs: ['bukan-motif'], technique: 'sulap', oneOfAKind: true, stock: 2 }, vocabulary),
        );
        for (const field of ['priceIdr', 'motifs.0', 'technique', 'stock']) expect(error.message).toContain(field);
      });

      it('a one-of-a-kind piece with a stock of 2 is invalid, on create and on update', async () => {
        const error = await rejection(create(a, { oneOfAKind: true, stock: 2 }));
        expect(error.code).toBe('invalid');
        expect(error.message).toContain('stock');

        const piece = await create(a, { oneOfAKind: true, stock: 1 });
        expect((await rejection(updateOwnProduct(db, a, piece.id, { stock: 2 }))).message).toContain('stock');
        const plain = await create(a, { stock: 5 });
        expect((await rejection(updateOwnProduct(db, a, plain.id, { oneOfAKind: true }))).code).toBe('invalid');
        expect((await getOwnProduct(db, a, plain.id)).oneOfAKind).toBe(false);
      });

      it('a partial update changes only what it names; null clears optional numbers; the slug stays', async () => {
        const p = await create(a);
        const updated = await updateOwnProduct(db, a, p.id, { priceIdr: 300_000, lengthCm: null, title: { id: 'Judul baru', en: 'New title' } }, vocabulary);
        expect(updated.priceIdr).toBe(300_000);
        expect(updated.lengthCm).toBeNull();
        expect(updated.widthCm).toBe(115);
        expect(updated.title).toEqual({ id: 'Judul baru', en: 'New title' });
        expect(updated.slug).toBe(p.slug);
        expect(updated.description).toEqual(p.description);
        expect((await rejection(updateOwnProduct(db, a, p.id, { priceIdr: 1_500.5 }))).message).toContain('priceIdr');
        expect((await rejection(updateOwnProduct(db, a, p.id, { artisanId: b }))).code).toBe('invalid');
        expect((await getOwnProduct(db, a, p.id)).artisanId).toBe(a);
      });

      it('slugs come from the Indonesian title with a random suffix and are unique', async () => {
        expect(productSlug('Kain Kopi Sémende — Edisi #1!', 'abc123')).toBe('kain-kopi-semende-edisi-1-abc123');
        expect(productSlug('   ', 'abc123')).toBe('produk-abc123');
        expect(productSlug('x'.repeat(300))).toMatch(/^x{80}-[a-z0-9]{6}$/);
        const [one, two] = [await create(a), await create(a)];
        expect(one.slug).toMatch(/^kain-kopi-semende-[a-z0-9]{6}$/);
        expect(two.slug).not.toBe(one.slug);
      });

      it('form values become numbers the way people type them', () => {
        expect(parseWholeNumber('250.000')).toBe(250_000);
        expect(parseWholeNumber('Rp 1.500.000')).toBe(1_500_000);
        expect(parseWholeNumber(' ')).toBeNull();
        expect(parseWholeNumber('12,5')).toBeNaN();
        const form = new FormData();
        for (const [k, v] of Object.entries({ title_id: 'A', title_en: 'B', priceIdr: '250.000', stock: '1', weightGrams: '', lengthCm: '' })) form.set(k, v);
        form.append('motifs', 'kopi');
        form.append('motifs', 'kapal');
        form.set('oneOfAKind', 'on');
        const input = productInputFromForm(form);
        expect(input).toMatchObject({ title: { id: 'A', en: 'B' }, priceIdr: 250_000, stock: 1, lengthCm: null, motifs: ['kopi', 'kapal'], oneOfAKind: true });
        expect(input.weightGrams).toBeNaN();
      });
    });

    describe('English is optional', () => {
      it('publishes a piece with only an Indonesian title and description; the English view falls back to them, marked Indonesian', async () => {
        const p = await create(a, { title: { id: 'Kain Kopi Semende' }, description: { id: 'Kain tulis dari Semende.' }, status: 'active' });
        const shown = (await findPublicProduct(db, p.slug))!;
        expect(shown.title).toEqual({ id: 'Kain Kopi Semende', en: '' });
        expect(shown.description.en).toBe('');
        expect(inLanguage(shown.title, 'en')).toEqual({ text: 'Kain Kopi Semende', lang: 'id', translated: false });
        expect(inLanguage(shown.title, 'id')).toEqual({ text: 'Kain Kopi Semende', lang: 'id', translated: true });
        // Adding the translation later is an ordinary change.
        await updateOwnProduct(db, a, p.id, { title: { id: 'Kain Kopi Semende', en: 'Semende Coffee Cloth' } }, vocabulary);
        expect(inLanguage((await findPublicProduct(db, p.slug))!.title, 'en')).toEqual({ text: 'Semende Coffee Cloth', lang: 'en', translated: true });
      });

      it('still requires the Indonesian title and description', async () => {
        for (const [overrides, field] of [[{ title: { id: '', en: 'Coffee cloth' } }, 'title.id'], [{ description: { id: ' ', en: 'A cloth.' } }, 'description.id']] as const) {
          const error = await rejection(createOwnProduct(db, a, { ...productInput(), ...overrides }, vocabulary));
          expect(error.code, field).toBe('invalid');
          expect(error.message, field).toContain(field);
        }
      });
    });

    describe('publishing, copies, archive and delete', () => {
      it('publishing makes the piece public; unpublishing and archiving take it away', async () => {
        const p = await create(a);
        expect(p.status).toBe('draft');
        expect(await findPublicProduct(db, p.slug)).toBeNull();

        const published = await publishOwnProduct(db, a, p.id);
        expect(published.status).toBe('active');
        expect(published.publishedAt).toBeInstanceOf(Date);
        expect((await listPublicProducts(db)).map((x) => x.slug)).toContain(p.slug);

        await unpublishOwnProduct(db, a, p.id);
        expect(await findPublicProduct(db, p.slug)).toBeNull();
        await publishOwnProduct(db, a, p.id);
        expect(await findPublicProduct(db, p.slug)).not.toBeNull();
        await archiveOwnProduct(db, a, p.id);
        expect(await findPublicProduct(db, p.slug)).toBeNull();
      });

      it('an artisan who is not approved can publish, but the piece stays off the public site', async () => {
        const pending = (await createArtisan(db, buildArtisanInput({ status: 'pending' }))).id;
        const p = await create(pending, { status: 'active' });
        expect((await getOwnProduct(db, pending, p.id)).status).toBe('active');
        expect(await findPublicProduct(db, p.slug)).toBeNull();
        expect((await updateOwnProduct(db, pending, p.id, { stock: 9 })).stock).toBe(9);
      });

      it('duplicating makes a draft copy with " (salinan)" and the same photos', async () => {
        const p = await create(a, { status: 'active' });
        await photo(a, p.id, '#112233');
        await photo(a, p.id, '#445566');
        const original = await getOwnProduct(db, a, p.id);
        const copy = await duplicateOwnProduct(db, a, p.id);
        expect(copy.status).toBe('draft');
        expect(copy.title.id).toBe('Kain Kopi Semende (salinan)');
        expect(copy.slug).not.toBe(p.slug);
        expect(copy.slug).toMatch(/^kain-kopi-semende-salinan-/);
        expect(copy.images.map((i) => [i.imageKey, i.position])).toEqual(original.images.map((i) => [i.imageKey, i.position]));
        expect(copy.images.map((i) => i.id)).not.toEqual(original.images.map((i) => i.id));
        expect((await getOwnProduct(db, a, p.id)).images).toEqual(original.images);
        expect(await listOwnProducts(db, a)).toHaveLength(2);
      });

      it('delete removes a product without orders, and archives one that an order names', async () => {
        const unsold = await create(a);
        await photo(a, unsold.id);
        expect((await deleteOwnProduct(db, a, unsold.id)).outcome).toBe('deleted');
        expect((await rejection(getOwnProduct(db, a, unsold.id))).code).toBe('not_found');

        const sold = await create(a, { status: 'active' });
        const [checkout] = await db.query<{ id: string }>(
          `INSERT INTO checkouts (number, lang, buyer_name, buyer_email, buyer_phone, payment_method, goods_idr, shipping_idr, total_idr, expires_at)
           VALUES ('CO-TEST-1', 'id', 'Pembeli', 'p@contoh.test', '+628123456789', 'bank_transfer', 250000, 0, 250000, now() + interval '1 day') RETURNING id`,
        );
        const [order] = await db.query<{ id: string }>(
          `INSERT INTO orders (number, token_hash, checkout_id, artisan_id, lang, payment_method, buyer_name, buyer_email, buyer_phone,
             address, courier, shipping_zone, subtotal_idr, shipping_idr, total_idr, hold_expires_at)
           VALUES ('CT-TEST-1', 'x', $2, $1, 'id', 'bank_transfer', 'Pembeli', 'p@contoh.test', '+628123456789',
             '{}'::jsonb, 'jne', 'java', 250000, 0, 250000, now() + interval '1 day') RETURNING id`,
          [a, checkout!.id],
        );
        await db.query(
          `INSERT INTO order_items (order_id, product_id, title_id, title_en, unit_price_idr, quantity, weight_grams) VALUES ($1, $2, 'x', 'x', 250000, 1, 350)`,
          [order!.id, sold.id],
        );
        const result = await deleteOwnProduct(db, a, sold.id);
        expect(result.outcome).toBe('archived');
        expect(result.product.slug).toBe(sold.slug);
        expect((await getOwnProduct(db, a, sold.id)).status).toBe('archived');
        expect(await findPublicProduct(db, sold.slug)).toBeNull();
      });
    });

    describe('photos', () => {
      it('refuses a non-image as invalid and stores nothing', async () => {
        const p = await create(a);
        for (const bytes of [SVG_WITH_SCRIPT, Buffer.from('hello, this is text'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01])]) {
          expect((await rejection(addOwnPhoto(db, mediaDir, a, p.id, bytes))).code).toBe('invalid');
        }
        expect((await getOwnProduct(db, a, p.id)).images).toEqual([]);
      });

      it('refuses an image over the pixel limit or the byte limit as too_large', async () => {
        const p = await create(a);
        expect((await rejection(addOwnPhoto(db, mediaDir, a, p.id, await pngClaimingSize(8000, 6000)))).code).toBe('too_large');
        const huge = Buffer.alloc(15 * 1024 * 1024 + 1);
        huge.set([0xff, 0xd8, 0xff, 0xe0]);
        expect((await rejection(addOwnPhoto(db, mediaDir, a, p.id, huge))).code).toBe('too_large');
        expect((await getOwnProduct(db, a, p.id)).images).toEqual([]);
      });

      it('strips GPS EXIF: no stored variant carries any metadata', async () => {
        const p = await create(a);
        const input = await jpegWithGps(400, 300);
        expect((await sharp(input).metadata()).exif).toBeDefined();
        const stored = await addOwnPhoto(db, mediaDir, a, p.id, input, { id: 'Foto kain', en: 'Photo of the cloth' });
        expect(stored.alt).toEqual({ id: 'Foto kain', en: 'Photo of the cloth' });
        expect(stored.variants.length).toBeGreaterThan(0);
        for (const variant of stored.variants) {
          const bytes = await readFile(join(mediaDir, variant.path));
          expect(bytes.toString('latin1')).not.toContain('CheapPhone');
          const meta = await sharp(bytes).metadata();
          expect(meta.exif, variant.path).toBeUndefined();
          expect(meta.xmp, variant.path).toBeUndefined();
        }
        expect(JSON.stringify(stored.variants)).not.toContain('bytes');
      });

      it('a photo’s default description is the title, and follows the title when it changes', async () => {
        const p = await create(a);
        const first = await photo(a, p.id);
        expect(first.alt).toEqual(p.title);
        await updateOwnProduct(db, a, p.id, { title: { id: 'Kain Baru', en: 'New Cloth' } });
        expect((await getOwnProduct(db, a, p.id)).images[0]!.alt).toEqual({ id: 'Kain Baru', en: 'New Cloth' });
      });

      it('takes at most 8 photos: the 9th is invalid', async () => {
        const p = await create(a);
        for (let i = 0; i < 8; i++) await photo(a, p.id, `#${(i * 30 + 16).toString(16).padStart(2, '0')}3344`);
        const error = await rejection(photo(a, p.id, '#000000'));
        expect(error.code).toBe('invalid');
        expect(error.message).toBe(TOO_MANY_PHOTOS);
        expect((await positions(a, p.id)).map(([, at]) => at)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      });

      it('concurrent uploads get dense positions', async () => {
        const p = await create(a);
        await Promise.all(['#aa0000', '#00aa00', '#0000aa'].map((c) => photo(a, p.id, c)));
        expect((await positions(a, p.id)).map(([, at]) => at)).toEqual([0, 1, 2]);
      });

      it('reorder, cover, move and remove keep positions dense and change the cover', async () => {
        const p = await create(a);
        const [one, two, three] = [await photo(a, p.id, '#aa0000'), await photo(a, p.id, '#00aa00'), await photo(a, p.id, '#0000aa')];
        const ids = async () => (await getOwnProduct(db, a, p.id)).images.map((i) => i.id);
        const dense = async () => expect((await positions(a, p.id)).map(([, at]) => at)).toEqual([...Array((await ids()).length).keys()]);

        await reorderOwnPhotos(db, a, p.id, [three.id, one.id, two.id]);
        expect(await ids()).toEqual([three.id, one.id, two.id]);
        expect((await listOwnProducts(db, a))[0]!.cover?.id).toBe(three.id);
        await dense();

        await setOwnCover(db, a, p.id, two.id);
        expect(await ids()).toEqual([two.id, three.id, one.id]);
        await dense();

        await moveOwnPhoto(db, a, p.id, one.id, -1);
        expect(await ids()).toEqual([two.id, one.id, three.id]);
        await moveOwnPhoto(db, a, p.id, two.id, -1); // already first: nothing changes
        expect(await ids()).toEqual([two.id, one.id, three.id]);

        await removeOwnPhoto(db, a, p.id, two.id);
        expect(await ids()).toEqual([one.id, three.id]);
        await dense();

        for (const bad of [[one.id], [one.id, one.id], [one.id, three.id, randomUUID()], [one.id, 'x']]) {
          expect((await rejection(reorderOwnPhotos(db, a, p.id, bad))).code).toBe('invalid');
        }
        expect(await ids()).toEqual([one.id, three.id]);
      });

      it('reads a raw upload body up to the limit, and refuses a larger one whatever Content-Length says', async () => {
        const body = (n: number, headers: Record<string, string> = {}) => new Request('http://x/', { method: 'POST', body: new Uint8Array(n), headers });
        expect((await readBodyBytes(body(100), 100)).byteLength).toBe(100);
        expect((await rejection(readBodyBytes(body(101), 100))).code).toBe('too_large');
        expect((await rejection(readBodyBytes(body(10, { 'content-length': '1000' }), 100))).code).toBe('too_large');
      });
    });
  });
}
