import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { o as removeOwnPhoto } from "./photos_DOPIf81L.mjs";
import { _ as reindexQuietly, l as getOwnProduct, v as requireArtisan } from "./products_B35zzXAM.mjs";
import { r as reindexProduct } from "./search-service_BK1f7Cb8.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/api/portal/products/[id]/photos/[photoId].ts
var _photoId__exports = /* @__PURE__ */ __exportAll({
	DELETE: () => DELETE,
	prerender: () => false
});
/** `DELETE /api/portal/products/{id}/photos/{photoId}` → `{ photos }` left, in order (the next one becomes the cover). */
var DELETE = async ({ locals, params }) => {
	const artisanId = requireArtisan(locals.user);
	const [{ db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
	const product = await getOwnProduct(db, artisanId, params.id ?? "");
	const photos = await removeOwnPhoto(db, artisanId, product.id, params.photoId ?? "");
	await reindexQuietly(async (slug) => reindexProduct(await getSearchEngine(), db, catalogue, slug), product.slug);
	return Response.json({ photos });
};
// \0virtual:astro:page:src/pages/api/portal/products/[id]/photos/[photoId]@_@ts
var page = () => _photoId__exports;
export { page };
