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

/** The line that marks an order from a sample workshop, in the reader's language; empty otherwise. */
export function sampleNote(order: Pick<OrderView, 'artisan'>, lang: 'id' | 'en'): string {
  if (!order.artisan.isSample) return '';
  return lang === 'id'
    ? 'Data contoh: perajin dan barang dalam pesanan ini fiktif, untuk mencoba Canting.\n\n'
    : 'Sample data: the artisan and the pieces in this order are fictional, for trying Canting out.\n\n';
}

/**
 * Where the buyer sees the order's status. The status page needs the buyer's token, which is
 * stored only hashed: a `statusUrl` that carries it (`?token=`) is printed as the link; without it
 * the mail points to the link in the order confirmation, and never shows a placeholder.
 */
export function statusLine(statusUrl: string, number: string, lang: 'id' | 'en'): string {
  if (/[?&]token=[^&\s…]+/.test(statusUrl)) return lang === 'id' ? `Lihat status pesanan: ${statusUrl}` : `See the order's status: ${statusUrl}`;
  return lang === 'id'
    ? `Status pesanan ${number} dapat dilihat lewat tautan di e-mail konfirmasi pesanan Anda.`
    : `You can see the status of order ${number} through the link in your order confirmation e-mail.`;
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
    ? `Halo ${order.buyer.name},\n\n${sampleNote(order, 'id')}Terima kasih. Pesanan ${order.number} dari ${order.artisan.name} sudah kami catat.\n\n${lines(order, 'id')}\nOngkos kirim (${order.courier}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\n${statusLine(context.statusUrl, order.number, 'id')}\n\nCanting`
    : `Hello ${order.buyer.name},\n\n${sampleNote(order, 'en')}Thank you. Order ${order.number} from ${order.artisan.name} has been placed.\n\n${lines(order, 'en')}\nShipping (${order.courier}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\n${statusLine(context.statusUrl, order.number, 'en')}\n\nCanting`;
  return {
    to: order.buyer.email,
    // Not "diterima"/"received": the order timeline uses that word for a delivered parcel.
    subject: id ? `Pesanan ${order.number} sudah tercatat` : `Order ${order.number} placed`,
    text,
    kind: 'order.placed.buyer',
    orderId: order.id,
  };
}

export function artisanNotice(order: OrderView, artisanEmail: string): MailMessage {
  return {
    to: artisanEmail,
    subject: `Pesanan baru ${order.number}`,
    text: `${sampleNote(order, 'id')}Pesanan baru ${order.number} dari ${order.buyer.name} (${order.address.city}, ${order.address.province}).\n\n${lines(order, 'id')}\nKurir: ${order.courier}\nStatus: menunggu pembayaran.\n\nCanting`,
    kind: 'order.placed.artisan',
    orderId: order.id,
  };
}

export function buyerPaid(order: OrderView, statusUrl: string): MailMessage {
  const id = order.lang === 'id';
  return {
    to: order.buyer.email,
    subject: id ? `Pembayaran ${order.number} sudah masuk` : `Payment for ${order.number} received`,
    text: id
      ? `Halo ${order.buyer.name},\n\n${sampleNote(order, 'id')}Pembayaran pesanan ${order.number} sebesar ${formatIdr(order.totalIdr)} sudah masuk. ${order.artisan.name} akan menyiapkan kirimannya.\n\n${statusLine(statusUrl, order.number, 'id')}\n\nCanting`
      : `Hello ${order.buyer.name},\n\n${sampleNote(order, 'en')}We have received ${formatIdr(order.totalIdr)} for order ${order.number}. ${order.artisan.name} will prepare your parcel.\n\n${statusLine(statusUrl, order.number, 'en')}\n\nCanting`,
    kind: 'order.paid.buyer',
    orderId: order.id,
  };
}
