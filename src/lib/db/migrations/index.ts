/**
 * Versioned migrations, applied in order, each once, each in its own transaction.
 * Never edit a migration that has shipped: add the next one.
 */
import m001 from './001-artisans-products.ts';
import m002 from './002-carts-orders.ts';
import m003 from './003-accounts.ts';
import m004 from './004-checkouts-outbox.ts';
import m005 from './005-payout-accounts.ts';
import m006 from './006-security-limits.ts';
import m007 from './007-link-secret.ts';
import m008 from './008-english-optional.ts';
import m009 from './009-places-events.ts';
import m010 from './010-organisers.ts';
import m011 from './011-batik-classes.ts';
import m012 from './012-account-mail-outbox.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'artisans-products', sql: m001 },
  { id: 2, name: 'carts-orders', sql: m002 },
  { id: 3, name: 'accounts', sql: m003 },
  { id: 4, name: 'checkouts-outbox', sql: m004 },
  { id: 5, name: 'payout-accounts', sql: m005 },
  { id: 6, name: 'security-limits', sql: m006 },
  { id: 7, name: 'link-secret', sql: m007 },
  { id: 8, name: 'english-optional', sql: m008 },
  { id: 9, name: 'places-events', sql: m009 },
  { id: 10, name: 'organisers', sql: m010 },
  { id: 11, name: 'batik-classes', sql: m011 },
  { id: 12, name: 'account-mail-outbox', sql: m012 },
];
