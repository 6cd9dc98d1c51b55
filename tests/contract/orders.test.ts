/** Runs the order reliability suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeOrders } from './orders.contract.ts';

describeOrders('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeOrders('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
