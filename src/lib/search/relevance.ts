/**
 * Measuring what a search engine returns against graded judgements (0–3 per document): nDCG@10,
 * MRR, precision@5 and the zero-result rate, per query and per group of queries. Plain code over
 * the `SearchEngine` interface, so the same judged set scores the embedded engine and Meilisearch
 * (tests/unit/search-relevance.test.ts, bench/search-relevance.ts).
 *
 * - nDCG@10: DCG = Σ (2^grade − 1) / log2(rank + 1) over the first 10 hits, divided by the DCG of
 *   the ideal order of every judged document.
 * - MRR: 1 / the rank of the first hit graded 2 or more within the first 10 (0 when none is).
 * - P@5: hits graded 2 or more among the first 5, divided by min(5, how many documents are graded
 *   2 or more), so a query with two right answers can score 1.
 * - A query for which nothing is relevant (nonsense) scores 1 on all three when it finds nothing, 0
 *   otherwise. The zero-result rate is the share of queries that found nothing.
 */
import type { Lang } from '../content/schemas.ts';
import type { SearchEngine } from './types.ts';

/** One query and its judgements: document id → grade (documents not listed are 0). */
export interface JudgedCase {
  group: string;
  lang: Lang;
  q: string;
  grades: ReadonlyMap<string, number>;
}

export interface QueryScore {
  group: string;
  lang: Lang;
  q: string;
  ndcg10: number;
  mrr: number;
  p5: number;
  total: number;
  /** Ids of the first 10 hits. */
  top: string[];
}

export interface GroupScore {
  group: string;
  queries: number;
  ndcg10: number;
  mrr: number;
  p5: number;
  zeroResultRate: number;
}

/** Grade from which a document counts as a right answer for MRR and P@5. */
export const RELEVANT_GRADE = 2;

const gain = (grade: number) => 2 ** grade - 1;
const discount = (index: number) => Math.log2(index + 2);

/** The three scores of one ranked list of ids against judgements. */
export function scoreRanking(top: readonly string[], total: number, grades: ReadonlyMap<string, number>): Pick<QueryScore, 'ndcg10' | 'mrr' | 'p5'> {
  const all = [...grades.values()].filter((g) => g > 0).sort((a, b) => b - a);
  if (all.length === 0) {
    const score = total === 0 ? 1 : 0;
    return { ndcg10: score, mrr: score, p5: score };
  }
  const first10 = top.slice(0, 10);
  let dcg = 0;
  first10.forEach((id, i) => (dcg += gain(grades.get(id) ?? 0) / discount(i)));
  let ideal = 0;
  all.slice(0, 10).forEach((g, i) => (ideal += gain(g) / discount(i)));
  const firstRight = first10.findIndex((id) => (grades.get(id) ?? 0) >= RELEVANT_GRADE);
  const relevant = all.filter((g) => g >= RELEVANT_GRADE).length;
  const right5 = top.slice(0, 5).filter((id) => (grades.get(id) ?? 0) >= RELEVANT_GRADE).length;
  return {
    ndcg10: dcg / ideal,
    mrr: firstRight < 0 ? 0 : 1 / (firstRight + 1),
    p5: relevant === 0 ? 0 : right5 / Math.min(5, relevant),
  };
}

/** Runs every case on `engine` (first page of 10, relevance order, no filters) and scores it. */
export async function measureRelevance(engine: SearchEngine, cases: readonly JudgedCase[]): Promise<QueryScore[]> {
  const scores: QueryScore[] = [];
  for (const c of cases) {
    const result = await engine.search({ q: c.q, lang: c.lang, filters: {}, sort: 'relevance', page: 1, pageSize: 10 });
    const top = result.hits.map((h) => h.id);
    scores.push({ group: c.group, lang: c.lang, q: c.q, total: result.total, top, ...scoreRanking(top, result.total, c.grades) });
  }
  return scores;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** Means per group, in `groups` order, then `all` over every query. */
export function summariseByGroup(scores: readonly QueryScore[], groups: readonly string[]): GroupScore[] {
  const summary = (group: string, list: readonly QueryScore[]): GroupScore => ({
    group,
    queries: list.length,
    ndcg10: mean(list.map((s) => s.ndcg10)),
    mrr: mean(list.map((s) => s.mrr)),
    p5: mean(list.map((s) => s.p5)),
    zeroResultRate: mean(list.map((s) => (s.total === 0 ? 1 : 0))),
  });
  return [...groups.map((g) => summary(g, scores.filter((s) => s.group === g))), summary('all', scores)];
}

/** A plain-text (and Markdown) table of group scores. */
export function formatRelevanceTable(title: string, rows: readonly GroupScore[]): string {
  const f = (n: number) => n.toFixed(3);
  const lines = [
    `${title}`,
    '| group | queries | nDCG@10 | MRR | P@5 | zero-result rate |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.group} | ${r.queries} | ${f(r.ndcg10)} | ${f(r.mrr)} | ${f(r.p5)} | ${f(r.zeroResultRate)} |`),
  ];
  return lines.join('\n');
}
