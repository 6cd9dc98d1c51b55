/**
 * The checkout page's logic, apart from its template: reading the posted form, placing the checkout,
 * saying why one was refused (as keys the page turns into the reader's language), and the parcels
 * with their couriers and the totals the page shows (the same cheapest-first choice the server makes).
 */
import { localizedPath, type Lang } from '../i18n/index.ts';
import { AppError } from '../errors.ts';
import type { Database } from '../db/database.ts';
import { readForm } from '../http.ts';
import { viewCart, type CartView } from './cart.ts';
import { checkoutInputSchema, placeCheckout, type CheckoutDeps } from './orders.ts';
import { availableCouriers, chargeableKg, provinceZone, type ShippingTable } from './shipping.ts';

/** The countries the form offers, Indonesia first. */
export const CHECKOUT_COUNTRIES = ['ID', 'SG', 'MY', 'NL', 'DE', 'JP', 'AU', 'US'] as const;

export interface CheckoutFormValues {
  name: string;
  email: string;
  phone: string;
  line1: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
  paymentMethod: string;
  /** Chosen courier per artisan slug. */
  couriers: Record<string, string>;
}

/** Why the page could not place the checkout; each is a sentence in the page's strings (`t.checkout`). */
export type CheckoutProblem = 'fix' | 'totalChanged' | 'tooManyUnpaid' | 'soldOut' | 'emptyCart' | 'badCourier';

/** A field to mark: its key in `t.checkout.fields` (`buyer_name`, `address_province` …) and the library's own words as a fallback. */
export interface CheckoutFieldIssue {
  key: string;
  message: string;
}

export interface CheckoutRefusal {
  problem: CheckoutProblem;
  /** What the problem is about (the pieces sold out), already in the buyer's language. */
  subject?: string | undefined;
  fields: CheckoutFieldIssue[];
  status: number;
}

export function emptyCheckoutValues(paymentMethod: 'stripe' | 'bank_transfer'): CheckoutFormValues {
  return { name: '', email: '', phone: '', line1: '', city: '', province: '', postalCode: '', country: 'ID', paymentMethod, couriers: {} };
}

/** The form's fields, each cut to a sane length (the schema judges them). */
export function checkoutValuesFromForm(form: FormData): CheckoutFormValues {
  const text = (k: string) => String(form.get(k) ?? '').slice(0, 300);
  const couriers: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k.startsWith('courier:')) couriers[k.slice(8)] = String(v).slice(0, 40);
  return {
    name: text('name'), email: text('email'), phone: text('phone'), line1: text('line1'), city: text('city'),
    province: text('province'), postalCode: text('postalCode'), country: text('country') || 'ID', paymentMethod: text('paymentMethod'),
    couriers,
  };
}

/**
 * Which sentence answers a refused checkout, and which field to mark. Decided by the error's
 * reason, never by its (English, internal) message.
 */
export function checkoutRefusal(error: AppError): CheckoutRefusal {
  const status = error.code === 'conflict' ? 409 : 400;
  switch (error.reason) {
    case 'total_changed':
      return { problem: 'totalChanged', fields: [], status };
    case 'too_many_unpaid':
      return { problem: 'tooManyUnpaid', fields: [], status };
    case 'sold_out':
      return { problem: 'soldOut', subject: error.subject, fields: [], status };
    case 'empty_cart':
      return { problem: 'emptyCart', fields: [], status };
    case 'bad_province':
      return { problem: 'fix', fields: [{ key: 'address_province', message: error.message }], status };
    case 'bad_country':
      return { problem: 'fix', fields: [{ key: 'address_country', message: error.message }], status };
    case 'bad_courier':
      return { problem: 'badCourier', fields: [], status };
    case 'address_required':
      return { problem: 'fix', fields: [{ key: 'address_line1', message: error.message }], status };
    default:
      return error.code === 'conflict'
        ? { problem: 'soldOut', subject: error.subject ?? '', fields: [], status }
        : { problem: 'fix', fields: [{ key: 'paymentMethod', message: error.message }], status };
  }
}

export interface CheckoutPlacing {
  db: Database;
  deps: CheckoutDeps;
  /** Delivers the queued e-mails now (the placed-order mail), without waiting for the worker. */
  deliverEffects: () => Promise<void>;
}

/**
 * A posted checkout form: re-rendered with shipping worked out (any intent but `place`), refused
 * (fields or a problem to show, and a status), or placed (where to send the buyer: their summary).
 */
export async function submitCheckout(
  placing: CheckoutPlacing,
  cartId: string | null,
  form: FormData,
  lang: Lang,
  summaryPath: string,
): Promise<{ values: CheckoutFormValues; refusal: CheckoutRefusal | null; redirect?: string }> {
  const values = checkoutValuesFromForm(form);
  if (String(form.get('intent') ?? '') !== 'place') return { values, refusal: null };
  const shownTotal = String(form.get('expectedTotal') ?? '').slice(0, 300);
  // A page for classes alone has no address fields (nothing is shipped): then no address is sent.
  const withAddress = form.has('line1');
  const parsed = checkoutInputSchema.safeParse({
    buyer: { name: values.name, email: values.email, phone: values.phone },
    address: withAddress ? { line1: values.line1, city: values.city, province: values.province, postalCode: values.postalCode, country: values.country } : undefined,
    couriers: values.couriers,
    paymentMethod: values.paymentMethod,
    lang,
    expectedTotalIdr: /^\d{1,12}$/.test(shownTotal) ? Number(shownTotal) : undefined,
  });
  if (!parsed.success) {
    return { values, refusal: { problem: 'fix', fields: parsed.error.issues.map((i) => ({ key: i.path.join('_'), message: i.message })), status: 400 } };
  }
  // A form without the total it showed (an old page, a hand-made post): show the total, place nothing.
  if (parsed.data.expectedTotalIdr === undefined) return { values, refusal: { problem: 'totalChanged', fields: [], status: 409 } };
  try {
    const { orders } = await placeCheckout(placing.db, cartId, parsed.data, placing.deps);
    void placing.deliverEffects();
    return { values, refusal: null, redirect: `${summaryPath}?o=${orders.map((o) => `${o.number}.${o.token}`).join(',')}` };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'internal' || error.code === 'unavailable') throw error;
    return { values, refusal: checkoutRefusal(error) };
  }
}

