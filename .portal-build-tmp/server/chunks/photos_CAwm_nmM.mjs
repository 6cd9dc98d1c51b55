import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as mod } from "./zod_lkTcRd8k.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { n as mediaDir, r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as readJson } from "./http_AGLg-C_V.mjs";
import { a as readBodyBytes, r as addOwnPhoto, s as reorderOwnPhotos, t as MAX_PHOTO_BYTES } from "./photos_DOPIf81L.mjs";
import { _ as reindexQuietly, l as getOwnProduct, v as requireArtisan } from "./products_B35zzXAM.mjs";
import { r as reindexProduct } from "./search-service_BK1f7Cb8.mjs";
// src/pages/api/portal/products/[id]/photos.ts
var photos_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	PATCH: () => PATCH,
	POST: () => POST,
	prerender: () => false
});
async function reindex(slug) {
	const [{ db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
	await reindexQuietly(async (s) => reindexProduct(await getSearchEngine(), db, catalogue, s), slug);
}
/** `GET /api/portal/products/{id}/photos` → `{ photos }` in order (the first is the cover). */
var GET = async ({ locals, params }) => {
	const artisanId = requireArtisan(locals.user);
	const { db } = await getServices();
	return Response.json({ photos: (await getOwnProduct(db, artisanId, params.id ?? "")).images });
};
/**
* `POST /api/portal/products/{id}/photos` with the raw image as the body (`Content-Type: image/*`),
* optionally `?alt_id=&alt_en=` → 201 `{ photo }`. At most 15 MB (413 beyond, by Content-Length
* or by what actually arrives); not an image → 400; a ninth photo → 400. EXIF/GPS never stored.
*/
var POST = async ({ locals, params, request, url }) => {
	const artisanId = requireArtisan(locals.user);
	const id = params.id ?? "";
	const { config, db } = await getServices();
	const product = await getOwnProduct(db, artisanId, id);
	const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
	if (!type.startsWith("image/") && type !== "application/octet-stream") throw new AppError("invalid", "Send the photo itself as the body, with Content-Type image/jpeg, image/png or image/webp.");
	const bytes = await readBodyBytes(request, MAX_PHOTO_BYTES);
	const alt = {
		id: url.searchParams.get("alt_id") ?? void 0,
		en: url.searchParams.get("alt_en") ?? void 0
	};
	const photo = await addOwnPhoto(db, mediaDir(config), artisanId, id, bytes, alt);
	await reindex(product.slug);
	return Response.json({ photo }, { status: 201 });
};
var orderSchema = mod.strictObject({ order: mod.array(mod.string()).max(50) });
/** `PATCH /api/portal/products/{id}/photos` `{ order: [photoId…] }` → `{ photos }`: every photo once; the first becomes the cover. */
var PATCH = async ({ locals, params, request }) => {
	const artisanId = requireArtisan(locals.user);
	const { db } = await getServices();
	const product = await getOwnProduct(db, artisanId, params.id ?? "");
	const { order } = orderSchema.parse(await readJson(request));
	const photos = await reorderOwnPhotos(db, artisanId, product.id, order);
	await reindex(product.slug);
	return Response.json({ photos });
};
// \0virtual:astro:page:src/pages/api/portal/products/[id]/photos@_@ts
var page = () => photos_exports;
export { page };
