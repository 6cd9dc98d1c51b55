/**
 * No page scrolls sideways on a 360 px phone: every page template, in both languages, with a cart
 * holding pieces from two workshops, a placed order, and the portal and admin pages of a signed-in
 * artisan and curator. Each page's screenshot goes to test-results/ for a reviewer to look at.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.ts';

const baseUrl = inject('baseUrl');
const WIDTH = 360;
const SHOTS = 'test-results/mobile-360';
let browser: Browser;
let shopper: BrowserContext;
let artisan: BrowserContext;
let curator: BrowserContext;
/** Filled in beforeAll: a piece, its workshop, an order's status address, portal and admin addresses. */
const sample = { product: '', artisan: '', orderPath: '', portalProduct: '', portalOrder: '', adminOrder: '' };

interface Hit { slug: string; kind: string; artisan: { slug: string } | null }

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const options = { viewport: { width: WIDTH, height: 760 } };
  [shopper, artisan, curator] = await Promise.all([browser.newContext(options), browser.newContext(options), browser.newContext(options)]);

  // Two in-stock pieces from two workshops in the shopper's cart.
  const hits = ((await (await fetch(`${baseUrl}/api/search?q=kain&inStock=true&pageSize=60&sort=newest`)).json()) as { hits: Hit[] }).hits
    .filter((h) => h.kind === 'product');
  const first = hits.at(-1)!;
  const second = hits.findLast((h) => h.artisan!.slug !== first.artisan!.slug)!;
  sample.product = first.slug;
  sample.artisan = first.artisan!.slug;
  for (const slug of [first.slug, second.slug]) {
    const res = await shopper.request.post(`${baseUrl}/api/cart/items`, { data: { productSlug: slug, quantity: 1 } });
    expect(res.status()).toBe(201);
  }

  const page = await artisan.newPage();
  await signIn(page, baseUrl, 'perajin5@contoh.test');
  await page.goto(`${baseUrl}/portal/products`);
  sample.portalProduct = (await page.locator('a[href^="/portal/products/"]:not([href$="/new"])').first().getAttribute('href')) ?? '';
  await page.goto(`${baseUrl}/portal/orders`);
  sample.portalOrder = (await page.locator('a[href^="/portal/orders/"]').first().getAttribute('href').catch(() => null)) ?? '';
  await page.close();

  const desk = await curator.newPage();
  await signIn(desk, baseUrl, 'kurator@contoh.test');
  await desk.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a page, waits for its server islands, and returns how wide the document is. */
async function widthOf(context: BrowserContext, path: string, shot: string, prepare?: (page: Page) => Promise<void>): Promise<{ scrollWidth: number; status: number; page: Page }> {
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
  await prepare?.(page);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  return { scrollWidth, status: response?.status() ?? 0, page };
}

