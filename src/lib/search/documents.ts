/**
 * Pure mappers from the catalogue to what the search engines index, and the synonym groups
 * taken from the content. No I/O: the indexer (and tests) pass everything in.
 */
import type { Entry } from '../content/catalogue.ts';
import type { GlossaryEntry, Localized, Motif } from '../content/schemas.ts';
import { CATEGORY_NAMES, FABRIC_NAMES, type Category, type Fabric, type ProductView } from '../store/model.ts';
import { MEDIA_PREFIX } from '../images/picture.ts';
import { COLOUR_FAMILIES, colourFamilies } from './colour-family.ts';
import { normalizeText } from './query-rules.ts';
import type { SearchDocument, SynonymGroups } from './types.ts';
import { textIn } from '../i18n/index.ts';

/** The search document id of a product: `product-<slug>`. */
export function productDocumentId(slug: string): string {
  return `product-${slug}`;
}

/** The search document id of a motif: `motif-<slug>`. */
export function motifDocumentId(slug: string): string {
  return `motif-${slug}`;
}

/** A motif's generated tile, used as its card picture and as a product's when it has no photo. */
export function motifTileUrl(slug: string): string {
  return `/art/motifs/${slug}.svg`;
}

/**
 * What a product document needs to know about motifs: their names (and, from the catalogue, their
 * synonyms), by slug.
 */
export type MotifNames =
  | readonly { id: string; name: Localized; synonyms?: { id: readonly string[]; en: readonly string[] } }[]
  | ReadonlyMap<string, Localized>;

/**
 * A technique in shoppers' words, both languages (content/techniques names, and the plain English
 * a shopper types: "hand-drawn batik", "tie-dye"). An unknown slug is searched by its own words.
 */
export const TECHNIQUE_WORDS: Readonly<Record<string, readonly string[]>> = {
  tulis: ['batik tulis', 'hand-drawn batik'],
  cap: ['batik cap', 'stamped batik'],
  kombinasi: ['batik kombinasi', 'stamped and hand-drawn batik'],
  jumputan: ['jumputan', 'kain pelangi', 'tie-dye'],
  songket: ['songket', 'woven cloth'],
  printing: ['printing', 'tiruan batik', 'imitation batik'],
  colet: ['colet', 'brushed colour'],
  'eco-print': ['eco-print'],
};

const COLOUR_WORDS = new Map(COLOUR_FAMILIES.map((f) => [f.id, [f.name.id, f.name.en]]));
const words = (slug: string) => slug.replaceAll('-', ' ');

/**
 * The words of a document's structured fields, both languages: category, technique, fabric,
 * colour families and region. A product's category, technique and fabric are what its title
 * usually says in one language; here they count in both.
 */
export function structuredWords(fields: { category?: string | undefined; technique?: string | undefined; fabric?: string | undefined; colors: readonly string[]; region: string }): string[] {
  const out: string[] = [];
  if (fields.category) {
    const name = CATEGORY_NAMES[fields.category as Category];
    out.push(...(name ? [name.id, name.en] : [words(fields.category)]));
  }
  if (fields.technique) out.push(...(TECHNIQUE_WORDS[fields.technique] ?? [words(fields.technique)]));
  if (fields.fabric) {
    const name = FABRIC_NAMES[fields.fabric as Fabric];
    out.push(...(name ? [name.id, name.en] : [words(fields.fabric)]));
  }
  for (const colour of fields.colors) out.push(...(COLOUR_WORDS.get(colour) ?? [words(colour)]));
  if (fields.region) out.push(words(fields.region));
  return [...new Set(out)];
}

function synonymsOf(motifs: MotifNames, slugs: readonly string[]): string[] {
  if (motifs instanceof Map) return [];
  const out: string[] = [];
  for (const slug of slugs) {
    const motif = (motifs as Exclude<MotifNames, ReadonlyMap<string, Localized>>).find((m) => m.id === slug);
    if (motif?.synonyms) out.push(...motif.synonyms.id, ...motif.synonyms.en);
  }
  return [...new Set(out)];
}

export interface ProductDocumentExtras {
  /** The motif catalogue (or its names by slug); an unknown slug is searched by its own words. */
  motifs: MotifNames;
  /**
   * Colour families for the colour facet. Defaults to the families of the product's own colours,
   * or, when it lists none, of its cover image's dominant colours.
   */
  colorFamilies?: readonly string[];
}

function motifName(motifs: MotifNames, slug: string): Localized | undefined {
  if (motifs instanceof Map) return motifs.get(slug);
  return (motifs as readonly { id: string; name: Localized }[]).find((m) => m.id === slug)?.name;
}

function namesOf(motifs: MotifNames, slugs: readonly string[]): string[] {
  const names: string[] = [];
  for (const slug of slugs) {
    const name = motifName(motifs, slug);
    if (name) names.push(name.id, name.en);
    else names.push(slug.replaceAll('-', ' '));
  }
  return [...new Set(names)];
}

/** The cover (lowest position) image's smallest WebP as a `/media/…` URL, if there is one. */
function coverUrl(product: ProductView): string | null {
  const cover = [...product.images].sort((a, b) => a.position - b.position)[0];
  const webp = cover?.variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width)[0];
  return webp ? `${MEDIA_PREFIX}${webp.path}` : null;
}

