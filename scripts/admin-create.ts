#!/usr/bin/env node
/**
 * `npm run admin:create -- curator@example.id`: makes a curator account. The password is read from
 * CANTING_ADMIN_PASSWORD, or asked for on the terminal (not echoed).
 */
import { createInterface } from 'node:readline/promises';
import { createUser } from '../src/lib/auth/accounts.ts';
import { MIN_PASSWORD_LENGTH } from '../src/lib/auth/passwords.ts';
import { loadConfig } from '../src/lib/config.ts';
import { openDatabase } from '../src/lib/db/open.ts';

const email = process.argv[2];
if (!email) {
  console.error('usage: npm run admin:create -- curator@example.id   (password from CANTING_ADMIN_PASSWORD or the prompt)');
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (process.env.CANTING_ADMIN_PASSWORD) return process.env.CANTING_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('no terminal to ask for a password: set CANTING_ADMIN_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const mute = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(`Password for ${email} (at least ${MIN_PASSWORD_LENGTH} characters): `);
  mute._writeToOutput = () => undefined;
  const answer = await rl.question('');
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const db = await openDatabase(loadConfig());
try {
  const id = await createUser(db, { email, password: await askPassword(), role: 'curator' });
  console.log(`admin:create: curator ${email.toLowerCase()} created (${id}); sign in at /portal/login`);
} catch (error) {
  console.error(`admin:create: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
