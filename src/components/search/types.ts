import type { PluralForms } from '../../lib/i18n/index.ts';
import type { Facet, Sort } from '../../lib/search/types.ts';

/** A value of a facet as the search form lists it. */
export interface Option {
  id: string;
  name: string;
  swatch?: string;
}

/** The search form's words, from `t.search` (src/i18n). */
export interface SearchStrings {
  label: string;
  placeholder: string;
  submit: string;
  filters: string;
  facets: Record<Facet, string>;
  price: string;
  minPrice: string;
  maxPrice: string;
  inStock: string;
  sort: string;
  sorts: Record<Sort, string>;
  /** `{n}` results, by plural category. */
  results: PluralForms;
  /** The (visually hidden) heading over the results. */
  resultsHeading: string;
  loading: string;
  empty: string;
  emptyHint: string;
  motif: string;
  error: string;
  previous: string;
  next: string;
  pageOf: string;
  clear: string;
  oneOfAKind: string;
  fromWorkshop: string;
  allWorkshops: string;
}
