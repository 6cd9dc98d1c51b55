import { t as mod } from "./zod_lkTcRd8k.mjs";
import { n as isLang } from "./i18n_gSQNTReg.mjs";
import { i as SORTS } from "./search-service_BK1f7Cb8.mjs";
// src/lib/search/search-url.ts
var LIST_KEYS = [
	"region",
	"motif",
	"technique",
	"category",
	"color"
];
/** The query as URL parameters, the inverse of `parseSearchParams` (for shareable URLs). */
function toSearchParams(query, options = {}) {
	const params = new URLSearchParams();
	if (query.q) params.set("q", query.q);
	if (options.includeLang) params.set("lang", query.lang);
	for (const key of LIST_KEYS) for (const v of query.filters[key] ?? []) params.append(key, v);
	if (query.filters.minPrice !== void 0) params.set("minPrice", String(query.filters.minPrice));
	if (query.filters.maxPrice !== void 0) params.set("maxPrice", String(query.filters.maxPrice));
	if (query.filters.inStock) params.set("inStock", "true");
	if (query.sort !== "relevance") params.set("sort", query.sort);
	if (query.page > 1) params.set("page", String(query.page));
	if (query.pageSize !== 24) params.set("pageSize", String(query.pageSize));
	return params;
}
// src/lib/search/search-params.ts
/**
* Parses search parameters (from `GET /api/search` or the search page's GET form) into a
* `SearchQuery`, with zod. A bad value is a clear message in the reader's language, never a 500.
*/
var MAX_PRICE = 1e9;
var MESSAGES = {
	id: {
		q: () => "Kata pencarian terlalu panjang (paling banyak 200 huruf).",
		minPrice: () => "Harga terendah harus angka rupiah bulat, 0 atau lebih.",
		maxPrice: () => "Harga tertinggi harus angka rupiah bulat, 0 atau lebih.",
		range: () => "Harga terendah tidak boleh lebih besar dari harga tertinggi.",
		sort: (d) => `Urutan "${d}" tidak dikenal; pilih relevance, price_asc, price_desc atau newest.`,
		page: () => "Nomor halaman harus angka bulat 1 sampai 1000.",
		pageSize: () => `Jumlah per halaman harus 1 sampai 60.`,
		value: (d) => `Nilai saringan "${d}" tidak valid.`,
		inStock: () => "inStock harus true atau false."
	},
	en: {
		q: () => "The search text is too long (200 characters at most).",
		minPrice: () => "The lowest price must be a whole number of rupiah, 0 or more.",
		maxPrice: () => "The highest price must be a whole number of rupiah, 0 or more.",
		range: () => "The lowest price cannot be above the highest price.",
		sort: (d) => `Unknown sort "${d}"; use relevance, price_asc, price_desc or newest.`,
		page: () => "The page must be a whole number from 1 to 1000.",
		pageSize: () => `The page size must be 1 to 60.`,
		value: (d) => `The filter value "${d}" is not valid.`,
		inStock: () => "inStock must be true or false."
	}
};
var slugList = mod.array(mod.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80)).max(20);
var price = mod.string().regex(/^\d{1,10}$/).transform(Number).pipe(mod.number().int().min(0).max(MAX_PRICE));
var schema = mod.object({
	q: mod.string().max(200).default(""),
	region: slugList,
	motif: slugList,
	technique: slugList,
	category: slugList,
	color: slugList,
	minPrice: price.optional(),
	maxPrice: price.optional(),
	inStock: mod.enum([
		"true",
		"false",
		"1",
		"0",
		"on"
	]).optional(),
	sort: mod.enum(SORTS).default("relevance"),
	page: mod.string().regex(/^\d{1,4}$/).transform(Number).pipe(mod.number().int().min(1).max(1e3)).default(1),
	pageSize: mod.string().regex(/^\d{1,3}$/).transform(Number).pipe(mod.number().int().min(1).max(60)).default(24)
});
/**
* Reads `q, lang, region, motif, technique, category, color, minPrice, maxPrice, inStock, sort,
* page, pageSize`. List filters may repeat (`region=a&region=b`) or be comma-separated.
* Empty values (an untouched form field) count as absent.
*/
function parseSearchParams(params, fallbackLang = "id") {
	const langParam = params.get("lang");
	const lang = isLang(langParam) ? langParam : fallbackLang;
	const one = (key) => {
		const value = params.get(key)?.trim();
		return value ? value : void 0;
	};
	const raw = {
		q: params.get("q")?.trim() ?? "",
		minPrice: one("minPrice"),
		maxPrice: one("maxPrice"),
		inStock: one("inStock"),
		sort: one("sort"),
		page: one("page"),
		pageSize: one("pageSize")
	};
	for (const key of LIST_KEYS) raw[key] = [...new Set(params.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
	const errors = [];
	if (langParam !== null && langParam !== "" && !isLang(langParam)) errors.push(lang === "id" ? "Bahasa harus id atau en." : "The language must be id or en.");
	const parsed = schema.safeParse(raw);
	if (!parsed.success) for (const issue of parsed.error.issues) {
		const key = String(issue.path[0]);
		const message = MESSAGES[lang][LIST_KEYS.includes(key) ? "value" : key] ?? MESSAGES[lang].value;
		const detail = LIST_KEYS.includes(key) ? String(raw[key][Number(issue.path[1])] ?? "") : String(raw[key] ?? "");
		errors.push(message(detail.slice(0, 40)));
	}
	if (errors.length || !parsed.success) return {
		ok: false,
		lang,
		errors: [...new Set(errors)]
	};
	const d = parsed.data;
	if (d.minPrice !== void 0 && d.maxPrice !== void 0 && d.minPrice > d.maxPrice) return {
		ok: false,
		lang,
		errors: [MESSAGES[lang].range("")]
	};
	return {
		ok: true,
		query: {
			q: d.q,
			lang,
			filters: {
				...d.region.length ? { region: d.region } : {},
				...d.motif.length ? { motif: d.motif } : {},
				...d.technique.length ? { technique: d.technique } : {},
				...d.category.length ? { category: d.category } : {},
				...d.color.length ? { color: d.color } : {},
				...d.minPrice !== void 0 ? { minPrice: d.minPrice } : {},
				...d.maxPrice !== void 0 ? { maxPrice: d.maxPrice } : {},
				...d.inStock === "true" || d.inStock === "1" || d.inStock === "on" ? { inStock: true } : {}
			},
			sort: d.sort,
			page: d.page,
			pageSize: d.pageSize
		}
	};
}
export { toSearchParams as n, parseSearchParams as t };
