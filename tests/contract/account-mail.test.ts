/** Runs the account e-mail suite on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { openPgliteDatabase } from '../../src/lib/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/db/postgres-database.ts';
import { describeAccountMail } from './account-mail.contract.ts';

describeAccountMail('PGlite', () => openPgliteDatabase('memory://'));
if (process.env.TEST_DATABASE_URL) describeAccountMail('PostgreSQL', () => openPostgresDatabase(process.env.TEST_DATABASE_URL!));
