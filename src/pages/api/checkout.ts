import type { APIRoute } from 'astro';
import { currentCartId } from '../../data/cart-cookie.ts';
import { getCommerce } from '../../data/commerce.ts';
import { placeOrders } from '../../lib/commerce/orders.ts';
import { otherMethods, readJson } from '../../lib/http.ts';

export const prerender = false;

/**
 * `POST /api/checkout` `{ buyer, address, couriers?, paymentMethod, lang? }` → `{ orders: [{ number,
 * token, artisan, totalIdr, paymentUrl? }] }`: one order per artisan. Out of stock → 409.
 */
export const POST: APIRoute = async ({ request, cookies }) => {
  const body = await readJson(request);
  const commerce = await getCommerce();
  const placed = await placeOrders(commerce.db, await currentCartId(commerce.db, cookies), body, commerce.checkoutDeps());
  return Response.json(
    {
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
