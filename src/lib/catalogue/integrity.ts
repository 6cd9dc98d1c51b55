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
