import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as createMediaStore } from "./media-store_DLZdlZtN.mjs";
import { n as mediaDir, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { stat } from "node:fs/promises";
// src/pages/media/[...path].ts
var ____path__exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
/** Serves processed images from DATA_DIR/media. Names are content hashes, so they never change. */
var GET = async ({ params }) => {
	const { config } = await getServices();
	const store = createMediaStore(mediaDir(config));
	const file = store.resolve(params.path ?? "");
	if (!file) return new Response("Not found", { status: 404 });
	const info = await stat(file).catch(() => null);
	if (!info?.isFile()) return new Response("Not found", { status: 404 });
	return new Response(Readable.toWeb(createReadStream(file)), { headers: {
		"Content-Type": store.contentType(file),
		"Content-Length": String(info.size),
		"Cache-Control": "public, max-age=31536000, immutable",
		"X-Content-Type-Options": "nosniff"
	} });
};
// \0virtual:astro:page:src/pages/media/[...path]@_@ts
var page = () => ____path__exports;
export { page };
