import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as readJson } from "./http_AGLg-C_V.mjs";
import { _ as reindexQuietly, a as deleteOwnProduct, l as getOwnProduct, m as ownProductPatchSchema, v as requireArtisan, x as updateOwnProduct, y as setOwnProductStatus } from "./products_B35zzXAM.mjs";
import { r as reindexProduct } from "./search-service_BK1f7Cb8.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/api/portal/products/[id].ts
var _id__exports = /* @__PURE__ */ __exportAll({
	DELETE: () => DELETE,
	GET: () => GET,
	PATCH: () => PATCH,
	prerender: () => false
});
async function reindex(slug) {
	const [{ db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
	await reindexQuietly(async (s) => reindexProduct(await getSearchEngine(), db, catalogue, s), slug);
}
/** `GET /api/portal/products/{id}` → `{ product }` with its photos; another artisan's id is a 404. */
var GET = async ({ locals, params }) => {
	const artisanId = requireArtisan(locals.user);
	const { db } = await getServices();
	return Response.json({ product: await getOwnProduct(db, artisanId, params.id ?? "") });
};
/**
* `PATCH /api/portal/products/{id}` with any of the fields, and optionally `status`
* ("active" publishes, "draft" unpublishes, "archived" archives) → `{ product }`.
* The whole product is validated again after the change (400 naming the fields).
*/
var PATCH = async ({ locals, params, request }) => {
	const artisanId = requireArtisan(locals.user);
	const id = params.id ?? "";
	const { db } = await getServices();
	await getOwnProduct(db, artisanId, id);
	const catalogue = await loadCatalogue();
	const vocabulary = {
		motifs: catalogue.motifs.map((m) => m.id),
		techniques: catalogue.techniques.map((t) => t.id)
	};
	const patch = ownProductPatchSchema(vocabulary).parse(await readJson(request));
	const product = await db.transaction(async (tx) => {
		const { status, ...fields } = patch;
		let updated = Object.keys(fields).length ? await updateOwnProduct(tx, artisanId, id, fields, vocabulary) : await getOwnProduct(tx, artisanId, id);
		if (status && status !== updated.status) updated = await setOwnProductStatus(tx, artisanId, id, status);
		return updated;
	});
	await reindex(product.slug);
	return Response.json({ product });
};
/**
* `DELETE /api/portal/products/{id}` → `{ outcome: "deleted" | "archived", id }`: a product that an
* order names is archived instead of deleted, so the order keeps its history.
*/
var DELETE = async ({ locals, params }) => {
	const artisanId = requireArtisan(locals.user);
	const { db } = await getServices();
	const { outcome, product } = await deleteOwnProduct(db, artisanId, params.id ?? "");
	await reindex(product.slug);
	return Response.json({
		outcome,
		id: product.id
	});
};
// \0virtual:astro:page:src/pages/api/portal/products/[id]@_@ts
var page = () => _id__exports;
export { page };
