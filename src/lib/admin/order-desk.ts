/**
 * The curators' order desk: a checkout (the buyer's one payment) with its orders, and the actions
 * only curators take — confirm a bank transfer, cancel an unpaid checkout, refund an order (through
 * Stripe's Refund API, or record a bank refund made by hand), mark an order delivered. Every action
 * goes through the order state machine, recorded with the curator's e-mail and the time.
 */
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { formatIdr } from '../money.ts';
import {
  endCheckout,
  findCheckoutById,
  findCheckoutByNumber,
  findOrderByNumber,
  listCheckoutOrders,
  markDelivered,
  payCheckout,
  refundOrder,
  type CheckoutView,
  type OrderView,
  type Transition,
} from '../commerce/orders.ts';

export interface DeskCheckout {
  checkout: CheckoutView;
  orders: OrderView[];
}

/**
 * A checkout and its orders, found by the checkout's number or by one of its orders' numbers.
 * @throws AppError('not_found')
 */
export async function getDeskCheckout(db: Queryable, number: string): Promise<DeskCheckout> {
  const order = /^CTG-/.test(number) ? await findOrderByNumber(db, number) : null;
  const checkout = order ? await findCheckoutById(db, order.checkoutId) : await findCheckoutByNumber(db, number);
  if (!checkout) throw new AppError('not_found', `no checkout or order ${number.slice(0, 40)}`);
  return { checkout, orders: await listCheckoutOrders(db, checkout.id) };
}

/**
 * The curator saw the transfer on the cooperative's statement: the checkout's every order is paid.
 * @throws AppError('invalid') for a card checkout (Stripe confirms those itself).
 */
export async function confirmBankTransfer(db: Database, number: string, curator: string): Promise<Transition> {
  const { checkout } = await getDeskCheckout(db, number);
  if (checkout.paymentMethod !== 'bank_transfer') throw new AppError('invalid', 'only bank transfers are confirmed by hand; Stripe confirms card payments');
  return payCheckout(db, checkout.id, { actor: curator, note: `transfer ${formatIdr(checkout.totalIdr)} (kode unik ${formatIdr(checkout.uniqueCodeIdr)}) dikonfirmasi kurator` });
}

/**
 * Cancels an unpaid checkout (all its orders; their stock comes back; an open Stripe session is
 * expired). A paid checkout is refused: refund its orders instead.
 */
export async function cancelDeskCheckout(db: Database, number: string, curator: string, reason: string): Promise<Transition> {
  const { checkout } = await getDeskCheckout(db, number);
  if (checkout.paymentStatus === 'paid') throw new AppError('conflict', 'this checkout is paid: refund its orders instead');
  return endCheckout(db, checkout.id, 'cancelled', { actor: curator, note: reason.trim().slice(0, 300) || 'dibatalkan kurator' });
}

/** Refunds one order: through Stripe (a card payment) or recorded as a bank transfer made by hand. */
export async function refundDeskOrder(db: Database, orderNumber: string, curator: string, method: 'stripe' | 'bank'): Promise<Transition> {
  const order = await findOrderByNumber(db, orderNumber);
  if (!order) throw new AppError('not_found', `no order ${orderNumber.slice(0, 40)}`);
  if (method === 'stripe' && order.paymentMethod !== 'stripe') throw new AppError('invalid', 'a bank-transfer order is refunded by bank transfer');
  if (!['paid', 'shipped', 'delivered', 'needs_refund'].includes(order.status)) {
    if (order.status === 'refunded') return 'unchanged';
    throw new AppError('conflict', `order ${order.number} is ${order.status}: nothing was paid to refund`);
  }
  return refundOrder(db, order.id, { actor: curator, method, note: method === 'bank' ? 'dikembalikan lewat transfer bank (dicatat kurator)' : 'dikembalikan lewat Stripe' });
}

/** Marks a shipped order delivered (the buyer said so, or the courier's tracking shows it). */
export async function deliverDeskOrder(db: Database, orderNumber: string, curator: string): Promise<Transition> {
  const order = await findOrderByNumber(db, orderNumber);
  if (!order) throw new AppError('not_found', `no order ${orderNumber.slice(0, 40)}`);
  if (order.status === 'delivered') return 'unchanged';
  if (order.status !== 'shipped') throw new AppError('conflict', `order ${order.number} is ${order.status}: only a shipped order can be delivered`);
  return markDelivered(db, order.id, { actor: curator });
}
