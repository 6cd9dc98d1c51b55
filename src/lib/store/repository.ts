/**
 * Reading and writing artisans and products. Plain functions over a `Queryable`, so the same code
 * runs inside or outside a transaction, on PGlite or PostgreSQL. Rows become domain objects here.
 */
import type { Queryable, Row } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { isSlug } from '../ids.ts';
import {
  artisanInputSchema,
  productInputSchema,
  type Artisan,
  type ArtisanInput,
  type ImageVariant,
  type Product,
  type ProductImage,
  type ProductInput,
  type ProductView,
} from './model.ts';


function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): AppError {
  const detail = error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
  return new AppError('invalid', detail);
}

const toArtisan = (r: Row): Artisan => ({
  id: r.id as string,
  slug: r.slug as string,
  name: r.name as string,
  workshop: r.workshop as string,
  region: r.region as string,
  place: r.place as string,
  bio: { id: r.bio_id as string, en: r.bio_en as string },
  certifications: r.certifications as Artisan['certifications'],
  whatsapp: (r.whatsapp as string | null) ?? null,
  email: (r.email as string | null) ?? null,
  status: r.status as Artisan['status'],
  isSample: r.is_sample as boolean,
  createdAt: new Date(r.created_at as string),
});

/** Maps a products row to a Product. */
export const toProduct = (r: Row): Product => ({
  id: r.id as string,
  slug: r.slug as string,
  artisanId: r.artisan_id as string,
  title: { id: r.title_id as string, en: r.title_en as string },
  description: { id: r.description_id as string, en: r.description_en as string },
  motifs: r.motifs as string[],
  technique: r.technique as string,
  dye: r.dye as Product['dye'],
  fabric: r.fabric as Product['fabric'],
  category: r.category as Product['category'],
  lengthCm: (r.length_cm as number | null) ?? null,
  widthCm: (r.width_cm as number | null) ?? null,
  weightGrams: r.weight_grams as number,
  priceIdr: r.price_idr as number,
  stock: r.stock as number,
  oneOfAKind: r.one_of_a_kind as boolean,
  leadTimeDays: (r.lead_time_days as number | null) ?? null,
  status: r.status as Product['status'],
  colors: r.colors as string[],
  hidden: r.hidden as boolean,
  isSample: r.is_sample as boolean,
  createdAt: new Date(r.created_at as string),
  publishedAt: r.published_at ? new Date(r.published_at as string) : null,
});

/** Maps a product_images row to a ProductImage. */
export const toImage = (r: Row): ProductImage => ({
  id: r.id as string,
  position: r.position as number,
  imageKey: r.image_key as string,
  width: r.width as number,
  height: r.height as number,
  placeholder: r.placeholder as string,
  dominantColors: r.dominant_colors as string[],
  variants: r.variants as ImageVariant[],
  alt: { id: r.alt_id as string, en: r.alt_en as string },
});

// ---------------------------------------------------------------------------------------------
// Artisans

export async function createArtisan(db: Queryable, input: ArtisanInput): Promise<Artisan> {
  const parsed = artisanInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const a = parsed.data;
  try {
    const [row] = await db.query(
      `INSERT INTO artisans (slug, name, workshop, region, place, bio_id, bio_en, certifications, whatsapp, email, status, is_sample)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12) RETURNING *`,
      [a.slug, a.name, a.workshop, a.region, a.place, a.bio.id, a.bio.en, JSON.stringify(a.certifications), a.whatsapp ?? null, a.email ?? null, a.status, a.isSample],
    );
    return toArtisan(row!);
  } catch (error) {
    throw fromDatabaseError(error, `could not create artisan "${a.slug}"`);
  }
}

/** An approved artisan by slug, as the public site may show them; `null` otherwise. */
export async function findPublicArtisan(db: Queryable, slug: string): Promise<Artisan | null> {
  if (!isSlug(slug)) return null; // no row has another shape (a CHECK constraint), and it must not reach the query
  const [row] = await db.query(`SELECT * FROM artisans WHERE slug = $1 AND status = 'approved'`, [slug]);
  return row ? toArtisan(row) : null;
}

