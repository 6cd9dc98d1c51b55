/**
 * Checks that hold across collections and that a schema alone cannot express:
 * references point at existing entries, sources are ones the facts brief lists,
 * regions' signature motifs belong to them, and the catalogue covers what it promises.
 */
import type { ContentProblem, LoadedContent } from './load-content.ts';
import type { CollectionName } from './schemas.ts';

export const REQUIRED = {
  regions: ['muara-enim', 'prabumulih', 'pekalongan', 'probolinggo', 'cirebon', 'lampung'],
  motifs: ['kopi', 'durian', 'tengkiang', 'meraje', 'nanas', 'jlamprang', 'buketan', 'manggur', 'mega-mendung', 'wadasan', 'siger'],
  techniques: ['tulis', 'cap', 'kombinasi', 'printing'],
  glossary: ['canting', 'malam', 'isen', 'tumpal', 'sentra', 'kain-panjang'],
  events: ['hari-batik-nasional'],
} as const satisfies Partial<Record<CollectionName, readonly string[]>>;

export const MIN_MOTIFS = 18;
export const MIN_MOTIFS_PER_REGION = 2;

const normalize = (text: string) =>
  text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

/**
 * What a motif is called: its slug's words, its names in both languages, each gloss of its English
 * name ("Paksi Naga Liman (eagle, dragon, elephant)" gives "eagle", "dragon", "elephant"), and,
 * as `words`, each word of its slug and Indonesian name ("naga", "teratai"). Normalised.
 */
export function motifNameForms(motif: { id: string; name: { id: string; en: string } }): { full: Set<string>; words: Set<string> } {
  const full = new Set<string>();
  const add = (text: string) => {
    const n = normalize(text.replace(/^\s*(the|a|an)\s+/i, ''));
    if (n) full.add(n);
  };
  add(motif.id.replaceAll('-', ' '));
  for (const name of [motif.name.id, motif.name.en]) {
    const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
    if (!m) add(name);
    else {
      add(m[1]!);
      for (const part of m[2]!.split(',')) add(part);
    }
  }
  const words = new Set([...normalize(motif.id).split(' '), ...normalize(motif.name.id).split(' ')].filter(Boolean));
  return { full, words };
}

/**
 * Synonyms that name another motif: an entry that is another motif's name (or a gloss of it), or a
 * single word of another motif's own name, and is not one of this motif's own names. Search indexes
 * a motif's synonyms on its pieces, so such an entry would send a shopper who typed one motif's name
 * to another motif's pieces (issue #13: "gajah" listed under paksi naga liman).
 */
export function synonymsNamingOtherMotifs(
  motifs: readonly { id: string; name: { id: string; en: string }; synonyms: { id: readonly string[]; en: readonly string[] } }[],
): { motif: string; synonym: string; names: string }[] {
  const forms = motifs.map((m) => ({ id: m.id, ...motifNameForms(m) }));
  const found: { motif: string; synonym: string; names: string }[] = [];
  for (const motif of motifs) {
    const own = forms.find((f) => f.id === motif.id)!;
    for (const synonym of [...motif.synonyms.id, ...motif.synonyms.en]) {
      const entry = normalize(synonym);
      if (own.full.has(entry)) continue;
      const other = forms.find((f) => f.id !== motif.id && (f.full.has(entry) || (!entry.includes(' ') && f.words.has(entry))));
      if (other) found.push({ motif: motif.id, synonym, names: other.id });
    }
  }
  return found;
}

/** Every URL written in the facts brief. */
export function extractUrls(markdown: string): Set<string> {
  return new Set(Array.from(markdown.matchAll(/https?:\/\/[^\s)>\]]+/g), (m) => m[0].replace(/[.,;]+$/, '')));
}

export function checkContentIntegrity(content: LoadedContent, factsMarkdown: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = Object.fromEntries(
    Object.entries(content).map(([name, entries]) => [name, new Set(entries.map((e) => e.id))]),
  ) as Record<CollectionName, Set<string>>;
  const knownUrls = extractUrls(factsMarkdown);

  const ref = (file: string, field: string, collection: CollectionName, id: string | undefined) => {
    if (id !== undefined && !ids[collection].has(id)) {
      problems.push({ file, message: `${field}: no ${collection} entry "${id}"` });
    }
  };

  for (const [collection, entries] of Object.entries(content) as [CollectionName, LoadedContent[CollectionName]][]) {
    for (const entry of entries) {
      for (const url of entry.data.sources) {
        if (!knownUrls.has(url)) problems.push({ file: entry.file, message: `sources: ${url} is not in batik-facts.md` });
      }
    }
    for (const required of (REQUIRED as Partial<Record<CollectionName, readonly string[]>>)[collection] ?? []) {
      if (!ids[collection].has(required)) problems.push({ file: `${collection}/`, message: `missing required entry "${required}"` });
    }
  }

  for (const { file, id, data } of content.regions) {
    data.signatureMotifs.forEach((m) => ref(file, 'signatureMotifs', 'motifs', m));
    for (const m of data.signatureMotifs) {
      const motif = content.motifs.find((x) => x.id === m);
      if (motif && motif.data.region !== id) problems.push({ file, message: `signatureMotifs: "${m}" belongs to ${motif.data.region}` });
    }
  }
  for (const { file, id, data } of content.motifs) {
    ref(file, 'region', 'regions', data.region);
    data.techniques.forEach((t) => ref(file, 'techniques', 'techniques', t));
    data.related.forEach((m) => ref(file, 'related', 'motifs', m));
    if (data.related.includes(id)) problems.push({ file, message: 'related: a motif cannot be related to itself' });
  }
  const motifFile = new Map(content.motifs.map((m) => [m.id, m.file]));
  for (const { motif, synonym, names } of synonymsNamingOtherMotifs(content.motifs.map((m) => ({ id: m.id, ...m.data })))) {
    problems.push({ file: motifFile.get(motif)!, message: `synonyms: "${synonym}" names the motif "${names}"` });
  }
  for (const { file, data } of content.sentra) ref(file, 'region', 'regions', data.region);
  for (const { file, data } of content.events) {
    ref(file, 'region', 'regions', data.region);
    ref(file, 'place', 'sentra', data.place);
  }
  for (const { file, data } of content.glossary) data.seeAlso.forEach((g) => ref(file, 'seeAlso', 'glossary', g));

  if (content.motifs.length < MIN_MOTIFS) {
    problems.push({ file: 'motifs/', message: `${content.motifs.length} motifs; at least ${MIN_MOTIFS} expected` });
  }
  for (const region of content.regions) {
    const count = content.motifs.filter((m) => m.data.region === region.id).length;
    if (count < MIN_MOTIFS_PER_REGION) {
      problems.push({ file: region.file, message: `${count} motifs; at least ${MIN_MOTIFS_PER_REGION} per region expected` });
    }
  }
  return problems;
}
