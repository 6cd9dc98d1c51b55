/**
 * The e-mails an order sends, in the buyer's language (the artisan's always in Indonesian).
 * Plain text: it reads on any phone and survives every mail client.
 */
import type { MailMessage } from '../mail/mailer.ts';
import { formatIdr } from '../money.ts';
import type { CheckoutView, OrderView } from './orders.ts';
import { courierName, siteShippingTable, trackingLink } from './shipping.ts';
import { textIn } from '../i18n/index.ts';
import { useStrings } from '../../i18n/index.ts';
import { formatClassStart } from '../classes/sessions.ts';
import { toIcs } from '../calendar/ics.ts';

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

const mailText = (lang: 'id' | 'en') => useStrings(lang).mail;

function lines(order: OrderView, lang: 'id' | 'en'): string {
  const seats = (order.seats ?? []).map((s) => `- ${textIn(s.title, lang)} (${formatClassStart(s, lang)}) × ${mailText(lang).classBooked.seats(s.quantity)}: ${formatIdr(s.unitPriceIdr * s.quantity)}`);
  return [...order.items.map((i) => `- ${textIn(i.title, lang)} × ${i.quantity}: ${formatIdr(i.unitPriceIdr * i.quantity)}`), ...seats].join('\n');
}

/** A parcel's shipping line; a class's order ships nothing and says so. */
function shippingLine(o: OrderView, lang: 'id' | 'en'): string {
  const m = mailText(lang);
  return o.place ? m.classBooked.noShipping : `${m.shipping} (${courierName(o.courier)}): ${formatIdr(o.shippingIdr)}`;
}

/**
 * The booking of a class, to the buyer once it is paid: when and where, a link to each class page, and
 * an .ics of each session to put in a calendar.
 */
