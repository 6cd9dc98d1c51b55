/**
 * How a content source is shown to readers. Most sources are web addresses; a few are news
 * reports the brief holds only as text (its `seeds/`, docs/batik-facts.md §0), cited as
 * `seed:<file>` and shown as outlet and date, with no link.
 */
import { SEED_SOURCE, type Lang } from './schemas.ts';

/** The seed articles content may cite: outlet and publication date (docs/batik-facts.md §0). */
export const SEED_ARTICLES: Record<string, { outlet: string; date: string }> = {
  '001_0095a07b9ff065cf': { outlet: 'Pojoksumsel', date: '2021-06-03' },
};

export interface SourceLink {
  label: string;
  /** Absent for a report with no known URL. */
  href?: string;
  note?: string;
}

/** The seed file a `seed:` source names, or undefined for a web address. */
export function seedOf(source: string): string | undefined {
  return SEED_SOURCE.exec(source)?.[1];
}

/**
 * @example describeSource('https://www.palpos.id/x', 'id') // { label: 'palpos.id', href: 'https://www.palpos.id/x' }
 * @example describeSource('seed:001_0095a07b9ff065cf', 'en') // { label: 'Pojoksumsel, 3 June 2021', note: 'news report; no link known' }
 */
export function describeSource(source: string, lang: Lang): SourceLink {
  const seed = seedOf(source);
  if (seed === undefined) return { label: new URL(source).hostname.replace(/^www\./, ''), href: source };
  const article = SEED_ARTICLES[seed];
  if (!article) return { label: source };
  const date = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${article.date}T00:00:00Z`),
  );
  return { label: `${article.outlet}, ${date}`, note: lang === 'id' ? 'berita cetak; tautannya tidak diketahui' : 'news report; no link known' };
}
