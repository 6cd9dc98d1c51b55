import type { APIRoute } from 'astro';
import { currentCartId } from '../../lib/commerce/cart-cookie.ts';
import { placeCheckout } from '../../lib/commerce/orders.ts';
import { otherMethods, readJson } from '../../lib/http.ts';

export const prerender = false;

/**
 * `POST /api/checkout` `{ buyer, address, couriers?, paymentMethod, lang?, expectedTotalIdr? }` →
 * `{ checkout: { number, totalIdr, uniqueCodeIdr, paymentUrl?, bankTransfer?, expiresAt }, orders: [{ number,
 * token, artisan, totalIdr }] }`: one order per artisan, one payment for all. Out of stock, or a total
 * other than `expectedTotalIdr` → 409.
 */
export const POST: APIRoute = async ({ request, cookies, locals }) => {
  const body = await readJson(request);
  const commerce = locals.app;
  const { checkout, orders: placed } = await placeCheckout(commerce.db, await currentCartId(commerce.db, cookies), body, commerce.checkoutDeps());
  void commerce.deliverEffects();
  return Response.json(
    {
      checkout: {
        number: checkout.number,
        paymentMethod: checkout.paymentMethod,
        goodsIdr: checkout.goodsIdr,
        shippingIdr: checkout.shippingIdr,
        uniqueCodeIdr: checkout.uniqueCodeIdr,
        totalIdr: checkout.totalIdr,
        expiresAt: checkout.expiresAt.toISOString(),
        ...(checkout.paymentUrl ? { paymentUrl: checkout.paymentUrl } : {}),
        ...(checkout.payment?.instructions ? { bankTransfer: checkout.payment.instructions } : {}),
      },
      orders: placed.map((o) => ({
        number: o.number,
        token: o.token,
        artisan: o.artisan,
        totalIdr: o.totalIdr,
        paymentMethod: o.paymentMethod,
        ...(o.paymentUrl ? { paymentUrl: o.paymentUrl } : {}),
        ...(o.payment?.instructions ? { bankTransfer: o.payment.instructions } : {}),
      })),
    },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
};

/** Any other method: a JSON 405 naming these. */
export const ALL = otherMethods({ POST });
