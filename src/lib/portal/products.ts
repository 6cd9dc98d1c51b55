/**
 * The artisan portal's products: every function takes `(db, artisanId, …)` and every query is
 * scoped by `artisan_id`. Someone else's product id (or a malformed, guessed one) answers
 * `not_found`, never `forbidden`, so ids cannot be probed.
 *
 * Plain functions over a `Queryable`; functions that need several statements to be atomic run
 * them in a transaction when given a `Database`, or inside the caller's transaction when given one.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'astro/zod';
import type { Database, Queryable, Row } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { slugify } from '../text.ts';
import { createProduct, toImage, toProduct } from '../store/repository.ts';
import { productInputSchema, type Product, type ProductImage } from '../store/model.ts';

/** Most photos a product may have. */
export const MAX_PHOTOS = 8;

/** The ids a product may name: motif and technique ids of the catalogue. */
export interface Vocabulary {
  motifs: readonly string[];
  techniques: readonly string[];
}

/** A product as its artisan sees it: every field, with its photos in order (the first is the cover). */
export interface OwnProduct extends Product {
  images: ProductImage[];
}

/** One line of the artisan's product list. */
export interface OwnProductSummary {
  id: string;
  slug: string;
  title: Product['title'];
  priceIdr: number;
  stock: number;
  oneOfAKind: boolean;
  status: Product['status'];
  hidden: boolean;
  /** The first photo, or null when there is none yet. */
  cover: ProductImage | null;
  photoCount: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

// ---------------------------------------------------------------------------------------------
// Validation: derived from the repository's productInputSchema, without what artisans may not set

const shape = productInputSchema.shape;
/** The refinement's message on `stock`, so pages can say it in the artisan's language. */
export const ONE_OF_A_KIND_MESSAGE = 'a one-of-a-kind piece has a stock of 0 or 1';
const nullableInt = (max: number, min = 1) => z.number().int().min(min).max(max).nullable();

/** The fields an artisan writes, all required except the nullable ones. */
const fields = {
  title: shape.title,
  description: shape.description,
  motifs: shape.motifs,
  technique: shape.technique,
  dye: shape.dye,
  fabric: shape.fabric,
  category: shape.category,
  lengthCm: nullableInt(1000).optional(),
  widthCm: nullableInt(1000).optional(),
  weightGrams: shape.weightGrams,
  priceIdr: shape.priceIdr,
  stock: shape.stock,
  oneOfAKind: z.boolean().default(false),
  leadTimeDays: nullableInt(365, 0).optional(),
  colors: shape.colors,
};

/** Motifs and technique, checked against the catalogue's ids when a vocabulary is given. */
function vocabularyFields(vocabulary: Vocabulary | undefined) {
  if (!vocabulary) return { motifs: fields.motifs, technique: fields.technique };
  return {
    motifs: fields.motifs.superRefine((ids, ctx) => {
      ids.forEach((m, i) => {
        if (!vocabulary.motifs.includes(m)) ctx.addIssue({ code: 'custom', message: `unknown motif "${m}"`, path: [i] });
      });
    }),
    technique: fields.technique.refine((t) => vocabulary.techniques.includes(t), { message: 'unknown technique' }),
  };
}

/**
 * The one-of-a-kind rule, checked even when other fields are wrong (so a form shows every
 * problem at once), as long as stock and oneOfAKind themselves are well-formed.
 */
const oneOfAKindCheck = (p: { oneOfAKind?: boolean | undefined; stock: number }) => !p.oneOfAKind || p.stock <= 1;
const oneOfAKindParams = {
  message: ONE_OF_A_KIND_MESSAGE,
  path: ['stock'],
  when: (payload: { value: unknown }) => {
    const v = payload.value as { stock?: unknown; oneOfAKind?: unknown } | null;
    return typeof v?.stock === 'number' && Number.isInteger(v.stock) && (v.oneOfAKind === undefined || typeof v.oneOfAKind === 'boolean');
  },
};

/**
 * The schema of a new product (`POST /api/portal/products`, the "new" form): every field an
 * artisan writes, plus `status` draft (default) or active (publish at once). With a vocabulary,
 * motifs and technique must be catalogue ids.
 */
export function ownProductInputSchema(vocabulary?: Vocabulary) {
  return z
    .strictObject({ ...fields, ...vocabularyFields(vocabulary), status: z.enum(['draft', 'active']).default('draft') })
    .refine(oneOfAKindCheck, oneOfAKindParams);
}
/** A new product as the API and the "new" form send it. */
export type OwnProductInput = z.input<ReturnType<typeof ownProductInputSchema>>;

/**
 * The schema of a partial change (`PATCH /api/portal/products/{id}`): any of the fields; `null`
 * clears length, width and lead time. The merged result is validated again as a whole (so a
 * one-of-a-kind piece can never end up with a stock above 1). `status` is applied by the caller
 * through publish / unpublish / archive.
 */
export function ownProductPatchSchema(vocabulary?: Vocabulary) {
  const checked = vocabularyFields(vocabulary);
  // No defaults here: a field left out must stay as it is, not be reset.
  return z.strictObject({
    title: fields.title.optional(),
    description: fields.description.optional(),
    motifs: checked.motifs.optional(),
    technique: checked.technique.optional(),
    dye: fields.dye.optional(),
    fabric: fields.fabric.optional(),
    category: fields.category.optional(),
    lengthCm: fields.lengthCm,
    widthCm: fields.widthCm,
    weightGrams: fields.weightGrams.optional(),
    priceIdr: fields.priceIdr.optional(),
    stock: fields.stock.optional(),
    oneOfAKind: z.boolean().optional(),
    leadTimeDays: fields.leadTimeDays,
    colors: shape.colors.unwrap().optional(),
    status: z.enum(['draft', 'active', 'archived']).optional(),
  });
}
/** A partial change as `PATCH /api/portal/products/{id}` sends it. */
export type OwnProductPatch = z.input<ReturnType<typeof ownProductPatchSchema>>;

/** The whole product after a patch, validated again. */
const mergedSchema = z.strictObject(fields).refine(oneOfAKindCheck, oneOfAKindParams);

/** Zod issues as one AppError('invalid') that names every field, e.g. `priceIdr: …; title.id: …`. */
export function invalidInput(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  return new AppError('invalid', issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; '));
}

/**
 * The form field a zod issue is about, as pages key their messages: `title_id`, `priceIdr`,
 * `motifs` (an issue on `motifs.2` is about `motifs`).
 */
export function issueField(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'title' || parts[0] === 'description') return parts.slice(0, 2).join('_');
  return parts[0] ?? 'input';
}

// ---------------------------------------------------------------------------------------------
// Forms

/** What pages read from a submitted product form (a FormData or anything with get/getAll). */
export interface FormLike {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

/**
 * A whole number typed by a person: spaces, "Rp" and the thousands dots of `250.000` are
 * dropped. Blank → null; anything else that is not digits → NaN, which the schema refuses.
 */
export function parseWholeNumber(value: unknown): number | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return null;
  const digits = text.replace(/^rp\.?/i, '').replace(/[\s.\u00a0]/g, '');
  return /^\d{1,12}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** A product form's values as typed (strings), to show them again after a refused submit. */
export interface ProductFormValues {
  title_id: string;
  title_en: string;
  description_id: string;
  description_en: string;
  motifs: string[];
  technique: string;
  dye: string;
  fabric: string;
  category: string;
  lengthCm: string;
  widthCm: string;
  weightGrams: string;
  priceIdr: string;
  stock: string;
  oneOfAKind: boolean;
  leadTimeDays: string;
}

/** What a submitted product form holds, as typed. */
export function formValuesFromForm(form: FormLike): ProductFormValues {
  const text = (name: string, max = 10_000) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.slice(0, max) : '';
  };
  const on = form.get('oneOfAKind');
  return {
    title_id: text('title_id', 400),
    title_en: text('title_en', 400),
    description_id: text('description_id'),
    description_en: text('description_en'),
    motifs: form.getAll('motifs').filter((m): m is string => typeof m === 'string').slice(0, 30),
    technique: text('technique', 100),
    dye: text('dye', 100),
    fabric: text('fabric', 100),
    category: text('category', 100),
    lengthCm: text('lengthCm', 30),
    widthCm: text('widthCm', 30),
    weightGrams: text('weightGrams', 30),
    priceIdr: text('priceIdr', 30),
    stock: text('stock', 30),
    oneOfAKind: on !== null && on !== undefined,
    leadTimeDays: text('leadTimeDays', 30),
  };
}

/** A product's values for its edit form; with no product, the new-product form's defaults. */
export function formValuesFromProduct(p?: Product | null): ProductFormValues {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    title_id: p?.title.id ?? '',
    title_en: p?.title.en ?? '',
    description_id: p?.description.id ?? '',
    description_en: p?.description.en ?? '',
    motifs: p?.motifs ?? [],
    technique: p?.technique ?? '',
    dye: p?.dye ?? '',
    fabric: p?.fabric ?? '',
    category: p?.category ?? '',
    lengthCm: n(p?.lengthCm),
    widthCm: n(p?.widthCm),
    weightGrams: n(p?.weightGrams),
    priceIdr: n(p?.priceIdr),
    stock: p ? String(p.stock) : '1',
    oneOfAKind: p?.oneOfAKind ?? false,
    leadTimeDays: n(p?.leadTimeDays),
  };
}

