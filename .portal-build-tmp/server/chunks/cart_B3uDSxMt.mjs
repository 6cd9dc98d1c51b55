import { r as AppError } from "./services.server_-_DkjSUe.mjs";
import { n as newToken, t as hashToken } from "./tokens_DrFJIgGO.mjs";
/** Finds the cart of a cookie token; `null` when there is none. */
async function findCart(db, token) {
	if (!token || token.length > 100) return null;
	const [row] = await db.query("SELECT id FROM carts WHERE token_hash = $1", [hashToken(token)]);
	return row?.id ?? null;
}
/** The cart of this token, or a new one with a new token (to set as the cookie). */
async function openCart(db, token) {
	const existing = await findCart(db, token);
	if (existing && token) return {
		cartId: existing,
		token
	};
	const fresh = newToken();
	const [row] = await db.query("INSERT INTO carts (token_hash) VALUES ($1) RETURNING id", [hashToken(fresh)]);
	return {
		cartId: row.id,
		token: fresh
	};
}
function maxQuantityOf(p) {
	if (p.madeToOrder) return 5;
	return p.oneOfAKind ? Math.min(1, p.stock) : Math.min(p.stock, 99);
}
async function publicProduct(db, slug) {
	const [row] = await db.query(`SELECT p.id, p.stock, p.one_of_a_kind, p.lead_time_days FROM products p JOIN artisans a ON a.id = p.artisan_id
     WHERE p.slug = $1 AND p.status = 'active' AND NOT p.hidden AND a.status = 'approved'`, [slug]);
	if (!row) throw new AppError("not_found", `no piece "${slug}" is for sale`);
	const stock = row.stock;
	const madeToOrder = stock === 0 && row.lead_time_days !== null;
	return {
		id: row.id,
		stock,
		oneOfAKind: row.one_of_a_kind,
		madeToOrder
	};
}
function checkQuantity(quantity) {
	if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) throw new AppError("invalid", "quantity must be a whole number from 1 to 99");
	return quantity;
}
/**
* Adds `quantity` of a piece (to what the cart holds already), up to what can be sold.
* @returns the quantity now in the cart.
*/
async function addToCart(db, cartId, productSlug, quantity) {
	const wanted = checkQuantity(quantity);
	const product = await publicProduct(db, productSlug);
	const max = maxQuantityOf(product);
	if (max < 1) throw new AppError("conflict", "this piece is sold out");
	const [current] = await db.query("SELECT quantity FROM cart_items WHERE cart_id = $1 AND product_id = $2", [cartId, product.id]);
	const next = Math.min(max, (current?.quantity ?? 0) + wanted);
	await db.query(`INSERT INTO cart_items (cart_id, product_id, quantity) VALUES ($1, $2, $3)
     ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity`, [
		cartId,
		product.id,
		next
	]);
	await db.query("UPDATE carts SET updated_at = now() WHERE id = $1", [cartId]);
	return next;
}
/** Sets a line's quantity (clamped to what can be sold). */
async function setCartQuantity(db, cartId, productSlug, quantity) {
	const wanted = checkQuantity(quantity);
	const product = await publicProduct(db, productSlug);
	const next = Math.min(maxQuantityOf(product), wanted);
	if (next < 1) throw new AppError("conflict", "this piece is sold out");
	if (!(await db.query("UPDATE cart_items SET quantity = $3 WHERE cart_id = $1 AND product_id = $2 RETURNING quantity", [
		cartId,
		product.id,
		next
	])).length) throw new AppError("not_found", `"${productSlug}" is not in the cart`);
	return next;
}
async function removeFromCart(db, cartId, productSlug) {
	await db.query("DELETE FROM cart_items WHERE cart_id = $1 AND product_id = (SELECT id FROM products WHERE slug = $2)", [cartId, productSlug]);
}
async function clearCart(db, cartId) {
	await db.query("DELETE FROM cart_items WHERE cart_id = $1", [cartId]);
}
/** The cart grouped by artisan, with today's prices and stock. */
async function viewCart(db, cartId) {
	if (!cartId) return {
		groups: [],
		totalIdr: 0,
		count: 0
	};
	const rows = await db.query(`SELECT ci.quantity, p.id, p.slug, p.title_id, p.title_en, p.price_idr, p.stock, p.one_of_a_kind, p.lead_time_days, p.weight_grams,
            (p.status = 'active' AND NOT p.hidden AND a.status = 'approved') AS public,
            a.id AS artisan_id, a.slug AS artisan_slug, a.workshop AS artisan_name, a.region AS artisan_region,
            (SELECT v->>'path' FROM product_images i, jsonb_array_elements(i.variants) v
              WHERE i.product_id = p.id AND v->>'format' = 'webp' ORDER BY i.position, (v->>'width')::int LIMIT 1) AS image_path
     FROM cart_items ci JOIN products p ON p.id = ci.product_id JOIN artisans a ON a.id = p.artisan_id
     WHERE ci.cart_id = $1 ORDER BY a.workshop, ci.added_at`, [cartId]);
	const groups = /* @__PURE__ */ new Map();
	for (const r of rows) {
		const stock = r.stock;
		const madeToOrder = stock === 0 && r.lead_time_days !== null;
		const item = {
			productId: r.id,
			productSlug: r.slug,
			title: {
				id: r.title_id,
				en: r.title_en
			},
			quantity: r.quantity,
			unitPriceIdr: r.price_idr,
			stock,
			oneOfAKind: r.one_of_a_kind,
			madeToOrder,
			leadTimeDays: r.lead_time_days ?? null,
			weightGrams: r.weight_grams,
			lineTotalIdr: r.price_idr * r.quantity,
			available: false,
			maxQuantity: 0,
			imagePath: r.image_path ?? null
		};
		item.maxQuantity = r.public ? maxQuantityOf(item) : 0;
		item.available = item.maxQuantity >= item.quantity;
		const key = r.artisan_id;
		const group = groups.get(key) ?? {
			artisan: {
				id: key,
				slug: r.artisan_slug,
				name: r.artisan_name,
				region: r.artisan_region
			},
			items: [],
			subtotalIdr: 0,
			weightGrams: 0,
			leadTimeDays: null
		};
		group.items.push(item);
		group.subtotalIdr += item.lineTotalIdr;
		group.weightGrams += item.weightGrams * item.quantity;
		if (item.leadTimeDays !== null && (item.madeToOrder || item.leadTimeDays > 0)) group.leadTimeDays = Math.max(group.leadTimeDays ?? 0, item.leadTimeDays);
		groups.set(key, group);
	}
	const list = [...groups.values()];
	return {
		groups: list,
		totalIdr: list.reduce((n, g) => n + g.subtotalIdr, 0),
		count: list.reduce((n, g) => n + g.items.reduce((m, i) => m + i.quantity, 0), 0)
	};
}
/** The JSON shape of `GET /api/cart`. */
function toCartJson(cart, lang) {
	return {
		groups: cart.groups.map((g) => ({
			artisan: {
				slug: g.artisan.slug,
				name: g.artisan.name
			},
			items: g.items.map((i) => ({
				productSlug: i.productSlug,
				title: i.title[lang],
				quantity: i.quantity,
				unitPriceIdr: i.unitPriceIdr,
				stock: i.stock,
				maxQuantity: i.maxQuantity,
				available: i.available
			})),
			subtotalIdr: g.subtotalIdr
		})),
		totalIdr: cart.totalIdr,
		count: cart.count
	};
}
export { removeFromCart as a, viewCart as c, openCart as i, clearCart as n, setCartQuantity as o, findCart as r, toCartJson as s, addToCart as t };
