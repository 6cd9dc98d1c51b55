/**
 * The cart, kept on the server against a cookie token. Prices and stock are re-read from the
 * database on every view: a price from the browser is never trusted.
 */
import type { Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { PUBLIC_PIECE } from '../store/repository.ts';
import { isSlug, isUuid } from '../ids.ts';
import { hashToken, newToken } from './tokens.ts';
import { textIn } from '../i18n/index.ts';
import { MAX_SEATS_PER_BOOKING, isBookable, type ClassTimeZone } from '../classes/sessions.ts';

export const MAX_MADE_TO_ORDER_QUANTITY = 5;

export interface CartItemView {
  productId: string;
  productSlug: string;
  title: { id: string; en: string };
  quantity: number;
  unitPriceIdr: number;
  stock: number;
  oneOfAKind: boolean;
  madeToOrder: boolean;
  leadTimeDays: number | null;
  weightGrams: number;
  lineTotalIdr: number;
  /** Still public, and enough stock (or made to order). */
  available: boolean;
  /** The most this line may hold now. */
  maxQuantity: number;
  imagePath: string | null;
}

export interface CartGroup {
  /** `isSample`: a sample workshop (the cart and checkout say so). */
  artisan: { id: string; slug: string; name: string; region: string; isSample: boolean };
  items: CartItemView[];
  subtotalIdr: number;
  weightGrams: number;
  leadTimeDays: number | null;
}

/** A cart line that is a batik class: seats of one session (decision 015). Never shipped. */
export interface CartSeatView {
  sessionId: string;
  title: { id: string; en: string };
  startsAt: Date;
  timeZone: ClassTimeZone;
  durationMinutes: number;
  quantity: number;
  unitPriceIdr: number;
  seatsLeft: number;
  lineTotalIdr: number;
  /** Scheduled, not started, and enough seats left. */
  available: boolean;
  maxQuantity: number;
  isSample: boolean;
}

/** The classes of one place in the cart: they become one order of that place (no parcel, no courier). */
export interface CartClassGroup {
  place: { id: string; name: string };
  items: CartSeatView[];
  subtotalIdr: number;
}

export interface CartView {
  /** Pieces, by workshop: one parcel and one order each. */
  groups: CartGroup[];
  /** Batik classes, by place: one order each, nothing to ship. */
  classes: CartClassGroup[];
  totalIdr: number;
  count: number;
}

/** Finds the cart of a cookie token; `null` when there is none. */
export async function findCart(db: Queryable, token: string | undefined): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db.query<{ id: string }>('SELECT id FROM carts WHERE token_hash = $1', [hashToken(token)]);
  return row?.id ?? null;
}

/** The cart of this token, or a new one with a new token (to set as the cookie). */
export async function openCart(db: Queryable, token: string | undefined): Promise<{ cartId: string; token: string }> {
  const existing = await findCart(db, token);
  if (existing && token) return { cartId: existing, token };
  const fresh = newToken();
  const [row] = await db.query<{ id: string }>('INSERT INTO carts (token_hash) VALUES ($1) RETURNING id', [hashToken(fresh)]);
  return { cartId: row!.id, token: fresh };
}

/** The most one cart line may hold of a piece: 5 made to order, 1 of a one-of-a-kind piece, else what is in stock (at most 99). */
export function maxQuantityOf(p: { stock: number; oneOfAKind: boolean; madeToOrder: boolean }): number {
  if (p.madeToOrder) return MAX_MADE_TO_ORDER_QUANTITY;
  return p.oneOfAKind ? Math.min(1, p.stock) : Math.min(p.stock, 99);
}

/** A product slug as the cart takes it (at most 120 characters); anything else names no product. */
function isProductSlug(slug: unknown): slug is string {
  return isSlug(slug, 120);
}

async function publicProduct(db: Queryable, slug: string) {
  if (!isProductSlug(slug)) throw new AppError('not_found', 'no such piece is for sale');
  const [row] = await db.query(
    `SELECT p.id, p.stock, p.one_of_a_kind, p.lead_time_days FROM products p JOIN artisans a ON a.id = p.artisan_id
     WHERE p.slug = $1 AND ${PUBLIC_PIECE}`,
    [slug],
  );
  if (!row) throw new AppError('not_found', `no piece "${slug}" is for sale`);
  const stock = row.stock as number;
  const madeToOrder = stock === 0 && row.lead_time_days !== null;
  return { id: row.id as string, stock, oneOfAKind: row.one_of_a_kind as boolean, madeToOrder };
}

