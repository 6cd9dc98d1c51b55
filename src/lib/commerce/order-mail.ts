/**
 * The e-mails an order sends, in the buyer's language (the artisan's always in Indonesian).
 * Plain text: it reads on any phone and survives every mail client.
 */
import type { MailMessage } from '../mail/mailer.ts';
import { formatIdr } from '../money.ts';
import type { OrderView } from './orders.ts';

export interface OrderMailContext {
  statusUrl: string;
  bank?: { bankName: string; accountName: string; accountNumber: string } | undefined;
}

function lines(order: OrderView, lang: 'id' | 'en'): string {
  return order.items.map((i) => `- ${i.title[lang]} × ${i.quantity}: ${formatIdr(i.unitPriceIdr * i.quantity)}`).join('\n');
}

export function buyerConfirmation(order: OrderView, context: OrderMailContext): MailMessage {
  const id = order.lang === 'id';
  const bank =
    order.paymentMethod === 'bank_transfer' && context.bank
      ? id
        ? `\nSilakan transfer tepat ${formatIdr(order.totalIdr)} ke ${context.bank.bankName}, a.n. ${context.bank.accountName}, no. rek. ${context.bank.accountNumber}, dengan berita "${order.number}".\n`
        : `\nPlease transfer exactly ${formatIdr(order.totalIdr)} to ${context.bank.bankName}, account name ${context.bank.accountName}, account ${context.bank.accountNumber}, with the reference "${order.number}".\n`
      : '';
  const text = id
    ? `Halo ${order.buyer.name},\n\nTerima kasih. Pesanan ${order.number} dari ${order.artisan.name} sudah kami terima.\n\n${lines(order, 'id')}\nOngkos kirim (${order.courier}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\nLihat status pesanan: ${context.statusUrl}\n\nCanting`
    : `Hello ${order.buyer.name},\n\nThank you. We have received order ${order.number} from ${order.artisan.name}.\n\n${lines(order, 'en')}\nShipping (${order.courier}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\nSee the order's status: ${context.statusUrl}\n\nCanting`;
  return {
    to: order.buyer.email,
    subject: id ? `Pesanan ${order.number} diterima` : `Order ${order.number} received`,
    text,
    kind: 'order.placed.buyer',
    orderId: order.id,
  };
}

export function artisanNotice(order: OrderView, artisanEmail: string): MailMessage {
  return {
    to: artisanEmail,
    subject: `Pesanan baru ${order.number}`,
    text: `Pesanan baru ${order.number} dari ${order.buyer.name} (${order.address.city}, ${order.address.province}).\n\n${lines(order, 'id')}\nKurir: ${order.courier}\nStatus: menunggu pembayaran.\n\nCanting`,
    kind: 'order.placed.artisan',
    orderId: order.id,
  };
}

export function buyerPaid(order: OrderView, statusUrl: string): MailMessage {
  const id = order.lang === 'id';
  return {
    to: order.buyer.email,
    subject: id ? `Pembayaran ${order.number} diterima` : `Payment for ${order.number} received`,
    text: id
      ? `Halo ${order.buyer.name},\n\nPembayaran pesanan ${order.number} sebesar ${formatIdr(order.totalIdr)} sudah diterima. ${order.artisan.name} akan menyiapkan kirimannya.\n\nStatus pesanan ada di tautan pada e-mail konfirmasi pesanan Anda (${statusUrl}?token=…).\n\nCanting`
      : `Hello ${order.buyer.name},\n\nWe have received ${formatIdr(order.totalIdr)} for order ${order.number}. ${order.artisan.name} will prepare your parcel.\n\nThe order's status is at the link in your order confirmation e-mail (${statusUrl}?token=…).\n\nCanting`,
    kind: 'order.paid.buyer',
    orderId: order.id,
  };
}
