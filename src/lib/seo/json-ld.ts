/**
 * schema.org JSON-LD builders for the cultural pages. Pure: they take plain data and absolute
 * URLs and return objects that the layout serialises into <script type="application/ld+json">.
 */
import type { Entry } from '../content/catalogue.ts';
import type { BatikEvent, Lang, Sentra } from '../content/schemas.ts';

export interface Crumb {
  name: string;
  url: string;
}

export function breadcrumbList(crumbs: readonly Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

export function touristAttraction(place: Entry<Sentra>, lang: Lang, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': place.kind === 'museum' ? ['TouristAttraction', 'Museum'] : 'TouristAttraction',
    name: place.name,
    description: place.description[lang],
    url,
    address: { '@type': 'PostalAddress', streetAddress: place.address, addressCountry: 'ID' },
    // A pin at the region's centre is not the place's position: claiming it as geo would mislead.
    ...(place.coordinates.approximate === 'region' ? {} : { geo: { '@type': 'GeoCoordinates', latitude: place.coordinates.lat, longitude: place.coordinates.lng } }),
    ...(place.hours ? { openingHours: place.hours[lang] } : {}),
    isAccessibleForFree: false,
  };
}

export function batikEvent(event: Entry<BatikEvent>, lang: Lang, url: string, location: { name: string; address: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.name[lang],
    description: event.description[lang],
    startDate: event.startDate,
    endDate: event.endDate,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    url,
    location: { '@type': 'Place', name: location.name, address: { '@type': 'PostalAddress', streetAddress: location.address, addressCountry: 'ID' } },
  };
}

/** Serialises JSON-LD for an inline script: `<` is escaped so text can never close the tag. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface ProductLd {
  name: string;
  description: string;
  url: string;
  images: string[];
  sku: string;
  priceIdr: number;
  stock: number;
  leadTimeDays: number | null;
  seller: string;
  category: string;
}

/** schema.org Product with one Offer priced in whole rupiah (IDR). */
export function productJsonLd(p: ProductLd) {
  const availability =
    p.stock > 0 ? 'https://schema.org/InStock' : p.leadTimeDays ? 'https://schema.org/MadeToOrder' : 'https://schema.org/OutOfStock';
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description,
    sku: p.sku,
    image: p.images,
    category: p.category,
    url: p.url,
    offers: {
      '@type': 'Offer',
      url: p.url,
      priceCurrency: 'IDR',
      price: String(p.priceIdr),
      availability,
      itemCondition: 'https://schema.org/NewCondition',
      seller: { '@type': 'Organization', name: p.seller },
    },
  };
}

/** What a batik class's Event JSON-LD says (decision 015). */
export interface ClassEventLd {
  name: string;
  description: string;
  url: string;
  /** ISO 8601 with the place's offset, e.g. 2026-12-12T09:00:00+07:00. */
  startDate: string;
  endDate: string;
  cancelled: boolean;
  inLanguage: string[];
  location: { name: string; address: string };
  priceIdr: number;
  seats: number;
  seatsLeft: number;
  /** Still bookable (scheduled and to come). */
  onSale: boolean;
}

/** schema.org Event of a batik class, with one Offer whose availability follows the seats left. */
export function classEventJsonLd(c: ClassEventLd) {
  const availability = !c.onSale || c.seatsLeft === 0 ? 'https://schema.org/SoldOut' : c.seatsLeft <= 3 ? 'https://schema.org/LimitedAvailability' : 'https://schema.org/InStock';
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: c.name,
    description: c.description,
    startDate: c.startDate,
    endDate: c.endDate,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: c.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    inLanguage: c.inLanguage,
    url: c.url,
    maximumAttendeeCapacity: c.seats,
    remainingAttendeeCapacity: c.seatsLeft,
    location: { '@type': 'Place', name: c.location.name, address: { '@type': 'PostalAddress', streetAddress: c.location.address, addressCountry: 'ID' } },
    organizer: { '@type': 'Organization', name: c.location.name },
    offers: { '@type': 'Offer', url: c.url, priceCurrency: 'IDR', price: String(c.priceIdr), availability },
  };
}
