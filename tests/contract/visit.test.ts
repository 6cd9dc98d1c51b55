/** Runs the places and events suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeVisit } from './visit.contract.ts';

describeVisit('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeVisit('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
