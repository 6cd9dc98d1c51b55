/** Runs the organiser accounts suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeOrganisers } from './organisers.contract.ts';

describeOrganisers('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeOrganisers('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
