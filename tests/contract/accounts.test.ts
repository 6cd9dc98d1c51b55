/** Runs the accounts suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeAccounts } from './accounts.contract.ts';

describeAccounts('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeAccounts('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
