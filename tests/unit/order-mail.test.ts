import { describe, expect, it } from 'vitest';
import { artisanNotice, buyerConfirmation, buyerPaid, buyerShipped } from '../../src/lib/commerce/order-mail.ts';
import type { OrderView } from '../../src/lib/commerce/orders.ts';
import { id } from '../../src/i18n/id.ts';
import { en } from '../../src/i18n/en.ts';

function buildOrder(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    number: 'CTG-2026-000123',
    status: 'awaiting_payment',
    lang: 'id',
    paymentMethod: 'bank_transfer',
    paymentReference: null,
    paymentUrl: null,
    artisan: { slug: 'sanggar-contoh-tengkiang', name: 'Sanggar Contoh Tengkiang', whatsapp: null, isSample: true },
    buyer: { name: 'Sari', email: 'sari@example.id', phone: '+6281234567890' },
    address: { line1: 'Jl. Mawar 1', city: 'Palembang', province: 'Sumatera Selatan', postalCode: '30111', country: 'ID' },
    courier: 'JNE REG',
    trackingNumber: 'JNE123',
    items: [{ productSlug: 'kain-cap-kopi-001', title: { id: 'Kain Panjang Kopi', en: 'Kopi long cloth' }, quantity: 1, unitPriceIdr: 150_000, madeToOrder: false }],
    subtotalIdr: 150_000,
    shippingIdr: 20_000,
    totalIdr: 170_000,
    commissionIdr: 15_000,
    leadTimeDays: null,
    holdExpiresAt: new Date('2026-12-04T00:00:00Z'),
    createdAt: new Date('2026-12-03T00:00:00Z'),
    timeline: [],
    checkoutId: '00000000-0000-4000-8000-000000000002',
    checkoutNumber: 'CO-2026-000123',
    note: null,
    refundMethod: null,
    ...overrides,
  };
}

const STATUS_URL = 'https://canting.test/id/orders/CTG-2026-000123';
const TOKEN_URL = `${STATUS_URL}?token=abc123`;

describe('order e-mails', () => {
  it('marks an order from a sample workshop in the reader’s language, and only such an order', () => {
    expect(buyerConfirmation(buildOrder(), { statusUrl: TOKEN_URL }).text).toContain('Data contoh: perajin dan barang dalam pesanan ini fiktif');
    expect(buyerConfirmation(buildOrder({ lang: 'en' }), { statusUrl: TOKEN_URL }).text).toContain('Sample data: the artisan and the pieces in this order are fictional');
    expect(buyerPaid(buildOrder({ lang: 'en' }), STATUS_URL).text).toContain('Sample data:');
    expect(buyerShipped(buildOrder(), STATUS_URL).text).toContain('Data contoh:');
    expect(artisanNotice(buildOrder(), 'perajin1@contoh.test').text).toMatch(/^Data contoh:/);
    const real = buildOrder({ artisan: { slug: 'sanggar-nyata', name: 'Sanggar Nyata', whatsapp: null, isSample: false } });
    expect(buyerConfirmation(real, { statusUrl: TOKEN_URL }).text).not.toMatch(/contoh|sample/i);
  });

  it('writes rupiah as EYD V does', () => {
    expect(buyerConfirmation(buildOrder(), { statusUrl: TOKEN_URL }).text).toContain('Total: Rp170.000');
  });

  it('names a placed order with a word the order timeline does not use for a delivered parcel', () => {
    const subject = buyerConfirmation(buildOrder(), { statusUrl: TOKEN_URL }).subject;
    expect(subject).toBe('Pesanan CTG-2026-000123 sudah tercatat');
    expect(subject.toLowerCase()).not.toContain(id.order.status.delivered.toLowerCase());
    const subjectEn = buyerConfirmation(buildOrder({ lang: 'en' }), { statusUrl: TOKEN_URL }).subject;
    expect(subjectEn.toLowerCase()).not.toContain(en.order.status.delivered.toLowerCase());
  });

  it('sends the real status link when it has the token, and never a "…?token=…" placeholder', () => {
    expect(buyerConfirmation(buildOrder(), { statusUrl: TOKEN_URL }).text).toContain(`Lihat status pesanan: ${TOKEN_URL}`);
    expect(buyerPaid(buildOrder(), TOKEN_URL).text).toContain(`Lihat status pesanan: ${TOKEN_URL}`);
    for (const mail of [buyerPaid(buildOrder(), STATUS_URL), buyerPaid(buildOrder({ lang: 'en' }), STATUS_URL), buyerShipped(buildOrder(), STATUS_URL), buyerShipped(buildOrder({ lang: 'en' }), STATUS_URL)]) {
      expect(mail.text).not.toContain('token=…');
      expect(mail.text).not.toContain('…');
      expect(mail.text).toMatch(/e-mail konfirmasi pesanan Anda|order confirmation e-mail/);
    }
  });
});
