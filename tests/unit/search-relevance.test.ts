/**
 * Relevance on the judged query set (tests/fixtures/relevance/): the embedded engine over the
 * sample shop must not score below the floors, per group and overall. The floors were set from the
 * first honest measurement and are raised as ranking improves (bench/README.md keeps the history).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../../src/lib/search/embedded-engine.ts';
import { formatRelevanceTable, measureRelevance, summariseByGroup, type GroupScore, type QueryScore } from '../../src/lib/search/relevance.ts';
import { judgedCases } from '../fixtures/relevance/judged-set.ts';
import { judge } from '../fixtures/relevance/judge.ts';
import { JUDGED_QUERIES, QUERY_GROUPS } from '../fixtures/relevance/queries.ts';
import { loadSampleCorpus } from '../fixtures/relevance/sample-corpus.ts';

/**
 * nDCG@10 floors per group and `all`: the first measurement (the engine before issue #13's
 * rules), rounded down to two decimals.
 */
const FLOORS: Record<string, number> = {
  'motif name': 0.7,
  meaning: 0.81,
  'motif + kind': 0.8,
  typo: 0.92,
  colour: 0.88,
  technique: 0.84,
  fabric: 1,
  place: 0.76,
  prefix: 0.86,
  'joined/split': 0.97,
  'multi-word': 0.88,
  nonsense: 1,
  all: 0.84,
};

let scores: QueryScore[];
let groups: GroupScore[];

beforeAll(async () => {
  const corpus = await loadSampleCorpus();
  const engine = createEmbeddedEngine();
  await engine.configure(corpus.synonyms);
  await engine.replaceAll(corpus.documents);
  scores = await measureRelevance(engine, judgedCases(corpus));
  groups = summariseByGroup(scores, QUERY_GROUPS);
  console.log(formatRelevanceTable('Relevance, embedded engine, sample shop', groups));
  if (process.env.RELEVANCE_DETAIL) for (const s of scores) console.log(`${s.group}\t${s.lang}\t${s.q}\t${s.ndcg10.toFixed(2)}\t${s.total}\t${s.top.slice(0, 5).join(' ')}`);
});

describe('the judged query set', () => {
  it('has at least 150 queries in both languages, every group represented', () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(150);
    expect(JUDGED_QUERIES.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(50);
    for (const group of QUERY_GROUPS) expect(JUDGED_QUERIES.some((q) => q.group === group), group).toBe(true);
  });

  it('gives every meaningful query at least one right answer (grade 3)', async () => {
    const corpus = await loadSampleCorpus();
    const without = JUDGED_QUERIES.filter((q) => q.intent !== null && !corpus.facts.some((f) => judge(q.intent, f) === 3));
    expect(without.map((q) => q.q)).toEqual([]);
  });
});

describe('relevance of the embedded engine', () => {
  it.each([...QUERY_GROUPS, 'all'])('%s: nDCG@10 at or above its floor', (group) => {
    const row = groups.find((g) => g.group === group)!;
    expect(row.ndcg10).toBeGreaterThanOrEqual(FLOORS[group] ?? FLOORS.all!);
  });
});
