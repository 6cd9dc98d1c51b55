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

/** In the order they apply: a migration's id is its place in this list, from 1. */
const ORDERED: readonly (readonly [name: string, sql: string])[] = [
  ['artisans-products', m001], ['carts-orders', m002], ['accounts', m003], ['checkouts-outbox', m004],
  ['payout-accounts', m005], ['security-limits', m006], ['link-secret', m007], ['english-optional', m008],
  ['places-events', m009], ['organisers', m010], ['batik-classes', m011], ['account-mail-outbox', m012],
];

export const MIGRATIONS: readonly Migration[] = ORDERED.map(([name, sql], i) => ({ id: i + 1, name, sql }));
