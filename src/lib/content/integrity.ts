/**
 * Checks that hold across collections and that a schema alone cannot express:
 * references point at existing entries, sources are ones the facts brief lists,
 * regions' signature motifs belong to them, the catalogue covers what it promises, and
 * what the brief leaves open is not stated as fact (nor what it settled still hedged).
 */
import type { ContentProblem, LoadedContent } from './load-content.ts';
import type { CollectionName } from './schemas.ts';
import { SEED_ARTICLES, seedOf } from './sources.ts';

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

/** Words that say a point is open. The same words in a confirmed entry contradict its tag. */
export const UNCONFIRMED_WORDS = /belum terkonfirmasi|tidak mengonfirmasi|tidak terkonfirmasi|unconfirmed|not confirmed|do(?:es)? not confirm|no source (?:that )?mentions/i;

/** Hedges that belong once in a motif's certaintyNote, not as a refrain in its story fields. */
export const HEDGE_REFRAIN = /sumber kami tidak|our sources do not|our sources give no|our sources describe neither|belum terkonfirmasi|unconfirmed/i;

/** The seed article of the June 2021 Muara Enim training (docs/batik-facts.md §0). */
export const SEED_MUARA_ENIM_2021 = 'seed:001_0095a07b9ff065cf';
/** The report of Prabumulih's working visits of 8 Dec 2025 (docs/batik-facts.md §0). */
export const RIMAUNEWS_PRABUMULIH_2025 =
  'https://rimaunews.co.id/integrasikan-budaya-dan-ekonomi-kreatif-pemkot-prabumulih-siapkan-terobosan-baru-untuk-ekspansi-pasar-batik-lokal/09/12/2025';

/** What the brief still leaves open (§7): these motifs may not be tagged confirmed, and their certainty note says so. */
export const OPEN_POINTS: readonly { motif: string; what: string; palette?: boolean }[] = [
  { motif: 'meraje', what: 'what the tumpal meraje and the meraje stamp look like' },
  { motif: 'durian', what: 'what the durian cap stamp looks like' },
  { motif: 'nanas', what: 'the typical colours of batik nanas', palette: true },
];

/** What the brief has settled (§0): the entry cites the settling source and no sentence about it says "unconfirmed". */
export const SETTLED_POINTS: readonly { collection: CollectionName; id: string; what: string; about: RegExp; source: string }[] = [
  { collection: 'regions', id: 'prabumulih', what: 'the working visits to Cirebon and Lampung', about: /Cirebon|Lampung/, source: RIMAUNEWS_PRABUMULIH_2025 },
  { collection: 'techniques', id: 'cap', what: 'the copper stamps of Muara Enim', about: /tembaga|copper/i, source: SEED_MUARA_ENIM_2021 },
  { collection: 'motifs', id: 'meraje', what: 'meraje as a motif in its own right', about: /tersendiri|standalone|own right/i, source: SEED_MUARA_ENIM_2021 },
  { collection: 'motifs', id: 'durian', what: 'the durian stamps given to Rumah Batik Serasan', about: /Serasan|RBS/, source: SEED_MUARA_ENIM_2021 },
];

/** Every text of an entry, both languages. */
function textsOf(data: unknown): string[] {
  if (typeof data === 'string') return [data];
  if (Array.isArray(data)) return data.flatMap(textsOf);
  if (data && typeof data === 'object') return Object.values(data).flatMap(textsOf);
  return [];
}

const sentencesOf = (text: string) => text.split(/(?<=[.;:])\s+|\n+/);

/** The settled and open points of the brief, and the certainty tags against the texts. */
function checkCertainty(content: LoadedContent, problems: ContentProblem[]): void {
  for (const { file, data } of content.motifs) {
    const story = [data.depicts, data.meaning, data.history].flatMap((l) => [l.id, l.en]);
    const note = data.certaintyNote ? [data.certaintyNote.id, data.certaintyNote.en] : [];
    if (data.certainty === 'confirmed' && [...story, ...note].some((s) => UNCONFIRMED_WORDS.test(s))) {
      problems.push({ file, message: 'certainty: confirmed, but the text calls something unconfirmed' });
    }
    if (data.certainty !== 'confirmed' && !data.certaintyNote) {
      problems.push({ file, message: `certaintyNote: required for a ${data.certainty} motif` });
    }
    for (const s of story) {
      const hedge = HEDGE_REFRAIN.exec(s)?.[0];
      if (hedge) problems.push({ file, message: `"${hedge}" in the story: say it once, in certaintyNote` });
    }
  }
  for (const point of OPEN_POINTS) {
    const entry = content.motifs.find((m) => m.id === point.motif);
    if (!entry) continue;
    const { file, data } = entry;
    if (data.certainty === 'confirmed') problems.push({ file, message: `certainty: confirmed, but the brief leaves open ${point.what}` });
    if (point.palette && data.paletteSourced) problems.push({ file, message: `paletteSourced: the brief leaves open ${point.what}` });
    const note = data.certaintyNote;
    if (note && !(UNCONFIRMED_WORDS.test(note.id) && UNCONFIRMED_WORDS.test(note.en))) {
      problems.push({ file, message: `certaintyNote: must say in both languages that ${point.what} is unconfirmed` });
    }
  }
  for (const point of SETTLED_POINTS) {
    const entry = (content[point.collection] as { id: string; file: string; data: { sources: string[] } }[]).find((e) => e.id === point.id);
    if (!entry) continue;
    if (!entry.data.sources.includes(point.source)) {
      problems.push({ file: entry.file, message: `sources: ${point.what} is settled by ${point.source}; cite it` });
    }
    for (const sentence of textsOf(entry.data).flatMap(sentencesOf)) {
      if (point.about.test(sentence) && UNCONFIRMED_WORDS.test(sentence)) {
        problems.push({ file: entry.file, message: `the brief has settled ${point.what}, but the text says: "${sentence.trim()}"` });
      }
    }
  }
}

/**
 * @param factsMarkdown the facts brief (docs/batik-facts.md), plus any sources checked after it
 *   (docs/sources-checked.md): a URL must be written there; a `seed:` source must be a seed
 *   article the brief names (`seeds/<file>.txt`) and one we know how to show.
 */
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
        const seed = seedOf(url);
        if (seed !== undefined) {
          if (!factsMarkdown.includes(`seeds/${seed}.txt`)) problems.push({ file: entry.file, message: `sources: ${url} is not a seed article of batik-facts.md` });
          else if (!SEED_ARTICLES[seed]) problems.push({ file: entry.file, message: `sources: ${url} has no outlet and date in SEED_ARTICLES` });
        } else if (!knownUrls.has(url)) problems.push({ file: entry.file, message: `sources: ${url} is not in batik-facts.md` });
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
  for (const { file, data } of content.sentra) {
    ref(file, 'region', 'regions', data.region);
    const centre = content.regions.find((r) => r.id === data.region)?.data.coordinates;
    const atCentre = centre && centre.lat === data.coordinates.lat && centre.lng === data.coordinates.lng;
    if (atCentre && data.coordinates.approximate !== 'region') {
      problems.push({ file, message: `coordinates: the pin is ${data.region}'s centre; say approximate: region` });
    }
  }
  for (const { file, data } of content.events) {
    ref(file, 'region', 'regions', data.region);
    ref(file, 'place', 'sentra', data.place);
  }
  for (const { file, data } of content.glossary) data.seeAlso.forEach((g) => ref(file, 'seeAlso', 'glossary', g));

  checkCertainty(content, problems);

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
