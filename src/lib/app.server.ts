/**
 * The composition root: the one place that reads configuration and builds every service — database,
 * search, payments, mailer, outbox worker, shipping and the periodic sweeps — started with the first
 * request the server takes and stopped with the server (src/lib/ops/shutdown.ts). Pages and routes get
 * the built `App` from `Astro.locals.app` (set in src/middleware.ts); scripts open only what they need
 * (`openDatabase` in db/open.ts). Nothing else constructs a service or reads the environment.
 */
import { byId, type Catalogue } from './content/catalogue.ts';
import { createAccountMailHandlers } from './auth/account-mail.ts';
import { createEffectHandlers, deliverDueEffects } from './commerce/effects.ts';
import type { BankAccount } from './commerce/order-mail.ts';
import { completeShippedOrders, remindUnshippedOrders, sweepExpiredHolds, type CheckoutDeps } from './commerce/orders.ts';
import { loadLinkSecret, orderStatusToken } from './commerce/status-links.ts';
import { createBankTransferProvider } from './commerce/payments/bank-transfer-provider.ts';
import { createStripeProvider } from './commerce/payments/stripe-provider.ts';
import type { PaymentProvider, StripeProvider } from './commerce/payments/types.ts';
import { availableCouriers, chargeableKg, provinceZone, quoteShipping, siteShippingTable, type ShippingTable } from './commerce/shipping.ts';
import { loadConfig, siteUrl, type Config } from './config.ts';
import type { Database } from './db/database.ts';
import { sharedDatabase } from './db/open.ts';
import { AppError } from './errors.ts';
import { localizedPath } from './i18n/index.ts';
import type { Mailer } from './mail/mailer.ts';
import { createOutboxMailer } from './mail/outbox-mailer.ts';
import { createSmtpMailer } from './mail/smtp-mailer.ts';
import { mediaDir } from './images/media-store.ts';
import { onShutdown } from './ops/shutdown.ts';
import { openSearchEngine, reindexProducts } from './search/search-service.ts';
import type { SearchEngine } from './search/types.ts';

/** Everything a page or route may use, built once per process. */
export interface App {
  config: Config;
  /** Every write to a catalogue table through it drops the pages' catalogue read cache. */
  db: Database;
  /** The content collections (git), as a plain Catalogue. */
  catalogue: () => Promise<Catalogue>;
  /** The search engine, opened on first use (the embedded one is built from the database). */
  search: () => Promise<SearchEngine>;
  /**
   * Brings the search index up to date for products whose stock or visibility changed; never fails
   * the caller (a failure is logged; the admin or `npm run search:index` rebuilds). Whether all went in.
   */
  reindex: (slugs: readonly string[]) => Promise<boolean>;
  /** Where processed images live. */
  mediaDir: string;
  stripe: StripeProvider | null;
  bank: PaymentProvider;
  bankAccount: BankAccount;
  mailer: Mailer;
  shipping: ShippingTable;
  regionIsland: (region: string) => 'java' | 'sumatra';
  /** Checkout dependencies; every absolute URL comes from PUBLIC_SITE_URL, never from a request. */
  checkoutDeps: () => CheckoutDeps;
  statusUrl: (order: { number: string; lang: 'id' | 'en' }, token: string) => string;
  /**
   * Delivers the queued side effects now (also done every few seconds), orders' and accounts' alike;
   * never throws. Everything queued before the call has had its attempt when it resolves.
   */
  deliverEffects: () => Promise<void>;
}

/** What the root cannot build from plain TypeScript: the content collections come from Astro. */
export interface AppSources {
  loadCatalogue: () => Promise<Catalogue>;
}

let config: Config | undefined;

/** The configuration, read from the environment once per process. */
export function appConfig(): Config {
  config ??= loadConfig();
  return config;
}

let app: Promise<App> | undefined;

/**
 * The app's database (the same watched handle `App.db` is), without building the rest: for Astro's live
 * loaders (src/live.config.ts), which run inside a page that already has `locals.app` but cannot see it.
 */
export async function appDatabase(): Promise<Database> {
  return (await sharedDatabase()).db;
}

/**
 * The process's services, built on first use (the first request) and stopped at shutdown. A failure
 * (a database that does not answer) is not cached: the next request tries again.
 */
