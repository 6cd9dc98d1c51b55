/**
 * Parses search parameters (from `GET /api/search` or the search page's GET form) into a
 * `SearchQuery`, with zod. A bad value is a clear message in the reader's language, never a 500.
 */
import { z } from 'astro/zod';
import { isLang, type Lang } from '../i18n/index.ts';
import { PAGE_SIZE_MAX } from './query-rules.ts';
import { useStrings } from '../../i18n/index.ts';
import { SORTS, type SearchQuery } from './types.ts';
import { LIST_KEYS } from './search-url.ts';

export { toSearchParams } from './search-url.ts';

const MAX_PRICE = 1_000_000_000;

const slugList = z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80)).max(20);
const price = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().min(0).max(MAX_PRICE));

const schema = z.object({
  q: z.string().max(200).default(''),
  region: slugList,
  motif: slugList,
  technique: slugList,
  category: slugList,
  color: slugList,
  artisan: slugList,
  minPrice: price.optional(),
  maxPrice: price.optional(),
  inStock: z.enum(['true', 'false', '1', '0', 'on']).optional(),
  sort: z.enum(SORTS).default('relevance'),
  page: z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().int().min(1).max(1000)).default(1),
  pageSize: z.string().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(1).max(PAGE_SIZE_MAX)).default(24),
});

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; lang: Lang; errors: string[] };


/**
 * Reads `q, lang, region, motif, technique, category, color, minPrice, maxPrice, inStock, sort,
 * page, pageSize`. List filters may repeat (`region=a&region=b`) or be comma-separated.
 * Empty values (an untouched form field) count as absent.
 */
export function parseSearchParams(params: URLSearchParams, fallbackLang: Lang = 'id'): ParseResult {
  const langParam = params.get('lang');
  const lang: Lang = isLang(langParam) ? langParam : fallbackLang;
  const one = (key: string) => {
    const value = params.get(key)?.trim();
    return value ? value : undefined;
  };
  const raw: Record<string, unknown> = {
    q: params.get('q')?.trim() ?? '',
    minPrice: one('minPrice'),
    maxPrice: one('maxPrice'),
    inStock: one('inStock'),
    sort: one('sort'),
    page: one('page'),
    pageSize: one('pageSize'),
  };
  for (const key of LIST_KEYS) {
    raw[key] = [...new Set(params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  }
  const errors: string[] = [];
  const messages: Readonly<Record<string, (detail: string) => string>> = useStrings(lang).search.errors;
  if (langParam !== null && langParam !== '' && !isLang(langParam)) errors.push(messages.lang!(langParam));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const message = messages[LIST_KEYS.includes(key as never) ? 'value' : key] ?? messages.value!;
      const detail = LIST_KEYS.includes(key as never) ? String((raw[key] as string[])[Number(issue.path[1])] ?? '') : String(raw[key] ?? '');
      errors.push(message(detail.slice(0, 40)));
    }
  }
  if (errors.length || !parsed.success) return { ok: false, lang, errors: [...new Set(errors)] };
  const d = parsed.data;
  if (d.minPrice !== undefined && d.maxPrice !== undefined && d.minPrice > d.maxPrice) {
    return { ok: false, lang, errors: [messages.range!('')] };
  }
  return {
    ok: true,
    query: {
      q: d.q,
      lang,
      filters: {
        ...(d.region.length ? { region: d.region } : {}),
        ...(d.motif.length ? { motif: d.motif } : {}),
        ...(d.technique.length ? { technique: d.technique } : {}),
        ...(d.category.length ? { category: d.category } : {}),
        ...(d.color.length ? { color: d.color } : {}),
        ...(d.artisan.length ? { artisan: d.artisan } : {}),
        ...(d.minPrice !== undefined ? { minPrice: d.minPrice } : {}),
        ...(d.maxPrice !== undefined ? { maxPrice: d.maxPrice } : {}),
        ...(d.inStock === 'true' || d.inStock === '1' || d.inStock === 'on' ? { inStock: true } : {}),
      },
      sort: d.sort,
      page: d.page,
      pageSize: d.pageSize,
    },
  };
}
