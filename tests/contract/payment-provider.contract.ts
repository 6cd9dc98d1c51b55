/**
 * The payment contract: what every `PaymentProvider` (Stripe Checkout, bank transfer) must do.
 * `describePaymentProvider(name, make)` runs it against one; see payment-provider.test.ts.
 *
 * - `start()` returns a reference and an `expiresAt` within the asked window. Providers may round the
 *   expiry by up to `EXPIRY_TOLERANCE_MS` (Stripe: 5-minute steps inside Stripe's 30 min – 24 h
 *   bounds, so that a retried create sends identical parameters).
 * - `start()` again for the same order returns the same reference: a double click, a reload or a
 *   retry after a lost answer never makes a second payment for one order.
 * - The buyer is asked for exactly `order.totalIdr`, read back from where the provider keeps it
 *   (Stripe: the session's `amount_total`; bank transfer: the instructions).
 * - An order whose lines and shipping do not add up to its total is refused (`internal`): we never
 *   ask for an amount the order did not compute.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/errors.ts';
import type { PaymentOrder, PaymentProvider, PaymentUrls, StartedPayment } from '../../src/lib/commerce/payments/types.ts';

export interface PaymentProviderHarness {
  provider: PaymentProvider;
  /** The rupiah the buyer is asked to pay for a started payment, read from the provider's record. */
  amountToPayIdr(started: StartedPayment): Promise<number | null>;
  close?(): Promise<void>;
}

/** How far a provider may round `expiresAt` from `now + expiresInMinutes` (either way). */
export const EXPIRY_TOLERANCE_MS = 6 * 60_000;

export const CONTRACT_URLS: PaymentUrls = {
  successUrl: 'https://canting.test/id/orders/CTG?session_id={CHECKOUT_SESSION_ID}',
  cancelUrl: 'https://canting.test/id/checkout',
};

let orderSeq = 0;

/**
 * An artisan order as checkout hands it to a provider: priced lines, shipping, the total they make.
 * `totalIdr` follows the lines and shipping unless overridden.
 *
 * @example buildPaymentOrder({ shipping: { name: 'Ambil sendiri', amountIdr: 0 } })
 */
export function buildPaymentOrder(overrides: Partial<PaymentOrder> = {}): PaymentOrder {
  orderSeq += 1;
  const lines = overrides.lines ?? [
    { name: 'Kain panjang batik tulis motif Kopi', quantity: 1, unitPriceIdr: 850_000 },
    { name: 'Selendang batik cap motif Tengkiang', quantity: 2, unitPriceIdr: 175_000 },
  ];
  const shipping = overrides.shipping ?? { name: 'Ongkos kirim JNE REG', amountIdr: 38_000 };
  const totalIdr = lines.reduce((sum, line) => sum + line.unitPriceIdr * line.quantity, shipping.amountIdr);
  return {
    id: randomUUID(),
    number: `CTG-2026-${String(orderSeq).padStart(6, '0')}`,
    buyerEmail: 'sari.wulandari@example.id',
    lang: 'id',
    lines,
    shipping,
    totalIdr,
    ...overrides,
  };
}

/** Registers the contract's tests for one provider; `make` is called once for the suite. */
export function describePaymentProvider(name: string, make: () => Promise<PaymentProviderHarness>): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    let harness: PaymentProviderHarness;

    beforeAll(async () => {
      harness = await make();
    });

    afterAll(async () => {
      await harness?.close?.();
    });

    it.each([30, 90, 1440])('starts a payment with a reference, expiring about %i minutes ahead', async (minutes) => {
      const before = Date.now();
      const started = await harness.provider.start(buildPaymentOrder(), CONTRACT_URLS, { expiresInMinutes: minutes });
      const after = Date.now();
      expect(started.reference).toMatch(/\S/);
      expect(started.expiresAt).toBeInstanceOf(Date);
      expect(started.expiresAt.getTime()).toBeGreaterThanOrEqual(before + minutes * 60_000 - EXPIRY_TOLERANCE_MS);
      expect(started.expiresAt.getTime()).toBeLessThanOrEqual(after + minutes * 60_000 + EXPIRY_TOLERANCE_MS);
    });

    it('returns the same reference when the same order is started again', async () => {
      const order = buildPaymentOrder();
      const first = await harness.provider.start(order, CONTRACT_URLS, { expiresInMinutes: 60 });
      const again = await harness.provider.start(order, CONTRACT_URLS, { expiresInMinutes: 60 });
      expect(again.reference).toBe(first.reference);
      expect(again.paymentUrl).toBe(first.paymentUrl);
      expect(await harness.amountToPayIdr(again)).toBe(order.totalIdr);
    });

    it('gives different orders different references', async () => {
      const a = await harness.provider.start(buildPaymentOrder(), CONTRACT_URLS, { expiresInMinutes: 60 });
      const b = await harness.provider.start(buildPaymentOrder(), CONTRACT_URLS, { expiresInMinutes: 60 });
      expect(a.reference).not.toBe(b.reference);
    });

    it.each([
      ['lines and paid shipping', buildPaymentOrder()],
      ['free shipping', buildPaymentOrder({ shipping: { name: 'Ambil di sentra', amountIdr: 0 } })],
      ['several of one piece', buildPaymentOrder({ lines: [{ name: 'Dompet batik motif Durian', quantity: 3, unitPriceIdr: 65_000 }] })],
      [
        'a costly kain tulis',
        buildPaymentOrder({ lines: [{ name: 'Kain tulis sutra motif Jlamprang', quantity: 1, unitPriceIdr: 12_750_000 }], shipping: { name: 'POS Kilat', amountIdr: 121_500 } }),
      ],
    ])('asks the buyer for exactly the order total (%s)', async (_label, order) => {
      const started = await harness.provider.start(order, CONTRACT_URLS, { expiresInMinutes: 60 });
      expect(await harness.amountToPayIdr(started)).toBe(order.totalIdr);
    });

    it('refuses an order whose lines and shipping do not add up to its total', async () => {
      const order = buildPaymentOrder();
      const error = await harness.provider.start({ ...order, totalIdr: order.totalIdr - 1_000 }, CONTRACT_URLS, { expiresInMinutes: 60 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('internal');
    });
  });
}