/** The message of the AppError('invalid') for a wrong quantity; pages say it in the reader's language. */
export const BAD_QUANTITY = 'quantity must be a whole number from 1 to 99';

/**
 * A quantity as a form sends it: digits only ("2", " 3 "). Anything else ("1e308", "1.5", "-1",
 * "0x10", "") is NaN, which {@link addToCart} and {@link setCartQuantity} refuse; a form never gets
 * a more lenient reading than the JSON API.
 */
export function quantityFromForm(value: unknown): number {
  const text = typeof value === 'string' ? value.trim() : '';
  return /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
}

function checkQuantity(quantity: unknown): number {
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) {
    throw new AppError('invalid', BAD_QUANTITY, { reason: 'bad_quantity' });
  }
  return quantity;
}

/**
 * Adds `quantity` of a piece (to what the cart holds already), up to what can be sold.
 * @returns the quantity now in the cart.
 */
export async function addToCart(db: Queryable, cartId: string, productSlug: string, quantity: unknown): Promise<number> {
  const wanted = checkQuantity(quantity);
  const product = await publicProduct(db, productSlug);
  const max = maxQuantityOf(product);
  if (max < 1) throw new AppError('conflict', 'this piece is sold out', { reason: 'sold_out' });
  // One statement (one commit): add to what the line holds, capped at what can be sold, and touch
  // the cart. Atomic, so two adds at once cannot both read the old quantity.
  const [row] = await db.query<{ quantity: number }>(
    `WITH touched AS (UPDATE carts SET updated_at = now() WHERE id = $1)
     INSERT INTO cart_items (cart_id, product_id, quantity) VALUES ($1, $2, LEAST($3::int, $4::int))
     ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = LEAST(cart_items.quantity + $3::int, $4::int)
     RETURNING quantity`,
    [cartId, product.id, wanted, max],
  );
  return row!.quantity;
}

/** Sets a line's quantity (clamped to what can be sold). */
export async function setCartQuantity(db: Queryable, cartId: string, productSlug: string, quantity: unknown): Promise<number> {
  const wanted = checkQuantity(quantity);
  const product = await publicProduct(db, productSlug);
  const next = Math.min(maxQuantityOf(product), wanted);
  if (next < 1) throw new AppError('conflict', 'this piece is sold out', { reason: 'sold_out' });
  const rows = await db.query('UPDATE cart_items SET quantity = $3 WHERE cart_id = $1 AND product_id = $2 RETURNING quantity', [cartId, product.id, next]);
  if (!rows.length) throw new AppError('not_found', `"${productSlug}" is not in the cart`);
  return next;
}

export async function removeFromCart(db: Queryable, cartId: string, productSlug: string): Promise<void> {
  if (!isProductSlug(productSlug)) return; // names nothing in any cart
  await db.query('DELETE FROM cart_items WHERE cart_id = $1 AND product_id = (SELECT id FROM products WHERE slug = $2)', [cartId, productSlug]);
}

export async function clearCart(db: Queryable, cartId: string): Promise<void> {
  await db.query('DELETE FROM cart_items WHERE cart_id = $1', [cartId]);
  await db.query('DELETE FROM cart_seats WHERE cart_id = $1', [cartId]);
}

/** The most one cart line may hold of a session: what is left, at most MAX_SEATS_PER_BOOKING. */
export function maxSeatsOf(session: { seatsLeft: number }): number {
  return Math.max(0, Math.min(session.seatsLeft, MAX_SEATS_PER_BOOKING));
}

/** The message of the AppError('invalid') for a wrong number of seats. */
export const BAD_SEATS = `seats must be a whole number from 1 to ${MAX_SEATS_PER_BOOKING}`;

async function bookableSession(db: Queryable, sessionId: unknown) {
  if (!isUuid(sessionId)) throw new AppError('not_found', 'no such class');
  const [row] = await db.query('SELECT id, status, starts_at, seats_left FROM class_sessions WHERE id = $1', [sessionId]);
  if (!row) throw new AppError('not_found', 'no such class');
  const session = { id: row.id as string, status: row.status as 'scheduled' | 'cancelled', startsAt: new Date(row.starts_at as string), seatsLeft: row.seats_left as number };
  if (!isBookable(session)) throw new AppError('conflict', 'this class is full, cancelled or over', { reason: 'sold_out' });
  return session;
}

function checkSeats(quantity: unknown): number {
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_SEATS_PER_BOOKING) {
    throw new AppError('invalid', BAD_SEATS, { reason: 'bad_quantity' });
  }
  return quantity;
}

