#!/usr/bin/env node
/**
 * `npm run bench:relevance`: the judged query set (tests/fixtures/relevance/) on the embedded engine
 * and, when MEILISEARCH_HOST is set, on Meilisearch (a throwaway index, deleted afterwards): nDCG@10,
 * MRR, P@5 and zero-result rate per group, as Markdown tables. `--detail` adds one line per query.
 * The floors that `npm test` enforces are in tests/unit/search-relevance.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { createEmbeddedEngine } from '../src/lib/search/embedded-engine.ts';
import { createMeilisearchEngine } from '../src/lib/search/meilisearch-engine.ts';
import { formatRelevanceTable, measureRelevance, summariseByGroup } from '../src/lib/search/relevance.ts';
import type { SearchEngine } from '../src/lib/search/types.ts';
import { judgedCases } from '../tests/fixtures/relevance/judged-set.ts';
import { QUERY_GROUPS } from '../tests/fixtures/relevance/queries.ts';
import { loadSampleCorpus } from '../tests/fixtures/relevance/sample-corpus.ts';

const detail = process.argv.includes('--detail');
const corpus = await loadSampleCorpus();
const cases = judgedCases(corpus);

async function report(title: string, engine: SearchEngine): Promise<void> {
  await engine.configure(corpus.synonyms);
  await engine.replaceAll(corpus.documents);
  const scores = await measureRelevance(engine, cases);
  console.log(`${formatRelevanceTable(`### ${title} (${corpus.documents.length} documents, ${cases.length} queries)\n`, summariseByGroup(scores, QUERY_GROUPS))}\n`);
  if (detail) for (const s of scores) console.log(`${s.group}\t${s.lang}\t${s.q}\tnDCG ${s.ndcg10.toFixed(2)}\t${s.total} hits\t${s.top.slice(0, 5).join(' ')}`);
}

await report('Embedded engine', createEmbeddedEngine());
const host = process.env.MEILISEARCH_HOST;
if (host) {
  const apiKey = process.env.MEILISEARCH_API_KEY;
  const indexUid = `canting-relevance-${randomUUID().slice(0, 8)}`;
  try {
    await report(`Meilisearch at ${host}`, createMeilisearchEngine({ host, apiKey, indexUid, timeoutMs: 10_000, taskTimeoutMs: 60_000 }));
  } finally {
    const headers: Record<string, string> = apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
    for (const uid of [indexUid, `${indexUid}__next`]) await fetch(`${host.replace(/\/+$/, '')}/indexes/${uid}`, { method: 'DELETE', headers }).catch(() => undefined);
  }
} else {
  console.log('Meilisearch: not measured (set MEILISEARCH_HOST to compare).');
}
