/**
 * The search page's island. Rendered on the server with the first results (so the page works
 * as a plain GET form without JavaScript), then enhanced: results as you type, facets that apply
 * at once, and the URL kept in sync so a search can be shared.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Facet, SearchQuery, SearchResult, Sort } from '../../lib/search/types.ts';
import { toSearchParams } from '../../lib/search/search-url.ts';

export interface Option {
  id: string;
  name: string;
  swatch?: string;
}

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
  results: string;
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
}

interface Props {
  lang: 'id' | 'en';
  action: string;
  strings: SearchStrings;
  options: Record<Facet, Option[]>;
  query: SearchQuery;
  result: SearchResult | null;
  errors: string[];
  suggestions: Option[];
}

const LIST_FACETS: Facet[] = ['region', 'motif', 'technique', 'category', 'color'];
const idr = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

export default function SearchApp(props: Props) {
  const { lang, strings: t, options } = props;
  const [query, setQuery] = useState<SearchQuery>(props.query);
  const [result, setResult] = useState<SearchResult | null>(props.result);
  const [errors, setErrors] = useState<string[]>(props.errors);
  const [loading, setLoading] = useState(false);
  const first = useRef(true);
  // Filters fold away on a phone so results come first; wide screens open them after hydration.
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => {
    if (window.matchMedia('(min-width: 860px)').matches) setFiltersOpen(true);
  }, []);
  const controller = useRef<AbortController | null>(null);

  // Fetch whenever the query changes (typing is debounced; clicks are immediate).
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
      history.replaceState(null, '', `${props.action}${params.size ? `?${params}` : ''}`);
      params.set('lang', lang);
      setLoading(true);
      try {
        const res = await fetch(`/api/search?${params}`, { signal: abort.signal, headers: { Accept: 'application/json' } });
        const body = await res.json();
        if (res.ok) {
          setResult(body as SearchResult);
          setErrors([]);
        } else {
          setErrors((body as { messages?: string[] }).messages ?? [t.error]);
        }
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setErrors([t.error]);
      } finally {
        if (controller.current === abort) setLoading(false);
      }
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [query]);

  const update = (change: Partial<SearchQuery> & { filters?: SearchQuery['filters'] }, debounce = 0) => {
    setDebounceMs(debounce);
    setQuery((q) => ({ ...q, ...change, page: change.page ?? 1 }));
  };

  const toggle = (facet: Facet, value: string, checked: boolean) => {
    const current = query.filters[facet] ?? [];
    const next = checked ? [...current, value] : current.filter((v) => v !== value);
    const filters = { ...query.filters };
    if (next.length) filters[facet] = next;
    else delete filters[facet];
    update({ filters });
  };

  const setPrice = (key: 'minPrice' | 'maxPrice', raw: string) => {
    const filters = { ...query.filters };
    const value = raw === '' ? undefined : Number(raw);
    if (value === undefined || !Number.isFinite(value)) delete filters[key];
    else filters[key] = value;
    update({ filters }, 400);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update({}, 0);
  };

  const activeFilters =
    LIST_FACETS.reduce((n, f) => n + (query.filters[f]?.length ?? 0), 0) +
    (query.filters.minPrice !== undefined ? 1 : 0) + (query.filters.maxPrice !== undefined ? 1 : 0) + (query.filters.inStock ? 1 : 0);
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const pageHref = (page: number) => {
    const params = toSearchParams({ ...query, page });
    return `${props.action}${params.size ? `?${params}` : ''}`;
  };
  const facetValues = useMemo(() => {
    const out = {} as Record<Facet, (Option & { count: number; checked: boolean })[]>;
    for (const facet of LIST_FACETS) {
      const counts = result?.facets[facet] ?? {};
      const selected = query.filters[facet] ?? [];
      out[facet] = options[facet]
        .map((o) => ({ ...o, count: counts[o.id] ?? 0, checked: selected.includes(o.id) }))
        .filter((o) => o.count > 0 || o.checked);
    }
    return out;
  }, [result, query.filters, options]);

  return (
    <form className="search" method="get" action={props.action} role="search" onSubmit={onSubmit}>
      <div className="search-bar">
        <label htmlFor="search-q" className="visually-hidden">{t.label}</label>
        <input
          id="search-q"
          type="search"
          name="q"
          value={query.q}
          placeholder={t.placeholder}
          autoComplete="off"
          maxLength={200}
          onChange={(e) => update({ q: e.currentTarget.value }, 250)}
        />
        <button type="submit">{t.submit}</button>
      </div>
      <div className="search-layout">
        <details className="facet-panel" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
          <summary>{t.filters}{activeFilters > 0 ? ` (${activeFilters})` : ''}</summary>
        <aside aria-label={t.filters} className="facets">
          <label className="sort">
            {t.sort}
            <select name="sort" value={query.sort} onChange={(e) => update({ sort: e.currentTarget.value as Sort })}>
              {(Object.keys(t.sorts) as Sort[]).map((s) => (
                <option key={s} value={s}>{t.sorts[s]}</option>
              ))}
            </select>
          </label>
          {LIST_FACETS.map((facet) =>
            facetValues[facet].length ? (
              <fieldset key={facet} className={`facet facet-${facet}`}>
                <legend>{t.facets[facet]}</legend>
                {facetValues[facet].map((o) => (
                  <label key={o.id} className="check">
                    <input type="checkbox" name={facet} value={o.id} checked={o.checked} onChange={(e) => toggle(facet, o.id, e.currentTarget.checked)} />
                    {o.swatch && <span className="swatch-dot" style={{ background: o.swatch }} aria-hidden="true" />}
                    <span>{o.name}</span> <span className="count">({o.count})</span>
                  </label>
                ))}
              </fieldset>
            ) : null,
          )}
          <fieldset className="facet">
            <legend>{t.price}</legend>
            <div className="price-range">
              <label>{t.minPrice}
                <input type="number" name="minPrice" min={0} step={5000} inputMode="numeric" value={query.filters.minPrice ?? ''} onChange={(e) => setPrice('minPrice', e.currentTarget.value)} />
              </label>
              <label>{t.maxPrice}
                <input type="number" name="maxPrice" min={0} step={5000} inputMode="numeric" value={query.filters.maxPrice ?? ''} onChange={(e) => setPrice('maxPrice', e.currentTarget.value)} />
              </label>
            </div>
            <label className="check">
              <input type="checkbox" name="inStock" value="true" checked={query.filters.inStock === true}
                onChange={(e) => { const filters = { ...query.filters }; if (e.currentTarget.checked) filters.inStock = true; else delete filters.inStock; update({ filters }); }} />
              {t.inStock}
            </label>
          </fieldset>
          <noscript><button type="submit">{t.submit}</button></noscript>
        </aside>
        </details>
        <section className="results" aria-labelledby="results-heading" aria-busy={loading}>
          <h2 id="results-heading" className="visually-hidden">{t.results}</h2>
          <p role="status" className="muted">
            {errors.length ? '' : loading ? t.loading : result ? fill(t.results, { n: result.total }) : ''}
          </p>
          {errors.length > 0 && (
            <ul className="notice" role="alert">{errors.map((e) => <li key={e}>{e}</li>)}</ul>
          )}
          {result && result.hits.length === 0 && errors.length === 0 && (
            <div className="panel empty">
              <p><strong>{t.empty}</strong></p>
              <p>{t.emptyHint}</p>
              <ul className="tags">
                {props.suggestions.map((s) => (
                  <li key={s.id}><a className="tag" href={`${props.action}?q=${encodeURIComponent(s.name)}`}>{s.name}</a></li>
                ))}
              </ul>
            </div>
          )}
          {result && result.hits.length > 0 && (
            <ul className="grid">
              {result.hits.map((hit) => (
                <li key={hit.id}>
                  <article className={`card hit hit-${hit.kind}`}>
                    {hit.kind === 'motif' ? (
                      <div className="photo" style={{ backgroundImage: `url(${hit.imageUrl})`, backgroundSize: '110px' }} />
                    ) : (
                      <div className="photo">
                        <img src={hit.imageUrl} alt="" width={320} height={320} loading="lazy" decoding="async" />
                      </div>
                    )}
                    <div className="body">
                      {hit.kind === 'motif' && <p className="small"><span className="tag ok">{t.motif}</span></p>}
                      <h3><a href={`/${lang}/${hit.kind === 'motif' ? 'motifs' : 'products'}/${hit.slug}`}>{hit.title}</a></h3>
                      {hit.priceIdr !== null && <p className="price">{idr.format(hit.priceIdr)}</p>}
                      {hit.artisan && <p className="muted small">{hit.artisan.name}</p>}
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
          {result && pages > 1 && (
            <nav className="actions" aria-label={fill(t.pageOf, { page: query.page, pages })}>
              {query.page > 1 && (
                <a className="button secondary" rel="prev" href={pageHref(query.page - 1)} onClick={(e) => { e.preventDefault(); update({ page: query.page - 1 }); }}>{t.previous}</a>
              )}
              <span>{fill(t.pageOf, { page: query.page, pages })}</span>
              {query.page < pages && (
                <a className="button secondary" rel="next" href={pageHref(query.page + 1)} onClick={(e) => { e.preventDefault(); update({ page: query.page + 1 }); }}>{t.next}</a>
              )}
            </nav>
          )}
        </section>
      </div>
    </form>
  );
}
