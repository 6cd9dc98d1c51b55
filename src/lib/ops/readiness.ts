/**
 * Liveness and readiness. `/healthz` says the process answers; `/readyz` says it can serve a
 * shopper: the database answers a query and the search engine is built and healthy. A load
 * balancer sends traffic only to ready instances.
 */
import type { Queryable } from '../db/database.ts';
import type { SearchEngine } from '../search/types.ts';

export interface CheckResult {
  ok: boolean;
  ms: number;
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; search: CheckResult };
}

export interface ReadinessDeps {
  db: () => Promise<Queryable>;
  search: () => Promise<SearchEngine>;
  /** Set when Meilisearch is configured: serving from the embedded engine is then a fallback. */
  meilisearchConfigured: boolean;
}

export async function checkReadiness(deps: ReadinessDeps, timeoutMs = 3000): Promise<Readiness> {
  const [database, search] = await Promise.all([
    timed(timeoutMs, async () => {
      const db = await deps.db();
      const rows = await db.query<{ ok: number }>('SELECT 1 AS ok');
      if (rows[0]?.ok !== 1) throw new Error('SELECT 1 did not answer 1');
      return undefined;
    }),
    timed(timeoutMs, async () => {
      const engine = await deps.search();
      if (!(await engine.isHealthy())) throw new Error(`${engine.name} engine is not healthy`);
      return deps.meilisearchConfigured && engine.name === 'embedded'
        ? 'embedded (fallback: Meilisearch did not answer at start)'
        : engine.name;
    }),
  ]);
  return { ready: database.ok && search.ok, checks: { database, search } };
}

async function timed(timeoutMs: number, check: () => Promise<string | undefined>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, ms: elapsed(started), ...(detail ? { detail } : {}) };
  } catch (error) {
    return { ok: false, ms: elapsed(started), detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
