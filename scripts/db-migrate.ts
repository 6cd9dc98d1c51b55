#!/usr/bin/env node
/** `npm run db:migrate`: applies pending migrations to the configured database. */
import { loadConfig } from '../src/lib/config.ts';
import { migrate } from '../src/lib/db/migrate.ts';
import { connectDatabase } from '../src/lib/db/open.ts';

const config = loadConfig();
const db = await connectDatabase(config);
const applied = await migrate(db);
const rows = await db.query<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
console.log(`db: ${db.kind}; ${rows.length} migration(s) applied in all${applied.length ? `, ${applied.length} just now` : ''}`);
for (const r of rows) console.log(`  ${String(r.id).padStart(3, '0')} ${r.name}`);
await db.close();
