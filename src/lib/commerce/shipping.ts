/**
 * Shipping: zones, chargeable weight and courier quotes from the rate table in
 * `content/shipping.yaml` (SAMPLE figures; see its header and docs/batik-facts.md §6.3).
 *
 * The fee is a per-kg rate, set by the origin island and the destination zone, times the
 * chargeable weight. Money is integer rupiah everywhere.
 *
 * Astro reads `content/` at build time, but checkout quotes on the server at runtime, so the table
 * is parsed here from YAML text (`loadShippingTable`) or read from disk (`readShippingTable`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { AppError } from '../errors.ts';

/** Destination zones. Any country other than Indonesia is `abroad`. */
export const ZONES = ['java', 'sumatra', 'other-islands', 'abroad'] as const;
export type Zone = (typeof ZONES)[number];

/** Islands artisans ship from: the `island` of a region in `content/regions/`. */
export const ORIGIN_ISLANDS = ['java', 'sumatra'] as const;
export type OriginIsland = (typeof ORIGIN_ISLANDS)[number];

/** Standard parcel services divide L×W×H (cm) by 6000 to get the volumetric weight in kg. */
export const VOLUMETRIC_DIVISOR = 6000;
/**
 * Excess over a whole kilo that is still rounded down (JNE's and TIKI's rule). Couriers differ
 * (0.2–0.49 kg); we apply this one threshold to every courier so quotes are comparable.
 */
export const ROUNDING_TOLERANCE_KG = 0.3;

const text = z.string().trim().min(1);
const zoneSchema = z.enum(ZONES);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a courier id is lowercase words joined by hyphens');

const rateSchema = z.strictObject({
  /** Rupiah per chargeable kilogram. */
  perKgIdr: z.number().int().positive(),
  /** [min, max] working days, an estimate. */
  etaDays: z
    .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
    .refine(([min, max]) => min <= max, 'etaDays is [min, max] with min ≤ max'),
});
export type ShippingRate = z.infer<typeof rateSchema>;

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

const courierSchema = z.strictObject({
  id: slug,
  name: text,
  /** Where a buyer follows a parcel: the courier's tracking page, and a checked direct URL with {resi} if any. */
  tracking: z.strictObject({
    page: httpsUrl,
    numberUrl: httpsUrl.refine((u) => u.includes('%7Bresi%7D') || u.includes('{resi}'), 'must contain {resi}, where the tracking number goes').optional(),
  }),
  /** rates[origin][zone]; a zone that is absent is not served from that origin. */
  rates: z.partialRecord(z.enum(ORIGIN_ISLANDS), z.partialRecord(zoneSchema, rateSchema)),
});
export type Courier = z.infer<typeof courierSchema>;

/** Normalises a province name for lookup: case, spacing and dots do not matter. */
export function normaliseProvince(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
}

/** The whole rate table, as `content/shipping.yaml` holds it. */
export const shippingTableSchema = z
  .strictObject({
    /** Shown next to quotes: says the figures are samples. */
    note: z.strictObject({ id: text, en: text }),
    provinces: z
      .array(z.strictObject({ name: text, zone: zoneSchema.exclude(['abroad']) }))
      .min(1),
    couriers: z.array(courierSchema).min(1),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.provinces.forEach((p, i) => {
      const key = normaliseProvince(p.name);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['provinces', i, 'name'], message: `province "${p.name}" is listed twice` });
      seen.add(key);
    });
    const ids = new Set<string>();
    table.couriers.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['couriers', i, 'id'], message: `courier "${c.id}" is listed twice` });
      ids.add(c.id);
    });
  });

/** A validated rate table plus a province index for lookups. */
export type ShippingTable = z.infer<typeof shippingTableSchema> & {
  /** normalised province name → zone */
  readonly provinceIndex: ReadonlyMap<string, Exclude<Zone, 'abroad'>>;
};

/**
 * Validates already-parsed data (e.g. from YAML) as a rate table.
 * @throws AppError('internal') listing every problem: the table is our configuration, not user input.
 */
