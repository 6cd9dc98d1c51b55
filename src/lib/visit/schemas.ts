/**
 * The records of places to visit and events as the database keeps them (src/lib/visit/repository.ts):
 * validated on the way in (an organiser's draft) and on the way out (a row read back), so a page never
 * renders a record that breaks these rules.
 *
 * They extend the editorial `sentra` and `events` schemas of src/lib/content/schemas.ts (the YAML they
 * are imported from once, src/lib/visit/import.ts): names and texts are Indonesian-required,
 * English-optional (an empty English text means "not translated yet", as for pieces); opening hours
 * are structured days and times beside an optional note; tickets, contact, links and photos (keys of
 * the image pipeline's files); an event's dates carry a time zone (WIB, WITA, WIT), optional times, a
 * price in whole rupiah or free, an organiser and a link.
 *
 * Messages are Indonesian sentences: organisers work in Indonesian (the portal is Indonesian); they
 * are the organiser form's strings (`organiser.form.errors`, both languages, src/i18n/organiser.ts).
 */
import { z } from 'astro/zod';
import { slugSchema, sourceSchema } from '../content/schemas.ts';
import { NUL_MESSAGE, hasNul } from '../text.ts';
import { useStrings } from '../../i18n/index.ts';
import type { UiStrings } from '../../i18n/id.ts';

export type VisitMessage = keyof UiStrings['organiser']['form']['errors'];
/** A record's refusals in both languages, read from the organiser's form strings (the one string system). */
export const VISIT_MESSAGES = Object.fromEntries(
  (Object.keys(useStrings('id').organiser.form.errors) as VisitMessage[]).map((key) => [
    key,
    { id: useStrings('id').organiser.form.errors[key], en: useStrings('en').organiser.form.errors[key] },
  ]),
) as Record<VisitMessage, { id: string; en: string }>;
/** The records speak Indonesian (see above). */
const say = (key: VisitMessage) => VISIT_MESSAGES[key].id;

/** A text someone typed: trimmed, not empty, storable, at most `max` characters. */
const text = (max: number) =>
  z
    .string({ error: say('required') })
    .trim()
    .min(1, say('required'))
    .max(max, say('tooLong'))
    .refine((s) => !hasNul(s), NUL_MESSAGE);

/** Optional English: '' when not translated yet. */
const optionalText = (max: number) => z.string().trim().max(max, say('tooLong')).refine((s) => !hasNul(s), NUL_MESSAGE).default('');

/** A text in Indonesian (required) and English (optional, '' until translated). */
export const bilingual = (max: number) => z.strictObject({ id: text(max), en: optionalText(max) });
export type Bilingual = { id: string; en: string };

export const webUrlSchema = z.url({ protocol: /^https?$/, error: say('badUrl') }).max(500, say('tooLong'));

/**
 * A point in Indonesia: inside the country's bounding box (about 6°N to 11°S, 95°E to 141°E, with a
 * margin for the outer islands). `approximate` as in the editorial schema: true marks the town rather
 * than the building; `region` means no source gives a better point than the region's centre.
 */
export const indonesianCoordinatesSchema = z.strictObject({
  lat: z.number({ error: say('outsideIndonesia') }).min(-11.5, say('outsideIndonesia')).max(6.5, say('outsideIndonesia')),
  lng: z.number({ error: say('outsideIndonesia') }).min(94, say('outsideIndonesia')).max(141.5, say('outsideIndonesia')),
  approximate: z.union([z.boolean(), z.literal('region')]).default(false),
});

export const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Day = (typeof DAYS)[number];

const timeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, say('badTime'));

/** Opening hours of some days: `{ days: ['mo','tu','we','th'], opens: '08:00', closes: '16:00' }`. */
export const openingHoursSchema = z
  .strictObject({
    days: z.array(z.enum(DAYS)).min(1, say('noDays')).max(7),
    opens: timeSchema,
    closes: timeSchema,
  })
  .refine((h) => h.closes > h.opens, { message: say('closesBeforeOpens'), path: ['closes'] });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const contactSchema = z.strictObject({
  phone: z.string().trim().regex(/^\+?[0-9]{8,15}$/, say('badPhone')).optional(),
  whatsapp: z.string().trim().regex(/^\+?[0-9]{8,15}$/, say('badPhone')).optional(),
  email: z.email({ error: say('badEmail') }).max(320).optional(),
  website: webUrlSchema.optional(),
});
export type Contact = z.infer<typeof contactSchema>;

/**
 * A photo made by the image pipeline (src/lib/images/image-pipeline.ts `processImage`, then saved by the
 * media store): its content key, size, blur placeholder and variants, with its description.
 * `photoFromProcessed` (photos.ts) builds one.
 */
