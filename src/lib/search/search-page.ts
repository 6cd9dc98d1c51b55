/**
 * The search page's logic (the page only renders): the query read from the address — without words
 * the page is the shop's listing, pieces only — its results, each facet's values named in the
 * reader's language, and a few motifs to suggest. A bad address is a 400 with the reasons in the
 * reader's language (search-params.ts), never a 500.
 */
import { sortByName, type Catalogue } from '../content/catalogue.ts';
import type { Lang } from '../i18n/index.ts';
import { CATEGORIES, CATEGORY_NAMES } from '../store/model.ts';
import { COLOUR_FAMILIES } from './colour-family.ts';
import { parseSearchParams } from './search-params.ts';
import type { Facet, SearchEngine, SearchQuery, SearchResult } from './types.ts';

/** A facet's value as the form lists it. */
export interface FacetOption {
  id: string;
  name: string;
  swatch?: string;
}

export interface SearchPageView {
  query: SearchQuery;
  /** Null when the address could not be read (then `errors` says why). */
  result: SearchResult | null;
  errors: string[];
  status: 200 | 400;
  /** No words: the page is the shop's listing. */
  listing: boolean;
  options: Record<Facet, FacetOption[]>;
  suggestions: { id: string; name: string }[];
}

/** Motifs the empty search suggests, in this order (those the catalogue has). */
const SUGGESTED_MOTIFS = ['kopi', 'mega-mendung', 'tengkiang', 'jlamprang', 'siger', 'manggur'];

/**
 * @example
 * const view = await searchPage(await app.catalogue(), app.search, Astro.url, lang);
 * Astro.response.status = view.status;
 */
export async function searchPage(catalogue: Catalogue, search: () => Promise<Pick<SearchEngine, 'search'>>, url: URL, lang: Lang): Promise<SearchPageView> {
  const params = new URLSearchParams(url.searchParams);
  params.set('lang', lang);
  const parsed = parseSearchParams(params, lang);
  const typed = url.searchParams.get('q') ?? '';
  const listing = !(parsed.ok ? parsed.query.q : typed).trim();
  if (parsed.ok && listing) parsed.query.filters.productsOnly = true;
  const query: SearchQuery = parsed.ok ? parsed.query : { q: typed.slice(0, 200), lang, filters: {}, sort: 'relevance', page: 1, pageSize: 24 };
  return {
    query,
    result: parsed.ok ? await (await search()).search(query) : null,
    errors: parsed.ok ? [] : parsed.errors,
    status: parsed.ok ? 200 : 400,
    listing,
    options: {
      region: sortByName(catalogue.regions, lang).map((r) => ({ id: r.id, name: r.name })),
      motif: sortByName(catalogue.motifs, lang).map((m) => ({ id: m.id, name: m.name[lang] })),
      technique: [...catalogue.techniques].sort((a, b) => a.order - b.order).map((x) => ({ id: x.id, name: x.name[lang] })),
      category: CATEGORIES.map((c) => ({ id: c, name: CATEGORY_NAMES[c][lang] })),
      color: COLOUR_FAMILIES.map((c) => ({ id: c.id, name: c.name[lang], swatch: c.swatch })),
    },
    suggestions: SUGGESTED_MOTIFS.map((id) => catalogue.motifs.find((m) => m.id === id))
      .filter((m) => m !== undefined)
      .map((m) => ({ id: m.id, name: m.name.id })),
  };
}
