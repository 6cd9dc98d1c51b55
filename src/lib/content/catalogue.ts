/**
 * The cultural catalogue as plain data, and the questions pages ask of it.
 * Pages load it once (src/collections.ts, through the app's `catalogue()`) and call these pure functions.
 * Places and events are not in it: they live in the database (src/lib/visit, issue #15).
 */
import type { BatikEvent, Dye, GlossaryEntry, Lang, Motif, Region, Sentra, Technique } from './schemas.ts';

export type Entry<T> = T & { id: string };

/** The editorial content in git, as pages read it. */
export interface Catalogue {
  regions: Entry<Region>[];
  motifs: Entry<Motif>[];
  techniques: Entry<Technique>[];
  dyes: Entry<Dye>[];
  glossary: Entry<GlossaryEntry>[];
}

/** Everything in content/, including the places and events the database is imported from once (src/lib/visit/import.ts). */
export interface ContentCatalogue extends Catalogue {
  sentra: Entry<Sentra>[];
  events: Entry<BatikEvent>[];
}

export function byId<T extends { id: string }>(entries: readonly T[], id: string): T | undefined {
  return entries.find((e) => e.id === id);
}

/** Entries sorted by their name in the reader's language (Indonesian collation for `id`). */
export function sortByName<T extends { name: string | Record<Lang, string> }>(entries: readonly T[], lang: Lang): T[] {
  const collator = new Intl.Collator(lang === 'id' ? 'id' : 'en', { sensitivity: 'base' });
  const nameOf = (e: T) => (typeof e.name === 'string' ? e.name : e.name[lang]);
  return [...entries].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}

export interface MotifFilter {
  region?: string | undefined;
  technique?: string | undefined;
}

/** Motifs matching every given filter; unknown filter values match nothing. */
export function filterMotifs(catalogue: Catalogue, filter: MotifFilter): Entry<Motif>[] {
  return catalogue.motifs.filter(
    (m) => (!filter.region || m.region === filter.region) && (!filter.technique || m.techniques.includes(filter.technique)),
  );
}

export function motifsOfRegion(catalogue: Catalogue, regionId: string): Entry<Motif>[] {
  const region = byId(catalogue.regions, regionId);
  const signature = region?.signatureMotifs ?? [];
  const rank = (m: Entry<Motif>) => (signature.includes(m.id) ? signature.indexOf(m.id) : signature.length);
  return catalogue.motifs.filter((m) => m.region === regionId).sort((a, b) => rank(a) - rank(b));
}

export function relatedMotifs(catalogue: Catalogue, motif: Entry<Motif>): Entry<Motif>[] {
  return motif.related.map((id) => byId(catalogue.motifs, id)).filter((m): m is Entry<Motif> => m !== undefined);
}

export function motifsUsingTechnique(catalogue: Catalogue, techniqueId: string): Entry<Motif>[] {
  return catalogue.motifs.filter((m) => m.techniques.includes(techniqueId));
}

/**
 * The first sentence of a text, or its first `max` characters cut at a word, for cards.
 * @example excerpt('Kopi adalah penghidupan Semende. Lalu…', 80) // 'Kopi adalah penghidupan Semende.'
 */
export function excerpt(text: string, max = 160): string {
  const first = /^.*?[.!?](?=\s|$)/s.exec(text.trim())?.[0] ?? text.trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max).replace(/[,;:]$/, '')}…`;
}
