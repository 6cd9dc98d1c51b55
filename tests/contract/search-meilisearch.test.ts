/**
 * Runs the shared search contract (search-engine.contract.ts) against a real Meilisearch when
 * MEILISEARCH_HOST names one (MEILISEARCH_API_KEY: a key allowed to create, configure, fill, swap,
 * search and delete `canting-contract-*` indexes, e.g. the master key of a throwaway server).
 * Without it, a single skipped test says why: no Meilisearch can be installed or reached here, so the
 * adapter is covered by tests/unit/meilisearch-engine.test.ts against a fake server instead.
 *
 * Each engine gets its own random index, deleted afterwards, so runs never see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { createMeilisearchEngine } from '../../src/lib/search/meilisearch-engine.ts';

const host = process.env.MEILISEARCH_HOST;
const apiKey = process.env.MEILISEARCH_API_KEY;

if (host) {
  // Loaded only when it will run (top-level await is fine in an ESM test module).
  const { describeSearchEngine } = await import('./search-engine.contract.ts');
  const created: string[] = [];

  describeSearchEngine('Meilisearch', async () => {
    const indexUid = `canting-contract-${randomUUID().slice(0, 8)}`;
    created.push(indexUid);
    // A real server indexes asynchronously and may be slow on a loaded CI machine.
    return createMeilisearchEngine({ host, apiKey, indexUid, timeoutMs: 10_000, taskTimeoutMs: 30_000 });
  });

  afterAll(async () => {
    // Plain HTTP (only the adapter imports `meilisearch`); deletions are enqueued tasks, not awaited.
    const headers: Record<string, string> = apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
    const base = host.replace(/\/+$/, '');
    for (const uid of created.flatMap((u) => [u, `${u}__next`])) {
      await fetch(`${base}/indexes/${encodeURIComponent(uid)}`, { method: 'DELETE', headers }).catch(() => undefined);
    }
  });
} else {
  describe('Search engine contract: Meilisearch', () => {
    it.skip('needs a Meilisearch server: set MEILISEARCH_HOST (and MEILISEARCH_API_KEY) to run the contract against one', () => {});
  });
}
