import { a as findPublicProduct, l as listPublicProducts, t as countPublicProducts } from "./store-repository_DJEKsCo7.mjs";
import { t as MEDIA_PREFIX } from "./picture_tAi-jmxg.mjs";
import { r as AppError } from "./services.server_-_DkjSUe.mjs";
import { Meilisearch, MeilisearchApiError } from "meilisearch";
// src/lib/search/colour-family.ts
/** Every family, in the order a filter list shows them. */
var COLOUR_FAMILIES = [
	{
		id: "merah",
		name: {
			id: "Merah",
			en: "Red"
		},
		swatch: "#b3202a"
	},
	{
		id: "merah-muda",
		name: {
			id: "Merah muda",
			en: "Pink"
		},
		swatch: "#d8466a"
	},
	{
		id: "oranye",
		name: {
			id: "Oranye",
			en: "Orange"
		},
		swatch: "#f4a259"
	},
	{
		id: "kuning",
		name: {
			id: "Kuning",
			en: "Yellow"
		},
		swatch: "#e3b23c"
	},
	{
		id: "hijau",
		name: {
			id: "Hijau",
			en: "Green"
		},
		swatch: "#2e7d32"
	},
	{
		id: "biru",
		name: {
			id: "Biru",
			en: "Blue"
		},
		swatch: "#1f4e8c"
	},
	{
		id: "ungu",
		name: {
			id: "Ungu",
			en: "Purple"
		},
		swatch: "#6b2c7a"
	},
	{
		id: "cokelat",
		name: {
			id: "Cokelat",
			en: "Brown"
		},
		swatch: "#6b4226"
	},
	{
		id: "krem",
		name: {
			id: "Krem",
			en: "Cream"
		},
		swatch: "#efe2c4"
	},
	{
		id: "hitam",
		name: {
			id: "Hitam",
			en: "Black"
		},
		swatch: "#1a1a1a"
	},
	{
		id: "putih",
		name: {
			id: "Putih",
			en: "White"
		},
		swatch: "#f7f3ea"
	},
	{
		id: "abu-abu",
		name: {
			id: "Abu-abu",
			en: "Grey"
		},
		swatch: "#8a8a8a"
	}
];
/** Hue (0–360), saturation and lightness (0–1), and chroma (max − min, 0–1) of `#rrggbb`. */
function hexToHsl(hex) {
	const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
	if (!m) return null;
	const n = Number.parseInt(m[1], 16);
	const r = (n >> 16 & 255) / 255;
	const g = (n >> 8 & 255) / 255;
	const b = (n & 255) / 255;
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	const c = max - min;
	const l = (max + min) / 2;
	const s = c === 0 ? 0 : c / (1 - Math.abs(2 * l - 1));
	let h = 0;
	if (c > 0) {
		if (max === r) h = 60 * ((g - b) / c % 6);
		else if (max === g) h = 60 * ((b - r) / c + 2);
		else h = 60 * ((r - g) / c + 4);
		if (h < 0) h += 360;
	}
	return {
		h,
		s,
		l,
		c
	};
}
/**
* The family of a hex colour (`#rrggbb`, case-insensitive). Order of the tests matters:
* near-black first, then greys (low chroma or low HSL saturation), then the light warm tones
* batik calls cream, then the dark warm tones that read as brown, then plain hue bands.
* An unreadable value is "abu-abu" rather than an error: a bad colour must not break indexing.
*/
function colourFamily(hex) {
	const hsl = hexToHsl(hex);
	if (!hsl) return "abu-abu";
	const { h, s, l, c } = hsl;
	if (l <= .1) return "hitam";
	if (c < .06 || s < .12) return l < .25 ? "hitam" : l > .88 ? "putih" : "abu-abu";
	const warm = h >= 20 && h < 70;
	if (!warm && l >= .85 && c < .12) return "putih";
	if (warm && l >= .65 && c <= .35) return "krem";
	if (h >= 15 && l < (h < 40 ? .48 : .4) && h < 50) return "cokelat";
	if (h >= 325 && h < 350) return "merah-muda";
	if (h >= 350 || h < 15) return l >= .7 ? "merah-muda" : "merah";
	if (h < 36) return "oranye";
	if (h < 70) return "kuning";
	if (h < 190) return "hijau";
	if (h < 260) return "biru";
	return "ungu";
}
/** The distinct families of several colours, in first-seen order. */
function colourFamilies(hexes) {
	return [...new Set(hexes.map(colourFamily))];
}
// src/lib/search/query-rules.ts
/** Meilisearch's default `minWordSizeForTypos`. */
var MIN_WORD_SIZE_FOR_TYPOS = {
	oneTypo: 5,
	twoTypos: 9
};
/** How many typos a query word of this length may carry. */
function typoBudget(length) {
	if (length >= MIN_WORD_SIZE_FOR_TYPOS.twoTypos) return 2;
	if (length >= MIN_WORD_SIZE_FOR_TYPOS.oneTypo) return 1;
	return 0;
}
var MARKS = /\p{M}+/gu;
var SEPARATORS = /[^\p{L}\p{N}]+/u;
/**
* Lowercase, strip diacritics (NFD, combining marks removed) and turn every run of
* non-letters/digits (hyphens, quotes, punctuation, emoji) into one space.
* `"Mega-Méndung!"` → `"mega mendung"`.
*/
function normalizeText(text) {
	return tokenize(text).join(" ");
}
/** The words of a text after `normalizeText`'s rules. */
function tokenize(text) {
	if (typeof text !== "string" || text.length === 0) return [];
	return text.toLowerCase().normalize("NFD").replace(MARKS, "").split(SEPARATORS).filter((w) => w.length > 0);
}
/**
* Synonym groups as a lookup: each normalised entry maps to every other entry of every group it
* belongs to (a union, not a transitive closure: "naga" in two groups finds both, but the two
* groups' other words do not find each other). This is how Meilisearch's `synonyms` setting
* should be filled too, so both engines expand the same way.
*/
function synonymMap(groups) {
	const map = /* @__PURE__ */ new Map();
	for (const group of groups) {
		const entries = [...new Set(group.map(normalizeText).filter((e) => e.length > 0))];
		for (const entry of entries) {
			let set = map.get(entry);
			if (!set) map.set(entry, set = /* @__PURE__ */ new Set());
			for (const other of entries) if (other !== entry) set.add(other);
		}
	}
	const out = /* @__PURE__ */ new Map();
	for (const [key, set] of map) if (set.size > 0) out.set(key, [...set].sort());
	return out;
}
/**
* A query as both engines read it: its first 10 words, normalised and space-separated, with a
* trailing space when the last word is not a prefix (the query ended with a separator, or words
* were cut off). The Meilisearch adapter should send exactly this as `q`, so that quotes (phrase
* search), a leading minus (negation), operators and emoji mean nothing to either engine.
*/
function normalizeQuery(q) {
	if (typeof q !== "string") return "";
	const all = tokenize(q);
	const words = all.slice(0, 10);
	if (words.length === 0) return "";
	const lastIsPrefix = all.length === words.length && !/[^\p{L}\p{N}\p{M}]$/u.test(q);
	return words.join(" ") + (lastIsPrefix ? "" : " ");
}
/** Clamps paging input: `page` ≥ 1, `pageSize` in 1–60; non-numbers fall back to 1 and 24. */
function normalizePaging(page, pageSize) {
	return {
		page: typeof page === "number" && Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1,
		pageSize: typeof pageSize === "number" && Number.isFinite(pageSize) ? Math.min(60, Math.max(1, Math.floor(pageSize))) : 24
	};
}
// src/lib/search/documents.ts
/** The search document id of a product: `product-<slug>`. */
function productDocumentId(slug) {
	return `product-${slug}`;
}
/** The search document id of a motif: `motif-<slug>`. */
function motifDocumentId(slug) {
	return `motif-${slug}`;
}
/** A motif's generated tile, used as its card picture and as a product's when it has no photo. */
function motifTileUrl(slug) {
	return `/art/motifs/${slug}.svg`;
}
function motifName(motifs, slug) {
	if (motifs instanceof Map) return motifs.get(slug);
	return motifs.find((m) => m.id === slug)?.name;
}
function namesOf(motifs, slugs) {
	const names = [];
	for (const slug of slugs) {
		const name = motifName(motifs, slug);
		if (name) names.push(name.id, name.en);
		else names.push(slug.replaceAll("-", " "));
	}
	return [...new Set(names)];
}
/** The cover (lowest position) image's smallest WebP as a `/media/…` URL, if there is one. */
function coverUrl(product) {
	const webp = [...product.images].sort((a, b) => a.position - b.position)[0]?.variants.filter((v) => v.format === "webp").sort((a, b) => a.width - b.width)[0];
	return webp ? `${MEDIA_PREFIX}${webp.path}` : null;
}
/**
* A product as a search document. The caller decides what is public (active, not hidden, an
* approved artisan); this only maps. `createdAt` is when the product was published, or created
* when it never was, so "newest" follows what shoppers see appear.
*/
function productToDocument(product, extras) {
	const firstMotif = product.motifs[0];
	const cover = [...product.images].sort((a, b) => a.position - b.position)[0];
	const colors = extras.colorFamilies ?? colourFamilies(product.colors.length > 0 ? product.colors : cover?.dominantColors ?? []);
	return {
		id: productDocumentId(product.slug),
		kind: "product",
		slug: product.slug,
		title: {
			id: product.title.id,
			en: product.title.en
		},
		description: {
			id: product.description.id,
			en: product.description.en
		},
		motifs: [...product.motifs],
		motifNames: namesOf(extras.motifs, product.motifs),
		region: product.artisan.region,
		technique: product.technique,
		category: product.category,
		colors: [...new Set(colors)],
		priceIdr: product.priceIdr,
		inStock: product.stock > 0,
		createdAt: (product.publishedAt ?? product.createdAt).getTime(),
		imageUrl: coverUrl(product) ?? (firstMotif ? motifTileUrl(firstMotif) : ""),
		artisan: {
			slug: product.artisan.slug,
			name: product.artisan.name
		}
	};
}
/**
* A motif of the cultural catalogue as a search document: its name is the title, what it
* depicts the description, its palette's families the colours.
*/
function motifToDocument(motif, options = {}) {
	return {
		id: motifDocumentId(motif.id),
		kind: "motif",
		slug: motif.id,
		title: {
			id: motif.name.id,
			en: motif.name.en
		},
		description: {
			id: motif.depicts.id,
			en: motif.depicts.en
		},
		motifs: [motif.id],
		motifNames: [.../* @__PURE__ */ new Set([motif.name.id, motif.name.en])],
		region: motif.region,
		colors: colourFamilies(motif.palette.map((p) => p.hex)),
		createdAt: options.createdAt ?? 0,
		imageUrl: motifTileUrl(motif.id)
	};
}
/** "Kopi Semende (coffee)" → ["Kopi Semende", "coffee"]; "(eagle, dragon)" gives each word. */
function nameVariants(name) {
	const out = [];
	const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
	if (!m) return [name];
	out.push(m[1]);
	for (const part of m[2].split(",")) out.push(part.replace(/^\s*(the|a|an)\s+/i, ""));
	return out;
}
var EQUIVALENT_PHRASES = [
	"another name for",
	"also called",
	"nama lain dari",
	"nama lain",
	"disebut juga"
];
/**
* Synonym groups from the content:
* - one group per motif: its slug's words, its names in both languages (a parenthesised English
*   gloss such as "Kopi Semende (coffee)" counts as its own entry) and all its synonyms;
* - one group per glossary term that has another name: the term, its slug's words when they
*   differ ("pelangi" for "kain pelangi"), and any other glossary term its definition names as an
*   equivalent ("another name for kain panjang", "also called jarik", "nama lain …",
*   "disebut juga …"). English glosses inside definitions are not mined: too loose to trust.
* Entries are normalised (lowercase, no diacritics, hyphens as spaces) and deduplicated.
*/
function buildSynonyms(motifs, glossary = []) {
	const groups = [];
	const seen = /* @__PURE__ */ new Set();
	const push = (entries) => {
		const group = [...new Set(entries.map(normalizeText).filter((e) => e.length > 0))];
		if (group.length < 2) return;
		const key = [...group].sort().join("|");
		if (seen.has(key)) return;
		seen.add(key);
		groups.push(group);
	};
	for (const motif of motifs) push([
		motif.id.replaceAll("-", " "),
		...nameVariants(motif.name.id),
		...nameVariants(motif.name.en),
		...motif.synonyms.id,
		...motif.synonyms.en
	]);
	const terms = glossary.map((g) => ({
		entry: g,
		term: normalizeText(g.term)
	}));
	for (const { entry, term } of terms) {
		const definitions = ` ${normalizeText(entry.definition.id)} ${normalizeText(entry.definition.en)} `;
		const equivalents = terms.filter((other) => other.term !== term).filter((other) => EQUIVALENT_PHRASES.some((phrase) => definitions.includes(` ${phrase} ${other.term} `))).map((other) => other.term);
		push([
			term,
			entry.id.replaceAll("-", " "),
			...equivalents
		]);
	}
	return groups;
}
// src/lib/search/types.ts
var FACETS = [
	"region",
	"motif",
	"technique",
	"category",
	"color"
];
var SORTS = [
	"relevance",
	"price_asc",
	"price_desc",
	"newest"
];
// src/lib/search/embedded-engine.ts
/**
* The embedded search engine: in-process, no dependency, the default when no Meilisearch is
* configured. It mirrors Meilisearch's documented matching rules so one contract suite
* (tests/contract/search-engine.contract.ts) passes on both:
*
* - Typos (https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_calculations and
*   https://www.meilisearch.com/docs/resources/internals/typo_tolerance): per query word, 0 typos
*   below 5 letters, 1 from 5, 2 from 9; Damerau-Levenshtein, so two swapped neighbours are one
*   typo; a typo on the first letter counts as two ("caturday" does not find "saturday").
* - Prefix (https://www.meilisearch.com/docs/resources/internals/prefix): only the last query
*   word is a prefix, typos included ("tengk" finds "tengkiang"), unless the query ends with a
*   separator.
* - Concatenation and split (https://www.meilisearch.com/docs/resources/internals/concat): up to
*   three neighbouring query words are also tried joined ("mega mendung" finds "megamendung"),
*   with at most one typo; one query word is also tried as two neighbouring words of a document
*   ("megamendung" finds "mega mendung").
* - Synonyms: a query word or run of up to three words that is a synonym finds documents with any
*   other entry of its groups; a multi-word entry must appear as neighbouring words.
* - Matching strategy: every query word must match (Meilisearch `matchingStrategy: 'all'`). When
*   nothing matches all of them (after filters), the search falls back to Meilisearch's `last`
*   strategy: documents matching the first words, the most leading words first
*   (https://www.meilisearch.com/docs/capabilities/full_text_search/how_to/use_matching_strategy).
* - Ranking, after Meilisearch's words → typo → … bucket sort: matched words (fallback only),
*   typos, motif before product, best attribute (title, motif names, description), then newest and
*   id. Proximity and exactness are not modelled; the contract does not pin them.
*
* Facet counts are disjunctive (a facet's own filter is left out of its counts) and count products
* only. Motif documents appear only for the relevance sort with no product-only filter.
*
* Index layout, for < 10 ms at 10 000 products on two cores: a vocabulary of normalised words
* (bucketed by first letter, each bucket sorted lazily for prefix ranges), posting lists of slot
* numbers per field and word, and the same for neighbouring word pairs (for splits and multi-word
* synonyms). Typo and prefix expansions are computed per query word with a bounded
* Damerau-Levenshtein and cached until the vocabulary grows. Per query: one byte per slot and
* query span for the best match, a tiny dynamic programme per candidate over the query words, a
* single pass for filters and facet counts (a bitmask of failed filters per document), and a
* bounded heap for the requested page.
*
* Updates are incremental: an upserted or removed document's old slot is marked dead and skipped;
* the index is rebuilt from the live documents once dead slots outnumber live ones.
*/
var TITLE_ID = 0;
var TITLE_EN = 1;
var DESC_ID = 2;
var DESC_EN = 3;
var MOTIF_NAMES = 4;
var FIELD_COUNT = 5;
/** Per query language: [field, attribute rank]. Motif names are searched in both languages. */
var LANG_FIELDS = {
	id: [
		[TITLE_ID, 0],
		[MOTIF_NAMES, 1],
		[DESC_ID, 2]
	],
	en: [
		[TITLE_EN, 0],
		[MOTIF_NAMES, 1],
		[DESC_EN, 2]
	]
};
var NONE = 255;
var INF = 2147483647;
var encode = (typos, rank) => Math.min(typos, 60) * 4 + rank;
var FAIL_REGION = 1;
var FAIL_MOTIF = 2;
var FAIL_TECHNIQUE = 4;
var FAIL_CATEGORY = 8;
var FAIL_COLOR = 16;
var FAIL_OTHER = 32;
/** Bounded optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps). */
var rowA = /* @__PURE__ */ new Int32Array(64);
var rowB = /* @__PURE__ */ new Int32Array(64);
var rowC = /* @__PURE__ */ new Int32Array(64);
function boundedDistance(query, word, max, prefix) {
	const m = query.length;
	const n = prefix ? Math.min(word.length, m + max) : word.length;
	if (!prefix && Math.abs(m - n) > max) return max + 1;
	if (prefix && n < m - max) return max + 1;
	if (n + 1 > rowA.length) {
		rowA = new Int32Array(n + 1);
		rowB = new Int32Array(n + 1);
		rowC = new Int32Array(n + 1);
	}
	let prev2 = rowA;
	let prev = rowB;
	let cur = rowC;
	for (let j = 0; j <= n; j++) prev[j] = j;
	for (let i = 1; i <= m; i++) {
		const qc = query.charCodeAt(i - 1);
		cur[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const wc = word.charCodeAt(j - 1);
			let v = prev[j - 1] + (qc === wc ? 0 : 1);
			const del = prev[j] + 1;
			if (del < v) v = del;
			const ins = cur[j - 1] + 1;
			if (ins < v) v = ins;
			if (i > 1 && j > 1 && qc === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === wc) {
				const swap = prev2[j - 2] + 1;
				if (swap < v) v = swap;
			}
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		const t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	if (!prefix) return prev[n];
	let best = INF;
	for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
	return best;
}
/**
* Typos between a query word and an indexed word, Meilisearch's way: the edit distance, plus one
* when the first letters differ (a first-letter typo counts double). `max + 1` means no match.
*/
function typoCost(query, word, max, prefix) {
	if (query.charCodeAt(0) === word.charCodeAt(0)) return boundedDistance(query, word, max, prefix);
	if (max < 2) return max + 1;
	return boundedDistance(query, word, max - 1, prefix) + 1;
}
/** The words seen in the index, by id, with first-letter buckets for typo and prefix scans. */
var Vocabulary = class {
	ids = /* @__PURE__ */ new Map();
	words = [];
	buckets = /* @__PURE__ */ new Map();
	add(word) {
		let id = this.ids.get(word);
		if (id !== void 0) return id;
		id = this.words.length;
		this.words.push(word);
		this.ids.set(word, id);
		const first = word[0];
		let bucket = this.buckets.get(first);
		if (!bucket) this.buckets.set(first, bucket = {
			ids: [],
			sorted: true
		});
		bucket.ids.push(id);
		bucket.sorted = false;
		return id;
	}
	sortedBucket(first) {
		const bucket = this.buckets.get(first);
		if (!bucket) return [];
		if (!bucket.sorted) {
			const words = this.words;
			bucket.ids.sort((a, b) => words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0);
			bucket.sorted = true;
		}
		return bucket.ids;
	}
};
/** Ids of the words starting with `prefix`, by binary search in its sorted bucket. */
function prefixRange(vocab, prefix, out) {
	const ids = vocab.sortedBucket(prefix[0]);
	const words = vocab.words;
	let lo = 0;
	let hi = ids.length;
	while (lo < hi) {
		const mid = lo + hi >> 1;
		if (words[ids[mid]] < prefix) lo = mid + 1;
		else hi = mid;
	}
	for (let i = lo; i < ids.length && words[ids[i]].startsWith(prefix); i++) out(ids[i]);
}
/** Values of one facet as small integers. */
var Dictionary = class {
	ids = /* @__PURE__ */ new Map();
	values = [];
	id(value) {
		let id = this.ids.get(value);
		if (id === void 0) {
			id = this.values.length;
			this.values.push(value);
			this.ids.set(value, id);
		}
		return id;
	}
};
var isStringArray = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
/** Creates an empty embedded engine. */
function createEmbeddedEngine() {
	return new EmbeddedEngine();
}
var EmbeddedEngine = class {
	name = "embedded";
	vocab = new Vocabulary();
	/** postings[field][wordId] → slots. */
	postings = [];
	/** Neighbouring word pairs: "a b" → pair id; pairPostings[field][pairId] → slots. */
	pairs = /* @__PURE__ */ new Map();
	pairPostings = [];
	/** "ab" → ids of the pairs "a b" that join to it (for split query words). */
	joinedPairs = /* @__PURE__ */ new Map();
	slots = [];
	bySlotId = /* @__PURE__ */ new Map();
	dead = 0;
	facets = this.emptyFacets();
	synonyms = /* @__PURE__ */ new Map();
	expansions = /* @__PURE__ */ new Map();
	expansionsForVocabSize = 0;
	costPool = [];
	mark = /* @__PURE__ */ new Int32Array(0);
	epoch = 0;
	constructor() {
		this.reset();
	}
	emptyFacets() {
		return {
			region: new Dictionary(),
			motif: new Dictionary(),
			technique: new Dictionary(),
			category: new Dictionary(),
			color: new Dictionary()
		};
	}
	reset() {
		this.vocab = new Vocabulary();
		this.postings = Array.from({ length: FIELD_COUNT }, () => []);
		this.pairs = /* @__PURE__ */ new Map();
		this.pairPostings = Array.from({ length: FIELD_COUNT }, () => []);
		this.joinedPairs = /* @__PURE__ */ new Map();
		this.slots = [];
		this.bySlotId = /* @__PURE__ */ new Map();
		this.dead = 0;
		this.facets = this.emptyFacets();
		this.expansions = /* @__PURE__ */ new Map();
		this.expansionsForVocabSize = 0;
	}
	async configure(synonyms) {
		this.synonyms = synonymMap(synonyms);
	}
	async upsert(documents) {
		for (const doc of documents) this.add(doc);
		this.compactIfNeeded();
	}
	async remove(ids) {
		for (const id of ids) this.kill(id);
		this.compactIfNeeded();
	}
	async replaceAll(documents) {
		this.reset();
		for (const doc of documents) this.add(doc);
		for (const first of this.vocab.buckets.keys()) this.vocab.sortedBucket(first);
	}
	async isHealthy() {
		return true;
	}
	kill(id) {
		const slot = this.bySlotId.get(id);
		if (slot === void 0) return;
		this.slots[slot].alive = false;
		this.bySlotId.delete(id);
		this.dead++;
	}
	compactIfNeeded() {
		if (this.dead > 1024 && this.dead > this.slots.length - this.dead) {
			const live = this.slots.filter((s) => s.alive).map((s) => s.doc);
			this.reset();
			for (const doc of live) this.add(doc);
		}
	}
	add(input) {
		const doc = {
			...input,
			title: { ...input.title },
			description: { ...input.description },
			motifs: [...input.motifs ?? []],
			motifNames: [...input.motifNames ?? []],
			colors: [...input.colors ?? []],
			...input.artisan ? { artisan: { ...input.artisan } } : {}
		};
		this.kill(doc.id);
		const slot = this.slots.length;
		const f = this.facets;
		this.slots.push({
			doc,
			alive: true,
			product: doc.kind === "product",
			region: f.region.id(doc.region ?? ""),
			technique: doc.technique ? f.technique.id(doc.technique) : -1,
			category: doc.category ? f.category.id(doc.category) : -1,
			motifs: [...new Set(doc.motifs ?? [])].map((m) => f.motif.id(m)),
			colors: [...new Set(doc.colors ?? [])].map((c) => f.color.id(c)),
			price: typeof doc.priceIdr === "number" ? doc.priceIdr : NaN,
			inStock: doc.inStock === true,
			createdAt: Number.isFinite(doc.createdAt) ? doc.createdAt : 0
		});
		this.bySlotId.set(doc.id, slot);
		this.indexText(slot, TITLE_ID, [doc.title?.id ?? ""]);
		this.indexText(slot, TITLE_EN, [doc.title?.en ?? ""]);
		this.indexText(slot, DESC_ID, [doc.description?.id ?? ""]);
		this.indexText(slot, DESC_EN, [doc.description?.en ?? ""]);
		this.indexText(slot, MOTIF_NAMES, doc.motifNames ?? []);
	}
	indexText(slot, field, texts) {
		const words = /* @__PURE__ */ new Set();
		const pairs = /* @__PURE__ */ new Set();
		for (const text of texts) {
			const tokens = tokenize(text);
			for (let i = 0; i < tokens.length; i++) {
				words.add(this.vocab.add(tokens[i]));
				if (i > 0) pairs.add(this.pairId(tokens[i - 1], tokens[i]));
			}
		}
		const postings = this.postings[field];
		for (const w of words) (postings[w] ??= []).push(slot);
		const pairPostings = this.pairPostings[field];
		for (const p of pairs) (pairPostings[p] ??= []).push(slot);
	}
	pairId(a, b) {
		const key = `${a} ${b}`;
		let id = this.pairs.get(key);
		if (id === void 0) {
			id = this.pairs.size;
			this.pairs.set(key, id);
			const joined = a + b;
			const list = this.joinedPairs.get(joined);
			if (list) list.push(id);
			else this.joinedPairs.set(joined, [id]);
		}
		return id;
	}
	/** Vocabulary words within the typo budget of `word` (and extending it, for a prefix). */
	expand(word, prefix, maxTypos) {
		if (this.expansionsForVocabSize !== this.vocab.words.length || this.expansions.size > 1e4) {
			this.expansions.clear();
			this.expansionsForVocabSize = this.vocab.words.length;
		}
		const key = `${prefix ? "p" : "w"}${maxTypos}${word}`;
		const cached = this.expansions.get(key);
		if (cached) return cached;
		const found = /* @__PURE__ */ new Map();
		const exact = this.vocab.ids.get(word);
		if (exact !== void 0) found.set(exact, 0);
		if (prefix) prefixRange(this.vocab, word, (id) => found.set(id, 0));
		if (maxTypos > 0) {
			const m = word.length;
			const words = this.vocab.words;
			const consider = (id) => {
				const w = words[id];
				if (prefix ? w.length < m - maxTypos : Math.abs(w.length - m) > maxTypos) return;
				const typos = typoCost(word, w, maxTypos, prefix);
				if (typos <= maxTypos && typos < (found.get(id) ?? INF)) found.set(id, typos);
			};
			for (const id of this.vocab.buckets.get(word[0])?.ids ?? []) consider(id);
			if (maxTypos >= 2) {
				for (const [first, bucket] of this.vocab.buckets) if (first !== word[0]) for (const id of bucket.ids) consider(id);
			}
		}
		const expansion = {
			ids: [...found.keys()],
			typos: [...found.values()]
		};
		this.expansions.set(key, expansion);
		return expansion;
	}
	span(index, start, end) {
		const size = this.slots.length;
		let cost = this.costPool[index];
		if (!cost || cost.length < size) {
			cost = new Uint8Array(Math.ceil(Math.max(size, 1024) * 1.25)).fill(NONE);
			this.costPool[index] = cost;
		}
		return {
			start,
			end,
			cost,
			touched: []
		};
	}
	markList(span, list, value) {
		if (!list) return;
		const { cost, touched } = span;
		const slots = this.slots;
		for (let i = 0; i < list.length; i++) {
			const s = list[i];
			const old = cost[s];
			if (value < old) {
				if (old === NONE) {
					if (!slots[s].alive) continue;
					touched.push(s);
				}
				cost[s] = value;
			}
		}
	}
	markWords(span, expansion, lang, baseTypos) {
		for (const [field, rank] of LANG_FIELDS[lang]) {
			const postings = this.postings[field];
			for (let i = 0; i < expansion.ids.length; i++) this.markList(span, postings[expansion.ids[i]], encode(baseTypos + expansion.typos[i], rank));
		}
	}
	/** Documents where the words of `phrase` appear next to each other, in order, in one field. */
	markPhrase(span, phrase, lang, typos) {
		if (phrase.length === 1) {
			const id = this.vocab.ids.get(phrase[0]);
			if (id !== void 0) this.markWords(span, {
				ids: [id],
				typos: [0]
			}, lang, typos);
			return;
		}
		const pairIds = [];
		for (let i = 1; i < phrase.length; i++) {
			const id = this.pairs.get(`${phrase[i - 1]} ${phrase[i]}`);
			if (id === void 0) return;
			pairIds.push(id);
		}
		for (const [field, rank] of LANG_FIELDS[lang]) {
			const postings = this.pairPostings[field];
			const lists = pairIds.map((id) => postings[id] ?? []);
			if (lists.length === 1) {
				this.markList(span, lists[0], encode(typos, rank));
				continue;
			}
			const others = lists.slice(1).map((l) => new Set(l));
			this.markList(span, lists[0].filter((s) => others.every((o) => o.has(s))), encode(typos, rank));
		}
	}
	buildSpans(words, lastIsPrefix, lang) {
		const n = words.length;
		const byStart = Array.from({ length: n }, () => []);
		let index = 0;
		for (let start = 0; start < n; start++) for (let len = 1; len <= 3 && start + len <= n; len++) {
			const end = start + len;
			const span = this.span(index++, start, end);
			const prefix = lastIsPrefix && end === n;
			const text = words.slice(start, end);
			if (len === 1) {
				const word = text[0];
				this.markWords(span, this.expand(word, prefix, typoBudget(word.length)), lang, 0);
				for (const pairId of this.joinedPairs.get(word) ?? []) for (const [field, rank] of LANG_FIELDS[lang]) this.markList(span, this.pairPostings[field][pairId], encode(1, rank));
			} else {
				const joined = text.join("");
				this.markWords(span, this.expand(joined, prefix, Math.min(1, typoBudget(joined.length))), lang, 1);
			}
			for (const alternative of this.synonyms.get(text.join(" ")) ?? []) this.markPhrase(span, alternative.split(" "), lang, 0);
			if (span.touched.length > 0) byStart[start].push(span);
			else this.release(span);
		}
		return byStart;
	}
	release(span) {
		const { cost, touched } = span;
		for (let i = 0; i < touched.length; i++) cost[touched[i]] = NONE;
		touched.length = 0;
	}
	async search(query) {
		const { page, pageSize } = normalizePaging(query?.page, query?.pageSize);
		const lang = query?.lang === "en" ? "en" : "id";
		const sort = query?.sort ?? "relevance";
		const filters = query?.filters ?? {};
		const slots = this.slots;
		const selector = (facet, values) => {
			if (!isStringArray(values) || values.length === 0) return null;
			const dict = this.facets[facet];
			const table = new Uint8Array(dict.values.length + 1);
			for (const v of values) {
				const id = dict.ids.get(v);
				if (id !== void 0) table[id] = 1;
			}
			return table;
		};
		const region = selector("region", filters.region);
		const motif = selector("motif", filters.motif);
		const technique = selector("technique", filters.technique);
		const category = selector("category", filters.category);
		const color = selector("color", filters.color);
		const minPrice = typeof filters.minPrice === "number" && Number.isFinite(filters.minPrice) ? filters.minPrice : null;
		const maxPrice = typeof filters.maxPrice === "number" && Number.isFinite(filters.maxPrice) ? filters.maxPrice : null;
		const inStockOnly = filters.inStock === true;
		const motifsAllowed = sort === "relevance" && !(technique !== null || category !== null || color !== null || minPrice !== null || maxPrice !== null || inStockOnly);
		const anyIn = (values, table) => {
			for (let i = 0; i < values.length; i++) if (table[values[i]] === 1) return true;
			return false;
		};
		const failures = (s) => {
			let fail = 0;
			if (region !== null && region[s.region] !== 1) fail |= FAIL_REGION;
			if (motif !== null && !anyIn(s.motifs, motif)) fail |= FAIL_MOTIF;
			if (technique !== null && (s.technique < 0 || technique[s.technique] !== 1)) fail |= FAIL_TECHNIQUE;
			if (category !== null && (s.category < 0 || category[s.category] !== 1)) fail |= FAIL_CATEGORY;
			if (color !== null && !anyIn(s.colors, color)) fail |= FAIL_COLOR;
			if (!s.product && !motifsAllowed) fail |= FAIL_OTHER;
			if (minPrice !== null && !(s.price >= minPrice)) fail |= FAIL_OTHER;
			if (maxPrice !== null && !(s.price <= maxPrice)) fail |= FAIL_OTHER;
			if (inStockOnly && !s.inStock) fail |= FAIL_OTHER;
			return fail;
		};
		const normalized = normalizeQuery(query?.q);
		const words = normalized.split(" ").filter((w) => w.length > 0);
		const n = words.length;
		const lastIsPrefix = !normalized.endsWith(" ");
		let candidates;
		let leading = null;
		let score = null;
		let spansByStart = [];
		if (n === 0) {
			candidates = [];
			for (let s = 0; s < slots.length; s++) if (slots[s].alive) candidates.push(s);
		} else {
			spansByStart = this.buildSpans(words, lastIsPrefix, lang);
			if (this.mark.length < slots.length) this.mark = new Int32Array(Math.ceil(Math.max(slots.length, 1024) * 1.25));
			const epoch = ++this.epoch;
			candidates = [];
			for (const span of spansByStart[0]) for (const s of span.touched) if (this.mark[s] !== epoch) {
				this.mark[s] = epoch;
				candidates.push(s);
			}
			leading = new Int32Array(candidates.length);
			score = new Int32Array(candidates.length);
			const best = new Int32Array(n + 1);
			for (let c = 0; c < candidates.length; c++) {
				const s = candidates[c];
				best.fill(INF);
				best[0] = 3;
				let reach = 0;
				for (let i = 0; i < n; i++) {
					const here = best[i];
					if (here === INF) continue;
					for (const span of spansByStart[i]) {
						const v = span.cost[s];
						if (v === NONE) continue;
						const combined = (here >> 2) + (v >> 2) << 2 | Math.min(here & 3, v & 3);
						if (combined < best[span.end]) best[span.end] = combined;
						if (span.end > reach) reach = span.end;
					}
				}
				leading[c] = reach;
				score[c] = best[reach];
			}
			for (const list of spansByStart) for (const span of list) this.release(span);
		}
		const fails = new Uint8Array(candidates.length);
		let fullMatches = 0;
		for (let c = 0; c < candidates.length; c++) {
			const fail = failures(slots[candidates[c]]);
			fails[c] = fail;
			if (fail === 0 && (leading === null || leading[c] === n)) fullMatches++;
		}
		const minLeading = leading === null ? 0 : fullMatches === 0 && n > 1 ? 1 : n;
		const counts = {
			region: new Int32Array(this.facets.region.values.length),
			motif: new Int32Array(this.facets.motif.values.length),
			technique: new Int32Array(this.facets.technique.values.length),
			category: new Int32Array(this.facets.category.values.length),
			color: new Int32Array(this.facets.color.values.length)
		};
		const cRegion = counts.region;
		const cMotif = counts.motif;
		const cTechnique = counts.technique;
		const cCategory = counts.category;
		const cColor = counts.color;
		const results = [];
		for (let c = 0; c < candidates.length; c++) {
			if (leading !== null && leading[c] < minLeading) continue;
			const s = slots[candidates[c]];
			const fail = fails[c];
			if (fail === 0) results.push(c);
			if (!s.product) continue;
			if (fail === 0 || fail === FAIL_REGION) cRegion[s.region]++;
			if (fail === 0 || fail === FAIL_MOTIF) for (let i = 0; i < s.motifs.length; i++) cMotif[s.motifs[i]]++;
			if ((fail === 0 || fail === FAIL_TECHNIQUE) && s.technique >= 0) cTechnique[s.technique]++;
			if ((fail === 0 || fail === FAIL_CATEGORY) && s.category >= 0) cCategory[s.category]++;
			if (fail === 0 || fail === FAIL_COLOR) for (let i = 0; i < s.colors.length; i++) cColor[s.colors[i]]++;
		}
		const total = results.length;
		const keys = new Float64Array(total);
		for (let r = 0; r < total; r++) {
			const c = results[r];
			const s = slots[candidates[c]];
			const kindRank = s.product ? 1 : 0;
			if (sort === "price_asc") keys[r] = Number.isNaN(s.price) ? Infinity : s.price;
			else if (sort === "price_desc") keys[r] = Number.isNaN(s.price) ? Infinity : -s.price;
			else if (sort === "newest") keys[r] = -s.createdAt;
			else if (leading === null) keys[r] = kindRank;
			else {
				const code = score[c];
				keys[r] = (((n - leading[c]) * 64 + (code >> 2)) * 2 + kindRank) * 4 + (code & 3);
			}
		}
		const byNewest = sort === "relevance";
		const compare = (a, b) => {
			const d = keys[a] - keys[b];
			if (d !== 0) return d;
			const sa = slots[candidates[results[a]]];
			const sb = slots[candidates[results[b]]];
			if (byNewest && sa.createdAt !== sb.createdAt) return sb.createdAt - sa.createdAt;
			return sa.doc.id < sb.doc.id ? -1 : sa.doc.id > sb.doc.id ? 1 : 0;
		};
		const offset = (page - 1) * pageSize;
		const top = selectTop(total, Math.min(total, offset + pageSize), compare);
		const hits = [];
		for (let i = offset; i < top.length; i++) hits.push(toHit$1(slots[candidates[results[top[i]]]].doc, lang));
		const facets = {};
		for (const facet of FACETS) {
			const out = {};
			const values = this.facets[facet].values;
			counts[facet].forEach((count, id) => {
				if (count > 0) out[values[id]] = count;
			});
			facets[facet] = out;
		}
		return {
			hits,
			facets,
			total,
			page,
			pageSize
		};
	}
};
/** The first `k` of `0 … total − 1` in `compare` order: a bounded max-heap, then a sort. */
function selectTop(total, k, compare) {
	if (k <= 0) return [];
	if (k * 4 >= total) {
		const all = Array.from({ length: total }, (_, i) => i);
		all.sort(compare);
		return all.slice(0, k);
	}
	const heap = [];
	const up = (i) => {
		while (i > 0) {
			const parent = i - 1 >> 1;
			if (compare(heap[i], heap[parent]) <= 0) break;
			[heap[i], heap[parent]] = [heap[parent], heap[i]];
			i = parent;
		}
	};
	const down = (i) => {
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let worst = i;
			if (l < heap.length && compare(heap[l], heap[worst]) > 0) worst = l;
			if (r < heap.length && compare(heap[r], heap[worst]) > 0) worst = r;
			if (worst === i) return;
			[heap[i], heap[worst]] = [heap[worst], heap[i]];
			i = worst;
		}
	};
	for (let i = 0; i < total; i++) if (heap.length < k) {
		heap.push(i);
		up(heap.length - 1);
	} else if (compare(i, heap[0]) < 0) {
		heap[0] = i;
		down(0);
	}
	return heap.sort(compare);
}
function toHit$1(doc, lang) {
	const product = doc.kind === "product";
	return {
		id: doc.id,
		kind: doc.kind,
		slug: doc.slug,
		title: doc.title?.[lang] ?? "",
		motifs: [...doc.motifs ?? []],
		region: doc.region,
		priceIdr: product && typeof doc.priceIdr === "number" ? doc.priceIdr : null,
		imageUrl: doc.imageUrl,
		inStock: product ? doc.inStock === true : null,
		artisan: doc.artisan ? {
			slug: doc.artisan.slug,
			name: doc.artisan.name
		} : null
	};
}
/** Which document attribute holds each facet. */
var FACET_ATTRIBUTES = {
	region: "region",
	motif: "motifs",
	technique: "technique",
	category: "category",
	color: "colors"
};
/**
* Sort params: equal prices or dates are ordered by id, as in the embedded engine (the primary key can
* be a sortable attribute; Meilisearch compares strings by bytes, lowercased: ids are lowercase ASCII).
*/
var SORT_PARAMS = {
	relevance: void 0,
	price_asc: ["priceIdr:asc", "id:asc"],
	price_desc: ["priceIdr:desc", "id:asc"],
	newest: ["createdAt:desc", "id:asc"]
};
var PRIMARY_KEY = "id";
/**
* Flattens a `SearchDocument` into the stored shape. Missing product-only fields become `null`, so
* every document has the same keys.
*/
function toMeilisearchDocument(doc) {
	return {
		id: doc.id,
		title_id: doc.title.id,
		title_en: doc.title.en,
		description_id: doc.description.id,
		description_en: doc.description.en,
		motifNames: [...doc.motifNames],
		motifs: [...doc.motifs],
		region: doc.region,
		technique: doc.technique ?? null,
		category: doc.category ?? null,
		colors: [...doc.colors],
		priceIdr: doc.priceIdr ?? null,
		inStock: doc.inStock ?? null,
		createdAt: doc.createdAt,
		kind: doc.kind,
		kindRank: doc.kind === "motif" ? 0 : 1,
		slug: doc.slug,
		imageUrl: doc.imageUrl,
		artisan: doc.artisan ? {
			slug: doc.artisan.slug,
			name: doc.artisan.name
		} : null
	};
}
/**
* Synonym groups as Meilisearch wants them: a map word → every other word of its groups
* (Meilisearch synonyms are one-directional, so a group of n words becomes n entries). Built by the
* shared `synonymMap` (normalised entries, union across groups) so both engines expand alike.
*/
function toSynonymMap(groups) {
	return Object.fromEntries(synonymMap(groups));
}
/** The index settings `configure` applies (only these keys; others are left as they are). */
function buildSettings(synonyms) {
	return {
		searchableAttributes: [
			"title_id",
			"title_en",
			"motifNames",
			"description_id",
			"description_en"
		],
		filterableAttributes: [
			"region",
			"motifs",
			"technique",
			"category",
			"colors",
			"priceIdr",
			"inStock",
			"kind"
		],
		sortableAttributes: [
			"priceIdr",
			"createdAt",
			"id"
		],
		rankingRules: [
			"sort",
			"words",
			"typo",
			"kindRank:asc",
			"proximity",
			"attributeRank",
			"wordPosition",
			"exactness",
			"createdAt:desc",
			"id:asc"
		],
		typoTolerance: {
			enabled: true,
			minWordSizeForTypos: {
				oneTypo: 5,
				twoTypos: 9
			}
		},
		synonyms,
		faceting: { maxValuesPerFacet: 500 },
		pagination: { maxTotalHits: 2e5 }
	};
}
/**
* Quotes a user-supplied value for a Meilisearch filter: wraps it in double quotes and escapes `\` and
* `"` with a backslash. Meilisearch's filter parser reads a quoted value up to the first unescaped
* quote, then unescapes; inside the quotes `OR`, `AND`, `TO`, `=`, `)` and emoji are plain text.
* EVERY string that reaches a filter goes through here.
*/
function quoteFilterValue(value) {
	if (typeof value !== "string") throw new AppError("invalid", "Filter values must be strings");
	return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
/** A number for a filter: finite and printed without exponent (which the filter parser cannot read). */
function filterNumber(value, name) {
	if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) >= 0x38d7ea4c68000) throw new AppError("invalid", `${name} must be a number`);
	return String(value);
}
function facetClause(attribute, values) {
	if (values === void 0) return null;
	if (!Array.isArray(values)) throw new AppError("invalid", `Filter ${attribute} must be a list`);
	const unique = [...new Set(values)];
	if (unique.length === 0) return null;
	const terms = unique.map((v) => `${attribute} = ${quoteFilterValue(v)}`);
	return terms.length === 1 ? terms[0] : `(${terms.join(" OR ")})`;
}
/** The filter conditions, ANDed; `except` leaves out one facet (for its disjunctive count). */
function filterClauses(filters, except) {
	const clauses = [];
	for (const facet of FACETS) {
		if (facet === except) continue;
		const clause = facetClause(FACET_ATTRIBUTES[facet], filters[facet]);
		if (clause) clauses.push(clause);
	}
	if (filters.minPrice !== void 0) clauses.push(`priceIdr >= ${filterNumber(filters.minPrice, "minPrice")}`);
	if (filters.maxPrice !== void 0) clauses.push(`priceIdr <= ${filterNumber(filters.maxPrice, "maxPrice")}`);
	if (filters.inStock !== void 0 && typeof filters.inStock !== "boolean") throw new AppError("invalid", "inStock must be a boolean");
	if (filters.inStock === true) clauses.push("inStock = true");
	return clauses;
}
var PRODUCTS_ONLY = `kind = ${quoteFilterValue("product")}`;
/** Filters that only products can satisfy: with any of them, motifs would only be noise. */
function hasProductOnlyFilter(filters) {
	return (filters.technique?.length ?? 0) > 0 || (filters.category?.length ?? 0) > 0 || (filters.color?.length ?? 0) > 0 || filters.minPrice !== void 0 || filters.maxPrice !== void 0 || filters.inStock === true;
}
/** Motif documents take part only in a relevance search without product-only filters. */
function includesMotifs(query) {
	return query.sort === "relevance" && !hasProductOnlyFilter(query.filters);
}
function andAll(clauses) {
	return clauses.length === 0 ? void 0 : clauses.join(" AND ");
}
/** Fields searched for a query in `lang`: that language's text plus the (bilingual) motif names. */
function attributesToSearchOn(lang) {
	return [
		`title_${lang}`,
		"motifNames",
		`description_${lang}`
	];
}
function hitAttributes(lang) {
	return [
		"id",
		"kind",
		"slug",
		`title_${lang}`,
		"motifs",
		"region",
		"priceIdr",
		"imageUrl",
		"inStock",
		"artisan"
	];
}
/** How many words the normalised query has (what Meilisearch's `last` strategy could drop). */
function queryWordCount(q) {
	return q.split(" ").filter((w) => w.length > 0).length;
}
/**
* True when the `all` answer calls for the `last` fallback: its main query matched nothing (an
* exhaustive `totalHits`, so a page past the end does not count) and the query has 2 words or more.
*/
function needsFallback(query, results) {
	const main = results[0];
	return main !== void 0 && (main.totalHits ?? 0) === 0 && queryWordCount(normalizeQuery(query.q)) >= 2;
}
/**
* The POST /multi-search body for a query: the main query first, then one facet query per facet in
* `FACETS` order, all with one matching strategy. Pure, so tests can pin it.
*/
function buildMultiSearch(indexUid, query, matchingStrategy = "all") {
	const { page, pageSize: hitsPerPage } = normalizePaging(query.page, query.pageSize);
	const common = {
		indexUid,
		q: normalizeQuery(query.q),
		attributesToSearchOn: attributesToSearchOn(query.lang),
		matchingStrategy
	};
	const mainClauses = filterClauses(query.filters);
	if (!includesMotifs(query)) mainClauses.push(PRODUCTS_ONLY);
	const main = {
		...common,
		page,
		hitsPerPage,
		attributesToRetrieve: hitAttributes(query.lang)
	};
	const mainFilter = andAll(mainClauses);
	if (mainFilter !== void 0) main.filter = mainFilter;
	const sort = SORT_PARAMS[query.sort];
	if (sort === void 0 && query.sort !== "relevance") throw new AppError("invalid", `Unknown sort ${String(query.sort)}`);
	if (sort) main.sort = sort;
	return { queries: [main, ...FACETS.map((facet) => ({
		...common,
		limit: 0,
		facets: [FACET_ATTRIBUTES[facet]],
		filter: andAll([...filterClauses(query.filters, facet), PRODUCTS_ONLY])
	}))] };
}
function toHit(doc, lang) {
	const artisan = doc.artisan;
	return {
		id: String(doc.id),
		kind: doc.kind === "motif" ? "motif" : "product",
		slug: String(doc.slug ?? ""),
		title: String(doc[`title_${lang}`] ?? ""),
		motifs: Array.isArray(doc.motifs) ? doc.motifs.map(String) : [],
		region: String(doc.region ?? ""),
		priceIdr: typeof doc.priceIdr === "number" ? doc.priceIdr : null,
		imageUrl: String(doc.imageUrl ?? ""),
		inStock: typeof doc.inStock === "boolean" ? doc.inStock : null,
		artisan: artisan && typeof artisan.slug === "string" && typeof artisan.name === "string" ? {
			slug: artisan.slug,
			name: artisan.name
		} : null
	};
}
/** Maps the multi-search response (in `buildMultiSearch` order) to a `SearchResult`. */
function toSearchResult(query, results) {
	const [main, ...facetResults] = results;
	if (!main || facetResults.length !== FACETS.length) throw new AppError("unavailable", `Meilisearch answered ${results.length} results to ${FACETS.length + 1} queries`);
	const facets = {};
	FACETS.forEach((facet, i) => {
		facets[facet] = { ...facetResults[i]?.facetDistribution?.[FACET_ATTRIBUTES[facet]] ?? {} };
	});
	const { page, pageSize } = normalizePaging(query.page, query.pageSize);
	return {
		hits: (main.hits ?? []).map((doc) => toHit(doc, query.lang)),
		facets,
		total: main.totalHits ?? 0,
		page,
		pageSize
	};
}
function sameList(a, b) {
	return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}
