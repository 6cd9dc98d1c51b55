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
import { loadSampleCorpus, type SampleCorpus } from '../fixtures/relevance/sample-corpus.ts';
import type { SearchEngine } from '../../src/lib/search/types.ts';

/**
 * nDCG@10 floors per group and `all`, rounded down to two decimals from the last measurement.
 * History (bench/README.md): first measured before issue #13's rules (all 0.848), raised after
 * them (all 0.948); reset after the content-truth merge (#14 renamed titles and colours of the sample
 * catalogue; all 0.952): meaning and motif + kind moved down by under 0.01, most groups up. Reset
 * again by #12 (sample titles name only the colours their pictures are drawn in, as colour families,
 * and only kinds the pictures show; all 0.948): colour 0.966 → 0.937, place 0.904 → 0.892,
 * multi-word 0.896 → 0.863 — the judged set's colour queries were written for the old, partly untrue names.
 */
const FLOORS: Record<string, number> = {
  'motif name': 0.99,
  meaning: 0.92,
  'motif + kind': 0.88,
  typo: 0.95,
  colour: 0.93,
  technique: 0.94,
  fabric: 1,
  place: 0.89,
  prefix: 0.93,
  'joined/split': 0.98,
  'multi-word': 0.86,
  nonsense: 1,
  all: 0.94,
};

let scores: QueryScore[];
let groups: GroupScore[];
let engine: SearchEngine;
let corpus: SampleCorpus;

beforeAll(async () => {
  corpus = await loadSampleCorpus();
  engine = createEmbeddedEngine();
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

describe('what a new shopper meets (issue #13)', () => {
  const search = (q: string, lang: 'id' | 'en', pageSize = 10) => engine.search({ q, lang, filters: {}, sort: 'relevance', page: 1, pageSize });

  it('"batik tulis merah" finds result sets of comparable size in both languages, and so does "red hand-drawn batik"', async () => {
    const totals = [(await search('batik tulis merah', 'id')).total, (await search('batik tulis merah', 'en')).total, (await search('red hand-drawn batik', 'en')).total];
    expect(Math.min(...totals)).toBeGreaterThan(0);
    expect(Math.max(...totals) / Math.min(...totals)).toBeLessThanOrEqual(1.5);
  });

  it.each(['id', 'en'] as const)('each motif\'s name (%s) returns that motif\'s pieces first', async (lang) => {
    const wrong: string[] = [];
    for (const motif of corpus.catalogue.motifs) {
      const own = corpus.facts.filter((f) => f.motifs.includes(motif.id)).length;
      const name = motif.name[lang].replace(/\s*\(.*\)\s*$/, '');
      const { hits } = await search(name, lang, Math.min(own, 20));
      const strangers = hits.filter((h) => !h.motifs.includes(motif.id)).map((h) => h.id);
      if (strangers.length > 0) wrong.push(`${name}: ${strangers.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['kemeja kopi', 'kopi', 'kemeja'],
    ['tas siger', 'siger', 'tas'],
    ['coffee shirt', 'kopi', 'kemeja'],
  ])('"%s" returns pieces of that kind and motif first', async (q, motif, category) => {
    const wanted = corpus.facts.filter((f) => f.category === category && f.motifs.includes(motif)).map((f) => f.id);
    expect(wanted.length).toBeGreaterThan(0);
    const { hits } = await search(q, /[a-z]+ shirt/.test(q) ? 'en' : 'id', wanted.length);
    expect(new Set(hits.map((h) => h.id))).toEqual(new Set(wanted));
  });
});
