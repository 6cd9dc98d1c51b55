/**
 * Runs the search contract on the embedded engine (always). The Meilisearch adapter registers
 * itself in search-meilisearch.test.ts, when MEILISEARCH_HOST names a server.
 */
import { createEmbeddedEngine } from '../../src/lib/search/embedded-engine.ts';
import { describeSearchEngine } from './search-engine.contract.ts';

describeSearchEngine('embedded', async () => createEmbeddedEngine());

// ── Meilisearch ──────────────────────────────────────────────────────────────────────────────
// Not registered here: tests/contract/search-meilisearch.test.ts (owned by the Meilisearch
// adapter) calls describeSearchEngine('meilisearch', …) when MEILISEARCH_HOST is set, with a
// fresh index per makeEngine() call.