function sameSet(a, b) {
	if (!Array.isArray(a) || a.some((x) => typeof x !== "string")) return false;
	return sameList([...new Set(a)].sort(), [...new Set(b)].sort());
}
function sameSynonyms(current, desired) {
	if (typeof current !== "object" || current === null) return false;
	const cur = current;
	const keys = Object.keys(desired);
	return Object.keys(cur).length === keys.length && keys.every((k) => sameSet(cur[k], desired[k]));
}
/** True when `current` already holds every setting of `desired` (see the note above). */
function settingsMatch(current, desired) {
	return sameList(current.searchableAttributes, desired.searchableAttributes) && sameSet(current.filterableAttributes, desired.filterableAttributes) && sameSet(current.sortableAttributes, desired.sortableAttributes) && sameList(current.rankingRules, desired.rankingRules) && current.typoTolerance?.enabled === desired.typoTolerance?.enabled && current.typoTolerance?.minWordSizeForTypos?.oneTypo === desired.typoTolerance?.minWordSizeForTypos?.oneTypo && current.typoTolerance?.minWordSizeForTypos?.twoTypos === desired.typoTolerance?.minWordSizeForTypos?.twoTypos && sameSynonyms(current.synonyms, desired.synonyms) && current.faceting?.maxValuesPerFacet === desired.faceting?.maxValuesPerFacet && current.pagination?.maxTotalHits === desired.pagination?.maxTotalHits;
}
function meiliCode(error) {
	return error instanceof MeilisearchApiError ? error.cause?.code : void 0;
}
function toAppError(error, action) {
	if (error instanceof AppError) return error;
	let detail = error instanceof Error ? error.message : String(error);
	const cause = error instanceof Error && !(error instanceof MeilisearchApiError) ? error.cause : void 0;
	if (cause instanceof Error) detail += `: ${cause.message}`;
	const code = (error instanceof MeilisearchApiError ? error.response.status : void 0) === 400 ? "internal" : "unavailable";
	return new AppError(code, `Meilisearch: ${action} failed: ${detail}`, { cause: error });
}
/**
* Builds the Meilisearch-backed engine. Nothing is sent until a method is called.
* The key is an admin key: keep this on the server (see the module comment).
*/
function createMeilisearchEngine(options) {
	const indexUid = options.indexUid ?? "products";
	const nextUid = `${indexUid}__next`;
	const taskTimeout = options.taskTimeoutMs ?? 1e4;
	const client = new Meilisearch({
		host: options.host,
		...options.apiKey ? { apiKey: options.apiKey } : {},
		timeout: options.timeoutMs ?? 5e3,
		defaultWaitOptions: {
			timeout: taskTimeout,
			interval: 50
		}
	});
	const healthClient = new Meilisearch({
		host: options.host,
		...options.apiKey ? { apiKey: options.apiKey } : {},
		timeout: options.healthTimeoutMs ?? 1500
	});
	/** Synonyms of the last configure(), reused by replaceAll() for the index it builds. */
	let configuredSynonyms = null;
	/**
	* Waits for a task; a task that did not succeed becomes AppError('unavailable') with its message.
	* `tolerate`: error codes that count as success (accepted whether Meilisearch reports them as a
	* failed task, as documented for index operations, or straight away as an HTTP error).
	*/
	async function settle(enqueued, action, tolerate = []) {
		let task;
		try {
			task = await enqueued.waitTask({ timeout: taskTimeout });
		} catch (error) {
			const code = meiliCode(error);
			if (code !== void 0 && tolerate.includes(code)) return null;
			throw error;
		}
		if (task.status === "succeeded") return task;
		if (task.status === "failed" && task.error && tolerate.includes(task.error.code)) return task;
		const reason = task.error ? `${task.error.message} (${task.error.code})` : task.status;
		throw new AppError("unavailable", `Meilisearch: ${action}: task ${task.uid} ${task.status}: ${reason}`);
	}
	async function guarded(action, run) {
		try {
			return await run();
		} catch (error) {
			throw toAppError(error, action);
		}
	}
	/**
	* Creates the index with primary key `id` when missing. The key must be explicit: Meilisearch infers
	* it from attributes ending in "id", and `title_id`/`description_id` would make that ambiguous.
	*/
	async function ensureIndex(uid) {
		try {
			await client.getRawIndex(uid);
			return;
		} catch (error) {
			if (meiliCode(error) !== "index_not_found") throw error;
		}
		await settle(client.createIndex(uid, { primaryKey: PRIMARY_KEY }), `create index ${uid}`, ["index_already_exists"]);
	}
	return {
		name: "meilisearch",
		configure(synonyms) {
			return guarded("configure", async () => {
				const desired = buildSettings(toSynonymMap(synonyms));
				await ensureIndex(indexUid);
				const index = client.index(indexUid);
				if (!settingsMatch(await index.getSettings(), desired)) await settle(index.updateSettings(desired), "update settings");
				configuredSynonyms = desired.synonyms;
			});
		},
		upsert(documents) {
			return guarded("upsert", async () => {
				if (documents.length === 0) return;
				const docs = documents.map(toMeilisearchDocument);
				await settle(client.index(indexUid).addDocuments(docs, { primaryKey: PRIMARY_KEY }), "add documents");
			});
		},
		remove(ids) {
			return guarded("remove", async () => {
				if (ids.length === 0) return;
				await settle(client.index(indexUid).deleteDocuments([...ids]), "delete documents");
			});
		},
		/**
		* Builds the new contents in `<uid>__next`, then swaps it with the live index in one atomic task and
		* drops the old one. Searches never see an empty or half-filled index, and if anything fails before
		* the swap the live index is untouched. (The alternative, delete-all + add on the live index, leaves
		* a window where search answers nothing.) Writes to the live index during a rebuild are lost by the
		* swap; rebuilds are rare, admin-triggered jobs. The key needs rights on both uids.
		*/
		replaceAll(documents) {
			return guarded("replace all", async () => {
				await ensureIndex(indexUid);
				await settle(client.deleteIndex(nextUid), `delete index ${nextUid}`, ["index_not_found"]);
				await settle(client.createIndex(nextUid, { primaryKey: PRIMARY_KEY }), `create index ${nextUid}`);
				const synonyms = configuredSynonyms ?? await client.index(indexUid).getSynonyms();
				const next = client.index(nextUid);
				await settle(next.updateSettings(buildSettings(synonyms)), `update settings of ${nextUid}`);
				if (documents.length > 0) await settle(next.addDocuments(documents.map(toMeilisearchDocument), { primaryKey: PRIMARY_KEY }), "add documents");
				await settle(client.swapIndexes([{
					indexes: [indexUid, nextUid],
					rename: false
				}]), "swap indexes");
				await settle(client.deleteIndex(nextUid), `delete index ${nextUid}`);
			});
		},
		async search(query) {
			const body = buildMultiSearch(indexUid, query, "all");
			return guarded("search", async () => {
				let results = (await client.multiSearch(body)).results;
				if (needsFallback(query, results)) results = (await client.multiSearch(buildMultiSearch(indexUid, query, "last"))).results;
				return toSearchResult(query, results);
			});
		},
		async isHealthy() {
			try {
				return (await healthClient.health()).status === "available";
			} catch {
				return false;
			}
		}
	};
}
// src/lib/search/search-service.ts
var consoleLog = (level, message) => level === "warn" ? console.warn(message) : console.log(message);
/** Every document of the index: the motifs, then every public product, read in pages. */
async function* documentsFrom(db, catalogue, pageSize = 200) {
	yield catalogue.motifs.map((m) => motifToDocument(m));
	for (let offset = 0;; offset += pageSize) {
		const products = await listPublicProducts(db, {
			limit: pageSize,
			offset
		});
		if (!products.length) return;
		yield products.map((p) => productToDocument(p, { motifs: catalogue.motifs }));
		if (products.length < pageSize) return;
	}
}
/**
* Replaces the engine's whole index from the database and content.
* @param onProgress called with (documents indexed, documents expected).
*/
async function rebuildIndex(engine, db, catalogue, onProgress = () => void 0) {
	await engine.configure(buildSynonyms(catalogue.motifs, catalogue.glossary));
	const total = catalogue.motifs.length + await countPublicProducts(db);
	const all = [];
	for await (const batch of documentsFrom(db, catalogue)) {
		all.push(...batch);
		onProgress(all.length, total);
	}
	await engine.replaceAll(all);
	return all.length;
}
/** Brings one product's document up to date: upserted when public, removed otherwise. */
async function reindexProduct(engine, db, catalogue, slug) {
	const product = await findPublicProduct(db, slug);
	if (product) await engine.upsert([productToDocument(product, { motifs: catalogue.motifs })]);
	else await engine.remove([productDocumentId(slug)]);
}
/**
* The engine for this process. With MEILISEARCH_HOST set, Meilisearch — unless it cannot be
* reached, in which case we say so loudly and serve with the embedded engine rather than fail.
* The embedded engine is built from the database on open.
*/
async function openSearchEngine(config, db, catalogue, log = consoleLog) {
	if (config.MEILISEARCH_HOST) {
		const meili = createMeilisearchEngine({
			host: config.MEILISEARCH_HOST,
			apiKey: config.MEILISEARCH_API_KEY,
			indexUid: config.MEILISEARCH_INDEX
		});
		if (await meili.isHealthy()) {
			await meili.configure(buildSynonyms(catalogue.motifs, catalogue.glossary));
			log("info", `search: Meilisearch at ${config.MEILISEARCH_HOST}, index "${config.MEILISEARCH_INDEX}" (rebuild it with npm run search:index)`);
			return meili;
		}
		log("warn", `search: WARNING — MEILISEARCH_HOST is set to ${config.MEILISEARCH_HOST} but Meilisearch does not answer.\n  Serving with the embedded search engine instead. Start Meilisearch or fix MEILISEARCH_HOST / MEILISEARCH_API_KEY,
  then restart; unset MEILISEARCH_HOST to use the embedded engine on purpose.`);
	}
	const engine = createEmbeddedEngine();
	const started = Date.now();
	log("info", `search: embedded engine, ${await rebuildIndex(engine, db, catalogue)} documents indexed in ${Date.now() - started} ms`);
	return engine;
}
export { COLOUR_FAMILIES as a, SORTS as i, rebuildIndex as n, reindexProduct as r, openSearchEngine as t };
