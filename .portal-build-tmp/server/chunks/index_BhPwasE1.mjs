import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as readJson } from "./http_AGLg-C_V.mjs";
import { _ as reindexQuietly, f as listOwnProducts, i as createOwnProduct, p as ownProductInputSchema, v as requireArtisan } from "./products_B35zzXAM.mjs";
import { r as reindexProduct } from "./search-service_BK1f7Cb8.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/api/portal/products/index.ts
var products_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	POST: () => POST,
	prerender: () => false
});
/** `GET /api/portal/products` → `{ products }`: the signed-in artisan's own, each with its cover and status. */
var GET = async ({ locals }) => {
	const artisanId = requireArtisan(locals.user);
	const { db } = await getServices();
	return Response.json({ products: await listOwnProducts(db, artisanId) });
};
/**
* `POST /api/portal/products` with the product's fields (see ownProductInputSchema; `status`
* "draft" by default or "active") → 201 `{ product }`. Bad input is a 400 naming the fields.
*/
var POST = async ({ locals, request }) => {
	const artisanId = requireArtisan(locals.user);
	const catalogue = await loadCatalogue();
	const vocabulary = {
		motifs: catalogue.motifs.map((m) => m.id),
		techniques: catalogue.techniques.map((t) => t.id)
	};
	const input = ownProductInputSchema(vocabulary).parse(await readJson(request));
	const { db } = await getServices();
	const product = await createOwnProduct(db, artisanId, input, vocabulary);
	if (product.status === "active") await reindexQuietly(async (slug) => reindexProduct(await getSearchEngine(), db, catalogue, slug), product.slug);
	return Response.json({ product }, {
		status: 201,
		headers: { Location: `/api/portal/products/${product.id}` }
	});
};
// \0virtual:astro:page:src/pages/api/portal/products/index@_@ts
var page = () => products_exports;
export { page };
