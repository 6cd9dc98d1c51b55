#!/usr/bin/env node
/**
 * `npm run order:confirm -- CTG-2026-000123`: confirms that the bank transfer of that order's checkout
 * arrived (every order of the checkout becomes paid), from a shell. Curators normally use the order
 * desk at /admin/orders. Stop the server first on PGlite.
 */
import { findOrderByNumber, markPaid } from '../src/lib/commerce/orders.ts';
import { loadConfig } from '../src/lib/config.ts';
import { openDatabase } from '../src/lib/db/open.ts';

const number = process.argv[2];
if (!number || !/^CTG-\d{4}-\d{6,}$/.test(number)) {
  console.error('usage: npm run order:confirm -- CTG-2026-000123');
  process.exit(2);
}
const db = await openDatabase(loadConfig());
try {
  const order = await findOrderByNumber(db, number);
  if (!order) throw new Error(`no order ${number}`);
  if (order.paymentMethod !== 'bank_transfer') throw new Error(`${number} is paid through Stripe, not by bank transfer`);
  const outcome = await markPaid(db, order.id, { note: 'bank transfer confirmed (script)', actor: 'script:order-confirm' });
  console.log(outcome === 'changed' ? `${number} and its checkout ${order.checkoutNumber}: paid` : `${number}: unchanged (status ${order.status})`);
} catch (error) {
  console.error(`order:confirm: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