/**
 * A product as a search document. The caller decides what is public (active, not hidden, an
 * approved artisan); this only maps. `createdAt` is when the product was published, or created
 * when it never was, so "newest" follows what shoppers see appear.
 */
export function productToDocument(product: ProductView, extras: ProductDocumentExtras): SearchDocument {
  const firstMotif = product.motifs[0];
  const cover = [...product.images].sort((a, b) => a.position - b.position)[0];
  const colors = [
    ...new Set(extras.colorFamilies ?? colourFamilies(product.colors.length > 0 ? product.colors : (cover?.dominantColors ?? []))),
  ];
  return {
    id: productDocumentId(product.slug),
    kind: 'product',
    slug: product.slug,
    // Not translated yet: the English index finds the piece by its Indonesian title.
    title: { id: product.title.id, en: textIn(product.title, 'en') },
    description: { id: product.description.id, en: product.description.en },
    motifs: [...product.motifs],
    motifNames: namesOf(extras.motifs, product.motifs),
    tags: structuredWords({ category: product.category, technique: product.technique, fabric: product.fabric, colors, region: product.artisan.region }),
    motifSynonyms: synonymsOf(extras.motifs, product.motifs),
    maker: [product.artisan.workshop, product.artisan.place].filter((w) => typeof w === 'string' && w.length > 0),
    region: product.artisan.region,
    technique: product.technique,
    category: product.category,
    colors,
    priceIdr: product.priceIdr,
    inStock: product.stock > 0,
    createdAt: (product.publishedAt ?? product.createdAt).getTime(),
    imageUrl: coverUrl(product) ?? (firstMotif ? motifTileUrl(firstMotif) : ''),
    // Shoppers buy from a workshop: the name on cards, cart and orders is the workshop's.
    artisan: { slug: product.artisan.slug, name: product.artisan.workshop },
  };
}

export interface MotifDocumentOptions {
  /** Epoch ms for the newest sort among motifs; content has no date, so 0 unless given. */
  createdAt?: number;
}

/**
 * A motif of the cultural catalogue as a search document: its name is the title, what it
 * depicts the description, its palette's families the colours.
 */
export function motifToDocument(motif: Entry<Motif>, options: MotifDocumentOptions = {}): SearchDocument {
  const colors = colourFamilies(motif.palette.map((p) => p.hex));
  return {
    id: motifDocumentId(motif.id),
    kind: 'motif',
    slug: motif.id,
    title: { id: motif.name.id, en: motif.name.en },
    description: { id: motif.depicts.id, en: motif.depicts.en },
    motifs: [motif.id],
    motifNames: [...new Set([motif.name.id, motif.name.en])],
    // No region words: a region's name finds its pieces first; the motif page is found by its name.
    tags: [],
    motifSynonyms: [...new Set([...motif.synonyms.id, ...motif.synonyms.en])],
    maker: [],
    region: motif.region,
    colors,
    createdAt: options.createdAt ?? 0,
    imageUrl: motifTileUrl(motif.id),
  };
}

const EQUIVALENT_PHRASES = ['another name for', 'also called', 'nama lain dari', 'nama lain', 'disebut juga'];

/**
 * Synonym groups from the glossary: one group per term that has another name: the term, its
 * slug's words when they differ ("pelangi" for "kain pelangi"), and any other glossary term its
 * definition names as an equivalent ("another name for kain panjang", "also called jarik",
 * "nama lain …", "disebut juga …"). English glosses inside definitions are not mined: too loose to
 * trust. Entries are normalised (lowercase, no diacritics, hyphens as spaces) and deduplicated.
 *
 * Motifs make no groups: their names and synonyms are indexed on their documents (`motifNames`,
 * `motifSynonyms`), so "lotus" finds the lotus motifs without making every lotus motif find the
 * others, and a motif's own name ranks above a synonym (issue #13: as groups, "gajah" found paksi
 * naga liman's pieces as readily as its own).
 */
export function buildSynonyms(glossary: readonly Entry<GlossaryEntry>[] = []): SynonymGroups {
  const groups: string[][] = [];
  const seen = new Set<string>();
  const push = (entries: string[]) => {
    const group = [...new Set(entries.map(normalizeText).filter((e) => e.length > 0))];
    if (group.length < 2) return;
    const key = [...group].sort().join('|');
    if (seen.has(key)) return;
    seen.add(key);
    groups.push(group);
  };

  const terms = glossary.map((g) => ({ entry: g, term: normalizeText(g.term) }));
  for (const { entry, term } of terms) {
    const definitions = ` ${normalizeText(entry.definition.id)} ${normalizeText(entry.definition.en)} `;
    const equivalents = terms
      .filter((other) => other.term !== term)
      .filter((other) => EQUIVALENT_PHRASES.some((phrase) => definitions.includes(` ${phrase} ${other.term} `)))
      .map((other) => other.term);
    push([term, entry.id.replaceAll('-', ' '), ...equivalents]);
  }
  return groups;
}
