/** Runs the batik classes suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeClasses } from './classes.contract.ts';

describeClasses('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeClasses('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
