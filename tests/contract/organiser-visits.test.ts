/** Runs the organisers' places-and-events suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeOrganiserVisits, describeWithdraw } from './organiser-visits.contract.ts';

describeOrganiserVisits('PGlite', () => openPgliteDatabase('memory://'));
describeWithdraw('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) {
  describeOrganiserVisits('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
  describeWithdraw('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
}