export function parseShippingTable(data: unknown): ShippingTable {
  const parsed = shippingTableSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(table)'}: ${i.message}`).join('; ');
    throw new AppError('internal', `The shipping rate table is invalid: ${detail}`, { hint: 'fix content/shipping.yaml' });
  }
  const provinceIndex = new Map(parsed.data.provinces.map((p) => [normaliseProvince(p.name), p.zone] as const));
  return { ...parsed.data, provinceIndex };
}

/**
 * Parses the YAML text of `content/shipping.yaml` and validates it.
 * @throws AppError('internal') when the YAML is malformed or the table is invalid.
 */
export function loadShippingTable(yamlText: string): ShippingTable {
  let data: unknown;
  try {
    data = yaml.load(yamlText);
  } catch (error) {
    throw new AppError('internal', `The shipping rate table is not valid YAML: ${(error as Error).message}`, {
      cause: error,
      hint: 'fix content/shipping.yaml',
    });
  }
  return parseShippingTable(data);
}

const cache = new Map<string, ShippingTable>();

/**
 * Reads `<contentDir>/shipping.yaml` with node:fs and parses it; cached per process (per directory).
 * @throws AppError('internal') when the file is missing or invalid.
 */
export function readShippingTable(contentDir: string): ShippingTable {
  const file = join(resolve(contentDir), 'shipping.yaml');
  const cached = cache.get(file);
  if (cached) return cached;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('internal', `Cannot read the shipping rate table ${file}`, { cause: error });
  }
  const table = loadShippingTable(source);
  cache.set(file, table);
  return table;
}

/**
 * The zone a destination falls in. A country other than Indonesia ('ID') is `abroad` whatever the
 * province; in Indonesia the province must be one of the table's (case and spacing do not matter).
 * @throws AppError('invalid') for a malformed country code or an unknown province.
 */
export function provinceZone(table: ShippingTable, province: string, country: string): Zone {
  const cc = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc)) {
    throw new AppError('invalid', `Country must be a two-letter ISO code such as "ID", not "${country}"`);
  }
  if (cc !== 'ID') return 'abroad';
  const zone = table.provinceIndex.get(normaliseProvince(province));
  if (!zone) {
    throw new AppError('invalid', `Unknown province "${province}": choose one of Indonesia's ${table.provinces.length} provinces, e.g. "Jawa Tengah"`);
  }
  return zone;
}

