/**
 * Runs the payment contract (payment-provider.contract.ts) on both providers: bank transfer as it
 * is, Stripe Checkout against the fake Stripe (tests/fakes/fake-stripe.ts), since Stripe's API cannot
 * be reached from here.
 */
import { createBankTransferProvider } from '../../src/lib/commerce/payments/bank-transfer-provider.ts';
import { createStripeProvider } from '../../src/lib/commerce/payments/stripe-provider.ts';
import { startFakeStripe } from '../fakes/fake-stripe.ts';
import { describePaymentProvider } from './payment-provider.contract.ts';

describePaymentProvider('bank transfer', async () => {
  const provider = createBankTransferProvider({
    bankName: 'Bank Contoh',
    accountName: 'Koperasi Canting (contoh)',
    accountNumber: '000-000-0000',
  });
  return { provider, amountToPayIdr: async (started) => started.instructions?.amountIdr ?? null };
});

describePaymentProvider('Stripe Checkout (fake Stripe)', async () => {
  const webhookSecret = 'whsec_contract_secret';
  const fake = await startFakeStripe({ webhookSecret });
  const provider = createStripeProvider({ secretKey: 'sk_test_contract', webhookSecret, apiBase: fake.url, maxNetworkRetries: 0 });
  return {
    provider,
    // What Stripe recorded, not what start() returned: the session's amount_total, read back.
    amountToPayIdr: async (started) => (await provider.retrieveSession(started.reference)).amountTotalIdr,
    close: () => fake.close(),
  };
});
