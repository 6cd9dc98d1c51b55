/** Runs the portal products suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describePortalProducts } from './portal-products.contract.ts';

describePortalProducts('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describePortalProducts('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