export async function listPublicArtisans(db: Queryable, filter: { region?: string } = {}): Promise<Artisan[]> {
  const rows = await db.query(
    `SELECT * FROM artisans WHERE status = 'approved' AND ($1::text IS NULL OR region = $1) ORDER BY name`,
    [filter.region ?? null],
  );
  return rows.map(toArtisan);
}

/** Approved artisans who have at least one public piece with the motif. */
export async function listArtisansForMotif(db: Queryable, motif: string): Promise<Artisan[]> {
  const rows = await db.query(
    `SELECT a.* FROM artisans a
     WHERE EXISTS (SELECT 1 FROM products p WHERE p.artisan_id = a.id AND ${PUBLIC_PIECE} AND $1 = ANY (p.motifs))
     ORDER BY a.name`,
    [motif],
  );
  return rows.map(toArtisan);
}

/**
 * Writes an artisan's status as it is, any of the three (seeds, tests and scripts). Curators go through
 * `setArtisanStatus` in lib/admin/admin.ts, which also answers which pieces to reindex.
 */
export async function writeArtisanStatus(db: Queryable, id: string, status: Artisan['status']): Promise<void> {
  const rows = await db.query(`UPDATE artisans SET status = $2, updated_at = now() WHERE id = $1 RETURNING id`, [id, status]);
  if (!rows.length) throw new AppError('not_found', `no artisan ${id}`);
}

export async function countArtisans(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM artisans');
  return row!.n;
}

// ---------------------------------------------------------------------------------------------
// Products

export async function createProduct(db: Queryable, input: ProductInput): Promise<Product> {
  const parsed = productInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const p = parsed.data;
  try {
    const [row] = await db.query(
      `INSERT INTO products (slug, artisan_id, title_id, title_en, description_id, description_en, motifs, technique, dye, fabric,
         category, length_cm, width_cm, weight_grams, price_idr, stock, one_of_a_kind, lead_time_days, status, colors, is_sample, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
         CASE WHEN $19 = 'active' THEN now() END)
       RETURNING *`,
      [
        p.slug, p.artisanId, p.title.id, p.title.en, p.description.id, p.description.en, p.motifs, p.technique, p.dye, p.fabric,
        p.category, p.lengthCm ?? null, p.widthCm ?? null, p.weightGrams, p.priceIdr, p.stock, p.oneOfAKind, p.leadTimeDays ?? null,
        p.status, p.colors, p.isSample,
      ],
    );
    return toProduct(row!);
  } catch (error) {
    throw fromDatabaseError(error, `could not create product "${p.slug}"`);
  }
}

export async function addProductImage(db: Queryable, productId: string, image: Omit<ProductImage, 'id'>): Promise<ProductImage> {
  try {
    const [row] = await db.query(
      `INSERT INTO product_images (product_id, position, image_key, width, height, placeholder, dominant_colors, variants, alt_id, alt_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING *`,
      [productId, image.position, image.imageKey, image.width, image.height, image.placeholder, image.dominantColors, JSON.stringify(image.variants), image.alt.id, image.alt.en],
    );
    return toImage(row!);
  } catch (error) {
    throw fromDatabaseError(error, `could not add an image to product ${productId}`);
  }
}

/**
 * What the public may see: an active, unhidden piece of an approved artisan — the one condition,
 * over `products p` joined to `artisans a`, for the shop, search, the cart and the sitemap.
 */
export const PUBLIC_PIECE = `p.status = 'active' AND NOT p.hidden AND a.status = 'approved'`;
const PUBLIC = PUBLIC_PIECE;

/**
 * A public piece with its artisan and, as one `json_agg` column, its images in order: one
 * statement per page of pieces instead of two (a product page is a single round trip).
 */
const VIEW_COLUMNS = `p.*, a.slug AS artisan_slug, a.name AS artisan_name, a.workshop AS artisan_workshop, a.region AS artisan_region,
  a.place AS artisan_place, a.whatsapp AS artisan_whatsapp, a.is_sample AS artisan_is_sample,
  COALESCE((SELECT json_agg(i ORDER BY i.position) FROM product_images i WHERE i.product_id = p.id), '[]'::json) AS images`;

