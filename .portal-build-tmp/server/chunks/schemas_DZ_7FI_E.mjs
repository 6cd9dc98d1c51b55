import { t as mod } from "./zod_lkTcRd8k.mjs";
// src/lib/catalogue/schemas.ts
/**
* Schemas of the editorial content in `content/`.
*
* They are written once here, as plain zod, so that both Astro's content collections
* (`src/content.config.ts`, where references become `reference()`) and plain vitest tests
* (where references are slugs checked by `checkContentIntegrity`) use the same rules.
*
* Every reader-facing text is `Localized`: Indonesian first, English second, both required.
*/
var LANGS = ["id", "en"];
/** The collections and what each one's entries may reference. */
var COLLECTIONS = [
	"regions",
	"motifs",
	"techniques",
	"dyes",
	"sentra",
	"events",
	"glossary"
];
var slugSchema = mod.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lowercase words joined by hyphens");
var text = mod.string().trim().min(1);
/** A text in both languages; neither may be empty. */
var localizedSchema = mod.strictObject({
	id: text,
	en: text
});
/** Where a statement comes from. Every URL must appear in `docs/batik-facts.md`. */
var sourcesSchema = mod.array(mod.url()).min(1, "at least one source");
var coordinatesSchema = mod.strictObject({
	lat: mod.number().min(-11.5).max(6.5),
	lng: mod.number().min(94).max(141.5),
	/** True when the point marks the town or district rather than the building itself. */
	approximate: mod.boolean().default(false)
});
var hexSchema = mod.string().regex(/^#[0-9a-f]{6}$/, "a colour is #rrggbb in lowercase");
var paletteSchema = mod.array(mod.strictObject({
	hex: hexSchema,
	name: localizedSchema
})).min(3, "a palette has a ground colour and at least two motif colours");
/** How sure the sources are about an entry, after the tags of batik-facts.md. */
var certaintySchema = mod.enum([
	"confirmed",
	"partly-confirmed",
	"unconfirmed"
]);
function makeSchemas(ref) {
	return {
		regions: mod.strictObject({
			name: text,
			province: localizedSchema,
			island: mod.enum(["sumatra", "java"]),
			coordinates: coordinatesSchema,
			summary: localizedSchema,
			story: localizedSchema,
			signatureMotifs: mod.array(ref("motifs")).min(2),
			sources: sourcesSchema
		}),
		motifs: mod.strictObject({
			name: localizedSchema,
			region: ref("regions"),
			/** What the motif shows. */
			depicts: localizedSchema,
			meaning: localizedSchema,
			history: localizedSchema,
			/** palette[0] is the ground (background) colour; the rest are the motif's colours, most used first. */
			palette: paletteSchema,
			/** Whether the palette is sourced or an artist's reading of the motif. */
			paletteSourced: mod.boolean(),
			techniques: mod.array(ref("techniques")).min(1),
			related: mod.array(ref("motifs")).default([]),
			synonyms: mod.strictObject({
				id: mod.array(text).min(1),
				en: mod.array(text).min(1)
			}),
			certainty: certaintySchema,
			sources: sourcesSchema
		}),
		techniques: mod.strictObject({
			name: localizedSchema,
			/** False for printed cloth (tiruan batik, SNI 8184:2015) and for non-wax crafts. */
			isBatik: mod.boolean(),
			batikmark: mod.enum([
				"gold",
				"white",
				"silver"
			]).nullable(),
			summary: localizedSchema,
			description: localizedSchema,
			howToRecognise: localizedSchema,
			order: mod.number().int(),
			sources: sourcesSchema
		}),
		dyes: mod.strictObject({
			name: localizedSchema,
			kind: mod.enum(["natural", "synthetic"]),
			summary: localizedSchema,
			description: localizedSchema,
			sources: sourcesSchema
		}),
		sentra: mod.strictObject({
			name: text,
			kind: mod.enum([
				"museum",
				"sentra",
				"workshop",
				"gallery"
			]),
			region: ref("regions"),
			address: text,
			coordinates: coordinatesSchema,
			description: localizedSchema,
			/** What a visitor can do there. */
			activities: localizedSchema,
			hours: localizedSchema.optional(),
			tickets: localizedSchema.optional(),
			sources: sourcesSchema
		}),
		events: mod.strictObject({
			name: localizedSchema,
			region: ref("regions").optional(),
			place: ref("sentra").optional(),
			/** ISO dates; for a yearly event, the most recent sourced occurrence. */
			startDate: mod.iso.date(),
			endDate: mod.iso.date(),
			recurrence: mod.enum([
				"yearly",
				"varies",
				"once"
			]),
			description: localizedSchema,
			sources: sourcesSchema
		}).refine((e) => e.endDate >= e.startDate, {
			message: "endDate is before startDate",
			path: ["endDate"]
		}),
		glossary: mod.strictObject({
			term: text,
			definition: localizedSchema,
			seeAlso: mod.array(ref("glossary")).default([]),
			sources: sourcesSchema
		})
	};
}
makeSchemas(() => slugSchema);
export { slugSchema as i, LANGS as n, localizedSchema as r, COLLECTIONS as t };
