/**
 * Search, one capability with two implementations: `EmbeddedEngine` (in-process, the default)
 * and `MeilisearchEngine` (production). One contract suite pins the behaviour both must share
 * (tests/contract/search-engine.contract.ts).
 */
import type { Lang, Localized } from '../content/schemas.ts';

export const FACETS = ['region', 'motif', 'technique', 'category', 'color'] as const;
export type Facet = (typeof FACETS)[number];

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

/** What is indexed: a product, or a motif from the cultural catalogue. */
export interface SearchDocument {
  /** `product-<slug>` or `motif-<slug>`; unique across kinds. */
  id: string;
  kind: 'product' | 'motif';
  slug: string;
  title: Localized;
  /** Longer text searched with lower weight. */
  description: Localized;
  /** Motif slugs (a motif document lists itself). */
  motifs: string[];
  /** The motifs' names in both languages, searched first (a piece's own motif). */
  motifNames: string[];
  /**
   * Words for the piece's structured fields in both languages: category, technique, fabric, colour
   * families, region ("kemeja shirt", "batik tulis hand-drawn batik", "merah red"…). Searched after
   * the title, in either language, so "batik tulis merah" means the same on both sites.
   */
  tags?: string[];
  /** The synonyms of the piece's motifs (content/motifs `synonyms`), searched after the tags. */
  motifSynonyms?: string[];
  /** Who made it and where: the workshop's name and place, searched after the motif synonyms. */
  maker?: string[];
  region: string;
  /** Products only. */
  technique?: string;
  category?: string;
  /** Colour family names (see colour-family.ts), for the colour facet. */
  colors: string[];
  priceIdr?: number;
  inStock?: boolean;
  /** Epoch milliseconds; newest sort. */
  createdAt: number;
  /** Root-relative picture URL for result cards (a product's cover, a motif's tile). */
  imageUrl: string;
  artisan?: { slug: string; name: string };
}

export interface SearchFilters {
  region?: string[];
  motif?: string[];
  technique?: string[];
  category?: string[];
  color?: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  /** Workshops' slugs (`artisan.slug`): a workshop's own listing. Not a facet; products only. */
  artisan?: string[];
  /**
   * Pieces only, no motif documents: the shop's listing (the search page without words). Not a URL
   * parameter; the listing sets it.
   */
  productsOnly?: boolean;
}

export interface SearchQuery {
  q: string;
  lang: Lang;
  filters: SearchFilters;
  sort: Sort;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  kind: 'product' | 'motif';
  slug: string;
  title: string;
  motifs: string[];
  region: string;
  priceIdr: number | null;
  imageUrl: string;
  inStock: boolean | null;
  artisan: { slug: string; name: string } | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Counts per value of each facet over the products matching the query and the *other* filters. */
  facets: Record<Facet, Record<string, number>>;
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Synonym groups: every word in a group finds documents with any other (jarik ↔ kain panjang).
 * Motif synonyms are not groups: they are indexed on the motif's documents (`motifSynonyms`), so a
 * generic word finds its motifs one way, below what names the motif itself.
 */
export type SynonymGroups = readonly (readonly string[])[];

export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  /** Applies index settings (idempotent): searchable, filterable, sortable attributes, synonyms… */
  configure(synonyms: SynonymGroups): Promise<void>;
  /** Adds or replaces documents by id. */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** Replaces the whole index. */
  replaceAll(documents: readonly SearchDocument[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** True when the engine can answer. */
  isHealthy(): Promise<boolean>;
}
