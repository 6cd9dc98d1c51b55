/**
 * The e-mails an order sends, in the buyer's language (the artisan's always in Indonesian).
 * Plain text: it reads on any phone and survives every mail client.
 */
import type { MailMessage } from '../mail/mailer.ts';
import { formatIdr } from '../money.ts';
import type { CheckoutView, OrderView } from './orders.ts';
import { courierName } from './shipping.ts';
import { textIn } from '../i18n/index.ts';
import { formatClassStart } from '../classes/sessions.ts';
import { toTimedIcs } from '../calendar/class-ics.ts';

/** A time as Indonesian buyers read it: Jakarta time, said as WIB (e.g. "3 Des 14.30 WIB"). */
export function formatWibShort(at: Date, lang: 'id' | 'en'): string {
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' }).format(at);
  return `${text} WIB`;
}

/** The same, with the full date (`long`: e-mails and payment instructions; `medium`: tables in the portal and admin). */
export function formatWib(at: Date, lang: 'id' | 'en', dateStyle: 'long' | 'medium' = 'long'): string {
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle, timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(at);
  return `${text} WIB`;
}

export interface OrderMailContext {
  statusUrl: string;
  bank?: { bankName: string; accountName: string; accountNumber: string } | undefined;
}

function lines(order: OrderView, lang: 'id' | 'en'): string {
  const seats = (order.seats ?? []).map((s) => `- ${textIn(s.title, lang)} (${formatClassStart(s, lang)}) × ${s.quantity} ${lang === 'id' ? 'kursi' : s.quantity === 1 ? 'seat' : 'seats'}: ${formatIdr(s.unitPriceIdr * s.quantity)}`);
  return [...order.items.map((i) => `- ${textIn(i.title, lang)} × ${i.quantity}: ${formatIdr(i.unitPriceIdr * i.quantity)}`), ...seats].join('\n');
}

/** A parcel's shipping line; a class's order ships nothing and says so. */
function shippingLine(o: OrderView, id: boolean): string {
  if (o.place) return id ? 'Kelas: tanpa pengiriman' : 'Class: nothing to ship';
  return `${id ? 'Ongkos kirim' : 'Shipping'} (${courierName(o.courier)}): ${formatIdr(o.shippingIdr)}`;
}

/**
 * The booking of a class, to the buyer once it is paid: when and where, what is included is on the
 * class page, and an .ics of each session to put in a calendar.
 */