/**
 * Form values as the input schemas expect them. Blank optional numbers become null, blank
 * required ones NaN (refused with the field named); no status and no colours (a form never
 * resets them).
 */
export function productInputFromValues(v: ProductFormValues): Record<string, unknown> {
  const required = (text: string) => parseWholeNumber(text) ?? Number.NaN;
  return {
    title: { id: v.title_id, en: v.title_en },
    description: { id: v.description_id, en: v.description_en },
    motifs: v.motifs,
    technique: v.technique,
    dye: v.dye,
    fabric: v.fabric,
    category: v.category,
    lengthCm: parseWholeNumber(v.lengthCm),
    widthCm: parseWholeNumber(v.widthCm),
    weightGrams: required(v.weightGrams),
    priceIdr: required(v.priceIdr),
    stock: required(v.stock),
    oneOfAKind: v.oneOfAKind,
    leadTimeDays: parseWholeNumber(v.leadTimeDays),
  };
}

/** A submitted product form as the input schemas expect it. */
export function productInputFromForm(form: FormLike): Record<string, unknown> {
  return productInputFromValues(formValuesFromForm(form));
}

// ---------------------------------------------------------------------------------------------
// Rows


/** The one answer for "not yours", "does not exist" and "not even an id". */
export function productNotFound(): AppError {
  return new AppError('not_found', 'There is no such product among yours.');
}

