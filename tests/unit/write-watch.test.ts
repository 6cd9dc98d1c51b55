import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/db/database.ts';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { watchWrites, writesTo } from '../../src/lib/db/write-watch.ts';

const TABLES = ['products', 'product_images', 'artisans'];

describe('writesTo', () => {
  it.each([
    'UPDATE products SET stock = stock - $2, updated_at = now() WHERE id = $1 AND stock >= $2 RETURNING stock',
    'INSERT INTO products (slug, artisan_id) VALUES ($1, $2) RETURNING *',
    'insert into product_images (product_id, position) values ($1, $2)',
    'DELETE FROM products WHERE id = $1 AND artisan_id = $2',
    `UPDATE artisans SET status = $2, updated_at = now() WHERE id = $1 RETURNING id`,
    'WITH moved AS (UPDATE product_images SET position = position + 1 WHERE product_id = $1) SELECT 1',
    'UPDATE "products" SET hidden = true',
    'UPDATE public.products SET hidden = true',
    'TRUNCATE products CASCADE',
    'ALTER TABLE products ADD COLUMN x int',
    'UPDATE\n  products\nSET stock = 0',
  ])('sees a write: %s', (sql) => {
    expect(writesTo(sql, TABLES)).toBe(true);
  });

  it.each([
    'SELECT p.*, a.slug FROM products p JOIN artisans a ON a.id = p.artisan_id WHERE p.slug = $1',
    'SELECT * FROM products WHERE id = $1 AND artisan_id = $2 FOR UPDATE',
    `INSERT INTO cart_items (cart_id, product_id, quantity) VALUES ($1, $2, $3)
     ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity`,
    'UPDATE carts SET updated_at = now() WHERE id = $1',
    'INSERT INTO products_archive (id) VALUES ($1)',
    'UPDATE orders SET status = $2 WHERE id = $1',
    'DELETE FROM cart_items WHERE cart_id = $1',
  ])('ignores a read or another table: %s', (sql) => {
    expect(writesTo(sql, TABLES)).toBe(false);
  });
});

describe('watchWrites', () => {
  let raw: Database;
  let db: Database;
  let calls = 0;

  beforeAll(async () => {
    raw = await openPgliteDatabase('memory://');
    await raw.exec('CREATE TABLE products (id int PRIMARY KEY, stock int NOT NULL); CREATE TABLE carts (id int PRIMARY KEY)');
    db = watchWrites(raw, TABLES, () => calls++);
  });
  afterAll(() => raw.close());

  it('calls back after a write to a watched table, not after reads or other tables', async () => {
    calls = 0;
    await db.query('INSERT INTO products (id, stock) VALUES (1, 5)');
    expect(calls).toBe(1);
    expect(await db.query('SELECT stock FROM products WHERE id = $1', [1])).toEqual([{ stock: 5 }]);
    await db.query('INSERT INTO carts (id) VALUES (1)');
    expect(calls).toBe(1);
  });

  it('calls back even when the write fails', async () => {
    calls = 0;
    await expect(db.query('INSERT INTO products (id, stock) VALUES (1, 5)')).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it('in a transaction, calls back once after the commit, when the new rows are visible', async () => {
    calls = 0;
    let seenInside = -1;
    await db.transaction(async (tx) => {
      await tx.query('UPDATE products SET stock = 4 WHERE id = 1');
      await tx.query('UPDATE products SET stock = 3 WHERE id = 1');
      seenInside = calls;
    });
    expect(seenInside).toBe(0);
    expect(calls).toBe(1);
    expect(await db.query('SELECT stock FROM products WHERE id = 1')).toEqual([{ stock: 3 }]);
  });

  it('after a rollback too, and not at all for a transaction that only read', async () => {
    calls = 0;
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE products SET stock = 0 WHERE id = 1');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(calls).toBe(1);
    expect(await db.query('SELECT stock FROM products WHERE id = 1')).toEqual([{ stock: 3 }]);
    await db.transaction((tx) => tx.query('SELECT * FROM products'));
    expect(calls).toBe(1);
  });

  it('always after exec(), and keeps kind and close', async () => {
    calls = 0;
    await db.exec('CREATE TABLE other (id int)');
    expect(calls).toBe(1);
    expect(db.kind).toBe('pglite');
  });
});
