/**
 * The cultural catalogue as plain data, and the questions pages ask of it.
 * Pages load it once (src/collections.ts, through the app's `catalogue()`) and call these pure functions.
 */
import type { BatikEvent, Dye, GlossaryEntry, Lang, Motif, Region, Sentra, Technique } from './schemas.ts';

export type Entry<T> = T & { id: string };

export interface Catalogue {
  regions: Entry<Region>[];
  motifs: Entry<Motif>[];
  techniques: Entry<Technique>[];
  dyes: Entry<Dye>[];
  sentra: Entry<Sentra>[];
  events: Entry<BatikEvent>[];
  glossary: Entry<GlossaryEntry>[];
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

export function placesOfRegion(catalogue: Catalogue, regionId: string): Entry<Sentra>[] {
  return catalogue.sentra.filter((p) => p.region === regionId);
}

/** Events held in a region, directly or at one of its places. */
export function eventsOfRegion(catalogue: Catalogue, regionId: string): Entry<BatikEvent>[] {
  return sortEvents(
    catalogue.events.filter((e) => e.region === regionId || (e.place && byId(catalogue.sentra, e.place)?.region === regionId)),
  );
}

export function relatedMotifs(catalogue: Catalogue, motif: Entry<Motif>): Entry<Motif>[] {
  return motif.related.map((id) => byId(catalogue.motifs, id)).filter((m): m is Entry<Motif> => m !== undefined);
}

export function motifsUsingTechnique(catalogue: Catalogue, techniqueId: string): Entry<Motif>[] {
  return catalogue.motifs.filter((m) => m.techniques.includes(techniqueId));
}

/** Newest first. */
export function sortEvents<T extends BatikEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => b.startDate.localeCompare(a.startDate));
}

/**
 * The dates of an event's next occurrence on or after `today` (ISO date). A yearly event moves to
 * this or next year; any other event keeps its own dates, and `upcoming` says whether it is ahead.
 */
export function nextOccurrence(event: BatikEvent, today: string): { startDate: string; endDate: string; upcoming: boolean } {
  if (event.recurrence !== 'yearly') {
    return { startDate: event.startDate, endDate: event.endDate, upcoming: event.endDate >= today };
  }
  const year = Number(today.slice(0, 4));
  const shift = (iso: string, y: number) => `${y + (Number(iso.slice(0, 4)) - Number(event.startDate.slice(0, 4)))}${iso.slice(4)}`;
  const thisYear = { startDate: shift(event.startDate, year), endDate: shift(event.endDate, year) };
  if (thisYear.endDate >= today) return { ...thisYear, upcoming: true };
  return { startDate: shift(event.startDate, year + 1), endDate: shift(event.endDate, year + 1), upcoming: true };
}

/**
 * Events as a visitor plans with them: the upcoming ones first, soonest first, each with its next
 * dates; the past ones apart (an archive), most recent first.
 */
export function upcomingAndPastEvents<E extends BatikEvent>(
  events: readonly E[],
  today: string,
): { upcoming: { event: E; when: ReturnType<typeof nextOccurrence> }[]; past: { event: E; when: ReturnType<typeof nextOccurrence> }[] } {
  const all = events.map((event) => ({ event, when: nextOccurrence(event, today) }));
  return {
    upcoming: all.filter((e) => e.when.upcoming).sort((a, b) => a.when.startDate.localeCompare(b.when.startDate)),
    past: all.filter((e) => !e.when.upcoming).sort((a, b) => b.when.startDate.localeCompare(a.when.startDate)),
  };
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
