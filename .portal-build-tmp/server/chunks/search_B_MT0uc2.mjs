import { t as openSearchEngine } from "./search-service_BK1f7Cb8.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
// src/data/search.ts
/**
* The process's search engine, opened on first use with the catalogue and the database.
* (Astro side: it needs the content collections, which src/lib cannot import.)
*/
var engine;
function getSearchEngine() {
	engine ??= (async () => {
		const [{ config, db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
		return openSearchEngine(config, db, catalogue);
	})().catch((error) => {
		engine = void 0;
		throw error;
	});
	return engine;
}
export { getSearchEngine as t };