export function classBooked(order: OrderView, links: { statusUrl?: string | undefined; classUrl: (sessionId: string) => string }): MailMessage {
  const id = order.lang === 'id';
  const seats = order.seats ?? [];
  const list = seats
    .map((s) => `- ${textIn(s.title, order.lang)}\n  ${formatClassStart(s, order.lang)}, ${s.durationMinutes} ${id ? 'menit' : 'minutes'}\n  ${s.quantity} ${id ? 'kursi' : s.quantity === 1 ? 'seat' : 'seats'} — ${links.classUrl(s.sessionId)}`)
    .join('\n');
  const where = order.place?.name ?? order.artisan.name;
  const sample = order.artisan.isSample ? (id ? 'Data contoh: kelas ini fiktif, untuk mencoba Canting.\n\n' : 'Sample data: this class is fictional, for trying Canting out.\n\n') : '';
  const status = links.statusUrl ? `\n\n${statusLine(links.statusUrl, order.number, order.lang)}` : '';
  const text = id
    ? `Halo ${order.buyer.name},\n\n${sample}Tempat Anda di kelas membatik ${where} sudah dipesan dan dibayar (pesanan ${order.number}).\n\n${list}\n\nJadwalnya terlampir sebagai berkas kalender (.ics).${status}\n\nCanting`
    : `Hello ${order.buyer.name},\n\n${sample}Your place in the batik class at ${where} is booked and paid (order ${order.number}).\n\n${list}\n\nThe schedule is attached as a calendar file (.ics).${status}\n\nCanting`;
  const stamp = new Date();
  const attachments = seats.map((s, n) => ({
    filename: seats.length > 1 ? `kelas-${order.number}-${n + 1}.ics` : `kelas-${order.number}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: toTimedIcs(
      {
        uid: `${s.sessionId}-${order.number}@canting`,
        title: textIn(s.title, order.lang),
        description: `${id ? 'Pesanan' : 'Order'} ${order.number}: ${s.quantity} ${id ? 'kursi' : 'seat(s)'}`,
        location: where,
        url: links.classUrl(s.sessionId),
        start: s.startsAt,
        end: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000),
        status: s.sessionStatus === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      },
      stamp,
    ),
  }));
  return {
    to: order.buyer.email,
    subject: id ? `Kelas membatik dipesan — ${order.number}` : `Batik class booked — ${order.number}`,
    text,
    kind: 'order.class-booked.buyer',
    orderId: order.id,
    attachments,
  };
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
    ? `Halo ${order.buyer.name},\n\n${sampleNote(order, 'id')}Terima kasih. Pesanan ${order.number} dari ${order.artisan.name} sudah kami catat.\n\n${lines(order, 'id')}\nOngkos kirim (${courierName(order.courier)}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\n${statusLine(context.statusUrl, order.number, 'id')}\n\nCanting`
    : `Hello ${order.buyer.name},\n\n${sampleNote(order, 'en')}Thank you. Order ${order.number} from ${order.artisan.name} has been placed.\n\n${lines(order, 'en')}\nShipping (${courierName(order.courier)}): ${formatIdr(order.shippingIdr)}\nTotal: ${formatIdr(order.totalIdr)}\n${bank}\n${statusLine(context.statusUrl, order.number, 'en')}\n\nCanting`;
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
    text: `${sampleNote(order, 'id')}Pesanan baru ${order.number} dari ${order.buyer.name} (${order.address.city}, ${order.address.province}).\n\n${lines(order, 'id')}\nKurir: ${courierName(order.courier)}\nStatus: menunggu pembayaran.\n\nCanting`,
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

export interface BankAccount {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

/** The account number of the sample configuration (BANK_ACCOUNT_NUMBER unset): no real money goes there. */
export const SAMPLE_BANK_ACCOUNT_NUMBER = '000-000-0000';

/** True for the sample bank account, which pages and e-mails label as a sample in the reader's language. */
export function isSampleBankAccount(bank: Pick<BankAccount, 'accountNumber'>): boolean {
  return bank.accountNumber === SAMPLE_BANK_ACCOUNT_NUMBER;
}

const SAMPLE_ACCOUNT_NOTE = {
  id: ' (Rekening contoh: Canting berjalan dengan data contoh; jangan mentransfer uang sungguhan.)',
  en: ' (A sample account: Canting is running on sample data; do not transfer real money.)',
} as const;

/** What the buyer transfers, once, for a whole checkout: the total with its kode unik, the checkout number as reference. */
export function bankInstruction(checkout: CheckoutView, bank: BankAccount, lang: 'id' | 'en'): string {
  return lang === 'id'
    ? `Transfer tepat ${formatIdr(checkout.totalIdr)} (termasuk kode unik ${formatIdr(checkout.uniqueCodeIdr)}) ke ${bank.bankName}, a.n. ${bank.accountName}, no. rek. ${bank.accountNumber}, dengan berita "${checkout.number}", paling lambat ${formatWib(checkout.expiresAt, 'id')}.${isSampleBankAccount(bank) ? SAMPLE_ACCOUNT_NOTE.id : ''}`
    : `Transfer exactly ${formatIdr(checkout.totalIdr)} (including the unique code ${formatIdr(checkout.uniqueCodeIdr)}) to ${bank.bankName}, account name ${bank.accountName}, account ${bank.accountNumber}, with the reference "${checkout.number}", by ${formatWib(checkout.expiresAt, 'en')}.${isSampleBankAccount(bank) ? SAMPLE_ACCOUNT_NOTE.en : ''}`;
}

/** The one "we received your checkout" e-mail: every order with its status link, and how to pay once. */
export function checkoutPlaced(checkout: CheckoutView, orders: OrderView[], statusUrls: Map<string, string>, bank: BankAccount): MailMessage {
  const id = checkout.lang === 'id';
  const parts = orders.map((o) => `${o.number} — ${o.artisan.name}\n${lines(o, checkout.lang)}\n${shippingLine(o, id)}\n${id ? 'Status' : 'Status'}: ${statusUrls.get(o.number) ?? ''}`);
  const pay =
    checkout.paymentMethod === 'bank_transfer'
      ? bankInstruction(checkout, bank, checkout.lang)
      : checkout.paymentUrl
        ? id ? `Bayar dengan kartu: ${checkout.paymentUrl}` : `Pay by card: ${checkout.paymentUrl}`
        : '';
  const text = id
    ? `Halo ${checkout.buyer.name},\n\nTerima kasih. Checkout ${checkout.number} sudah kami terima: ${orders.length} pesanan, satu pembayaran.\n\n${parts.join('\n\n')}\n\nTotal dibayar sekali: ${formatIdr(checkout.totalIdr)}\n${pay}\n\nCanting`
    : `Hello ${checkout.buyer.name},\n\nThank you. We have received checkout ${checkout.number}: ${orders.length} order(s), one payment.\n\n${parts.join('\n\n')}\n\nTotal, paid once: ${formatIdr(checkout.totalIdr)}\n${pay}\n\nCanting`;
  return { to: checkout.buyer.email, subject: id ? `Checkout ${checkout.number} sudah tercatat` : `Checkout ${checkout.number} received`, text, kind: 'checkout.placed.buyer' };
}

/**
 * The one "payment received" e-mail of a checkout, whatever path marked it paid. `statusUrls` holds each
 * order's status link (signed, status-links.ts); an order without one points to the checkout e-mail.
 */
export function checkoutPaid(checkout: CheckoutView, orders: OrderView[], statusUrls: Map<string, string>): MailMessage {
  const id = checkout.lang === 'id';
  const list = orders
    .map((o) => {
      const refund = o.status === 'needs_refund' ? (id ? ' (tidak dapat diproses; akan dikembalikan)' : ' (cannot be fulfilled; will be refunded)') : '';
      const link = statusUrls.get(o.number);
      return `- ${o.number} — ${o.artisan.name}: ${formatIdr(o.totalIdr)}${refund}${link ? `\n  ${id ? 'Status' : 'Status'}: ${link}` : ''}`;
    })
    .join('\n');
  const where = orders.every((o) => statusUrls.has(o.number))
    ? ''
    : id ? ' Status pesanan dapat dilihat lewat tautan di e-mail checkout Anda.' : " Each order's status is at the link in your checkout e-mail.";
  return {
    to: checkout.buyer.email,
    // Not "diterima": the order timeline uses that word for a delivered parcel.
    subject: id ? `Pembayaran ${checkout.number} sudah masuk` : `Payment for ${checkout.number} received`,
    text: id
      ? `Halo ${checkout.buyer.name},\n\nPembayaran ${formatIdr(checkout.totalIdr)} untuk checkout ${checkout.number} sudah masuk.\n\n${list}\n\nSetiap perajin akan menyiapkan kirimannya.${where}\n\nCanting`
      : `Hello ${checkout.buyer.name},\n\nWe have received ${formatIdr(checkout.totalIdr)} for checkout ${checkout.number}.\n\n${list}\n\nEach workshop will prepare its parcel.${where}\n\nCanting`,
    kind: 'checkout.paid.buyer',
  };
}

/** To the artisan, in Indonesian: a paid order waits to be shipped. */
export function artisanToShip(order: OrderView, artisanEmail: string, portalUrl: string): MailMessage {
  return {
    to: artisanEmail,
    subject: `Sudah dibayar — kirim pesanan ${order.number}`,
    text: `Pesanan ${order.number} dari ${order.buyer.name} (${order.address.city}, ${order.address.province}) sudah dibayar.\n\n${lines(order, 'id')}\nKurir: ${courierName(order.courier)}\n\nSilakan kirim dan isi nomor resinya: ${portalUrl}\n\nCanting`,
    kind: 'order.paid.artisan',
    orderId: order.id,
  };
}

/** Short notices to the buyer for delivered, refunded and needs-refund. */
export function buyerNotice(order: OrderView, what: 'delivered' | 'refunded' | 'needs_refund', statusUrl?: string): MailMessage {
  const id = order.lang === 'id';
  const say = {
    delivered: id ? `Pesanan ${order.number} sudah diterima. Terima kasih telah berbelanja batik dari ${order.artisan.name}.` : `Order ${order.number} has been delivered. Thank you for buying batik from ${order.artisan.name}.`,
    refunded: id ? `Dana ${formatIdr(order.totalIdr)} untuk pesanan ${order.number} sudah dikembalikan.` : `${formatIdr(order.totalIdr)} for order ${order.number} has been refunded.`,
    needs_refund: id
      ? `Pembayaran untuk pesanan ${order.number} tiba setelah pesanan berakhir. Kurator kami akan mengembalikan ${formatIdr(order.totalIdr)}.`
      : `The payment for order ${order.number} arrived after the order had ended. Our curators will refund ${formatIdr(order.totalIdr)}.`,
  }[what];
  const subject = {
    delivered: id ? `Pesanan ${order.number} diterima` : `Order ${order.number} delivered`,
    refunded: id ? `Pengembalian dana ${order.number}` : `Refund for ${order.number}`,
    needs_refund: id ? `Pesanan ${order.number}: dana akan dikembalikan` : `Order ${order.number}: your money will be refunded`,
  }[what];
  const link = statusUrl ? `\n\n${statusLine(statusUrl, order.number, order.lang)}` : '';
  return { to: order.buyer.email, subject, text: `${id ? 'Halo' : 'Hello'} ${order.buyer.name},\n\n${say}${link}\n\nCanting`, kind: `order.${what.replace('_', '-')}.buyer`, orderId: order.id };
}

/** To the artisan, in Indonesian: a paid order has waited too long to be shipped. */
export function artisanShipReminder(order: OrderView, artisanEmail: string, portalUrl: string, hours: number): MailMessage {
  return {
    to: artisanEmail,
    subject: `Pengingat: pesanan ${order.number} belum dikirim`,
    text: `Pesanan ${order.number} dari ${order.buyer.name} sudah dibayar lebih dari ${hours} jam yang lalu dan belum dikirim.\n\n${lines(order, 'id')}\nKurir: ${courierName(order.courier)}\n\nKirim lalu isi nomor resinya: ${portalUrl}\nBila ada kendala, hubungi kurator koperasi.\n\nCanting`,
    kind: 'order.ship-reminder.artisan',
    orderId: order.id,
  };
}
