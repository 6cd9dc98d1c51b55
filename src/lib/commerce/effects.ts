/**
 * The worker that delivers the side effects queued in `order_effects` by the order state machine
 * (`order-state.ts`): e-mails, Stripe session expiry, Stripe refunds; and the accounts' e-mails
 * (sign-up, password reset, organiser invitation), whose handlers are in `auth/account-mail.ts`. Each effect is claimed with a
 * lease (`FOR UPDATE SKIP LOCKED`, then `next_attempt_at` pushed past the lease), so two servers
 * never deliver the same effect at once; it is marked done after its handler succeeded, or retried
 * with exponential backoff, and given up (`failed`, shown on the desk) after `maxAttempts`.
 *
 * Delivery is at most once while handlers finish; a crash between a handler's success and the
 * "done" mark delivers again after the lease — which is why Stripe calls carry idempotency keys
 * derived from the order or checkout, and mail is written with its effect id (see commerce.ts).
 */
import type { Database } from '../db/database.ts';
import { localizedPath } from '../i18n/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { artisanShipReminder, artisanToShip, buyerNotice, buyerShipped, checkoutPaid, checkoutPlaced, classBooked, type BankAccount } from './order-mail.ts';
import { findCheckoutById, findOrderById, listCheckoutOrders } from './orders.ts';
import { statusTokensFor } from './status-links.ts';
import type { StripeProvider } from './payments/types.ts';

export interface QueuedEffect {
  id: number;
  kind: string;
  orderId: string | null;
  checkoutId: string | null;
  /** An account's e-mail (sign-up, reset, invitation: lib/auth/account-mail.ts). */
  accountId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Delivers one effect; throws to have it retried. */
export type EffectHandler = (effect: QueuedEffect) => Promise<void>;

export interface DeliverOptions {
  now?: Date;
  /** How many effects one call claims. */
  limit?: number;
  /** After this many failed attempts an effect is `failed` and left for a curator. */
  maxAttempts?: number;
  /** How long a claim keeps others away while its handler runs. */
  leaseSeconds?: number;
}

/** Seconds to wait before attempt `attempts + 1`: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims the due effects and runs their handlers. An effect whose kind has no handler fails its
 * attempt (and is retried): a missing handler is a deployment mistake, not a reason to drop it.
 * @returns how many were delivered and how many failed this time.
 */
export async function deliverDueEffects(
  db: Database,
  handlers: Readonly<Record<string, EffectHandler>>,
  options: DeliverOptions = {},
): Promise<{ delivered: number; failed: number }> {
  // The queue keeps the database's time: rows are stamped with its now(), so "due" is decided by the same
  // clock (microseconds) unless a caller names the moment. A JavaScript Date (milliseconds, and another
  // machine's clock) could find a row queued in the same millisecond not yet due.
  const now = options.now ?? null;
  const lease = options.leaseSeconds ?? 300;
  const maxAttempts = options.maxAttempts ?? 10;
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number | string; kind: string; order_id: string | null; checkout_id: string | null; account_id: string | null; payload: Record<string, unknown>; attempts: number }>(
      `SELECT id, kind, order_id, checkout_id, account_id, payload, attempts FROM order_effects
       WHERE status = 'pending' AND next_attempt_at <= COALESCE($1::timestamptz, now()) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, options.limit ?? 50],
    );
    if (rows.length) {
      await tx.query(`UPDATE order_effects SET attempts = attempts + 1, next_attempt_at = COALESCE($2::timestamptz, now()) + make_interval(secs => $3) WHERE id = ANY ($1::bigint[])`, [
        rows.map((r) => Number(r.id)),
        now,
        lease,
      ]);
    }
    return rows.map((r): QueuedEffect => ({ id: Number(r.id), kind: r.kind, orderId: r.order_id, checkoutId: r.checkout_id, accountId: r.account_id, payload: r.payload ?? {}, attempts: r.attempts + 1 }));
  });

  let delivered = 0;
  let failed = 0;
  for (const effect of claimed) {
    try {
      const handler = handlers[effect.kind];
      if (!handler) throw new Error(`no handler for side effect "${effect.kind}"`);
      await handler(effect);
      await db.query(`UPDATE order_effects SET status = 'done', done_at = now(), last_error = NULL WHERE id = $1`, [effect.id]);
      delivered++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = effect.attempts >= maxAttempts;
      await db.query(
        `UPDATE order_effects SET last_error = $2, status = $3, next_attempt_at = COALESCE($4::timestamptz, now()) + make_interval(secs => $5) WHERE id = $1`,
        [effect.id, message.slice(0, 1000), giveUp ? 'failed' : 'pending', now, backoffSeconds(effect.attempts)],
      );
      console.error(`effects: ${effect.kind} #${effect.id} failed (attempt ${effect.attempts}${giveUp ? ', giving up' : ''}):`, message);
    }
  }
  return { delivered, failed };
}

export interface EffectDeps {
  db: Database;
  mailer: Mailer;
  stripe: StripeProvider | null;
  bankAccount: BankAccount;
  siteUrl: string;
  statusUrl: (order: { number: string; lang: 'id' | 'en' }, token: string) => string;
  /** Signs status links (status-links.ts), so every buyer e-mail can carry its order's link. */
  linkSecret?: string;
}