export function getApp(sources: AppSources): Promise<App> {
  app ??= buildApp(sources).catch((error: unknown) => {
    app = undefined;
    throw error;
  });
  return app;
}

async function buildApp(sources: AppSources): Promise<App> {
  // The database (and the config it was opened with) may already be open: scripts/start.mjs seeds through it.
  const { config, db } = await sharedDatabase();

  let catalogueLoad: Promise<Catalogue> | undefined;
  const catalogue = () => {
    catalogueLoad ??= sources.loadCatalogue().catch((error: unknown) => {
      catalogueLoad = undefined;
      throw error;
    });
    return catalogueLoad;
  };
  let engine: Promise<SearchEngine> | undefined;
  const search = () => {
    engine ??= catalogue()
      .then((c) => openSearchEngine(config, db, c))
      .catch((error: unknown) => {
        engine = undefined; // try again on the next request rather than caching a failure
        throw error;
      });
    return engine;
  };

  const stripe = config.STRIPE_SECRET_KEY
    ? createStripeProvider({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET!, apiBase: config.STRIPE_API_BASE })
    : null;
  const bankAccount = { bankName: config.BANK_NAME, accountName: config.BANK_ACCOUNT_NAME, accountNumber: config.BANK_ACCOUNT_NUMBER };
  const bank = createBankTransferProvider(bankAccount);
  const mailer = config.SMTP_URL ? createSmtpMailer(db, { url: config.SMTP_URL, from: config.MAIL_FROM }) : createOutboxMailer(db);
  const shipping = siteShippingTable();
  const site = config.PUBLIC_SITE_URL.replace(/\/$/, '');
  const regions = await catalogue().then((c) => c.regions);
  const regionIsland = (region: string) => {
    const island = byId(regions, region)?.island;
    // Sign-up accepts only the catalogue's regions; a workshop stored before that (or a region taken
    // out of content/) is a clear refusal for its pieces, not a 500 for the whole checkout.
    if (!island) {
      throw new AppError('conflict', `a workshop in this cart has no shipping origin (region "${region}" is not in the catalogue); a curator must correct its region`);
    }
    return island;
  };
  const statusUrl = (order: { number: string; lang: 'id' | 'en' }, token: string) =>
    siteUrl(config, `${localizedPath(order.lang, `/orders/${order.number}`)}?token=${encodeURIComponent(token)}`);
  const linkSecret = await loadLinkSecret(db, config.LINK_SECRET);
  const handlers = {
    ...createEffectHandlers({ db, mailer, stripe, bankAccount, siteUrl: site, statusUrl, linkSecret }),
    ...createAccountMailHandlers({ db, mailer, config }),
  };

  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const round = (): Promise<void> =>
    deliverDueEffects(db, handlers)
      .then(() => undefined)
      .catch((error: unknown) => console.error('effects: a delivery round failed (it will run again):', error));
  const deliverEffects = (): Promise<void> => {
    // One delivery round at a time in this process (other servers are kept apart by the claim). A call
    // while a round runs waits for one more round after it, which sees what the caller just queued.
    if (!running) {
      running = round().finally(() => {
        running = null;
      });
      return running;
    }
    next ??= running.then(() => {
      next = null;
      return deliverEffects();
    });
    return next;
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
  onShutdown(async () => {
    clearInterval(sweep);
    clearInterval(worker);
    await running;
  });

  return {
    config,
    db,
    catalogue,
    search,
    reindex: (slugs) => reindexProducts(async () => ({ engine: await search(), catalogue: await catalogue() }), db, slugs),
    mediaDir: mediaDir(config),
    stripe,
    bank,
    bankAccount,
    mailer,
    shipping,
    regionIsland,
    statusUrl,
    deliverEffects,
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
}

/** The courier a parcel gets when the buyer chose none: the cheapest for its route, as the checkout page shows first. */
function cheapestCourier(shipping: ShippingTable, origin: 'java' | 'sumatra', province: string, country: string, weightGrams: number): string {
  const zone = provinceZone(shipping, province || '-', country);
  const kg = chargeableKg(Math.max(1, weightGrams));
  const couriers = availableCouriers(shipping, origin, zone).sort((a, b) => a.perKgIdr * kg - b.perKgIdr * kg);
  return couriers[0]?.courierId ?? (country === 'ID' ? 'jne' : 'pos');
}
