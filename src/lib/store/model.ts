/**
 * Artisans and products: the commerce side of the catalogue, stored in the database.
 * Inputs are validated with zod here; the database's CHECK constraints are the last line.
 */
import { z } from 'astro/zod';
import { slugSchema, type Localized } from '../content/schemas.ts';
import { NUL_MESSAGE, hasNul } from '../text.ts';

/** A product title in one language: 1–160 characters, none of them NUL (which the database cannot store). */
const titleText = z.string().trim().min(1).max(160).refine((s) => !hasNul(s), NUL_MESSAGE);
/**
 * The English title or description: optional (empty = not translated yet). Many workshops write only
 * Indonesian; English pages then show the Indonesian text marked as such (`textIn` in lib/i18n).
 */
const englishTitle = z.string().trim().max(160).refine((s) => !hasNul(s), NUL_MESSAGE).default('');
const indonesianText = z.string().trim().min(1).refine((s) => !hasNul(s), NUL_MESSAGE);
const englishText = z.string().trim().refine((s) => !hasNul(s), NUL_MESSAGE).default('');

export const CATEGORIES = ['kain-panjang', 'sarung', 'selendang', 'kemeja', 'tas', 'dompet'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<Category, Localized> = {
  'kain-panjang': { id: 'Kain panjang', en: 'Kain panjang (long cloth)' },
  sarung: { id: 'Sarung', en: 'Sarong' },
  selendang: { id: 'Selendang', en: 'Shawl (selendang)' },
  kemeja: { id: 'Kemeja', en: 'Shirt' },
  tas: { id: 'Tas', en: 'Bag' },
  dompet: { id: 'Dompet', en: 'Wallet' },
};

export const FABRICS = ['katun-primisima', 'katun-prima', 'sutra', 'santung', 'dobi'] as const;
export type Fabric = (typeof FABRICS)[number];

export const FABRIC_NAMES: Record<Fabric, Localized> = {
  'katun-primisima': { id: 'Katun primissima', en: 'Primissima cotton' },
  'katun-prima': { id: 'Katun prima', en: 'Prima cotton' },
  sutra: { id: 'Sutra', en: 'Silk' },
  santung: { id: 'Santung', en: 'Shantung' },
  dobi: { id: 'Dobi', en: 'Dobby' },
};

export const DYES = ['natural', 'synthetic', 'mixed'] as const;
export type DyeKind = (typeof DYES)[number];

export const DYE_NAMES: Record<DyeKind, Localized> = {
  natural: { id: 'Pewarna alami', en: 'Natural dyes' },
  synthetic: { id: 'Pewarna sintetis', en: 'Synthetic dyes' },
  mixed: { id: 'Alami dan sintetis', en: 'Natural and synthetic dyes' },
};

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export const ARTISAN_STATUSES = ['pending', 'approved', 'suspended'] as const;

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/);

export const certificationSchema = z.strictObject({
  kind: z.enum(['lsp-batik', 'batikmark']),
  /** Certificate number, e.g. a Batikmark (BMI) number. */
  number: z.string().trim().min(1).max(60).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type Certification = z.infer<typeof certificationSchema>;

export const artisanInputSchema = z.strictObject({
  slug: slugSchema.max(80),
  name: z.string().trim().min(1).max(120),
  workshop: z.string().trim().min(1).max(160),
  region: slugSchema,
  place: z.string().trim().min(1).max(120),
  /** The workshop's story; empty until the artisan writes it. */
  bio: z.strictObject({ id: z.string().trim().max(4000), en: z.string().trim().max(4000) }).default({ id: '', en: '' }),
  certifications: z.array(certificationSchema).max(10).default([]),
  whatsapp: z
    .string()
    .regex(/^\+?[0-9]{8,15}$/, 'a WhatsApp number is 8–15 digits, optionally starting with +')
    .optional(),
  email: z.email().optional(),
  status: z.enum(ARTISAN_STATUSES).default('pending'),
  isSample: z.boolean().default(false),
});
export type ArtisanInput = z.input<typeof artisanInputSchema>;

export interface Artisan {
  id: string;
  slug: string;
  name: string;
  workshop: string;
  region: string;
  place: string;
  bio: Localized;
  certifications: Certification[];
  whatsapp: string | null;
  email: string | null;
  status: (typeof ARTISAN_STATUSES)[number];
  isSample: boolean;
  createdAt: Date;
}

export const productInputSchema = z
  .strictObject({
    slug: slugSchema.max(120),
    artisanId: z.uuid(),
    title: z.strictObject({ id: titleText, en: englishTitle }),
    description: z.strictObject({ id: indonesianText, en: englishText }),
    motifs: z.array(slugSchema).min(1).max(5),
    technique: slugSchema,
    dye: z.enum(DYES),
    fabric: z.enum(FABRICS),
    category: z.enum(CATEGORIES),
    lengthCm: z.number().int().positive().max(1000).optional(),
    widthCm: z.number().int().positive().max(1000).optional(),
    weightGrams: z.number().int().positive().max(30_000),
    /** Integer rupiah. */
    priceIdr: z.number().int().min(1_000).max(1_000_000_000),
    stock: z.number().int().min(0).max(100_000),
    oneOfAKind: z.boolean().default(false),
    leadTimeDays: z.number().int().min(0).max(365).optional(),
    status: z.enum(PRODUCT_STATUSES).default('draft'),
    colors: z.array(hexColour).max(8).default([]),
    isSample: z.boolean().default(false),
  })
  .refine((p) => !p.oneOfAKind || p.stock <= 1, { message: 'a one-of-a-kind piece has a stock of 0 or 1', path: ['stock'] });
export type ProductInput = z.input<typeof productInputSchema>;

export interface ImageVariant {
  format: 'avif' | 'webp';
  width: number;
  height: number;
  /** Path under the media root, e.g. `ab/abcdef…-640.avif`. */
  path: string;
}

export interface ProductImage {
  id: string;
  position: number;
  imageKey: string;
  width: number;
  height: number;
  placeholder: string;
  dominantColors: string[];
  variants: ImageVariant[];
  alt: Localized;
}

export interface Product {
  id: string;
  slug: string;
  artisanId: string;
  title: Localized;
  description: Localized;
  motifs: string[];
  technique: string;
  dye: DyeKind;
  fabric: Fabric;
  category: Category;
  lengthCm: number | null;
  widthCm: number | null;
  weightGrams: number;
  priceIdr: number;
  stock: number;
  oneOfAKind: boolean;
  leadTimeDays: number | null;
  status: (typeof PRODUCT_STATUSES)[number];
  colors: string[];
  hidden: boolean;
  isSample: boolean;
  createdAt: Date;
  publishedAt: Date | null;
}

/** A product with what its page and cards show of its artisan and images. */
export interface ProductView extends Product {
  artisan: Pick<Artisan, 'slug' | 'name' | 'workshop' | 'region' | 'place' | 'whatsapp' | 'isSample'>;
  images: ProductImage[];
}
