/** Runs the portal orders and admin suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describePortalOrders } from './portal-orders.contract.ts';

describePortalOrders('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describePortalOrders('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
