/**
 * Runs the repository contract on PGlite (always, in memory) and on PostgreSQL when
 * TEST_DATABASE_URL names one (`.ci/run` starts Debian's PostgreSQL and sets it).
 */
import { describe, it } from 'vitest';
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeDatabase } from './database.contract.ts';

describeDatabase('PGlite', () => openPgliteDatabase('memory://'));

const url = process.env.TEST_DATABASE_URL;
if (url) {
  describeDatabase('PostgreSQL', () => openPostgresDatabase(url));
} else if (process.env.CI) {
  describe('Database contract: PostgreSQL', () => {
    it('runs in CI', () => {
      throw new Error('TEST_DATABASE_URL is not set: .ci/run should have started PostgreSQL');
    });
  });
}
