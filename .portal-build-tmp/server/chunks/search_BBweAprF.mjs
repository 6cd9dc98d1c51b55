import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Base } from "./Base_Ck1NWO78.mjs";
import { n as toSearchParams, t as parseSearchParams } from "./search-params_rTF-Eydn.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { i as sortByName } from "./catalogue_Dca6SlZw.mjs";
import { d as CATEGORY_NAMES, u as CATEGORIES } from "./store-repository_DJEKsCo7.mjs";
import { a as COLOUR_FAMILIES } from "./search-service_BK1f7Cb8.mjs";
import { n as isLang, r as localizedPath } from "./i18n_gSQNTReg.mjs";
import { t as useStrings } from "./i18n_bh4-HzuK.mjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { jsx, jsxs } from "react/jsx-runtime";
// src/components/search/SearchApp.tsx
/**
* The search page's island. Rendered on the server with the first results (so the page works
* as a plain GET form without JavaScript), then enhanced: results as you type, facets that apply
* at once, and the URL kept in sync so a search can be shared.
*/
var LIST_FACETS = [
	"region",
	"motif",
	"technique",
	"category",
	"color"
];
var idr = new Intl.NumberFormat("id-ID", {
	style: "currency",
	currency: "IDR",
	maximumFractionDigits: 0
});
var fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
function SearchApp(props) {
	const { lang, strings: t, options } = props;
	const [query, setQuery] = useState(props.query);
	const [result, setResult] = useState(props.result);
	const [errors, setErrors] = useState(props.errors);
	const [loading, setLoading] = useState(false);
	const first = useRef(true);
	const [filtersOpen, setFiltersOpen] = useState(false);
	useEffect(() => {
		if (window.matchMedia("(min-width: 860px)").matches) setFiltersOpen(true);
	}, []);
	const controller = useRef(null);
	const [debounceMs, setDebounceMs] = useState(0);
	useEffect(() => {
		if (first.current) {
			first.current = false;
			return;
		}
		const timer = setTimeout(async () => {
			controller.current?.abort();
			const abort = new AbortController();
			controller.current = abort;
			const params = toSearchParams(query);
			history.replaceState(null, "", `${props.action}${params.size ? `?${params}` : ""}`);
			params.set("lang", lang);
			setLoading(true);
			try {
				const res = await fetch(`/api/search?${params}`, {
					signal: abort.signal,
					headers: { Accept: "application/json" }
				});
				const body = await res.json();
				if (res.ok) {
					setResult(body);
					setErrors([]);
				} else setErrors(body.messages ?? [t.error]);
			} catch (error) {
				if (error.name !== "AbortError") setErrors([t.error]);
			} finally {
				if (controller.current === abort) setLoading(false);
			}
		}, debounceMs);
		return () => clearTimeout(timer);
	}, [query]);
	const update = (change, debounce = 0) => {
		setDebounceMs(debounce);
		setQuery((q) => ({
			...q,
			...change,
			page: change.page ?? 1
		}));
	};
	const toggle = (facet, value, checked) => {
		const current = query.filters[facet] ?? [];
		const next = checked ? [...current, value] : current.filter((v) => v !== value);
		const filters = { ...query.filters };
		if (next.length) filters[facet] = next;
		else delete filters[facet];
		update({ filters });
	};
	const setPrice = (key, raw) => {
		const filters = { ...query.filters };
		const value = raw === "" ? void 0 : Number(raw);
		if (value === void 0 || !Number.isFinite(value)) delete filters[key];
		else filters[key] = value;
		update({ filters }, 400);
	};
	const onSubmit = (event) => {
		event.preventDefault();
		update({}, 0);
	};
	const activeFilters = LIST_FACETS.reduce((n, f) => n + (query.filters[f]?.length ?? 0), 0) + (query.filters.minPrice !== void 0 ? 1 : 0) + (query.filters.maxPrice !== void 0 ? 1 : 0) + (query.filters.inStock ? 1 : 0);
	const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
	const pageHref = (page) => {
		const params = toSearchParams({
			...query,
			page
		});
		return `${props.action}${params.size ? `?${params}` : ""}`;
	};
	const facetValues = useMemo(() => {
		const out = {};
		for (const facet of LIST_FACETS) {
			const counts = result?.facets[facet] ?? {};
			const selected = query.filters[facet] ?? [];
			out[facet] = options[facet].map((o) => ({
				...o,
				count: counts[o.id] ?? 0,
				checked: selected.includes(o.id)
			})).filter((o) => o.count > 0 || o.checked);
		}
		return out;
	}, [
		result,
		query.filters,
		options
	]);
	return /* @__PURE__ */ jsxs("form", {
		className: "search",
		method: "get",
		action: props.action,
		role: "search",
		onSubmit,
		children: [/* @__PURE__ */ jsxs("div", {
			className: "search-bar",
			children: [
				/* @__PURE__ */ jsx("label", {
					htmlFor: "search-q",
					className: "visually-hidden",
					children: t.label
				}),
				/* @__PURE__ */ jsx("input", {
					id: "search-q",
					type: "search",
					name: "q",
					value: query.q,
					placeholder: t.placeholder,
					autoComplete: "off",
					maxLength: 200,
					onChange: (e) => update({ q: e.currentTarget.value }, 250)
				}),
				/* @__PURE__ */ jsx("button", {
					type: "submit",
					children: t.submit
				})
			]
		}), /* @__PURE__ */ jsxs("div", {
			className: "search-layout",
			children: [/* @__PURE__ */ jsxs("details", {
				className: "facet-panel",
				open: filtersOpen,
				onToggle: (e) => setFiltersOpen(e.currentTarget.open),
				children: [/* @__PURE__ */ jsxs("summary", { children: [t.filters, activeFilters > 0 ? ` (${activeFilters})` : ""] }), /* @__PURE__ */ jsxs("aside", {
					"aria-label": t.filters,
					className: "facets",
					children: [
						/* @__PURE__ */ jsxs("label", {
							className: "sort",
							children: [t.sort, /* @__PURE__ */ jsx("select", {
								name: "sort",
								value: query.sort,
								onChange: (e) => update({ sort: e.currentTarget.value }),
								children: Object.keys(t.sorts).map((s) => /* @__PURE__ */ jsx("option", {
									value: s,
									children: t.sorts[s]
								}, s))
							})]
						}),
						LIST_FACETS.map((facet) => facetValues[facet].length ? /* @__PURE__ */ jsxs("fieldset", {
							className: `facet facet-${facet}`,
							children: [/* @__PURE__ */ jsx("legend", { children: t.facets[facet] }), facetValues[facet].map((o) => /* @__PURE__ */ jsxs("label", {
								className: "check",
								children: [
									/* @__PURE__ */ jsx("input", {
										type: "checkbox",
										name: facet,
										value: o.id,
										checked: o.checked,
										onChange: (e) => toggle(facet, o.id, e.currentTarget.checked)
									}),
									o.swatch && /* @__PURE__ */ jsx("span", {
										className: "swatch-dot",
										style: { background: o.swatch },
										"aria-hidden": "true"
									}),
									/* @__PURE__ */ jsx("span", { children: o.name }),
									" ",
									/* @__PURE__ */ jsxs("span", {
										className: "count",
										children: [
											"(",
											o.count,
											")"
										]
									})
								]
							}, o.id))]
						}, facet) : null),
						/* @__PURE__ */ jsxs("fieldset", {
							className: "facet",
							children: [
								/* @__PURE__ */ jsx("legend", { children: t.price }),
								/* @__PURE__ */ jsxs("div", {
									className: "price-range",
									children: [/* @__PURE__ */ jsxs("label", { children: [t.minPrice, /* @__PURE__ */ jsx("input", {
										type: "number",
										name: "minPrice",
										min: 0,
										step: 5e3,
										inputMode: "numeric",
										value: query.filters.minPrice ?? "",
										onChange: (e) => setPrice("minPrice", e.currentTarget.value)
									})] }), /* @__PURE__ */ jsxs("label", { children: [t.maxPrice, /* @__PURE__ */ jsx("input", {
										type: "number",
										name: "maxPrice",
										min: 0,
										step: 5e3,
										inputMode: "numeric",
										value: query.filters.maxPrice ?? "",
										onChange: (e) => setPrice("maxPrice", e.currentTarget.value)
									})] })]
								}),
								/* @__PURE__ */ jsxs("label", {
									className: "check",
									children: [/* @__PURE__ */ jsx("input", {
										type: "checkbox",
										name: "inStock",
										value: "true",
										checked: query.filters.inStock === true,
										onChange: (e) => {
											const filters = { ...query.filters };
											if (e.currentTarget.checked) filters.inStock = true;
											else delete filters.inStock;
											update({ filters });
										}
									}), t.inStock]
								})
							]
						}),
						/* @__PURE__ */ jsx("noscript", { children: /* @__PURE__ */ jsx("button", {
							type: "submit",
							children: t.submit
						}) })
					]
				})]
			}), /* @__PURE__ */ jsxs("section", {
				className: "results",
				"aria-labelledby": "results-heading",
				"aria-busy": loading,
				children: [
					/* @__PURE__ */ jsx("h2", {
						id: "results-heading",
						className: "visually-hidden",
						children: t.results
					}),
					/* @__PURE__ */ jsx("p", {
						role: "status",
						className: "muted",
						children: errors.length ? "" : loading ? t.loading : result ? fill(t.results, { n: result.total }) : ""
					}),
					errors.length > 0 && /* @__PURE__ */ jsx("ul", {
						className: "notice",
						role: "alert",
						children: errors.map((e) => /* @__PURE__ */ jsx("li", { children: e }, e))
					}),
					result && result.hits.length === 0 && errors.length === 0 && /* @__PURE__ */ jsxs("div", {
						className: "panel empty",
						children: [
							/* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx("strong", { children: t.empty }) }),
							/* @__PURE__ */ jsx("p", { children: t.emptyHint }),
							/* @__PURE__ */ jsx("ul", {
								className: "tags",
								children: props.suggestions.map((s) => /* @__PURE__ */ jsx("li", { children: /* @__PURE__ */ jsx("a", {
									className: "tag",
									href: `${props.action}?q=${encodeURIComponent(s.name)}`,
									children: s.name
								}) }, s.id))
							})
						]
					}),
					result && result.hits.length > 0 && /* @__PURE__ */ jsx("ul", {
						className: "grid",
						children: result.hits.map((hit) => /* @__PURE__ */ jsx("li", { children: /* @__PURE__ */ jsxs("article", {
							className: `card hit hit-${hit.kind}`,
							children: [hit.kind === "motif" ? /* @__PURE__ */ jsx("div", {
								className: "photo",
								style: {
									backgroundImage: `url(${hit.imageUrl})`,
									backgroundSize: "110px"
								}
							}) : /* @__PURE__ */ jsx("div", {
								className: "photo",
								children: /* @__PURE__ */ jsx("img", {
									src: hit.imageUrl,
									alt: "",
									width: 320,
									height: 320,
									loading: "lazy",
									decoding: "async"
								})
							}), /* @__PURE__ */ jsxs("div", {
								className: "body",
								children: [
									hit.kind === "motif" && /* @__PURE__ */ jsx("p", {
										className: "small",
										children: /* @__PURE__ */ jsx("span", {
											className: "tag ok",
											children: t.motif
										})
									}),
									/* @__PURE__ */ jsx("h3", { children: /* @__PURE__ */ jsx("a", {
										href: `/${lang}/${hit.kind === "motif" ? "motifs" : "products"}/${hit.slug}`,
										children: hit.title
									}) }),
									hit.priceIdr !== null && /* @__PURE__ */ jsx("p", {
										className: "price",
										children: idr.format(hit.priceIdr)
									}),
									hit.artisan && /* @__PURE__ */ jsx("p", {
										className: "muted small",
										children: hit.artisan.name
									})
								]
							})]
						}) }, hit.id))
					}),
					result && pages > 1 && /* @__PURE__ */ jsxs("nav", {
						className: "actions",
						"aria-label": fill(t.pageOf, {
							page: query.page,
							pages
						}),
						children: [
							query.page > 1 && /* @__PURE__ */ jsx("a", {
								className: "button secondary",
								rel: "prev",
								href: pageHref(query.page - 1),
								onClick: (e) => {
									e.preventDefault();
									update({ page: query.page - 1 });
								},
								children: t.previous
							}),
							/* @__PURE__ */ jsx("span", { children: fill(t.pageOf, {
								page: query.page,
								pages
							}) }),
							query.page < pages && /* @__PURE__ */ jsx("a", {
								className: "button secondary",
								rel: "next",
								href: pageHref(query.page + 1),
								onClick: (e) => {
									e.preventDefault();
									update({ page: query.page + 1 });
								},
								children: t.next
							})
						]
					})
				]
			})]
		})]
	});
}
// src/pages/[lang]/search.astro
var search_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Search,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Search = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Search;
	const lang = Astro.params.lang;
	if (!isLang(lang)) return Astro.rewrite("/404");
	const t = useStrings(lang);
	const catalogue = await loadCatalogue();
	const params = new URLSearchParams(Astro.url.searchParams);
	params.set("lang", lang);
	const parsed = parseSearchParams(params, lang);
	const query = parsed.ok ? parsed.query : {
		q: Astro.url.searchParams.get("q")?.slice(0, 200) ?? "",
		lang,
		filters: {},
		sort: "relevance",
		page: 1,
		pageSize: 24
	};
	const result = parsed.ok ? await (await getSearchEngine()).search(query) : null;
	if (!parsed.ok) Astro.response.status = 400;
	const options = {
		region: sortByName(catalogue.regions, lang).map((r) => ({
			id: r.id,
			name: r.name
		})),
		motif: sortByName(catalogue.motifs, lang).map((m) => ({
			id: m.id,
			name: m.name[lang]
		})),
		technique: [...catalogue.techniques].sort((a, b) => a.order - b.order).map((x) => ({
			id: x.id,
			name: x.name[lang]
		})),
		category: CATEGORIES.map((c) => ({
			id: c,
			name: CATEGORY_NAMES[c][lang]
		})),
		color: COLOUR_FAMILIES.map((c) => ({
			id: c.id,
			name: c.name[lang],
			swatch: c.swatch
		}))
	};
	const suggestions = [
		"kopi",
		"mega-mendung",
		"tengkiang",
		"jlamprang",
		"siger",
		"manggur"
	].map((id) => catalogue.motifs.find((m) => m.id === id)).filter((m) => m !== void 0).map((m) => ({
		id: m.id,
		name: m.name.id
	}));
	const { headerLabel: _unused, ...strings } = t.search;
	const title = query.q ? `${query.q} · ${t.search.title} · Canting` : `${t.search.title} · Canting`;
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"lang": lang,
		"path": "/search",
		"title": title,
		"description": t.search.description,
		"breadcrumbs": [{
			name: t.search.title,
			path: "/search"
		}]
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="wrap"><h1>${t.search.title}</h1>${renderComponent($$result, "SearchApp", SearchApp, {
		"client:load": true,
		"lang": lang,
		"action": localizedPath(lang, "/search"),
		"strings": strings,
		"options": options,
		"query": query,
		"result": result,
		"errors": parsed.ok ? [] : parsed.errors,
		"suggestions": suggestions,
		"client:component-hydration": "load",
		"client:component-path": "/work/main/src/components/search/SearchApp.tsx",
		"client:component-export": "default"
	})}</div>` })}`;
}, "/work/main/src/pages/[lang]/search.astro", void 0);
var $$file = "/work/main/src/pages/[lang]/search.astro";
var $$url = "/[lang]/search";
// \0virtual:astro:page:src/pages/[lang]/search@_@astro
var page = () => search_exports;
export { page };