/**
 * Adds seats of a class session to the cart (to what the line holds), up to the seats left. The seats
 * are taken only when the checkout is placed, as pieces are.
 * @returns the seats now in the cart.
 */
export async function addSeatsToCart(db: Queryable, cartId: string, sessionId: unknown, quantity: unknown): Promise<number> {
  const wanted = checkSeats(quantity);
  const session = await bookableSession(db, sessionId);
  const [row] = await db.query<{ quantity: number }>(
    `WITH touched AS (UPDATE carts SET updated_at = now() WHERE id = $1)
     INSERT INTO cart_seats (cart_id, session_id, quantity) VALUES ($1, $2, LEAST($3::int, $4::int))
     ON CONFLICT (cart_id, session_id) DO UPDATE SET quantity = LEAST(cart_seats.quantity + $3::int, $4::int)
     RETURNING quantity`,
    [cartId, session.id, wanted, maxSeatsOf(session)],
  );
  return row!.quantity;
}

/** Sets a class line's seats (clamped to what is left). */
export async function setCartSeats(db: Queryable, cartId: string, sessionId: unknown, quantity: unknown): Promise<number> {
  const wanted = checkSeats(quantity);
  const session = await bookableSession(db, sessionId);
  const next = Math.min(maxSeatsOf(session), wanted);
  const rows = await db.query('UPDATE cart_seats SET quantity = $3 WHERE cart_id = $1 AND session_id = $2 RETURNING quantity', [cartId, session.id, next]);
  if (!rows.length) throw new AppError('not_found', 'this class is not in the cart');
  return next;
}

/** Removes a class line (a no-op for one that is not there). */
export async function removeSeatsFromCart(db: Queryable, cartId: string, sessionId: unknown): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db.query('DELETE FROM cart_seats WHERE cart_id = $1 AND session_id = $2', [cartId, sessionId]);
}

