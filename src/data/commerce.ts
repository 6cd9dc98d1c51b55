/**
 * Commerce services for pages and routes: payment providers, mailer, shipping and checkout
 * dependencies, chosen from config once per process.
 */
import { loadCatalogue } from './catalogue.ts';
import { byId } from '../lib/catalogue/catalogue.ts';
import type { BankAccount } from '../lib/commerce/order-mail.ts';
import { completeShippedOrders, remindUnshippedOrders, sweepExpiredHolds, type CheckoutDeps } from '../lib/commerce/orders.ts';
import { createEffectHandlers, deliverDueEffects } from '../lib/commerce/effects.ts';
import { loadLinkSecret, orderStatusToken } from '../lib/commerce/status-links.ts';
import { createBankTransferProvider } from '../lib/commerce/payments/bank-transfer-provider.ts';
import { createStripeProvider } from '../lib/commerce/payments/stripe-provider.ts';
import type { PaymentProvider, StripeProvider } from '../lib/commerce/payments/types.ts';
import { availableCouriers, chargeableKg, provinceZone, quoteShipping, siteShippingTable, type ShippingTable } from '../lib/commerce/shipping.ts';
import { siteUrl, type Config } from '../lib/config.ts';
import type { Database } from '../lib/db/database.ts';
import { AppError } from '../lib/errors.ts';
import { localizedPath } from '../lib/i18n/index.ts';
import type { Mailer } from '../lib/mail/mailer.ts';
import { createOutboxMailer } from '../lib/mail/outbox-mailer.ts';
import { createSmtpMailer } from '../lib/mail/smtp-mailer.ts';
import { getServices } from '../lib/services.server.ts';

export interface Commerce {
  config: Config;
  db: Database;
  stripe: StripeProvider | null;
  bank: PaymentProvider;
  bankAccount: BankAccount;
  mailer: Mailer;
  shipping: ShippingTable;
  regionIsland: (region: string) => 'java' | 'sumatra';
  /** Checkout dependencies; every absolute URL comes from PUBLIC_SITE_URL, never from a request. */
  checkoutDeps: () => CheckoutDeps;
  statusUrl: (order: { number: string; lang: 'id' | 'en' }, token: string) => string;
  /** Delivers the queued side effects now (also done every few seconds); never throws. */
  deliverEffects: () => Promise<void>;
  /** Sends mail that is no order's (a password reset) without ever failing the caller. */
  sendQuietly: (build: () => Promise<Parameters<Mailer['send']>[0] | null>) => Promise<void>;
}

let commerce: Promise<Commerce> | undefined;

