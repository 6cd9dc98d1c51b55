/**
 * A piece's page, apart from its template: the piece (through the catalogue read cache), its motifs,
 * technique and region from the content, the text in the reader's language (English is optional for
 * artisans: an untranslated piece shows its Indonesian text), what can be bought now — and, for an
 * empty shelf, whether an unpaid order holds it and until when — and its structured data.
 */
import { byId, type Catalogue } from '../content/catalogue.ts';
import { cachedPublicProduct } from '../store/cached-reads.ts';
import { CATEGORY_NAMES } from '../store/model.ts';
import type { Queryable } from '../db/database.ts';
import { inLanguage, localizedPath, type Lang } from '../i18n/index.ts';
import { productJsonLd } from '../seo/json-ld.ts';
import { maxQuantityOf } from './cart.ts';
import { heldUntil } from './orders.ts';

/** What the page says about availability (the page words it). */
export type Availability =
  | { kind: 'oneOfAKind' }
  | { kind: 'inStock'; count: number }
  | { kind: 'madeToOrder'; days: number }
  | { kind: 'reservedUntil'; until: Date }
  | { kind: 'soldOut' };

/** Everything a piece's page shows, or null when no such piece is for sale. `site` is the configured origin, never the request's. */
export async function productPageData(db: Queryable, catalogue: Pick<Catalogue, 'motifs' | 'techniques' | 'regions'>, slug: string, lang: Lang, site: URL) {
  const product = await cachedPublicProduct(db, slug);
  if (!product) return null;
  const motifs = product.motifs.map((id) => byId(catalogue.motifs, id)).filter((m) => m !== undefined);
  const titleText = inLanguage(product.title, lang);
  const descriptionText = inLanguage(product.description, lang);
  const url = new URL(localizedPath(lang, `/products/${product.slug}`), site).href;
  const madeToOrder = product.stock === 0 && product.leadTimeDays !== null;
  // An empty shelf may only be held by an unpaid order: say until when, not "sold out".
  const held = product.stock === 0 && !product.leadTimeDays ? await heldUntil(db, product.id) : null;
  const availability: Availability =
    product.stock > 0 ? (product.oneOfAKind ? { kind: 'oneOfAKind' } : { kind: 'inStock', count: product.stock })
    : product.leadTimeDays ? { kind: 'madeToOrder', days: product.leadTimeDays }
    : held ? { kind: 'reservedUntil', until: held }
    : { kind: 'soldOut' };
  return {
    product,
    motifs,
    motif: motifs[0],
    technique: byId(catalogue.techniques, product.technique),
    region: byId(catalogue.regions, product.artisan.region),
    title: titleText.text,
    titleText,
    descriptionText,
    untranslated: !titleText.translated || !descriptionText.translated,
    url,
    availability,
    madeToOrder,
    maxQuantity: maxQuantityOf({ stock: product.stock, oneOfAKind: product.oneOfAKind, madeToOrder }),
    whatsappNumber: product.artisan.whatsapp ? product.artisan.whatsapp.replace(/\D/g, '') : null,
    cover: product.images[0]?.variants.find((v) => v.format === 'webp' && v.width >= 640) ?? product.images[0]?.variants[0],
    size: product.lengthCm && product.widthCm ? `${product.lengthCm} × ${product.widthCm} cm` : null,
    jsonLd: [
      productJsonLd({
        name: titleText.text,
        description: descriptionText.text,
        url,
        images: product.images.flatMap((i) => i.variants.filter((v) => v.format === 'webp').slice(-1).map((v) => new URL(`/media/${v.path}`, site).href)),
        sku: product.slug,
        priceIdr: product.priceIdr,
        stock: product.stock,
        leadTimeDays: product.leadTimeDays,
        seller: product.artisan.workshop,
        category: CATEGORY_NAMES[product.category][lang],
      }),
    ],
  };
}
