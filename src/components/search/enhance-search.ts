/**
 * Enhances the search page's GET form (SearchForm.astro) in the browser, without a framework:
 * typing (debounced) and ticking a facet fetch the same page from the server with the form's
 * query, and its facets and results replace the current ones; the address follows, so a search
 * can be shared. Without JavaScript the form simply submits.
 */

/** The query string of the form's fields as a GET form would send it, minus empty values and defaults. */
export function searchParamsOf(entries: Iterable<[string, FormDataEntryValue]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (key === 'sort' && value === 'relevance') continue;
    params.append(key, key === 'q' ? value : value.trim());
  }
  return params;
}

/** `action?query`, or `action` alone when the query is empty. */
export function searchUrl(action: string, params: URLSearchParams): string {
  return params.size ? `${action}?${params}` : action;
}

const TYPING_MS = 250;
const PRICE_MS = 400;

export function enhanceSearch(form: HTMLFormElement): void {
  const loadingText = form.dataset.loading ?? '';
  const errorText = form.dataset.error ?? '';
  const action = new URL(form.getAttribute('action') ?? location.pathname, location.href).pathname;
  const details = form.querySelector<HTMLDetailsElement>('details.facet-panel');
  // Filters fold away on a phone so results come first; wide screens show them.
  if (details && window.matchMedia('(min-width: 860px)').matches) details.open = true;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(searchUrl(action, searchParamsOf(new FormData(form)))), ms);
  };

  form.addEventListener('input', (event) => {
    const field = event.target as HTMLInputElement;
    if (field.name === 'q') schedule(TYPING_MS);
    else if (field.type === 'number') schedule(PRICE_MS);
  });
  form.addEventListener('change', (event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (field instanceof HTMLSelectElement || field.type === 'checkbox') schedule(0);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    schedule(0);
  });

  async function run(url: string) {
    controller?.abort();
    const abort = new AbortController();
    controller = abort;
    history.replaceState(null, '', url);
    const results = form.querySelector<HTMLElement>('.results');
    results?.setAttribute('aria-busy', 'true');
    const status = results?.querySelector('[role="status"]');
    if (status) status.textContent = loadingText;
    try {
      const res = await fetch(url, { signal: abort.signal, headers: { Accept: 'text/html' } });
      const next = new DOMParser().parseFromString(await res.text(), 'text/html').querySelector('form.search');
      if (!next) throw new Error(`search page answered ${res.status} without a form`);
      swap(next);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      showError();
    } finally {
      if (controller === abort) form.querySelector('.results')?.setAttribute('aria-busy', 'false');
    }
  }

  /** Puts the new facets and results in place, keeping focus (and a half-typed price) where it was. */
  function swap(next: Element) {
    const summary = form.querySelector('.facet-panel > summary');
    const nextSummary = next.querySelector('.facet-panel > summary');
    if (summary && nextSummary) summary.textContent = nextSummary.textContent;

    const active = document.activeElement;
    const facets = form.querySelector('.facets');
    let restore: (() => void) | null = null;
    if (active instanceof HTMLInputElement || active instanceof HTMLSelectElement) {
      if (facets?.contains(active)) {
        const selector = active instanceof HTMLInputElement && active.type === 'checkbox'
          ? `[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]`
          : `[name="${CSS.escape(active.name)}"]`;
        const typed = active instanceof HTMLInputElement && active.type === 'number' ? active.value : null;
        restore = () => {
          const same = form.querySelector<HTMLInputElement | HTMLSelectElement>(`.facets ${selector}`);
          if (!same) return;
          if (typed !== null) same.value = typed;
          same.focus();
        };
      }
    }
    const nextFacets = next.querySelector('.facets');
    if (facets && nextFacets) facets.replaceChildren(...nextFacets.childNodes);
    const results = form.querySelector('.results');
    const nextResults = next.querySelector('.results');
    if (results && nextResults) results.replaceChildren(...nextResults.childNodes);
    restore?.();
  }

  function showError() {
    const results = form.querySelector('.results');
    const status = results?.querySelector('[role="status"]');
    if (!results || !status) return;
    status.textContent = '';
    results.querySelector('[role="alert"]')?.remove();
    const alert = document.createElement('ul');
    alert.className = 'notice';
    alert.setAttribute('role', 'alert');
    const item = document.createElement('li');
    item.textContent = errorText;
    alert.append(item);
    status.after(alert);
  }
}