/** Parcel dimensions in centimetres. */
export interface ParcelDimensions {
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/** Where a buyer follows a shipped parcel. */
export interface TrackingLink {
  courierName: string;
  url: string;
  /** True when the URL already carries the tracking number; else the buyer enters it on the courier's page. */
  numberInUrl: boolean;
}

/** The tracking link for a parcel sent with `courierId`, or null for a courier the table does not know. */
export function trackingLink(table: ShippingTable, courierId: string, trackingNumber: string): TrackingLink | null {
  const courier = table.couriers.find((c) => c.id === courierId);
  if (!courier) return null;
  const template = courier.tracking.numberUrl;
  return template
    ? { courierName: courier.name, url: template.replace(/\{resi\}|%7Bresi%7D/, encodeURIComponent(trackingNumber)), numberInUrl: true }
    : { courierName: courier.name, url: courier.tracking.page, numberInUrl: false };
}

/** The rate table of this site: `content/shipping.yaml` under the working directory, read once. */
export function siteShippingTable(): ShippingTable {
  return readShippingTable(join(process.cwd(), 'content'));
}

/**
 * The weight couriers charge for, in whole kilograms: the larger of the actual weight and the
 * volumetric weight (L×W×H ÷ 6000), at least 1 kg, rounded down when the excess over a whole kilo
 * is at most 0.3 kg and up otherwise (1.3 kg → 1, 1.31 kg → 2). The JNE/TIKI rule, used for every
 * courier here.
 * @throws AppError('invalid') for a weight that is not positive or a dimension that is not positive.
 */
export function chargeableKg(weightGrams: number, dimensions?: ParcelDimensions): number {
  if (!Number.isFinite(weightGrams) || weightGrams <= 0) {
    throw new AppError('invalid', `A parcel weight must be a positive number of grams, not ${weightGrams}`);
  }
  let grams = weightGrams;
  if (dimensions) {
    const { lengthCm, widthCm, heightCm } = dimensions;
    for (const [name, value] of Object.entries({ lengthCm, widthCm, heightCm })) {
      if (!Number.isFinite(value) || value <= 0) {
        throw new AppError('invalid', `Parcel ${name} must be a positive number of centimetres, not ${value}`);
      }
    }
    // kg = L×W×H / 6000, so grams = L×W×H / 6.
    grams = Math.max(grams, (lengthCm * widthCm * heightCm * 1000) / VOLUMETRIC_DIVISOR);
  }
  const whole = Math.floor(grams / 1000);
  // Compare in grams to keep 1.3 kg exact (0.3 * 1000 is 300 exactly; 1.3 - 1 is not 0.3 in floats).
  const excessGrams = grams - whole * 1000;
  const kg = excessGrams <= ROUNDING_TOLERANCE_KG * 1000 ? whole : whole + 1;
  return Math.max(1, kg);
}

/** A courier that serves a route, with its rate. */
export interface AvailableCourier {
  courierId: string;
  name: string;
  perKgIdr: number;
  etaDays: [min: number, max: number];
}

/** The couriers that serve `zone` from `origin`, in the table's order. */
export function availableCouriers(table: ShippingTable, origin: OriginIsland, zone: Zone): AvailableCourier[] {
  const result: AvailableCourier[] = [];
  for (const courier of table.couriers) {
    const rate = courier.rates[origin]?.[zone];
    if (rate) result.push({ courierId: courier.id, name: courier.name, perKgIdr: rate.perKgIdr, etaDays: [...rate.etaDays] });
  }
  return result;
}

/** What to quote: one artisan's parcel to one destination by one courier. */
export interface ShippingQuoteRequest {
  originRegionIsland: OriginIsland;
  destinationProvince: string;
  /** ISO 3166-1 alpha-2; 'ID' for Indonesia. */
  country: string;
  /** Actual weight of the packed parcel, grams. */
  weightGrams: number;
  dimensions?: ParcelDimensions;
  courierId: string;
}

/** A shipping price in integer rupiah, with the zone and the estimated delivery days. */
export interface ShippingQuote {
  courierId: string;
  name: string;
  costIdr: number;
  zone: Zone;
  etaDays: [min: number, max: number];
  /** The whole kilograms charged for. */
  chargeableKg: number;
}

/**
 * Quotes one courier for one parcel: per-kg rate (origin island × destination zone) times the
 * chargeable weight, in integer rupiah.
 * @throws AppError('invalid') for an unknown origin, courier or province, or a courier that does not
 *   serve the destination zone from that origin (e.g. abroad by anything but POS Indonesia).
 */
export function quoteShipping(table: ShippingTable, request: ShippingQuoteRequest): ShippingQuote {
  const { originRegionIsland: origin, courierId } = request;
  if (!(ORIGIN_ISLANDS as readonly string[]).includes(origin)) {
    throw new AppError('invalid', `Unknown origin island "${origin}": artisans ship from ${ORIGIN_ISLANDS.join(' or ')}`);
  }
  const courier = table.couriers.find((c) => c.id === courierId);
  if (!courier) {
    throw new AppError('invalid', `Unknown courier "${courierId}": choose one of ${table.couriers.map((c) => c.id).join(', ')}`);
  }
  const zone = provinceZone(table, request.destinationProvince, request.country);
  const rate = courier.rates[origin]?.[zone];
  if (!rate) {
    const others = availableCouriers(table, origin, zone).map((c) => c.name);
    throw new AppError(
      'invalid',
      `${courier.name} does not ship to ${zone} from ${origin}` + (others.length ? `; choose ${others.join(' or ')}` : ''),
    );
  }
  const kg = chargeableKg(request.weightGrams, request.dimensions);
  return {
    courierId: courier.id,
    name: courier.name,
    costIdr: kg * rate.perKgIdr,
    zone,
    etaDays: [...rate.etaDays],
    chargeableKg: kg,
  };
}

/**
 * A courier's name as the rate table writes it ("JNE REG", "POS Indonesia") for its id ("jne"),
 * for every page and e-mail that says who carries a parcel; the id itself when the table has none
 * (a courier since removed from the table). Without a table, the site's `content/shipping.yaml`.
 */
export function courierName(id: string, table: ShippingTable = siteShippingTable()): string {
  return table.couriers.find((c) => c.id === id)?.name ?? id;
}