export { toProduct, toImage };

/**
 * Runs `work` atomically: in a new transaction when `db` is a Database, else in the caller's
 * (a transaction's Queryable is already atomic).
 */
export function atomically<T>(db: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const database = db as Partial<Database>;
  return typeof database.transaction === 'function' ? (database as Database).transaction(work) : work(db);
}

/**
 * The artisan's own product row, optionally locked for the rest of the transaction.
 * @throws AppError('not_found') for anything that is not theirs.
 */
export async function ownProductRow(db: Queryable, artisanId: string, productId: string, lock = false): Promise<Row> {
  if (!isUuid(productId) || !isUuid(artisanId)) throw productNotFound();
  const [row] = await db.query(`SELECT * FROM products WHERE id = $1 AND artisan_id = $2${lock ? ' FOR UPDATE' : ''}`, [productId, artisanId]);
  if (!row) throw productNotFound();
  return row;
}

async function imagesOf(db: Queryable, productId: string): Promise<ProductImage[]> {
  const rows = await db.query('SELECT * FROM product_images WHERE product_id = $1 ORDER BY position', [productId]);
  return rows.map(toImage);
}

// ---------------------------------------------------------------------------------------------
// Slugs

/** Six random lowercase letters and digits. */
export function randomSuffix(length = 6): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * A product slug from its Indonesian title and a short random suffix:
 * `Kain Kopi Semende` → `kain-kopi-semende-x7k2qa`.
 */
