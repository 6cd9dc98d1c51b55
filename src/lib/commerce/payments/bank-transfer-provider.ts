/**
 * Bank transfer, the `PaymentProvider` that needs nothing installed: the buyer transfers exactly
 * `order.totalIdr` to the cooperative's account with the order number as the transfer's reference,
 * and the artisan (or an admin) confirms the money arrived. Nothing is sent anywhere here, so the
 * same order always gets the same reference and amount; only `expiresAt` moves with the clock.
 */
import { AppError } from '../../errors.ts';
import type { PaymentOrder, PaymentProvider, PaymentUrls, StartedPayment } from './types.ts';

/** The account buyers transfer to (BANK_NAME, BANK_ACCOUNT_NAME, BANK_ACCOUNT_NUMBER). */
export interface BankTransferAccount {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

/**
 * Creates the bank-transfer provider.
 *
 * @example
 * const bank = createBankTransferProvider({ bankName: 'Bank Contoh', accountName: 'Koperasi Canting', accountNumber: '000-000-0000' });
 * const { reference, instructions } = await bank.start(order, urls, { expiresInMinutes: 24 * 60 });
 * // reference === order.number, instructions.amountIdr === order.totalIdr
 */
export function createBankTransferProvider(account: BankTransferAccount): PaymentProvider {
  const { bankName, accountName, accountNumber } = account;
  if (!bankName || !accountName || !accountNumber) {
    throw new AppError('internal', 'bank transfer needs BANK_NAME, BANK_ACCOUNT_NAME and BANK_ACCOUNT_NUMBER');
  }
  return {
    method: 'bank_transfer',
    async start(order: PaymentOrder, _urls: PaymentUrls, { expiresInMinutes }: { expiresInMinutes: number }): Promise<StartedPayment> {
      if (!Number.isInteger(expiresInMinutes) || expiresInMinutes <= 0) {
        throw new AppError('invalid', `a bank transfer hold lasts a positive whole number of minutes, not ${expiresInMinutes}`, {
          hint: 'BANK_TRANSFER_HOLD_HOURS',
        });
      }
      assertTotal(order);
      return {
        reference: order.number,
        instructions: { bankName, accountName, accountNumber, amountIdr: order.totalIdr, reference: order.number },
        expiresAt: new Date(Date.now() + expiresInMinutes * 60_000),
      };
    },
  };
}

/** The buyer is told to send exactly `totalIdr`: it must be what the lines and shipping add up to. */
function assertTotal(order: PaymentOrder): void {
  let sum = order.shipping.amountIdr;
  for (const line of order.lines) sum += line.unitPriceIdr * line.quantity;
  const whole = [order.totalIdr, order.shipping.amountIdr, ...order.lines.flatMap((l) => [l.unitPriceIdr, l.quantity])].every(
    (n) => Number.isSafeInteger(n) && n >= 0,
  );
  if (!whole || order.lines.length === 0 || order.totalIdr <= 0 || sum !== order.totalIdr) {
    throw new AppError('internal', `order ${order.number}: lines and shipping add up to Rp ${sum}, the order says Rp ${order.totalIdr}`, {
      hint: 'refusing to ask for an amount the order did not compute',
    });
  }
}
