/**
 * Payments, one capability with two implementations: Stripe Checkout (`stripe-provider.ts`, the only
 * files importing `stripe`) and bank transfer (`bank-transfer-provider.ts`). Our database is the
 * record of orders; Stripe is the record of money.
 */

/** One line the buyer pays for, priced from our database. Rupiah are integers. */
export interface PaymentLine {
  name: string;
  quantity: number;
  unitPriceIdr: number;
}

/**
 * What a provider needs to know to take one payment: since issue #11 this is a whole checkout (every
 * workshop's pieces and each parcel's shipping as lines, the kode unik as a line for a bank
 * transfer), so the name is historical.
 */
export interface PaymentOrder {
  /** The checkout's id. */
  id: string;
  /** The checkout's number, e.g. `CO-2026-000123`; shown to the buyer (the transfer's reference). */
  number: string;
  buyerEmail: string;
  lang: 'id' | 'en';
  lines: PaymentLine[];
  shipping: { name: string; amountIdr: number };
  totalIdr: number;
  /**
   * Stripe Connect only ("separate charges and transfers"): the charge's `transfer_group`, under
   * which one Transfer per workshop is made once it is paid.
   */
  transferGroup?: string | undefined;
}

export interface PaymentUrls {
  /** Where Stripe sends the buyer after paying; `{CHECKOUT_SESSION_ID}` is replaced by Stripe. */
  successUrl: string;
  cancelUrl: string;
}

export interface StartedPayment {
  /** Stripe: the Checkout Session id; bank transfer: the order number (the transfer's reference). */
  reference: string;
  /** Where the buyer pays (Stripe Checkout); absent for bank transfer. */
  paymentUrl?: string | undefined;
  /** Bank transfer: where to send the money and exactly how much. */
  instructions?: { bankName: string; accountName: string; accountNumber: string; amountIdr: number; reference: string } | undefined;
  /** When the provider stops accepting this payment (and our stock hold ends). */
  expiresAt: Date;
}

export type PaymentMethod = 'stripe' | 'bank_transfer';

/** The capability both methods share; tests/contract/payment-provider.contract.ts pins it. */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  /** Starts paying one order. Calling it again for the same order returns the same payment. */
  start(order: PaymentOrder, urls: PaymentUrls, options: { expiresInMinutes: number }): Promise<StartedPayment>;
}

/** A Checkout Session as we need it, whatever Stripe's shape. */
export interface PaymentSession {
  reference: string;
  /** Our checkout id, from `client_reference_id`. */
  checkoutId: string | null;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  paymentIntentId: string | null;
  amountTotalIdr: number | null;
}

/** A verified webhook event, reshaped. Unknown types are passed through for a 200 and nothing else. */
export interface PaymentEvent {
  id: string;
  type: string;
  /** For checkout.session.* events. */
  session?: PaymentSession | undefined;
  /** For charge.refunded: the payment intent whose charge was refunded, and whether fully. */
  refund?: { paymentIntentId: string; fullyRefunded: boolean } | undefined;
}

/**
 * Stripe Checkout: `start` creates one Checkout Session per order (IDR amounts = rupiah × 100, line
 * items from our prices, shipping as a line item, `expires_at` ahead, the order in
 * `client_reference_id` and metadata, an idempotency key derived from the order).
 */
export interface StripeProvider extends PaymentProvider {
  readonly method: 'stripe';
  retrieveSession(reference: string): Promise<PaymentSession>;
  /** Ends an open session (when an order is cancelled). Expired or complete sessions are left alone. */
  expireSession(reference: string): Promise<void>;
  /**
   * Refunds `amountIdr` of a payment through Stripe's Refund API, with `idempotencyKey` (derived from
   * the order) so a retry never refunds twice. Returns the refund's id (re_…).
   */
  refund(input: { paymentIntentId: string; amountIdr: number; idempotencyKey: string }): Promise<string>;
  /**
   * Connect, separate charges and transfers: sends one workshop its share of the checkout's charge
   * (`source_transaction` = the payment's charge, so it waits for those funds), under `transferGroup`.
   * Returns the transfer's id (tr_…).
   */
  transfer(input: { paymentIntentId: string; destination: string; amountIdr: number; transferGroup: string; idempotencyKey: string }): Promise<string>;
  /** Connect: makes an Express connected account for an artisan; returns its id (acct_…). */
  createConnectedAccount(input: { email: string | null; country: string }): Promise<string>;
  /** Connect: a one-time link to Stripe's hosted onboarding for the account. */
  onboardingLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string>;
  /** Connect: whether the account can take charges and receive payouts yet. */
  accountStatus(accountId: string): Promise<{ chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean }>;
  /** Verifies the signature on the raw body; throws AppError('invalid') when it does not hold. */
  verifyWebhook(rawBody: string, signatureHeader: string | null): PaymentEvent;
}
