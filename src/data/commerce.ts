/**
 * Commerce services for pages and routes: payment providers, mailer, shipping and checkout
 * dependencies, chosen from config once per process.
 */
import { join } from 'node:path';
import { loadCatalogue } from './catalogue.ts';
import { byId } from '../lib/catalogue/catalogue.ts';
import { buyerConfirmation, artisanNotice, buyerPaid } from '../lib/commerce/order-mail.ts';
import { findOrderById, sweepExpiredHolds, type CheckoutDeps, type OrderView } from '../lib/commerce/orders.ts';
import { createBankTransferProvider } from '../lib/commerce/payments/bank-transfer-provider.ts';
import { createStripeProvider } from '../lib/commerce/payments/stripe-provider.ts';
import type { PaymentProvider, StripeProvider } from '../lib/commerce/payments/types.ts';
import { quoteShipping, readShippingTable, type ShippingTable } from '../lib/commerce/shipping.ts';
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
  mailer: Mailer;
  shipping: ShippingTable;
  regionIsland: (region: string) => 'java' | 'sumatra';
  /** Every absolute URL in them comes from PUBLIC_SITE_URL, never from the request. */
  checkoutDeps: () => CheckoutDeps;
  statusUrl: (order: { number: string; lang: 'id' | 'en' }, token?: string) => string;
  /** Sends mail without ever failing the caller: a mail problem is logged, not thrown. */
  sendQuietly: (build: () => Promise<Parameters<Mailer['send']>[0] | null>) => Promise<void>;
  notifyPaid: (orderId: string) => Promise<void>;
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
    const shipping = readShippingTable(join(process.cwd(), 'content'));
    const regionIsland = (region: string) => {
      const island = byId(catalogue.regions, region)?.island;
      // Sign-up accepts only the catalogue's regions; a workshop stored before that (or a region taken
      // out of content/) is a clear refusal for its pieces, not a 500 for the whole checkout.
      if (!island) {
        throw new AppError('conflict', `a workshop in this cart has no shipping origin (region "${region}" is not in the catalogue); a curator must correct its region`);
      }
      return island;
    };
    const statusUrl = (order: { number: string; lang: 'id' | 'en' }, token?: string) =>
      siteUrl(config, `${localizedPath(order.lang, `/orders/${order.number}`)}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
    const sendQuietly: Commerce['sendQuietly'] = async (build) => {
      try {
        const message = await build();
        if (message) await mailer.send(message);
      } catch (error) {
        console.error('mail: could not send (the order is safe; the message stays in the outbox):', error);
      }
    };
    const artisanEmail = async (order: OrderView) => {
      const [row] = await db.query<{ email: string | null }>('SELECT email FROM artisans WHERE slug = $1', [order.artisan.slug]);
      return row?.email ?? null;
    };

    // Unpaid orders whose time ran out give their stock back, even if no webhook ever comes.
    const sweep = setInterval(() => {
      sweepExpiredHolds(db).catch((error: unknown) => console.error('orders: the expiry sweep failed:', error));
    }, 60_000);
    sweep.unref();

    const services: Commerce = {
      config,
      db,
      stripe,
      bank,
      mailer,
      shipping,
      regionIsland,
      statusUrl,
      sendQuietly,
      async notifyPaid(orderId) {
        // The status link needs the buyer's token, which we do not keep: link the order page itself.
        await sendQuietly(async () => {
          const order = await findOrderById(db, orderId);
          return order ? buyerPaid(order, statusUrl(order)) : null;
        });
      },
      checkoutDeps: () => ({
        quoteShipping: ({ originRegion, province, country, weightGrams, courierId }) =>
          quoteShipping(shipping, {
            originRegionIsland: regionIsland(originRegion),
            destinationProvince: province,
            country,
            weightGrams: Math.max(1, weightGrams),
            courierId: courierId ?? (country === 'ID' ? 'jne' : 'pos'),
          }),
        payments: { bank_transfer: bank, ...(stripe ? { stripe } : {}) },
        settings: {
          payoutMode: config.PAYOUT_MODE,
          commissionPercent: config.COMMISSION_PERCENT,
          stripeHoldMinutes: config.STRIPE_HOLD_MINUTES,
          bankHoldHours: config.BANK_TRANSFER_HOLD_HOURS,
        },
        urls: ({ lang }, all) => {
          const summary = siteUrl(config, `${localizedPath(lang, '/checkout/done')}?o=${all.map((o) => `${o.number}.${o.token}`).join(',')}`);
          return { successUrl: `${summary}&session_id={CHECKOUT_SESSION_ID}`, cancelUrl: summary };
        },
        afterPlaced: async (orders) => {
          for (const placed of orders) {
            await sendQuietly(async () => {
              const order = await findOrderById(db, placed.id);
              return order ? buyerConfirmation(order, { statusUrl: statusUrl(order, placed.token), bank: bankAccount }) : null;
            });
            await sendQuietly(async () => {
              const order = await findOrderById(db, placed.id);
              const email = order && (await artisanEmail(order));
              return order && email ? artisanNotice(order, email) : null;
            });
          }
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