/** How each queued side effect is delivered. Only here does anything send mail or call Stripe for an order. */
export function createEffectHandlers({ db, mailer, stripe, bankAccount, siteUrl, statusUrl, linkSecret }: EffectDeps): Record<string, EffectHandler> {
  /** Each order's status link, for the orders whose token is a signed one; others are left out. */
  const statusLinks = async (orders: { number: string; lang: 'id' | 'en' }[]) => {
    const urls = new Map<string, string>();
    if (!linkSecret) return urls;
    const tokens = await statusTokensFor(db, linkSecret, orders.map((o) => o.number));
    for (const o of orders) {
      const token = tokens.get(o.number);
      if (token) urls.set(o.number, statusUrl(o, token));
    }
    return urls;
  };
  const order = async (effect: QueuedEffect) => {
    const found = effect.orderId ? await findOrderById(db, effect.orderId) : null;
    if (!found) throw new Error(`effect #${effect.id}: its order is gone`);
    return found;
  };
  const checkout = async (effect: QueuedEffect) => {
    const found = effect.checkoutId ? await findCheckoutById(db, effect.checkoutId) : null;
    if (!found) throw new Error(`effect #${effect.id}: its checkout is gone`);
    return { checkout: found, orders: await listCheckoutOrders(db, found.id) };
  };
  /** The artisan's sign-in e-mail (their account), else the workshop's contact e-mail. */
  const artisanEmail = async (o: { artisan: { slug: string } }) => {
    const [row] = await db.query<{ email: string | null }>(
      `SELECT coalesce(u.email, a.email) AS email FROM artisans a LEFT JOIN users u ON u.artisan_id = a.id WHERE a.slug = $1`,
      [o.artisan.slug],
    );
    return row?.email ?? null;
  };
  const needStripe = () => {
    if (!stripe) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY) but a Stripe side effect is queued');
    return stripe;
  };
  return {
    'mail.placed.buyer': async (effect) => {
      const { checkout: c, orders } = await checkout(effect);
      // The session is created just after the checkout commits: wait for its link (retried) for a while.
      if (c.paymentMethod === 'stripe' && !c.paymentUrl && c.paymentStatus === 'awaiting' && Date.now() - c.createdAt.getTime() < 120_000) {
        throw new Error(`checkout ${c.number}: its payment link is not there yet`);
      }
      const links = effect.payload.links as { number: string; token: string }[] | undefined;
      const urls = links
        ? new Map(links.map((l) => [l.number, statusUrl({ number: l.number, lang: c.lang }, l.token)]))
        : await statusLinks(orders.map((o) => ({ number: o.number, lang: c.lang })));
      await mailer.send(checkoutPlaced(c, orders, urls, bankAccount));
    },
    'mail.paid.buyer': async (effect) => {
      const { checkout: c, orders } = await checkout(effect);
      const urls = await statusLinks(orders.map((o) => ({ number: o.number, lang: c.lang })));
      await mailer.send(checkoutPaid(c, orders, urls));
    },
    'mail.paid.artisan': async (effect) => {
      const o = await order(effect);
      const email = await artisanEmail(o);
      if (email) await mailer.send(artisanToShip(o, email, `${siteUrl}/portal/orders/${o.number}`));
    },
    'mail.class-booked.buyer': async (effect) => {
      const o = await order(effect);
      const classUrl = (sessionId: string) => `${siteUrl}${localizedPath(o.lang, `/visit/classes/${sessionId}`)}`;
      await mailer.send(classBooked(o, { statusUrl: (await statusLinks([o])).get(o.number), classUrl }));
    },
    'mail.ship-reminder.artisan': async (effect) => {
      const o = await order(effect);
      const email = await artisanEmail(o);
      // Shipped (or refunded) since it was queued: nothing to remind.
      if (email && o.status === 'paid') await mailer.send(artisanShipReminder(o, email, `${siteUrl}/portal/orders/${o.number}`, Number(effect.payload.hours)));
    },
    'mail.shipped.buyer': async (effect) => {
      const o = await order(effect);
      const url = (await statusLinks([o])).get(o.number) ?? `${siteUrl}${localizedPath(o.lang, `/orders/${o.number}`)}`;
      await mailer.send(buyerShipped(o, url));
    },
    'mail.delivered.buyer': async (effect) => {
      const o = await order(effect);
      await mailer.send(buyerNotice(o, 'delivered', (await statusLinks([o])).get(o.number)));
    },
    'mail.refunded.buyer': async (effect) => {
      const o = await order(effect);
      await mailer.send(buyerNotice(o, 'refunded', (await statusLinks([o])).get(o.number)));
    },
    'mail.needs-refund.buyer': async (effect) => {
      const o = await order(effect);
      await mailer.send(buyerNotice(o, 'needs_refund', (await statusLinks([o])).get(o.number)));
    },
    'stripe.expire-session': async (effect) => {
      await needStripe().expireSession(String(effect.payload.sessionId));
    },
    'stripe.transfer': async (effect) => {
      const { destination, amountIdr, transferGroup, paymentIntentId } = effect.payload as Record<string, string | number | null>;
      if (!destination || !paymentIntentId || !transferGroup) throw new Error(`effect #${effect.id}: a Connect transfer without its account, payment or group`);
      await needStripe().transfer({
        paymentIntentId: String(paymentIntentId),
        destination: String(destination),
        amountIdr: Number(amountIdr),
        transferGroup: String(transferGroup),
        idempotencyKey: `canting-transfer-${effect.orderId}`,
      });
    },
    'stripe.refund': async (effect) => {
      await needStripe().refund({
        paymentIntentId: String(effect.payload.paymentIntentId),
        amountIdr: Number(effect.payload.amountIdr),
        idempotencyKey: `canting-refund-${effect.orderId}`,
      });
    },
  };
}