export function classBooked(order: OrderView, links: { statusUrl?: string | undefined; classUrl: (sessionId: string) => string }): MailMessage {
  const m = mailText(order.lang);
  const c = m.classBooked;
  const seats = order.seats ?? [];
  const list = seats
    .map((s) => `- ${textIn(s.title, order.lang)}\n  ${c.when(formatClassStart(s, order.lang), s.durationMinutes)}\n  ${c.seats(s.quantity)} — ${links.classUrl(s.sessionId)}`)
    .join('\n');
  const where = order.place?.name ?? order.artisan.name;
  const sample = order.artisan.isSample ? `${c.sample}\n\n` : '';
  const status = links.statusUrl ? `\n\n${statusLine(links.statusUrl, order.number, order.lang)}` : '';
  const text = `${m.hello(order.buyer.name)}\n\n${sample}${c.intro(where, order.number)}\n\n${list}\n\n${c.attached}${status}\n\n${m.signature}`;
  const stamp = new Date().toISOString();
  const attachments = seats.map((s, n) => ({
    filename: seats.length > 1 ? `kelas-${order.number}-${n + 1}.ics` : `kelas-${order.number}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    // The one .ics writer (calendar/ics.ts): a timed event, in UTC.
    content: toIcs(
      {
        uid: `${s.sessionId}-${order.number}@canting`,
        title: textIn(s.title, order.lang),
        description: c.icsDescription(order.number, c.seats(s.quantity)),
        location: where,
        url: links.classUrl(s.sessionId),
        startDate: s.startsAt.toISOString().slice(0, 10),
        endDate: s.startsAt.toISOString().slice(0, 10),
        yearly: false,
        startsAt: s.startsAt.toISOString(),
        endsAt: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000).toISOString(),
        cancelled: s.sessionStatus === 'cancelled',
      },
      stamp,
    ),
  }));
  return { to: order.buyer.email, subject: c.subject(order.number), text, kind: 'order.class-booked.buyer', orderId: order.id, attachments };
}

/** The line that marks an order from a sample workshop, in the reader's language; empty otherwise. */
export function sampleNote(order: Pick<OrderView, 'artisan'>, lang: 'id' | 'en'): string {
  return order.artisan.isSample ? `${mailText(lang).sampleOrder}\n\n` : '';
}

/**
 * Where the buyer sees the order's status. The status page needs the buyer's token, which is
 * stored only hashed: a `statusUrl` that carries it (`?token=`) is printed as the link; without it
 * the mail points to the link in the order confirmation, and never shows a placeholder.
 */
export function statusLine(statusUrl: string, number: string, lang: 'id' | 'en'): string {
  const m = mailText(lang);
  return /[?&]token=[^&\s…]+/.test(statusUrl) ? m.statusLink(statusUrl) : m.statusInConfirmation(number);
}

export function buyerConfirmation(order: OrderView, context: OrderMailContext): MailMessage {
  const m = mailText(order.lang);
  const bank =
    order.paymentMethod === 'bank_transfer' && context.bank
      ? `\n${m.placed.transfer(formatIdr(order.totalIdr), context.bank.bankName, context.bank.accountName, context.bank.accountNumber, order.number)}\n`
      : '';
  const text = `${m.hello(order.buyer.name)}\n\n${sampleNote(order, order.lang)}${m.placed.intro(order.number, order.artisan.name)}\n\n${lines(order, order.lang)}\n${m.placed.shippingLine(courierName(order.courier), formatIdr(order.shippingIdr))}\n${m.placed.total(formatIdr(order.totalIdr))}\n${bank}\n${statusLine(context.statusUrl, order.number, order.lang)}\n\n${m.signature}`;
  return {
    to: order.buyer.email,
    // Not "diterima"/"received": the order timeline uses that word for a delivered parcel.
    subject: m.placed.subject(order.number),
    text,
    kind: 'order.placed.buyer',
    orderId: order.id,
  };
}

export function artisanNotice(order: OrderView, artisanEmail: string): MailMessage {
  const m = mailText('id');
  return {
    to: artisanEmail,
    subject: m.artisan.newOrder.subject(order.number),
    text: `${sampleNote(order, 'id')}${m.artisan.newOrder.body(order.number, order.buyer.name, `${order.address.city}, ${order.address.province}`, lines(order, 'id'), courierName(order.courier))}\n\n${m.signature}`,
    kind: 'order.placed.artisan',
    orderId: order.id,
  };
}

export function buyerPaid(order: OrderView, statusUrl: string): MailMessage {
  const m = mailText(order.lang);
  return {
    to: order.buyer.email,
    subject: m.paid.subject(order.number),
    text: `${m.hello(order.buyer.name)}\n\n${sampleNote(order, order.lang)}${m.paid.body(order.number, formatIdr(order.totalIdr), order.artisan.name)}\n\n${statusLine(statusUrl, order.number, order.lang)}\n\n${m.signature}`,
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

/** What the buyer transfers, once, for a whole checkout: the total with its kode unik, the checkout number as reference. */
export function bankInstruction(checkout: CheckoutView, bank: BankAccount, lang: 'id' | 'en'): string {
  const m = mailText(lang);
  const say = m.bankInstruction(formatIdr(checkout.totalIdr), formatIdr(checkout.uniqueCodeIdr), bank.bankName, bank.accountName, bank.accountNumber, checkout.number, formatWib(checkout.expiresAt, lang));
  return `${say}${isSampleBankAccount(bank) ? m.sampleAccount : ''}`;
}

/** The one "we received your checkout" e-mail: every order with its status link, and how to pay once. */
export function checkoutPlaced(checkout: CheckoutView, orders: OrderView[], statusUrls: Map<string, string>, bank: BankAccount): MailMessage {
  const m = mailText(checkout.lang);
  const parts = orders.map((o) => `${o.number} — ${o.artisan.name}\n${lines(o, checkout.lang)}\n${shippingLine(o, checkout.lang)}\n${m.status}: ${statusUrls.get(o.number) ?? ''}`);
  const pay =
    checkout.paymentMethod === 'bank_transfer'
      ? bankInstruction(checkout, bank, checkout.lang)
      : checkout.paymentUrl
        ? m.checkoutPlaced.payByCard(checkout.paymentUrl)
        : '';
  const text = `${m.hello(checkout.buyer.name)}\n\n${m.checkoutPlaced.intro(checkout.number, orders.length)}\n\n${parts.join('\n\n')}\n\n${m.checkoutPlaced.total(formatIdr(checkout.totalIdr))}\n${pay}\n\n${m.signature}`;
  return { to: checkout.buyer.email, subject: m.checkoutPlaced.subject(checkout.number), text, kind: 'checkout.placed.buyer' };
}

/**
 * The one "payment received" e-mail of a checkout, whatever path marked it paid. `statusUrls` holds each
 * order's status link (signed, status-links.ts); an order without one points to the checkout e-mail.
 */
export function checkoutPaid(checkout: CheckoutView, orders: OrderView[], statusUrls: Map<string, string>): MailMessage {
  const m = mailText(checkout.lang);
  const list = orders
    .map((o) => {
      const refund = o.status === 'needs_refund' ? m.checkoutPaid.willRefund : '';
      const link = statusUrls.get(o.number);
      return `- ${o.number} — ${o.artisan.name}: ${formatIdr(o.totalIdr)}${refund}${link ? `\n  ${m.status}: ${link}` : ''}`;
    })
    .join('\n');
  const where = orders.every((o) => statusUrls.has(o.number)) ? '' : m.checkoutPaid.statusElsewhere;
  return {
    to: checkout.buyer.email,
    // Not "diterima": the order timeline uses that word for a delivered parcel.
    subject: m.checkoutPaid.subject(checkout.number),
    text: `${m.hello(checkout.buyer.name)}\n\n${m.checkoutPaid.intro(formatIdr(checkout.totalIdr), checkout.number)}\n\n${list}\n\n${m.checkoutPaid.next}${where}\n\n${m.signature}`,
    kind: 'checkout.paid.buyer',
  };
}

/** The buyer's "shipped" e-mail: courier, tracking number and, where the courier has one, a link to follow the parcel. */
export function buyerShipped(order: OrderView, statusUrl: string): MailMessage {
  const m = mailText(order.lang);
  const tracking = order.trackingNumber ?? '';
  const link = tracking ? trackingLink(siteShippingTable(), order.courier, tracking) : null;
  const follow = link ? `\n${m.shipped.follow(link.url, link.numberInUrl)}` : '';
  const items = order.items.map((i) => `- ${textIn(i.title, order.lang)} × ${i.quantity}`).join('\n');
  return {
    to: order.buyer.email,
    subject: m.shipped.subject(order.number),
    text: `${m.hello(order.buyer.name)}\n\n${sampleNote(order, order.lang)}${m.shipped.intro(order.artisan.name, order.number)}\n\n${items}\n\n${m.courier}: ${courierName(order.courier)}\n${m.shipped.tracking(tracking)}${follow}\n${m.shipped.total(formatIdr(order.totalIdr))}\n\n${statusLine(statusUrl, order.number, order.lang)}\n\n${m.signature}`,
    kind: 'order.shipped.buyer',
    orderId: order.id,
  };
}

/** To the artisan, in Indonesian: a paid order waits to be shipped. */
export function artisanToShip(order: OrderView, artisanEmail: string, portalUrl: string): MailMessage {
  const m = mailText('id');
  return {
    to: artisanEmail,
    subject: m.artisan.toShip.subject(order.number),
    text: `${m.artisan.toShip.body(order.number, order.buyer.name, `${order.address.city}, ${order.address.province}`, lines(order, 'id'), courierName(order.courier), portalUrl)}\n\n${m.signature}`,
    kind: 'order.paid.artisan',
    orderId: order.id,
  };
}

/** Short notices to the buyer for delivered, refunded and needs-refund. */
export function buyerNotice(order: OrderView, what: 'delivered' | 'refunded' | 'needs_refund', statusUrl?: string): MailMessage {
  const m = mailText(order.lang);
  const link = statusUrl ? `\n\n${statusLine(statusUrl, order.number, order.lang)}` : '';
  const say = m.notice[what].body(order.number, order.artisan.name, formatIdr(order.totalIdr));
  return { to: order.buyer.email, subject: m.notice[what].subject(order.number), text: `${m.hello(order.buyer.name)}\n\n${say}${link}\n\n${m.signature}`, kind: `order.${what.replace('_', '-')}.buyer`, orderId: order.id };
}

/** To the artisan, in Indonesian: a paid order has waited too long to be shipped. */
export function artisanShipReminder(order: OrderView, artisanEmail: string, portalUrl: string, hours: number): MailMessage {
  const m = mailText('id');
  return {
    to: artisanEmail,
    subject: m.artisan.reminder.subject(order.number),
    text: `${m.artisan.reminder.body(order.number, order.buyer.name, hours, lines(order, 'id'), courierName(order.courier), portalUrl)}\n\n${m.signature}`,
    kind: 'order.ship-reminder.artisan',
    orderId: order.id,
  };
}
