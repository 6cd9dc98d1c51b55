/**
 * schema.org JSON-LD builders for the cultural pages. Pure: they take plain data and absolute
 * URLs and return objects that the layout serialises into <script type="application/ld+json">.
 */
import type { Lang } from '../content/schemas.ts';
import { textIn } from '../i18n/index.ts';
import type { Day, OpeningHours, Place, VisitEvent } from '../visit/schemas.ts';
import { eventInstants, type Occurrence } from '../visit/schedule.ts';

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

const DAY_URL: Record<Day, string> = {
  mo: 'https://schema.org/Monday',
  tu: 'https://schema.org/Tuesday',
  we: 'https://schema.org/Wednesday',
  th: 'https://schema.org/Thursday',
  fr: 'https://schema.org/Friday',
  sa: 'https://schema.org/Saturday',
  su: 'https://schema.org/Sunday',
};

/** A place's structured opening hours as schema.org OpeningHoursSpecification (times in the place's own zone). */
export function openingHoursSpecification(hours: readonly OpeningHours[]) {
  return hours.map((h) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: h.days.map((d) => DAY_URL[d]), opens: h.opens, closes: h.closes }));
}

/**
 * A place to visit: TouristAttraction (and Museum), with its address, its point unless that is only the
 * region's centre, its opening hours when structured, contact, links and photos (absolute URLs).
 */
export function touristAttraction(place: Place, lang: Lang, url: string, imageUrls: readonly string[] = []) {
  return {
    '@context': 'https://schema.org',
    '@type': place.kind === 'museum' ? ['TouristAttraction', 'Museum'] : 'TouristAttraction',
    name: textIn(place.name, lang),
    description: textIn(place.description, lang),
    url,
    address: { '@type': 'PostalAddress', streetAddress: place.address, addressCountry: 'ID' },
    // A pin at the region's centre is not the place's position: claiming it as geo would mislead.
    ...(place.coordinates.approximate === 'region' ? {} : { geo: { '@type': 'GeoCoordinates', latitude: place.coordinates.lat, longitude: place.coordinates.lng } }),
    ...(place.openingHours.length ? { openingHoursSpecification: openingHoursSpecification(place.openingHours) } : {}),
    ...(place.contact.phone ? { telephone: place.contact.phone } : {}),
    ...(place.contact.email ? { email: place.contact.email } : {}),
    ...(place.contact.website || place.links.length ? { sameAs: [place.contact.website, ...place.links].filter(Boolean) } : {}),
    ...(imageUrls.length ? { image: [...imageUrls] } : {}),
    isAccessibleForFree: false,
  };
}

const EVENT_STATUS = {
  scheduled: 'https://schema.org/EventScheduled',
  postponed: 'https://schema.org/EventPostponed',
  cancelled: 'https://schema.org/EventCancelled',
} as const;

/**
 * An event: its (next) dates with the zone's offset when it has times, where (one of our places or a
 * venue), eventStatus, organiser, photos, and an Offer — price in whole rupiah when known (0 = free),
 * available while the event is ahead and not cancelled.
 */
export function batikEvent(
  event: VisitEvent,
  lang: Lang,
  url: string,
  location: { name: string; address: string },
  when: Occurrence,
  imageUrls: readonly string[] = [],
) {
  const { start, end } = eventInstants(when, event);
  const available = when.upcoming && event.status !== 'cancelled';
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: textIn(event.name, lang),
    description: textIn(event.description, lang),
    startDate: start,
    endDate: end,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: EVENT_STATUS[event.status],
    url,
    location: { '@type': 'Place', name: location.name, address: { '@type': 'PostalAddress', streetAddress: location.address, addressCountry: 'ID' } },
    ...(event.organiser ? { organizer: { '@type': 'Organization', name: event.organiser, ...(event.link ? { url: event.link } : {}) } } : {}),
    ...(imageUrls.length ? { image: [...imageUrls] } : {}),
    ...(event.priceIdr === 0 ? { isAccessibleForFree: true } : {}),
    offers: {
      '@type': 'Offer',
      url: event.link ?? url,
      ...(event.priceIdr === undefined ? {} : { price: String(event.priceIdr), priceCurrency: 'IDR' }),
      availability: available ? 'https://schema.org/InStock' : 'https://schema.org/Discontinued',
    },
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