/** Maps a row selected with VIEW_COLUMNS to a ProductView. */
function toProductView(r: Row): ProductView {
  return {
    ...toProduct(r),
    artisan: {
      slug: r.artisan_slug as string,
      name: r.artisan_name as string,
      workshop: r.artisan_workshop as string,
      region: r.artisan_region as string,
      place: r.artisan_place as string,
      whatsapp: (r.artisan_whatsapp as string | null) ?? null,
      isSample: r.artisan_is_sample as boolean,
    },
    images: (r.images as Row[]).map(toImage),
  };
}

export async function findPublicProduct(db: Queryable, slug: string): Promise<ProductView | null> {
  if (!isSlug(slug)) return null;
  const [row] = await db.query(`SELECT ${VIEW_COLUMNS} FROM products p JOIN artisans a ON a.id = p.artisan_id WHERE p.slug = $1 AND ${PUBLIC}`, [slug]);
  return row ? toProductView(row) : null;
}

export interface ProductFilter {
  motif?: string | undefined;
  region?: string | undefined;
  artisanSlug?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Public pieces, newest first. */
export async function listPublicProducts(db: Queryable, filter: ProductFilter = {}): Promise<ProductView[]> {
  const rows = await db.query(
    `SELECT ${VIEW_COLUMNS} FROM products p JOIN artisans a ON a.id = p.artisan_id
     WHERE ${PUBLIC}
       AND ($1::text IS NULL OR $1 = ANY (p.motifs))
       AND ($2::text IS NULL OR a.region = $2)
       AND ($3::text IS NULL OR a.slug = $3)
     ORDER BY p.published_at DESC NULLS LAST, p.slug
     LIMIT $4 OFFSET $5`,
    [filter.motif ?? null, filter.region ?? null, filter.artisanSlug ?? null, Math.min(filter.limit ?? 24, 200), filter.offset ?? 0],
  );
  return rows.map(toProductView);
}

export async function countPublicProducts(db: Queryable, filter: Omit<ProductFilter, 'limit' | 'offset'> = {}): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM products p JOIN artisans a ON a.id = p.artisan_id
     WHERE ${PUBLIC} AND ($1::text IS NULL OR $1 = ANY (p.motifs)) AND ($2::text IS NULL OR a.region = $2) AND ($3::text IS NULL OR a.slug = $3)`,
    [filter.motif ?? null, filter.region ?? null, filter.artisanSlug ?? null],
  );
  return row!.n;
}

/** Slugs and update times of every public piece, for the sitemap. */
export async function listPublicProductSlugs(db: Queryable): Promise<{ slug: string; updatedAt: Date }[]> {
  const rows = await db.query(`SELECT p.slug, p.updated_at FROM products p JOIN artisans a ON a.id = p.artisan_id WHERE ${PUBLIC} ORDER BY p.slug`);
  return rows.map((r) => ({ slug: r.slug as string, updatedAt: new Date(r.updated_at as string) }));
}

/**
 * Takes `quantity` pieces out of stock if, and only if, that many are there: one conditional
 * UPDATE, so two buyers can never both take the last piece.
 * @returns the stock left, or `null` when there was not enough.
 */
export async function takeStock(db: Queryable, productId: string, quantity: number): Promise<number | null> {
  if (!Number.isInteger(quantity) || quantity < 1) throw new AppError('invalid', 'quantity must be a positive whole number');
  const [row] = await db.query<{ stock: number }>(
    `UPDATE products SET stock = stock - $2, updated_at = now() WHERE id = $1 AND stock >= $2 RETURNING stock`,
    [productId, quantity],
  );
  return row ? row.stock : null;
}

export async function getProductById(db: Queryable, id: string): Promise<Product | null> {
  const [row] = await db.query('SELECT * FROM products WHERE id = $1', [id]);
  return row ? toProduct(row) : null;
}