async function viewCartClasses(db: Queryable, cartId: string): Promise<CartClassGroup[]> {
  const rows = await db.query(
    `SELECT cs.quantity, s.id, s.place_id, s.place_name, s.title_id, s.title_en, s.starts_at, s.time_zone, s.duration_minutes, s.price_idr, s.seats_left, s.status, s.is_sample
     FROM cart_seats cs JOIN class_sessions s ON s.id = cs.session_id WHERE cs.cart_id = $1 ORDER BY s.place_name, s.starts_at, s.id`,
    [cartId],
  );
  const groups = new Map<string, CartClassGroup>();
  for (const r of rows) {
    const seatsLeft = r.seats_left as number;
    const startsAt = new Date(r.starts_at as string);
    const quantity = r.quantity as number;
    const bookable = isBookable({ status: r.status as 'scheduled' | 'cancelled', startsAt, seatsLeft });
    const item: CartSeatView = {
      sessionId: r.id as string,
      title: { id: r.title_id as string, en: r.title_en as string },
      startsAt,
      timeZone: r.time_zone as ClassTimeZone,
      durationMinutes: r.duration_minutes as number,
      quantity,
      unitPriceIdr: r.price_idr as number,
      seatsLeft,
      lineTotalIdr: (r.price_idr as number) * quantity,
      maxQuantity: bookable ? maxSeatsOf({ seatsLeft }) : 0,
      available: false,
      isSample: r.is_sample === true,
    };
    item.available = item.maxQuantity >= quantity;
    const key = r.place_id as string;
    const group = groups.get(key) ?? { place: { id: key, name: r.place_name as string }, items: [], subtotalIdr: 0 };
    group.items.push(item);
    group.subtotalIdr += item.lineTotalIdr;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Each line's picture: the smallest WebP of the product's first image. */
const IMAGE_PATH = `(SELECT v->>'path' FROM product_images i, jsonb_array_elements(i.variants) v
   WHERE i.product_id = p.id AND v->>'format' = 'webp' ORDER BY i.position, (v->>'width')::int LIMIT 1)`;

/**
 * The cart grouped by artisan, with today's prices and stock (always read from the database).
 * `images: false` leaves `imagePath` null and skips looking the pictures up (for JSON answers,
 * which show none).
 */
export async function viewCart(db: Queryable, cartId: string | null, options: { images?: boolean } = {}): Promise<CartView> {
  if (!cartId) return { groups: [], classes: [], totalIdr: 0, count: 0 };
  const rows = await db.query(
    `SELECT ci.quantity, p.id, p.slug, p.title_id, p.title_en, p.price_idr, p.stock, p.one_of_a_kind, p.lead_time_days, p.weight_grams,
            (${PUBLIC_PIECE}) AS public,
            a.id AS artisan_id, a.slug AS artisan_slug, a.workshop AS artisan_name, a.region AS artisan_region, a.is_sample AS artisan_is_sample,
            ${options.images === false ? 'NULL' : IMAGE_PATH} AS image_path
     FROM cart_items ci JOIN products p ON p.id = ci.product_id JOIN artisans a ON a.id = p.artisan_id
     WHERE ci.cart_id = $1 ORDER BY a.workshop, ci.added_at`,
    [cartId],
  );
  const groups = new Map<string, CartGroup>();
  for (const r of rows) {
    const stock = r.stock as number;
    const madeToOrder = stock === 0 && r.lead_time_days !== null;
    const item: CartItemView = {
      productId: r.id as string,
      productSlug: r.slug as string,
      title: { id: r.title_id as string, en: r.title_en as string },
      quantity: r.quantity as number,
      unitPriceIdr: r.price_idr as number,
      stock,
      oneOfAKind: r.one_of_a_kind as boolean,
      madeToOrder,
      leadTimeDays: (r.lead_time_days as number | null) ?? null,
      weightGrams: r.weight_grams as number,
      lineTotalIdr: (r.price_idr as number) * (r.quantity as number),
      available: false,
      maxQuantity: 0,
      imagePath: (r.image_path as string | null) ?? null,
    };
    item.maxQuantity = (r.public as boolean) ? maxQuantityOf(item) : 0;
    item.available = item.maxQuantity >= item.quantity;
    const key = r.artisan_id as string;
    const group = groups.get(key) ?? {
      artisan: { id: key, slug: r.artisan_slug as string, name: r.artisan_name as string, region: r.artisan_region as string, isSample: r.artisan_is_sample === true },
      items: [],
      subtotalIdr: 0,
      weightGrams: 0,
      leadTimeDays: null,
    };
    group.items.push(item);
    group.subtotalIdr += item.lineTotalIdr;
    group.weightGrams += item.weightGrams * item.quantity;
    if (item.leadTimeDays !== null && (item.madeToOrder || item.leadTimeDays > 0)) {
      group.leadTimeDays = Math.max(group.leadTimeDays ?? 0, item.leadTimeDays);
    }
    groups.set(key, group);
  }
  const list = [...groups.values()];
  const classes = await viewCartClasses(db, cartId);
  return {
    groups: list,
    classes,
    totalIdr: list.reduce((n, g) => n + g.subtotalIdr, 0) + classes.reduce((n, g) => n + g.subtotalIdr, 0),
    count: list.reduce((n, g) => n + g.items.reduce((m, i) => m + i.quantity, 0), 0) + classes.reduce((n, g) => n + g.items.reduce((m, i) => m + i.quantity, 0), 0),
  };
}

/** The JSON shape of `GET /api/cart`. */
export function toCartJson(cart: CartView, lang: 'id' | 'en') {
  return {
    groups: cart.groups.map((g) => ({
      artisan: { slug: g.artisan.slug, name: g.artisan.name },
      items: g.items.map((i) => ({
        productSlug: i.productSlug,
        title: textIn(i.title, lang),
        quantity: i.quantity,
        unitPriceIdr: i.unitPriceIdr,
        stock: i.stock,
        maxQuantity: i.maxQuantity,
        available: i.available,
      })),
      subtotalIdr: g.subtotalIdr,
    })),
    classes: cart.classes.map((g) => ({
      place: g.place,
      items: g.items.map((i) => ({
        sessionId: i.sessionId,
        title: textIn(i.title, lang),
        startsAt: i.startsAt.toISOString(),
        quantity: i.quantity,
        unitPriceIdr: i.unitPriceIdr,
        seatsLeft: i.seatsLeft,
        maxQuantity: i.maxQuantity,
        available: i.available,
      })),
      subtotalIdr: g.subtotalIdr,
    })),
    totalIdr: cart.totalIdr,
    count: cart.count,
  };
}


/** How many pieces the cart holds (the sum of its quantities), as `viewCart(…).count` says: the header's badge. */
export async function countCartItems(db: Queryable, cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const [row] = await db.query<{ n: number }>(
    'SELECT (SELECT COALESCE(sum(quantity), 0) FROM cart_items WHERE cart_id = $1)::int + (SELECT COALESCE(sum(quantity), 0) FROM cart_seats WHERE cart_id = $1)::int AS n',
    [cartId],
  );
  return row?.n ?? 0;
}