export const photoSchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{32}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  placeholder: z.string().startsWith('data:image/').max(4000),
  dominantColors: z.array(z.string().regex(/^#[0-9a-f]{6}$/)).max(5).default([]),
  variants: z
    .array(
      z.strictObject({
        format: z.enum(['avif', 'webp']),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        path: z.string().regex(/^[0-9a-f]{2}\/[0-9a-f]{32}-\d+\.(?:avif|webp)$/),
      }),
    )
    .min(1),
  alt: bilingual(300),
});
export type Photo = z.infer<typeof photoSchema>;

export const MAX_VISIT_PHOTOS = 8;
const photos = z.array(photoSchema).max(MAX_VISIT_PHOTOS, say('tooManyPhotos')).default([]);
const sources = z.array(sourceSchema).max(20).default([]);
const links = z.array(webUrlSchema).max(10).default([]);

export const PLACE_KINDS = ['museum', 'sentra', 'workshop', 'gallery'] as const;

/** A place to visit, as published or as a draft (its id and the row's bookkeeping are beside it). */
export const placeRecordSchema = z.strictObject({
  name: bilingual(160),
  kind: z.enum(PLACE_KINDS),
  region: slugSchema,
  address: text(300),
  coordinates: indonesianCoordinatesSchema,
  description: bilingual(4000),
  /** What a visitor can do there. */
  activities: bilingual(2000),
  /** Structured opening hours (for pages and JSON-LD); empty when unknown. */
  openingHours: z.array(openingHoursSchema).max(14).default([]),
  /** Free text about hours: holidays, seasons, "call first". */
  hoursNote: bilingual(1000).optional(),
  tickets: bilingual(1000).optional(),
  contact: contactSchema.default({}),
  links,
  sources,
  photos,
});
/** A place record as stored (defaults filled). */
export type PlaceRecord = z.infer<typeof placeRecordSchema>;
/** A place record as an organiser sends it. */
export type PlaceInput = z.input<typeof placeRecordSchema>;

/** Indonesia's three time zones: WIB, WITA, WIT. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type IndonesianTimeZone = (typeof TIME_ZONES)[number];
export const TIME_ZONE_LABEL: Record<IndonesianTimeZone, 'WIB' | 'WITA' | 'WIT'> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
/** The UTC offset of each zone (Indonesia keeps no daylight saving). */
export const TIME_ZONE_OFFSET: Record<IndonesianTimeZone, '+07:00' | '+08:00' | '+09:00'> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

const dateSchema = z.iso.date({ error: say('badDate') });

export const EVENT_STATUSES = ['scheduled', 'postponed', 'cancelled'] as const;

/**
 * An event, as published or as a draft. Its dates are calendar dates in `timeZone`; times are optional
 * (an all-day event has none). `priceIdr`: 0 is free, a positive whole number is the (lowest) ticket
 * price, absent is unknown. Held at one of our places (`place`) or at a `venue`, in a `region` (absent
 * for a national event).
 */
export const eventRecordSchema = z
  .strictObject({
    name: bilingual(160),
    region: slugSchema.optional(),
    place: slugSchema.optional(),
    venue: text(300).optional(),
    startDate: dateSchema,
    endDate: dateSchema,
    startTime: timeSchema.optional(),
    endTime: timeSchema.optional(),
    timeZone: z.enum(TIME_ZONES, { error: say('badTimeZone') }).default('Asia/Jakarta'),
    /** For a yearly event, the dates are its most recent sourced occurrence. */
    recurrence: z.enum(['yearly', 'varies', 'once']).default('once'),
    status: z.enum(EVENT_STATUSES).default('scheduled'),
    description: bilingual(4000),
    priceIdr: z.number({ error: say('wholeRupiah') }).int(say('wholeRupiah')).min(0, say('wholeRupiah')).max(1_000_000_000, say('wholeRupiah')).optional(),
    organiser: text(200).optional(),
    link: webUrlSchema.optional(),
    sources,
    photos,
  })
  .refine((e) => `${e.endDate}T${e.endTime ?? '23:59'}` >= `${e.startDate}T${e.startTime ?? '00:00'}`, {
    message: say('endBeforeStart'),
    path: ['endDate'],
    // Only when both dates are well-formed: a bad date has its own message.
    when: (payload) => {
      const v = payload.value as { startDate?: unknown; endDate?: unknown; startTime?: unknown; endTime?: unknown } | null;
      const date = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
      const time = (t: unknown) => t === undefined || (typeof t === 'string' && /^\d{2}:\d{2}$/.test(t));
      return date(v?.startDate) && date(v?.endDate) && time(v?.startTime) && time(v?.endTime);
    },
  });
export type EventRecord = z.infer<typeof eventRecordSchema>;
export type EventInput = z.input<typeof eventRecordSchema>;

/** A published place as pages read it. */
export type Place = PlaceRecord & { id: string };
/** A published event as pages read it. */
export type VisitEvent = EventRecord & { id: string };
