/**
 * Schemas of the editorial content in `content/`.
 *
 * They are written once here, as plain zod, so that both Astro's content collections
 * (`src/content.config.ts`, where references become `reference()`) and plain vitest tests
 * (where references are slugs checked by `checkContentIntegrity`) use the same rules.
 *
 * Every reader-facing text is `Localized`: Indonesian first, English second, both required.
 */
import { z } from 'astro/zod';
import { NUL_MESSAGE, hasNul } from '../text.ts';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The collections and what each one's entries may reference. */
export const COLLECTIONS = ['regions', 'motifs', 'techniques', 'dyes', 'sentra', 'events', 'glossary'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
/**
 * The collections Astro loads and pages read from git. `sentra` and `events` are only the one-time
 * import's input now (src/lib/visit/import.ts): places and events live in the database.
 */
export const EDITORIAL_COLLECTIONS = ['regions', 'motifs', 'techniques', 'dyes', 'glossary'] as const satisfies readonly CollectionName[];
export type EditorialCollectionName = (typeof EDITORIAL_COLLECTIONS)[number];

/** Makes the schema of a reference to another collection: `reference()` in Astro, a slug in tests. */
export type RefFactory<R extends z.ZodType = z.ZodType> = (collection: CollectionName) => R;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase words joined by hyphens');

const text = z.string().trim().min(1).refine((s) => !hasNul(s), NUL_MESSAGE);

/** A text in both languages; neither may be empty. */
export const localizedSchema = z.strictObject({ id: text, en: text });
export type Localized = z.infer<typeof localizedSchema>;

/**
 * A news report the brief holds only as text, with no known URL (docs/batik-facts.md §0):
 * `seed:` and the name of its file in the brief's `seeds/` folder, e.g. `seed:001_0095a07b9ff065cf`.
 * Pages show it as outlet and date (src/lib/content/sources.ts), without a link.
 */
export const SEED_SOURCE = /^seed:(\d{3}_[0-9a-f]{16})$/;

/** One source: a web address, or a seed article (`seed:…`). */
export const sourceSchema = z.union([
  z.string().regex(SEED_SOURCE, 'a seed source is seed:NNN_hash, the name of its file in seeds/'),
  z.url({ protocol: /^https?$/ }),
]);

/**
 * Where a statement comes from. Every URL must appear in `docs/batik-facts.md` (or in the sources
 * checked after it, `docs/sources-checked.md`); every seed source must be one the brief names.
 */
export const sourcesSchema = z.array(sourceSchema).min(1, 'at least one source');

export const coordinatesSchema = z.strictObject({
  lat: z.number().min(-11.5).max(6.5),
  lng: z.number().min(94).max(141.5),
  /**
   * True when the point marks the town or district rather than the building itself; `region` when
   * no source gives a better point than the region's centre: pages then link a map search of the
   * address instead of the point and claim no geo coordinates.
   */
  approximate: z.union([z.boolean(), z.literal('region')]).default(false),
});
export type Coordinates = z.infer<typeof coordinatesSchema>;

const hexSchema = z.string().regex(/^#[0-9a-f]{6}$/, 'a colour is #rrggbb in lowercase');

export const paletteSchema = z
  .array(z.strictObject({ hex: hexSchema, name: localizedSchema }))
  .min(3, 'a palette has a ground colour and at least two motif colours');

/** How sure the sources are about an entry, after the tags of batik-facts.md. */
export const certaintySchema = z.enum(['confirmed', 'partly-confirmed', 'unconfirmed']);

export function makeSchemas<R extends z.ZodType>(ref: RefFactory<R>) {
  const regions = z.strictObject({
    name: text,
    province: localizedSchema,
    island: z.enum(['sumatra', 'java']),
    coordinates: coordinatesSchema,
    summary: localizedSchema,
    story: localizedSchema,
    signatureMotifs: z.array(ref('motifs')).min(2),
    sources: sourcesSchema,
  });

  const motifs = z.strictObject({
    name: localizedSchema,
    region: ref('regions'),
    /** What the motif shows. */
    depicts: localizedSchema,
    meaning: localizedSchema,
    history: localizedSchema,
    /** palette[0] is the ground (background) colour; the rest are the motif's colours, most used first. */
    palette: paletteSchema,
    /** Whether the palette is sourced or an artist's reading of the motif. */
    paletteSourced: z.boolean(),
    techniques: z.array(ref('techniques')).min(1),
    related: z.array(ref('motifs')).default([]),
    synonyms: z.strictObject({ id: z.array(text).min(1), en: z.array(text).min(1) }),
    certainty: certaintySchema,
    /**
     * What the sources leave open, said once, next to the certainty tag and the sources: the
     * hedges live here rather than as a refrain in depicts/meaning/history. Required unless
     * the motif is fully confirmed (checked in integrity.ts).
     */
    certaintyNote: localizedSchema.optional(),
    sources: sourcesSchema,
  });

  const techniques = z.strictObject({
    name: localizedSchema,
    /** False for printed cloth (tiruan batik, SNI 8184:2015) and for non-wax crafts. */
    isBatik: z.boolean(),
    batikmark: z.enum(['gold', 'white', 'silver']).nullable(),
    summary: localizedSchema,
    description: localizedSchema,
    howToRecognise: localizedSchema,
    order: z.number().int(),
    sources: sourcesSchema,
  });

  const dyes = z.strictObject({
    name: localizedSchema,
    kind: z.enum(['natural', 'synthetic']),
    summary: localizedSchema,
    description: localizedSchema,
    sources: sourcesSchema,
  });

  const sentra = z.strictObject({
    name: text,
    kind: z.enum(['museum', 'sentra', 'workshop', 'gallery']),
    region: ref('regions'),
    address: text,
    coordinates: coordinatesSchema,
    description: localizedSchema,
    /** What a visitor can do there. */
    activities: localizedSchema,
    hours: localizedSchema.optional(),
    tickets: localizedSchema.optional(),
    sources: sourcesSchema,
  });

  const events = z
    .strictObject({
      name: localizedSchema,
      region: ref('regions').optional(),
      place: ref('sentra').optional(),
      /** Where it happens when that is not one of our places (a stadium, a town square). */
      venue: text.optional(),
      /** ISO dates; for a yearly event, the most recent sourced occurrence. */
      startDate: z.iso.date(),
      endDate: z.iso.date(),
      recurrence: z.enum(['yearly', 'varies', 'once']),
      description: localizedSchema,
      sources: sourcesSchema,
    })
    .refine((e) => e.endDate >= e.startDate, { message: 'endDate is before startDate', path: ['endDate'] });

  const glossary = z.strictObject({
    term: text,
    definition: localizedSchema,
    seeAlso: z.array(ref('glossary')).default([]),
    sources: sourcesSchema,
  });

  return { regions, motifs, techniques, dyes, sentra, events, glossary } satisfies Record<CollectionName, z.ZodType>;
}

/** The schemas with references as plain slugs: for tests and scripts outside Astro. */
export const plainSchemas = makeSchemas(() => slugSchema);

export type Region = z.infer<typeof plainSchemas.regions>;
export type Motif = z.infer<typeof plainSchemas.motifs>;
export type Technique = z.infer<typeof plainSchemas.techniques>;
export type Dye = z.infer<typeof plainSchemas.dyes>;
export type Sentra = z.infer<typeof plainSchemas.sentra>;
export type BatikEvent = z.infer<typeof plainSchemas.events>;
export type GlossaryEntry = z.infer<typeof plainSchemas.glossary>;
