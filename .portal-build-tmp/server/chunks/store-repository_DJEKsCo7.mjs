import { i as fromDatabaseError, r as AppError } from "./services.server_-_DkjSUe.mjs";
import { t as mod } from "./zod_lkTcRd8k.mjs";
import { i as slugSchema, r as localizedSchema } from "./schemas_DZ_7FI_E.mjs";
// src/lib/catalogue/store-model.ts
/**
* Artisans and products: the commerce side of the catalogue, stored in the database.
* Inputs are validated with zod here; the database's CHECK constraints are the last line.
*/
var CATEGORIES = [
	"kain-panjang",
	"sarung",
	"selendang",
	"kemeja",
	"tas",
	"dompet"
];
var CATEGORY_NAMES = {
	"kain-panjang": {
		id: "Kain panjang",
		en: "Kain panjang (long cloth)"
	},
	sarung: {
		id: "Sarung",
		en: "Sarong"
	},
	selendang: {
		id: "Selendang",
		en: "Shawl (selendang)"
	},
	kemeja: {
		id: "Kemeja",
		en: "Shirt"
	},
	tas: {
		id: "Tas",
		en: "Bag"
	},
	dompet: {
		id: "Dompet",
		en: "Wallet"
	}
};
var FABRICS = [
	"katun-primisima",
	"katun-prima",
	"sutra",
	"santung",
	"dobi"
];
var FABRIC_NAMES = {
	"katun-primisima": {
		id: "Katun primisima",
		en: "Primisima cotton"
	},
	"katun-prima": {
		id: "Katun prima",
		en: "Prima cotton"
	},
	sutra: {
		id: "Sutra",
		en: "Silk"
	},
	santung: {
		id: "Santung",
		en: "Shantung"
	},
	dobi: {
		id: "Dobi",
		en: "Dobby"
	}
};
var DYES = [
	"natural",
	"synthetic",
	"mixed"
];
var DYE_NAMES = {
	natural: {
		id: "Pewarna alami",
		en: "Natural dyes"
	},
	synthetic: {
		id: "Pewarna sintetis",
		en: "Synthetic dyes"
	},
	mixed: {
		id: "Alami dan sintetis",
		en: "Natural and synthetic dyes"
	}
};
var PRODUCT_STATUSES = [
	"draft",
	"active",
	"archived"
];
var ARTISAN_STATUSES = [
	"pending",
	"approved",
	"suspended"
];
var hexColour = mod.string().regex(/^#[0-9a-f]{6}$/);
var certificationSchema = mod.strictObject({
	kind: mod.enum(["lsp-batik", "batikmark"]),
	/** Certificate number, e.g. a Batikmark (BMI) number. */
	number: mod.string().trim().min(1).max(60).optional(),
	year: mod.number().int().min(2e3).max(2100).optional()
});
var artisanInputSchema = mod.strictObject({
	slug: slugSchema.max(80),
	name: mod.string().trim().min(1).max(120),
	workshop: mod.string().trim().min(1).max(160),
	region: slugSchema,
	place: mod.string().trim().min(1).max(120),
	/** The workshop's story; empty until the artisan writes it. */
	bio: mod.strictObject({
		id: mod.string().trim().max(4e3),
		en: mod.string().trim().max(4e3)
	}).default({
		id: "",
		en: ""
	}),
	certifications: mod.array(certificationSchema).max(10).default([]),
	whatsapp: mod.string().regex(/^\+?[0-9]{8,15}$/, "a WhatsApp number is 8–15 digits, optionally starting with +").optional(),
	email: mod.email().optional(),
	status: mod.enum(ARTISAN_STATUSES).default("pending"),
	isSample: mod.boolean().default(false)
});
var productInputSchema = mod.strictObject({
	slug: slugSchema.max(120),
	artisanId: mod.uuid(),
	title: mod.strictObject({
		id: mod.string().trim().min(1).max(160),
		en: mod.string().trim().min(1).max(160)
	}),
	description: localizedSchema,
	motifs: mod.array(slugSchema).min(1).max(5),
	technique: slugSchema,
	dye: mod.enum(DYES),
	fabric: mod.enum(FABRICS),
	category: mod.enum(CATEGORIES),
	lengthCm: mod.number().int().positive().max(1e3).optional(),
	widthCm: mod.number().int().positive().max(1e3).optional(),
	weightGrams: mod.number().int().positive().max(3e4),
	/** Integer rupiah. */
	priceIdr: mod.number().int().min(1e3).max(1e9),
	stock: mod.number().int().min(0).max(1e5),
	oneOfAKind: mod.boolean().default(false),
	leadTimeDays: mod.number().int().min(0).max(365).optional(),
	status: mod.enum(PRODUCT_STATUSES).default("draft"),
	colors: mod.array(hexColour).max(8).default([]),
	isSample: mod.boolean().default(false)
}).refine((p) => !p.oneOfAKind || p.stock <= 1, {
	message: "a one-of-a-kind piece has a stock of 0 or 1",
	path: ["stock"]
});
// src/lib/catalogue/store-repository.ts
function invalid(error) {
	const detail = error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
	return new AppError("invalid", detail);
}
var toArtisan = (r) => ({
	id: r.id,
	slug: r.slug,
	name: r.name,
	workshop: r.workshop,
	region: r.region,
	place: r.place,
	bio: {
		id: r.bio_id,
		en: r.bio_en
	},
	certifications: r.certifications,
	whatsapp: r.whatsapp ?? null,
	email: r.email ?? null,
	status: r.status,
	isSample: r.is_sample,
	createdAt: new Date(r.created_at)
});
var toProduct = (r) => ({
	id: r.id,
	slug: r.slug,
	artisanId: r.artisan_id,
	title: {
		id: r.title_id,
		en: r.title_en
	},
	description: {
		id: r.description_id,
		en: r.description_en
	},
	motifs: r.motifs,
	technique: r.technique,
	dye: r.dye,
	fabric: r.fabric,
	category: r.category,
	lengthCm: r.length_cm ?? null,
	widthCm: r.width_cm ?? null,
	weightGrams: r.weight_grams,
	priceIdr: r.price_idr,
	stock: r.stock,
	oneOfAKind: r.one_of_a_kind,
	leadTimeDays: r.lead_time_days ?? null,
	status: r.status,
	colors: r.colors,
	hidden: r.hidden,
	isSample: r.is_sample,
	createdAt: new Date(r.created_at),
	publishedAt: r.published_at ? new Date(r.published_at) : null
});
var toImage = (r) => ({
	id: r.id,
	position: r.position,
	imageKey: r.image_key,
	width: r.width,
	height: r.height,
	placeholder: r.placeholder,
	dominantColors: r.dominant_colors,
	variants: r.variants,
	alt: {
		id: r.alt_id,
		en: r.alt_en
	}
});
async function createArtisan(db, input) {
	const parsed = artisanInputSchema.safeParse(input);
	if (!parsed.success) throw invalid(parsed.error);
	const a = parsed.data;
	try {
		const [row] = await db.query(`INSERT INTO artisans (slug, name, workshop, region, place, bio_id, bio_en, certifications, whatsapp, email, status, is_sample)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12) RETURNING *`, [
			a.slug,
			a.name,
			a.workshop,
			a.region,
			a.place,
			a.bio.id,
			a.bio.en,
			JSON.stringify(a.certifications),
			a.whatsapp ?? null,
			a.email ?? null,
			a.status,
			a.isSample
		]);
		return toArtisan(row);
	} catch (error) {
		throw fromDatabaseError(error, `could not create artisan "${a.slug}"`);
	}
}
/** An approved artisan by slug, as the public site may show them; `null` otherwise. */
async function findPublicArtisan(db, slug) {
	const [row] = await db.query(`SELECT * FROM artisans WHERE slug = $1 AND status = 'approved'`, [slug]);
	return row ? toArtisan(row) : null;
}
async function listPublicArtisans(db, filter = {}) {
	return (await db.query(`SELECT * FROM artisans WHERE status = 'approved' AND ($1::text IS NULL OR region = $1) ORDER BY name`, [filter.region ?? null])).map(toArtisan);
}
/** Approved artisans who have at least one public piece with the motif. */
async function listArtisansForMotif(db, motif) {
	return (await db.query(`SELECT a.* FROM artisans a
     WHERE a.status = 'approved'
       AND EXISTS (SELECT 1 FROM products p WHERE p.artisan_id = a.id AND p.status = 'active' AND NOT p.hidden AND $1 = ANY (p.motifs))
     ORDER BY a.name`, [motif])).map(toArtisan);
}
async function createProduct(db, input) {
	const parsed = productInputSchema.safeParse(input);
	if (!parsed.success) throw invalid(parsed.error);
	const p = parsed.data;
	try {
		const [row] = await db.query(`INSERT INTO products (slug, artisan_id, title_id, title_en, description_id, description_en, motifs, technique, dye, fabric,
         category, length_cm, width_cm, weight_grams, price_idr, stock, one_of_a_kind, lead_time_days, status, colors, is_sample, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
         CASE WHEN $19 = 'active' THEN now() END)
       RETURNING *`, [
			p.slug,
			p.artisanId,
			p.title.id,
			p.title.en,
			p.description.id,
			p.description.en,
			p.motifs,
			p.technique,
			p.dye,
			p.fabric,
			p.category,
			p.lengthCm ?? null,
			p.widthCm ?? null,
			p.weightGrams,
			p.priceIdr,
			p.stock,
			p.oneOfAKind,
			p.leadTimeDays ?? null,
			p.status,
			p.colors,
			p.isSample
		]);
		return toProduct(row);
	} catch (error) {
		throw fromDatabaseError(error, `could not create product "${p.slug}"`);
	}
}
/** What the public may see: an active, unhidden piece of an approved artisan. */
var PUBLIC = `p.status = 'active' AND NOT p.hidden AND a.status = 'approved'`;
var VIEW_COLUMNS = `p.*, a.slug AS artisan_slug, a.name AS artisan_name, a.workshop AS artisan_workshop, a.region AS artisan_region,
  a.place AS artisan_place, a.whatsapp AS artisan_whatsapp, a.is_sample AS artisan_is_sample`;
async function withImages(db, rows) {
	if (!rows.length) return [];
	const images = await db.query(`SELECT * FROM product_images WHERE product_id = ANY ($1::uuid[]) ORDER BY product_id, position`, [rows.map((r) => r.id)]);
	const byProduct = Map.groupBy(images, (i) => i.product_id);
	return rows.map((r) => ({
		...toProduct(r),
		artisan: {
			slug: r.artisan_slug,
			name: r.artisan_name,
			workshop: r.artisan_workshop,
			region: r.artisan_region,
			place: r.artisan_place,
			whatsapp: r.artisan_whatsapp ?? null,
			isSample: r.artisan_is_sample
		},
		images: (byProduct.get(r.id) ?? []).map(toImage)
	}));
}
async function findPublicProduct(db, slug) {
	return (await withImages(db, await db.query(`SELECT ${VIEW_COLUMNS} FROM products p JOIN artisans a ON a.id = p.artisan_id WHERE p.slug = $1 AND ${PUBLIC}`, [slug])))[0] ?? null;
}
/** Public pieces, newest first. */
async function listPublicProducts(db, filter = {}) {
	return withImages(db, await db.query(`SELECT ${VIEW_COLUMNS} FROM products p JOIN artisans a ON a.id = p.artisan_id
     WHERE ${PUBLIC}
       AND ($1::text IS NULL OR $1 = ANY (p.motifs))
       AND ($2::text IS NULL OR a.region = $2)
       AND ($3::text IS NULL OR a.slug = $3)
     ORDER BY p.published_at DESC NULLS LAST, p.slug
     LIMIT $4 OFFSET $5`, [
		filter.motif ?? null,
		filter.region ?? null,
		filter.artisanSlug ?? null,
		Math.min(filter.limit ?? 24, 200),
		filter.offset ?? 0
	]));
}
async function countPublicProducts(db, filter = {}) {
	const [row] = await db.query(`SELECT count(*)::int AS n FROM products p JOIN artisans a ON a.id = p.artisan_id
     WHERE ${PUBLIC} AND ($1::text IS NULL OR $1 = ANY (p.motifs)) AND ($2::text IS NULL OR a.region = $2) AND ($3::text IS NULL OR a.slug = $3)`, [
		filter.motif ?? null,
		filter.region ?? null,
		filter.artisanSlug ?? null
	]);
	return row.n;
}
/** Slugs and update times of every public piece, for the sitemap. */
async function listPublicProductSlugs(db) {
	return (await db.query(`SELECT p.slug, p.updated_at FROM products p JOIN artisans a ON a.id = p.artisan_id WHERE ${PUBLIC} ORDER BY p.slug`)).map((r) => ({
		slug: r.slug,
		updatedAt: new Date(r.updated_at)
	}));
}
export { findPublicProduct as a, listPublicProductSlugs as c, CATEGORY_NAMES as d, DYES as f, productInputSchema as g, FABRIC_NAMES as h, findPublicArtisan as i, listPublicProducts as l, FABRICS as m, createArtisan as n, listArtisansForMotif as o, DYE_NAMES as p, createProduct as r, listPublicArtisans as s, countPublicProducts as t, CATEGORIES as u };
