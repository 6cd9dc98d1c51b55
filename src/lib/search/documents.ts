/**
 * Pure mappers from the catalogue to what the search engines index, and the synonym groups
 * taken from the content. No I/O: the indexer (and tests) pass everything in.
 */
import type { Entry } from '../catalogue/catalogue.ts';
import type { GlossaryEntry, Localized, Motif } from '../catalogue/schemas.ts';
import type { ProductView } from '../catalogue/store-model.ts';
import { MEDIA_PREFIX } from '../images/picture.ts';
import { colourFamilies } from './colour-family.ts';
import { normalizeText } from './query-rules.ts';
import type { SearchDocument, SynonymGroups } from './types.ts';

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

/** What a product document needs to know about motifs: their names, by slug. */
export type MotifNames = readonly { id: string; name: Localized }[] | ReadonlyMap<string, Localized>;

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
  const colors =
    extras.colorFamilies ?? colourFamilies(product.colors.length > 0 ? product.colors : (cover?.dominantColors ?? []));
  return {
    id: productDocumentId(product.slug),
    kind: 'product',
    slug: product.slug,
    title: { id: product.title.id, en: product.title.en },
    description: { id: product.description.id, en: product.description.en },
    motifs: [...product.motifs],
    motifNames: namesOf(extras.motifs, product.motifs),
    region: product.artisan.region,
    technique: product.technique,
    category: product.category,
    colors: [...new Set(colors)],
    priceIdr: product.priceIdr,
    inStock: product.stock > 0,
    createdAt: (product.publishedAt ?? product.createdAt).getTime(),
    imageUrl: coverUrl(product) ?? (firstMotif ? motifTileUrl(firstMotif) : ''),
    artisan: { slug: product.artisan.slug, name: product.artisan.name },
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
  return {
    id: motifDocumentId(motif.id),
    kind: 'motif',
    slug: motif.id,
    title: { id: motif.name.id, en: motif.name.en },
    description: { id: motif.depicts.id, en: motif.depicts.en },
    motifs: [motif.id],
    motifNames: [...new Set([motif.name.id, motif.name.en])],
    region: motif.region,
    colors: colourFamilies(motif.palette.map((p) => p.hex)),
    createdAt: options.createdAt ?? 0,
    imageUrl: motifTileUrl(motif.id),
  };
}

/** "Kopi Semende (coffee)" → ["Kopi Semende", "coffee"]; "(eagle, dragon)" gives each word. */
function nameVariants(name: string): string[] {
  const out: string[] = [];
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (!m) return [name];
  out.push(m[1]!);
  for (const part of m[2]!.split(',')) out.push(part.replace(/^\s*(the|a|an)\s+/i, ''));
  return out;
}

const EQUIVALENT_PHRASES = ['another name for', 'also called', 'nama lain dari', 'nama lain', 'disebut juga'];

/**
 * Synonym groups from the content:
 * - one group per motif: its slug's words, its names in both languages (a parenthesised English
 *   gloss such as "Kopi Semende (coffee)" counts as its own entry) and all its synonyms;
 * - one group per glossary term that has another name: the term, its slug's words when they
 *   differ ("pelangi" for "kain pelangi"), and any other glossary term its definition names as an
 *   equivalent ("another name for kain panjang", "also called jarik", "nama lain …",
 *   "disebut juga …"). English glosses inside definitions are not mined: too loose to trust.
 * Entries are normalised (lowercase, no diacritics, hyphens as spaces) and deduplicated.
 */
export function buildSynonyms(
  motifs: readonly Entry<Motif>[],
  glossary: readonly Entry<GlossaryEntry>[] = [],
): SynonymGroups {
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

  for (const motif of motifs) {
    push([
      motif.id.replaceAll('-', ' '),
      ...nameVariants(motif.name.id),
      ...nameVariants(motif.name.en),
      ...motif.synonyms.id,
      ...motif.synonyms.en,
    ]);
  }

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