export function productSlug(titleId: string, suffix = randomSuffix()): string {
  return `${slugify(titleId, { maxLength: 80, fallback: 'produk' })}-${suffix}`;
}

async function uniqueSlug(db: Queryable, titleId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const slug = productSlug(titleId);
    const taken = await db.query('SELECT 1 FROM products WHERE slug = $1', [slug]);
    if (!taken.length) return slug;
  }
  throw new AppError('conflict', 'could not find a free address for this product; please try again');
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The artisan's products, newest change first, each with its cover and status. */
export async function listOwnProducts(db: Queryable, artisanId: string): Promise<OwnProductSummary[]> {
  if (!isUuid(artisanId)) return [];
  const rows = await db.query(
    `SELECT p.*, c.id AS cover_id,
       (SELECT count(*)::int FROM product_images n WHERE n.product_id = p.id) AS photo_count
     FROM products p
     LEFT JOIN product_images c ON c.product_id = p.id AND c.position = 0
     WHERE p.artisan_id = $1
     ORDER BY (p.status = 'archived'), p.updated_at DESC, p.slug`,
    [artisanId],
  );
  const coverIds = rows.map((r) => r.cover_id).filter((id): id is string => typeof id === 'string');
  const covers = coverIds.length
    ? new Map(
        (await db.query('SELECT * FROM product_images WHERE id = ANY ($1::uuid[])', [coverIds])).map((r) => [r.id as string, toImage(r)]),
      )
    : new Map<string, ProductImage>();
  return rows.map((r) => {
    const p = toProduct(r);
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      priceIdr: p.priceIdr,
      stock: p.stock,
      oneOfAKind: p.oneOfAKind,
      status: p.status,
      hidden: p.hidden,
      cover: typeof r.cover_id === 'string' ? (covers.get(r.cover_id) ?? null) : null,
      photoCount: r.photo_count as number,
      createdAt: p.createdAt,
      updatedAt: new Date(r.updated_at as string),
      publishedAt: p.publishedAt,
    };
  });
}