export function getCommerce(): Promise<Commerce> {
  commerce ??= (async () => {
    const [{ config, db }, catalogue] = await Promise.all([getServices(), loadCatalogue()]);
    const stripe = config.STRIPE_SECRET_KEY
      ? createStripeProvider({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET!, apiBase: config.STRIPE_API_BASE })
      : null;
    const bankAccount = { bankName: config.BANK_NAME, accountName: config.BANK_ACCOUNT_NAME, accountNumber: config.BANK_ACCOUNT_NUMBER };
    const bank = createBankTransferProvider(bankAccount);
    const mailer = config.SMTP_URL ? createSmtpMailer(db, { url: config.SMTP_URL, from: config.MAIL_FROM }) : createOutboxMailer(db);
    const shipping = siteShippingTable();
    const site = config.PUBLIC_SITE_URL.replace(/\/$/, '');
    const regionIsland = (region: string) => {
      const island = byId(catalogue.regions, region)?.island;
      // Sign-up accepts only the catalogue's regions; a workshop stored before that (or a region taken
      // out of content/) is a clear refusal for its pieces, not a 500 for the whole checkout.
      if (!island) {
        throw new AppError('conflict', `a workshop in this cart has no shipping origin (region "${region}" is not in the catalogue); a curator must correct its region`);
      }
      return island;
    };
    const statusUrl = (order: { number: string; lang: 'id' | 'en' }, token: string) =>
      siteUrl(config, `${localizedPath(order.lang, `/orders/${order.number}`)}?token=${encodeURIComponent(token)}`);
    const sendQuietly: Commerce['sendQuietly'] = async (build) => {
      try {
        const message = await build();
        if (message) await mailer.send(message);
      } catch (error) {
        console.error('mail: could not send (the message stays in the outbox):', error);
      }
    };
    const linkSecret = await loadLinkSecret(db, config.LINK_SECRET);
    const handlers = createEffectHandlers({ db, mailer, stripe, bankAccount, siteUrl: site, statusUrl, linkSecret, shipping });

    let running: Promise<void> | null = null;
    const deliverEffects = () => {
      // One delivery round at a time in this process; other servers are kept apart by the claim.
      running ??= deliverDueEffects(db, handlers)
        .then(() => undefined)
        .catch((error: unknown) => console.error('effects: a delivery round failed (it will run again):', error))
        .finally(() => {
          running = null;
        });
      return running;
    };

    // Unpaid checkouts whose time ran out give their stock back, even if no webhook ever comes;
    // queued side effects are delivered (and retried with backoff) every few seconds.
    const sweep = setInterval(() => {
      sweepExpiredHolds(db).catch((error: unknown) => console.error('orders: the expiry sweep failed:', error));
      completeShippedOrders(db, config.DELIVERY_AUTO_COMPLETE_DAYS).catch((error: unknown) => console.error('orders: completing shipped orders failed:', error));
      remindUnshippedOrders(db, config.SHIP_REMINDER_HOURS).catch((error: unknown) => console.error('orders: queuing ship reminders failed:', error));
    }, 60_000);
    sweep.unref();
    const worker = setInterval(() => void deliverEffects(), 5_000);
    worker.unref();

    const services: Commerce = {
      config,
      db,
      stripe,
      bank,
      bankAccount,
      mailer,
      shipping,
      regionIsland,
      statusUrl,
      deliverEffects,
      sendQuietly,
      checkoutDeps: () => ({
        quoteShipping: ({ originRegion, province, country, weightGrams, courierId }) =>
          quoteShipping(shipping, {
            originRegionIsland: regionIsland(originRegion),
            destinationProvince: province,
            country,
            weightGrams: Math.max(1, weightGrams),
            courierId: courierId ?? cheapestCourier(shipping, regionIsland(originRegion), province, country, weightGrams),
          }),
        payments: { bank_transfer: bank, ...(stripe ? { stripe } : {}) },
        settings: {
          payoutMode: config.PAYOUT_MODE,
          commissionPercent: config.COMMISSION_PERCENT,
          stripeHoldMinutes: config.STRIPE_HOLD_MINUTES,
          bankHoldHours: config.BANK_TRANSFER_HOLD_HOURS,
          oneOfAKindHoldHours: config.ONE_OF_A_KIND_HOLD_HOURS,
          maxUnpaidPerBuyer: config.MAX_UNPAID_ORDERS_PER_BUYER,
        },
        statusToken: (orderNumber) => orderStatusToken(linkSecret, orderNumber),
        urls: ({ lang }, orders) => {
          const summary = siteUrl(config, `${localizedPath(lang, '/checkout/done')}?o=${orders.map((o) => `${o.number}.${o.token}`).join(',')}`);
          return { successUrl: `${summary}&session_id={CHECKOUT_SESSION_ID}`, cancelUrl: summary };
        },
      }),
    };
    return services;
  })().catch((error: unknown) => {
    commerce = undefined;
    throw error;
  });
  return commerce;
}

/** The courier a parcel gets when the buyer chose none: the cheapest for its route, as the checkout page shows first. */
function cheapestCourier(shipping: ShippingTable, origin: 'java' | 'sumatra', province: string, country: string, weightGrams: number): string {
  const zone = provinceZone(shipping, province || '-', country);
  const kg = chargeableKg(Math.max(1, weightGrams));
  const couriers = availableCouriers(shipping, origin, zone).sort((a, b) => a.perKgIdr * kg - b.perKgIdr * kg);
  return couriers[0]?.courierId ?? (country === 'ID' ? 'jne' : 'pos');
}