/** The elements wider than the viewport, for the failure message. */
async function widest(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 0.5 && box.width > 0) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(box.right)}`);
    }
    return out.slice(0, 8);
  }, WIDTH);
}

async function expectNoSideways(context: BrowserContext, path: string, shot: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  const { scrollWidth, status, page } = await widthOf(context, path, shot, prepare);
  expect(status, `${path} answered ${status}`).toBeLessThan(400);
  const culprits = scrollWidth > WIDTH ? await widest(page) : [];
  await page.close();
  expect(scrollWidth, `${path} is ${scrollWidth} px wide: ${culprits.join(', ')}`).toBeLessThanOrEqual(WIDTH);
}

describe(`no page scrolls sideways at ${WIDTH} px`, () => {
  for (const lang of ['id', 'en'] as const) {
    describe(lang, () => {
      const pages: [string, () => string][] = [
        ['home', () => `/${lang}/`],
        ['listing', () => `/${lang}/search`],
        ['search', () => `/${lang}/search?q=kopi`],
        ['motifs', () => `/${lang}/motifs/`],
        ['motif', () => `/${lang}/motifs/kopi`],
        ['regions', () => `/${lang}/regions/`],
        ['region', () => `/${lang}/regions/muara-enim`],
        ['techniques', () => `/${lang}/techniques/`],
        ['technique', () => `/${lang}/techniques/tulis`],
        ['visit', () => `/${lang}/visit/`],
        ['event', () => `/${lang}/visit/events/pekan-batik-nusantara-2025`],
        ['place', () => `/${lang}/visit/places/museum-batik-pekalongan`],
        ['glossary', () => `/${lang}/glossary/`],
        ['product', () => `/${lang}/products/${sample.product}`],
        ['workshop', () => `/${lang}/artisans/${sample.artisan}`],
        ['cart', () => `/${lang}/cart`],
        ['checkout', () => `/${lang}/checkout`],
        ['not-found', () => `/${lang}/no-such-page`],
      ];
      for (const [name, path] of pages) {
        it(name, async () => {
          if (name === 'not-found') {
            const { scrollWidth, page } = await widthOf(shopper, path(), `${lang}-${name}`);
            await page.close();
            expect(scrollWidth).toBeLessThanOrEqual(WIDTH);
            return;
          }
          // The checkout with its couriers and prices: the province chosen, the parcels filled in place.
          const prepare = name === 'checkout'
            ? async (page: Page) => {
                await page.locator('select[name="province"]').selectOption('Jawa Tengah');
                await page.locator('[data-parcel] fieldset.couriers').nth(1).waitFor();
              }
            : undefined;
          await expectNoSideways(shopper, path(), `${lang}-${name}`, prepare);
        });
      }
    });
  }

  describe('after placing the order (bank transfer)', () => {
    beforeAll(async () => {
      const res = await shopper.request.post(`${baseUrl}/api/checkout`, {
        data: {
          buyer: { name: 'Sari Contoh', email: 'sari.layout@contoh.test', phone: '+6281234567890' },
          address: { line1: 'Jl. Contoh No. 12', city: 'Semarang', province: 'Jawa Tengah', postalCode: '50111', country: 'ID' },
          paymentMethod: 'bank_transfer',
          lang: 'id',
        },
      });
      expect(res.status()).toBe(201);
      const body = (await res.json()) as { checkout: { number: string }; orders: { number: string; token: string }[] };
      const order = body.orders[0]!;
      sample.orderPath = `/orders/${order.number}?token=${order.token}`;
      sample.adminOrder = `/admin/orders/${order.number}`;
    });
    for (const lang of ['id', 'en'] as const) {
      it(`order status (${lang})`, async () => {
        await expectNoSideways(shopper, `/${lang}${sample.orderPath}`, `${lang}-order`);
      });
    }
  });

  describe('portal (artisan)', () => {
    const paths: [string, () => string][] = [
      ['portal', () => '/portal'],
      ['portal-products', () => '/portal/products'],
      ['portal-product-new', () => '/portal/products/new'],
      ['portal-product', () => sample.portalProduct],
      ['portal-orders', () => '/portal/orders'],
      ['portal-order', () => sample.portalOrder],
      ['portal-earnings', () => '/portal/earnings'],
    ];
    for (const [name, path] of paths) {
      it(name, async () => {
        if (!path()) return; // this artisan has no order yet: the list page above stands for it
        await expectNoSideways(artisan, path(), name);
      });
    }
  });

  describe('admin (curator)', () => {
    const paths: [string, () => string][] = [
      ['admin', () => '/admin'],
      ['admin-orders', () => '/admin/orders'],
      ['admin-order', () => sample.adminOrder],
      ['admin-products', () => '/admin/products'],
      ['admin-artisans', () => '/admin/artisans'],
      ['admin-payouts', () => '/admin/payouts'],
      ['admin-outbox', () => '/admin/outbox'],
      ['admin-system', () => '/admin/system'],
    ];
    for (const [name, path] of paths) {
      it(name, async () => {
        await expectNoSideways(curator, path(), name);
      });
    }
  });
});