/** The artisan's product, or null when there is none (or it is another artisan's). */
export async function findOwnProduct(db: Queryable, artisanId: string, productId: string): Promise<OwnProduct | null> {
  try {
    return await getOwnProduct(db, artisanId, productId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * One of the artisan's products with its photos.
 * @throws AppError('not_found') when it is not theirs (or does not exist).
 */
export async function getOwnProduct(db: Queryable, artisanId: string, productId: string): Promise<OwnProduct> {
  const row = await ownProductRow(db, artisanId, productId);
  return { ...toProduct(row), images: await imagesOf(db, row.id as string) };
}

/** Whether any order names the product (then it can be archived but never deleted). */
export async function hasOrders(db: Queryable, productId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM order_items WHERE product_id = $1 LIMIT 1', [productId]);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Creates a product for the artisan: slug from the Indonesian title plus a random suffix, status
 * draft unless `status: 'active'` (published at once).
 * @throws AppError('invalid') naming every wrong field.
 */
export async function createOwnProduct(db: Queryable, artisanId: string, input: unknown, vocabulary?: Vocabulary): Promise<OwnProduct> {
  if (!isUuid(artisanId)) throw new AppError('invalid', 'artisanId: not an artisan');
  const parsed = ownProductInputSchema(vocabulary).safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const p = parsed.data;
  const product = await createProduct(db, {
    slug: await uniqueSlug(db, p.title.id),
    artisanId,
    title: p.title,
    description: p.description,
    motifs: p.motifs,
    technique: p.technique,
    dye: p.dye,
    fabric: p.fabric,
    category: p.category,
    ...(p.lengthCm != null && { lengthCm: p.lengthCm }),
    ...(p.widthCm != null && { widthCm: p.widthCm }),
    weightGrams: p.weightGrams,
    priceIdr: p.priceIdr,
    stock: p.stock,
    oneOfAKind: p.oneOfAKind,
    ...(p.leadTimeDays != null && { leadTimeDays: p.leadTimeDays }),
    status: p.status,
    colors: p.colors,
    isSample: false,
  });
  return { ...product, images: [] };
}

/**
 * Changes some fields of the artisan's product (the slug never changes, so links keep working).
 * The result is validated as a whole. Photo descriptions that were the old title follow the new one.
 * A `status` in the patch is ignored here: see {@link setOwnProductStatus}.
 * @throws AppError('not_found') for someone else's product; AppError('invalid') naming the fields.
 */
export async function updateOwnProduct(
  db: Queryable,
  artisanId: string,
  productId: string,
  patch: unknown,
  vocabulary?: Vocabulary,
): Promise<OwnProduct> {
  // Ownership first: someone else's id is not_found even when the patch is also wrong.
  await ownProductRow(db, artisanId, productId);
  const parsedPatch = ownProductPatchSchema(vocabulary).safeParse(patch);
  if (!parsedPatch.success) throw invalidInput(parsedPatch.error.issues);
  const changes = Object.fromEntries(Object.entries(parsedPatch.data).filter(([k, v]) => k !== 'status' && v !== undefined));

  return atomically(db, async (tx) => {
    const current = toProduct(await ownProductRow(tx, artisanId, productId, true));
    const merged = mergedSchema.safeParse({
      title: current.title,
      description: current.description,
      motifs: current.motifs,
      technique: current.technique,
      dye: current.dye,
      fabric: current.fabric,
      category: current.category,
      lengthCm: current.lengthCm,
      widthCm: current.widthCm,
      weightGrams: current.weightGrams,
      priceIdr: current.priceIdr,
      stock: current.stock,
      oneOfAKind: current.oneOfAKind,
      leadTimeDays: current.leadTimeDays,
      colors: current.colors,
      ...changes,
    });
    if (!merged.success) throw invalidInput(merged.error.issues);
    const p = merged.data;
    try {
      const [row] = await tx.query(
        `UPDATE products SET title_id = $3, title_en = $4, description_id = $5, description_en = $6, motifs = $7, technique = $8,
           dye = $9, fabric = $10, category = $11, length_cm = $12, width_cm = $13, weight_grams = $14, price_idr = $15, stock = $16,
           one_of_a_kind = $17, lead_time_days = $18, colors = $19, updated_at = now()
         WHERE id = $1 AND artisan_id = $2 RETURNING *`,
        [
          productId, artisanId, p.title.id, p.title.en, p.description.id, p.description.en, p.motifs, p.technique,
          p.dye, p.fabric, p.category, p.lengthCm ?? null, p.widthCm ?? null, p.weightGrams, p.priceIdr, p.stock,
          p.oneOfAKind, p.leadTimeDays ?? null, p.colors,
        ],
      );
      await tx.query(
        `UPDATE product_images SET alt_id = CASE WHEN alt_id = $2 THEN $4 ELSE alt_id END, alt_en = CASE WHEN alt_en = $3 THEN $5 ELSE alt_en END
         WHERE product_id = $1 AND (alt_id = $2 OR alt_en = $3)`,
        [productId, current.title.id, current.title.en, p.title.id, p.title.en],
      );
      return { ...toProduct(row!), images: await imagesOf(tx, productId) };
    } catch (error) {
      throw fromDatabaseError(error, `could not update product ${productId}`);
    }
  });
}

/**
 * Sets the status: `active` publishes (published_at is now, unless it was already active),
 * `draft` takes it off the site, `archived` puts it away.
 * @throws AppError('not_found') for someone else's product.
 */
export async function setOwnProductStatus(db: Queryable, artisanId: string, productId: string, status: Product['status']): Promise<OwnProduct> {
  if (!isUuid(productId) || !isUuid(artisanId)) throw productNotFound();
  const [row] = await db.query(
    `UPDATE products SET status = $3,
       published_at = CASE WHEN $3 = 'active' AND status <> 'active' THEN now() ELSE published_at END,
       updated_at = now()
     WHERE id = $1 AND artisan_id = $2 RETURNING *`,
    [productId, artisanId, status],
  );
  if (!row) throw productNotFound();
  return { ...toProduct(row), images: await imagesOf(db, productId) };
}

/** Publishes: the piece shows on the site (when its artisan is approved and curators have not hidden it). */
export function publishOwnProduct(db: Queryable, artisanId: string, productId: string): Promise<OwnProduct> {
  return setOwnProductStatus(db, artisanId, productId, 'active');
}

/** Back to draft: off the site, still editable. */
export function unpublishOwnProduct(db: Queryable, artisanId: string, productId: string): Promise<OwnProduct> {
  return setOwnProductStatus(db, artisanId, productId, 'draft');
}

/** Archives: off the site and at the bottom of the list; orders that name it keep working. */
export function archiveOwnProduct(db: Queryable, artisanId: string, productId: string): Promise<OwnProduct> {
  return setOwnProductStatus(db, artisanId, productId, 'archived');
}

/**
 * Copies a product as a new draft: " (salinan)" / " (copy)" after the titles, a new slug, the same
 * photos (rows only: image files are content-addressed and shared).
 */
export async function duplicateOwnProduct(db: Queryable, artisanId: string, productId: string): Promise<OwnProduct> {
  return atomically(db, async (tx) => {
    const source = toProduct(await ownProductRow(tx, artisanId, productId));
    const suffixed = (title: string, suffix: string) => `${title.slice(0, 160 - suffix.length).trimEnd()}${suffix}`;
    const title = { id: suffixed(source.title.id, ' (salinan)'), en: source.title.en ? suffixed(source.title.en, ' (copy)') : '' };
    const copy = await createProduct(tx, {
      slug: await uniqueSlug(tx, title.id),
      artisanId,
      title,
      description: source.description,
      motifs: source.motifs,
      technique: source.technique,
      dye: source.dye,
      fabric: source.fabric,
      category: source.category,
      ...(source.lengthCm !== null && { lengthCm: source.lengthCm }),
      ...(source.widthCm !== null && { widthCm: source.widthCm }),
      weightGrams: source.weightGrams,
      priceIdr: source.priceIdr,
      stock: source.stock,
      oneOfAKind: source.oneOfAKind,
      ...(source.leadTimeDays !== null && { leadTimeDays: source.leadTimeDays }),
      status: 'draft',
      colors: source.colors,
      isSample: false,
    });
    await tx.query(
      `INSERT INTO product_images (product_id, position, image_key, width, height, placeholder, dominant_colors, variants, alt_id, alt_en)
       SELECT $1, position, image_key, width, height, placeholder, dominant_colors, variants, alt_id, alt_en
       FROM product_images WHERE product_id = $2 ORDER BY position`,
      [copy.id, source.id],
    );
    return { ...copy, images: await imagesOf(tx, copy.id) };
  });
}

/**
 * `DELETE`: a product that some order names is archived (orders keep their history); any other
 * is deleted with its photo rows.
 * @returns what happened, and the product as it was (its slug, to update the search index).
 */
export async function deleteOwnProduct(
  db: Queryable,
  artisanId: string,
  productId: string,
): Promise<{ outcome: 'deleted' | 'archived'; product: Product }> {
  return atomically(db, async (tx) => {
    const product = toProduct(await ownProductRow(tx, artisanId, productId, true));
    if (await hasOrders(tx, productId)) {
      const archived = await setOwnProductStatus(tx, artisanId, productId, 'archived');
      return { outcome: 'archived' as const, product: archived };
    }
    await tx.query('DELETE FROM products WHERE id = $1 AND artisan_id = $2', [productId, artisanId]);
    return { outcome: 'deleted' as const, product };
  });
}
