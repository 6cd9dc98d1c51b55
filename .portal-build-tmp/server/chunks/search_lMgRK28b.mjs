import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { t as parseSearchParams } from "./search-params_rTF-Eydn.mjs";
// src/pages/api/search.ts
var search_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
/**
* `GET /api/search?q&lang&region&motif&technique&category&color&minPrice&maxPrice&inStock&sort&page&pageSize`
* → `{ hits, facets, total, page, pageSize }`. Bad parameters are a 400 with messages in `lang`.
*/
var GET = async ({ url }) => {
	const parsed = parseSearchParams(url.searchParams);
	if (!parsed.ok) return Response.json({
		error: "invalid_parameters",
		messages: parsed.errors
	}, {
		status: 400,
		headers: { "Content-Language": parsed.lang }
	});
	const result = await (await getSearchEngine()).search(parsed.query);
	return Response.json(result, { headers: {
		"Cache-Control": "public, max-age=30",
		"Content-Language": parsed.query.lang
	} });
};
// \0virtual:astro:page:src/pages/api/search@_@ts
var page = () => search_exports;
export { page };
