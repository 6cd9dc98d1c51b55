/** The cart page's form posts (src/lib/commerce/cart-page.ts), on PGlite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createArtisan, createProduct } from '../../src/lib/store/repository.ts';
import { openCart, viewCart } from '../../src/lib/commerce/cart.ts';
import { cartPagePost } from '../../src/lib/commerce/cart-page.ts';
import { buildArtisanInput, buildProductInput } from '../fixtures/store-builders.ts';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('the cart page’s form posts', () => {
  let db: Database;
  let cartId: string;
  let opened = 0;
  const cart = async () => {
    opened++;
    return cartId;
  };
  beforeAll(async () => {
    db = await openPgliteDatabase('memory://');
    await migrate(db);
    const artisanId = (await createArtisan(db, buildArtisanInput({ status: 'approved' }))).id;
    await createProduct(db, buildProductInput({ artisanId, slug: 'kain-dua', stock: 2 }));
    await createProduct(db, buildProductInput({ artisanId, slug: 'kain-habis', stock: 0 }));
    cartId = (await openCart(db, undefined)).cartId;
  });
  afterAll(async () => db?.close());

  it('adds, updates and removes a piece, each answered done', async () => {
    expect(await cartPagePost(db, cart, form({ action: 'add', productSlug: 'kain-dua', quantity: '1' }))).toEqual({ done: true });
    expect(await cartPagePost(db, cart, form({ action: 'update', productSlug: 'kain-dua', quantity: '2' }))).toEqual({ done: true });
    expect((await viewCart(db, cartId)).groups[0]!.items[0]!.quantity).toBe(2);
    expect(await cartPagePost(db, cart, form({ action: 'remove', productSlug: 'kain-dua' }))).toEqual({ done: true });
    expect((await viewCart(db, cartId)).groups).toEqual([]);
  });

  it('names the refusal for pieces and for seats, with its status; an unknown action opens no cart', async () => {
    expect(await cartPagePost(db, cart, form({ action: 'add', productSlug: 'kain-habis' }))).toEqual({ status: 409, seats: false, problem: 'soldOut' });
    expect(await cartPagePost(db, cart, form({ action: 'add', productSlug: 'tidak-ada' }))).toEqual({ status: 404, seats: false, problem: 'notFound' });
    expect(await cartPagePost(db, cart, form({ action: 'add-seats', sessionId: '00000000-0000-4000-8000-000000000000' }))).toEqual({ status: 404, seats: true, problem: 'notFound' });
    const before = opened;
    expect(await cartPagePost(db, cart, form({ action: 'empty-everything' }))).toEqual({ status: 400, seats: false, problem: 'unknownAction' });
    expect(opened).toBe(before);
  });
});