/**
 * The parcels as the page shows them: each artisan's couriers for the destination, cheapest first,
 * and the one chosen (the buyer's, else the cheapest, as the server picks); the totals; the provinces.
 */
export function checkoutPageData(
  shipping: ShippingTable,
  regionIsland: (region: string) => 'java' | 'sumatra',
  cart: Pick<CartView, 'groups'> & Partial<Pick<CartView, 'classes'>>,
  values: Pick<CheckoutFormValues, 'province' | 'country' | 'couriers'>,
) {
  let zone: ReturnType<typeof provinceZone> | null = null;
  let provinceInvalid = false;
  try {
    if (values.province || values.country !== 'ID') zone = provinceZone(shipping, values.province || '-', values.country);
  } catch {
    provinceInvalid = true;
  }
  const groups = cart.groups.map((group) => {
    const kg = chargeableKg(Math.max(1, group.weightGrams));
    const couriers = zone
      ? availableCouriers(shipping, regionIsland(group.artisan.region), zone).map((c) => ({ ...c, costIdr: c.perKgIdr * kg })).sort((a, b) => a.costIdr - b.costIdr)
      : [];
    const chosen = couriers.find((c) => c.courierId === values.couriers[group.artisan.slug]) ?? couriers[0];
    return { group, couriers, chosen };
  });
  // Classes are goods with no parcel: in the goods total, never in shipping.
  const goodsTotal = groups.reduce((n, g) => n + g.group.subtotalIdr, 0) + (cart.classes ?? []).reduce((n, g) => n + g.subtotalIdr, 0);
  const shippingTotal = groups.reduce((n, g) => n + (g.chosen?.costIdr ?? 0), 0);
  return {
    groups,
    goodsTotal,
    shippingTotal,
    grandTotal: goodsTotal + shippingTotal,
    shippingKnown: groups.every((g) => g.chosen),
    provinceInvalid,
    provinces: shipping.provinces.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'id')),
  };
}

/** What the checkout page takes from the App. */
export interface CheckoutPageApp {
  db: Database;
  /** Card payment is offered, and chosen first, only when Stripe is configured. */
  stripe: object | null;
  shipping: ShippingTable;
  regionIsland: (region: string) => 'java' | 'sumatra';
  checkoutDeps: () => CheckoutDeps;
  deliverEffects: () => Promise<void>;
}

/** Everything the checkout page shows: the form as typed, why it was refused, the cart, its parcels and totals. */
export interface CheckoutPageView extends ReturnType<typeof checkoutPageData> {
  cart: CartView;
  values: CheckoutFormValues;
  refusal: CheckoutRefusal | null;
  /** A post that could not be read at all: too large (413) or not a form (400). */
  unreadable: 400 | 413 | null;
  /** The fields to mark, by key (`buyer_email`, `address_province` …), with the library's words as a fallback. */
  fieldIssues: Record<string, string>;
  status: number;
}

/**
 * The checkout page in one call: a GET shows the cart with the form empty; a post works out shipping
 * again, or places the checkout and answers where to send the buyer (their summary), or is refused —
 * then the form as typed, the refusal and its status. A province the shipping table does not know is
 * marked even before placing.
 * @example
 * const view = await checkoutPage(app, await currentCartId(app.db, Astro.cookies), Astro.request, lang);
 * if ('redirect' in view) return Astro.redirect(view.redirect, 303);
 */
export async function checkoutPage(app: CheckoutPageApp, cartId: string | null, request: Request, lang: Lang): Promise<{ redirect: string } | CheckoutPageView> {
  let values = emptyCheckoutValues(app.stripe ? 'stripe' : 'bank_transfer');
  let refusal: CheckoutRefusal | null = null;
  let unreadable: 400 | 413 | null = null;
  if (request.method === 'POST') {
    const read = await readForm(request);
    if (!read.ok) unreadable = read.status;
    else {
      const placing = { db: app.db, deps: app.checkoutDeps(), deliverEffects: app.deliverEffects };
      const posted = await submitCheckout(placing, cartId, read.form, lang, localizedPath(lang, '/checkout/done'));
      if (posted.redirect) return { redirect: posted.redirect };
      ({ values, refusal } = posted);
    }
  }
  const cart = await viewCart(app.db, cartId);
  const data = checkoutPageData(app.shipping, app.regionIsland, cart, values);
  const fieldIssues: Record<string, string> = {};
  for (const f of refusal?.fields ?? []) fieldIssues[f.key] = f.message;
  if (data.provinceInvalid) fieldIssues.address_province ??= '';
  return { ...data, cart, values, refusal, unreadable, fieldIssues, status: unreadable ?? refusal?.status ?? 200 };
}
