import { t as mod } from "./zod_lkTcRd8k.mjs";
import { i as fromDatabaseError, r as AppError } from "./services.server_-_DkjSUe.mjs";
import { g as productInputSchema, r as createProduct } from "./store-repository_DJEKsCo7.mjs";
import { randomBytes } from "node:crypto";
// src/lib/portal/products.ts
/**
* The artisan portal's products: every function takes `(db, artisanId, …)` and every query is
* scoped by `artisan_id`. Someone else's product id (or a malformed, guessed one) answers
* `not_found`, never `forbidden`, so ids cannot be probed.
*
* Plain functions over a `Queryable`; functions that need several statements to be atomic run
* them in a transaction when given a `Database`, or inside the caller's transaction when given one.
*/
var shape = productInputSchema.shape;
/** The refinement's message on `stock`, so pages can say it in the artisan's language. */
var ONE_OF_A_KIND_MESSAGE = "a one-of-a-kind piece has a stock of 0 or 1";
var nullableInt = (max, min = 1) => mod.number().int().min(min).max(max).nullable();
/** The fields an artisan writes, all required except the nullable ones. */
var fields = {
	title: shape.title,
	description: shape.description,
	motifs: shape.motifs,
	technique: shape.technique,
	dye: shape.dye,
	fabric: shape.fabric,
	category: shape.category,
	lengthCm: nullableInt(1e3).optional(),
	widthCm: nullableInt(1e3).optional(),
	weightGrams: shape.weightGrams,
	priceIdr: shape.priceIdr,
	stock: shape.stock,
	oneOfAKind: mod.boolean().default(false),
	leadTimeDays: nullableInt(365, 0).optional(),
	colors: shape.colors
};
/** Motifs and technique, checked against the catalogue's ids when a vocabulary is given. */
function vocabularyFields(vocabulary) {
	if (!vocabulary) return {
		motifs: fields.motifs,
		technique: fields.technique
	};
	return {
		motifs: fields.motifs.superRefine((ids, ctx) => {
			ids.forEach((m, i) => {
				if (!vocabulary.motifs.includes(m)) ctx.addIssue({
					code: "custom",
					message: `unknown motif "${m}"`,
					path: [i]
				});
			});
		}),
		technique: fields.technique.refine((t) => vocabulary.techniques.includes(t), { message: "unknown technique" })
	};
}
/**
* The one-of-a-kind rule, checked even when other fields are wrong (so a form shows every
* problem at once), as long as stock and oneOfAKind themselves are well-formed.
*/
var oneOfAKindCheck = (p) => !p.oneOfAKind || p.stock <= 1;
var oneOfAKindParams = {
	message: ONE_OF_A_KIND_MESSAGE,
	path: ["stock"],
	when: (payload) => {
		const v = payload.value;
		return typeof v?.stock === "number" && Number.isInteger(v.stock) && (v.oneOfAKind === void 0 || typeof v.oneOfAKind === "boolean");
	}
};
/**
* The schema of a new product (`POST /api/portal/products`, the "new" form): every field an
* artisan writes, plus `status` draft (default) or active (publish at once). With a vocabulary,
* motifs and technique must be catalogue ids.
*/
function ownProductInputSchema(vocabulary) {
	return mod.strictObject({
		...fields,
		...vocabularyFields(vocabulary),
		status: mod.enum(["draft", "active"]).default("draft")
	}).refine(oneOfAKindCheck, oneOfAKindParams);
}
/**
* The schema of a partial change (`PATCH /api/portal/products/{id}`): any of the fields; `null`
* clears length, width and lead time. The merged result is validated again as a whole (so a
* one-of-a-kind piece can never end up with a stock above 1). `status` is applied by the caller
* through publish / unpublish / archive.
*/
function ownProductPatchSchema(vocabulary) {
	const checked = vocabularyFields(vocabulary);
	return mod.strictObject({
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
		oneOfAKind: mod.boolean().optional(),
		leadTimeDays: fields.leadTimeDays,
		colors: shape.colors.unwrap().optional(),
		status: mod.enum([
			"draft",
			"active",
			"archived"
		]).optional()
	});
}
/** The whole product after a patch, validated again. */
var mergedSchema = mod.strictObject(fields).refine(oneOfAKindCheck, oneOfAKindParams);
/** Zod issues as one AppError('invalid') that names every field, e.g. `priceIdr: …; title.id: …`. */
function invalidInput(issues) {
	return new AppError("invalid", issues.map((i) => `${i.path.map(String).join(".") || "input"}: ${i.message}`).join("; "));
}
/**
* The form field a zod issue is about, as pages key their messages: `title_id`, `priceIdr`,
* `motifs` (an issue on `motifs.2` is about `motifs`).
*/
function issueField(path) {
	const parts = path.map(String);
	if (parts[0] === "title" || parts[0] === "description") return parts.slice(0, 2).join("_");
	return parts[0] ?? "input";
}
/**
* A whole number typed by a person: spaces, "Rp" and the thousands dots of `250.000` are
* dropped. Blank → null; anything else that is not digits → NaN, which the schema refuses.
*/
function parseWholeNumber(value) {
	const text = typeof value === "string" ? value.trim() : "";
	if (!text) return null;
	const digits = text.replace(/^rp\.?/i, "").replace(/[\s.\u00a0]/g, "");
	return /^\d{1,12}$/.test(digits) ? Number(digits) : NaN;
}
/** What a submitted product form holds, as typed. */
function formValuesFromForm(form) {
	const text = (name, max = 1e4) => {
		const v = form.get(name);
		return typeof v === "string" ? v.slice(0, max) : "";
	};
	const on = form.get("oneOfAKind");
	return {
		title_id: text("title_id", 400),
		title_en: text("title_en", 400),
		description_id: text("description_id"),
		description_en: text("description_en"),
		motifs: form.getAll("motifs").filter((m) => typeof m === "string").slice(0, 30),
		technique: text("technique", 100),
		dye: text("dye", 100),
		fabric: text("fabric", 100),
		category: text("category", 100),
		lengthCm: text("lengthCm", 30),
		widthCm: text("widthCm", 30),
		weightGrams: text("weightGrams", 30),
		priceIdr: text("priceIdr", 30),
		stock: text("stock", 30),
		oneOfAKind: on !== null && on !== void 0,
		leadTimeDays: text("leadTimeDays", 30)
	};
}
/** A product's values for its edit form; with no product, the new-product form's defaults. */
function formValuesFromProduct(p) {
	const n = (v) => v === null || v === void 0 ? "" : String(v);
	return {
		title_id: p?.title.id ?? "",
		title_en: p?.title.en ?? "",
		description_id: p?.description.id ?? "",
		description_en: p?.description.en ?? "",
		motifs: p?.motifs ?? [],
		technique: p?.technique ?? "",
		dye: p?.dye ?? "",
		fabric: p?.fabric ?? "",
		category: p?.category ?? "",
		lengthCm: n(p?.lengthCm),
		widthCm: n(p?.widthCm),
		weightGrams: n(p?.weightGrams),
		priceIdr: n(p?.priceIdr),
		stock: p ? String(p.stock) : "1",
		oneOfAKind: p?.oneOfAKind ?? false,
		leadTimeDays: n(p?.leadTimeDays)
	};
}
/**
* Form values as the input schemas expect them. Blank optional numbers become null, blank
* required ones NaN (refused with the field named); no status and no colours (a form never
* resets them).
*/
function productInputFromValues(v) {
	const required = (text) => parseWholeNumber(text) ?? NaN;
	return {
		title: {
			id: v.title_id,
			en: v.title_en
		},
		description: {
			id: v.description_id,
			en: v.description_en
		},
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
		leadTimeDays: parseWholeNumber(v.leadTimeDays)
	};
}
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True for a well-formed uuid; anything else can name no row (and must not reach a uuid cast). */
function isUuid(value) {
	return typeof value === "string" && UUID.test(value);
}
/** The one answer for "not yours", "does not exist" and "not even an id". */
function productNotFound() {
	return new AppError("not_found", "There is no such product among yours.");
}
/** Maps a products row. */
function toProduct(r) {
	return {
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
	};
}
/** Maps a product_images row. */
function toImage(r) {
	return {
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
	};
}
/**
* Runs `work` atomically: in a new transaction when `db` is a Database, else in the caller's
* (a transaction's Queryable is already atomic).
*/
function atomically(db, work) {
	const database = db;
	return typeof database.transaction === "function" ? database.transaction(work) : work(db);
}
/**
* The artisan's own product row, optionally locked for the rest of the transaction.
* @throws AppError('not_found') for anything that is not theirs.
*/
async function ownProductRow(db, artisanId, productId, lock = false) {
	if (!isUuid(productId) || !isUuid(artisanId)) throw productNotFound();
	const [row] = await db.query(`SELECT * FROM products WHERE id = $1 AND artisan_id = $2${lock ? " FOR UPDATE" : ""}`, [productId, artisanId]);
	if (!row) throw productNotFound();
	return row;
}
async function imagesOf(db, productId) {
	return (await db.query("SELECT * FROM product_images WHERE product_id = $1 ORDER BY position", [productId])).map(toImage);
}
/** Six random lowercase letters and digits. */
function randomSuffix(length = 6) {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
	return [...randomBytes(length)].map((b) => alphabet[b % 36]).join("");
}
/**
* A product slug from its Indonesian title and a short random suffix:
* `Kain Kopi Semende` → `kain-kopi-semende-x7k2qa`.
*/
function productSlug(titleId, suffix = randomSuffix()) {
	return `${titleId.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "") || "produk"}-${suffix}`;
}
async function uniqueSlug(db, titleId) {
	for (let attempt = 0; attempt < 8; attempt++) {
		const slug = productSlug(titleId);
		if (!(await db.query("SELECT 1 FROM products WHERE slug = $1", [slug])).length) return slug;
	}
	throw new AppError("conflict", "could not find a free address for this product; please try again");
}
/** The artisan's products, newest change first, each with its cover and status. */
async function listOwnProducts(db, artisanId) {
	if (!isUuid(artisanId)) return [];
	const rows = await db.query(`SELECT p.*, c.id AS cover_id,
       (SELECT count(*)::int FROM product_images n WHERE n.product_id = p.id) AS photo_count
     FROM products p
     LEFT JOIN product_images c ON c.product_id = p.id AND c.position = 0
     WHERE p.artisan_id = $1
     ORDER BY (p.status = 'archived'), p.updated_at DESC, p.slug`, [artisanId]);
	const coverIds = rows.map((r) => r.cover_id).filter((id) => typeof id === "string");
	const covers = coverIds.length ? new Map((await db.query("SELECT * FROM product_images WHERE id = ANY ($1::uuid[])", [coverIds])).map((r) => [r.id, toImage(r)])) : /* @__PURE__ */ new Map();
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
			cover: typeof r.cover_id === "string" ? covers.get(r.cover_id) ?? null : null,
			photoCount: r.photo_count,
			createdAt: p.createdAt,
			updatedAt: new Date(r.updated_at),
			publishedAt: p.publishedAt
		};
	});
}
/**
* One of the artisan's products with its photos.
* @throws AppError('not_found') when it is not theirs (or does not exist).
*/
async function getOwnProduct(db, artisanId, productId) {
	const row = await ownProductRow(db, artisanId, productId);
	return {
		...toProduct(row),
		images: await imagesOf(db, row.id)
	};
}
/** Whether any order names the product (then it can be archived but never deleted). */
async function hasOrders(db, productId) {
	return (await db.query("SELECT 1 FROM order_items WHERE product_id = $1 LIMIT 1", [productId])).length > 0;
}
/**
* Creates a product for the artisan: slug from the Indonesian title plus a random suffix, status
* draft unless `status: 'active'` (published at once).
* @throws AppError('invalid') naming every wrong field.
*/
async function createOwnProduct(db, artisanId, input, vocabulary) {
	if (!isUuid(artisanId)) throw new AppError("invalid", "artisanId: not an artisan");
	const parsed = ownProductInputSchema(vocabulary).safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error.issues);
	const p = parsed.data;
	return {
		...await createProduct(db, {
			slug: await uniqueSlug(db, p.title.id),
			artisanId,
			title: p.title,
			description: p.description,
			motifs: p.motifs,
			technique: p.technique,
			dye: p.dye,
			fabric: p.fabric,
			category: p.category,
			...p.lengthCm != null && { lengthCm: p.lengthCm },
			...p.widthCm != null && { widthCm: p.widthCm },
			weightGrams: p.weightGrams,
			priceIdr: p.priceIdr,
			stock: p.stock,
			oneOfAKind: p.oneOfAKind,
			...p.leadTimeDays != null && { leadTimeDays: p.leadTimeDays },
			status: p.status,
			colors: p.colors,
			isSample: false
		}),
		images: []
	};
}
/**
* Changes some fields of the artisan's product (the slug never changes, so links keep working).
* The result is validated as a whole. Photo descriptions that were the old title follow the new one.
* A `status` in the patch is ignored here: see {@link setOwnProductStatus}.
* @throws AppError('not_found') for someone else's product; AppError('invalid') naming the fields.
*/
async function updateOwnProduct(db, artisanId, productId, patch, vocabulary) {
	await ownProductRow(db, artisanId, productId);
	const parsedPatch = ownProductPatchSchema(vocabulary).safeParse(patch);
	if (!parsedPatch.success) throw invalidInput(parsedPatch.error.issues);
	const changes = Object.fromEntries(Object.entries(parsedPatch.data).filter(([k, v]) => k !== "status" && v !== void 0));
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
			...changes
		});
		if (!merged.success) throw invalidInput(merged.error.issues);
		const p = merged.data;
		try {
			const [row] = await tx.query(`UPDATE products SET title_id = $3, title_en = $4, description_id = $5, description_en = $6, motifs = $7, technique = $8,
           dye = $9, fabric = $10, category = $11, length_cm = $12, width_cm = $13, weight_grams = $14, price_idr = $15, stock = $16,
           one_of_a_kind = $17, lead_time_days = $18, colors = $19, updated_at = now()
         WHERE id = $1 AND artisan_id = $2 RETURNING *`, [
				productId,
				artisanId,
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
				p.colors
			]);
			await tx.query(`UPDATE product_images SET alt_id = CASE WHEN alt_id = $2 THEN $4 ELSE alt_id END, alt_en = CASE WHEN alt_en = $3 THEN $5 ELSE alt_en END
         WHERE product_id = $1 AND (alt_id = $2 OR alt_en = $3)`, [
				productId,
				current.title.id,
				current.title.en,
				p.title.id,
				p.title.en
			]);
			return {
				...toProduct(row),
				images: await imagesOf(tx, productId)
			};
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
async function setOwnProductStatus(db, artisanId, productId, status) {
	if (!isUuid(productId) || !isUuid(artisanId)) throw productNotFound();
	const [row] = await db.query(`UPDATE products SET status = $3,
       published_at = CASE WHEN $3 = 'active' AND status <> 'active' THEN now() ELSE published_at END,
       updated_at = now()
     WHERE id = $1 AND artisan_id = $2 RETURNING *`, [
		productId,
		artisanId,
		status
	]);
	if (!row) throw productNotFound();
	return {
		...toProduct(row),
		images: await imagesOf(db, productId)
	};
}
/** Archives: off the site and at the bottom of the list; orders that name it keep working. */
function archiveOwnProduct(db, artisanId, productId) {
	return setOwnProductStatus(db, artisanId, productId, "archived");
}
/**
* Copies a product as a new draft: " (salinan)" / " (copy)" after the titles, a new slug, the same
* photos (rows only: image files are content-addressed and shared).
*/
async function duplicateOwnProduct(db, artisanId, productId) {
	return atomically(db, async (tx) => {
		const source = toProduct(await ownProductRow(tx, artisanId, productId));
		const suffixed = (title, suffix) => `${title.slice(0, 160 - suffix.length).trimEnd()}${suffix}`;
		const title = {
			id: suffixed(source.title.id, " (salinan)"),
			en: suffixed(source.title.en, " (copy)")
		};
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
			...source.lengthCm !== null && { lengthCm: source.lengthCm },
			...source.widthCm !== null && { widthCm: source.widthCm },
			weightGrams: source.weightGrams,
			priceIdr: source.priceIdr,
			stock: source.stock,
			oneOfAKind: source.oneOfAKind,
			...source.leadTimeDays !== null && { leadTimeDays: source.leadTimeDays },
			status: "draft",
			colors: source.colors,
			isSample: false
		});
		await tx.query(`INSERT INTO product_images (product_id, position, image_key, width, height, placeholder, dominant_colors, variants, alt_id, alt_en)
       SELECT $1, position, image_key, width, height, placeholder, dominant_colors, variants, alt_id, alt_en
       FROM product_images WHERE product_id = $2 ORDER BY position`, [copy.id, source.id]);
		return {
			...copy,
			images: await imagesOf(tx, copy.id)
		};
	});
}
/**
* `DELETE`: a product that some order names is archived (orders keep their history); any other
* is deleted with its photo rows.
* @returns what happened, and the product as it was (its slug, to update the search index).
*/
async function deleteOwnProduct(db, artisanId, productId) {
	return atomically(db, async (tx) => {
		const product = toProduct(await ownProductRow(tx, artisanId, productId, true));
		if (await hasOrders(tx, productId)) return {
			outcome: "archived",
			product: await setOwnProductStatus(tx, artisanId, productId, "archived")
		};
		await tx.query("DELETE FROM products WHERE id = $1 AND artisan_id = $2", [productId, artisanId]);
		return {
			outcome: "deleted",
			product
		};
	});
}
/**
* Runs a search reindex without letting it fail the request: the index is derived data that a
* rebuild (npm run search:index) can always repair.
*/
async function reindexQuietly(reindex, slug, log = console.warn) {
	try {
		await reindex(slug);
	} catch (error) {
		log(`search: could not reindex product "${slug}": ${error instanceof Error ? error.message : String(error)}`);
	}
}
/**
* The signed-in artisan's id for the portal's API.
* @throws AppError('unauthorized') when nobody is signed in; AppError('forbidden') for curators.
*/
function requireArtisan(user) {
	if (!user) throw new AppError("unauthorized", "Please sign in to the artisan portal.");
	if (user.role !== "artisan" || !user.artisanId) throw new AppError("forbidden", "This is for artisans.");
	return user.artisanId;
}
export { reindexQuietly as _, deleteOwnProduct as a, toImage as b, formValuesFromProduct as c, issueField as d, listOwnProducts as f, productInputFromValues as g, ownProductRow as h, createOwnProduct as i, getOwnProduct as l, ownProductPatchSchema as m, archiveOwnProduct as n, duplicateOwnProduct as o, ownProductInputSchema as p, atomically as r, formValuesFromForm as s, ONE_OF_A_KIND_MESSAGE as t, isUuid as u, requireArtisan as v, updateOwnProduct as x, setOwnProductStatus as y };
