/**
 * Places' and events' facts as readers see them: opening hours with consecutive days joined
 * ("Senin–Jumat 08.00–16.00"), event times with their zone ("09.00–15.00 WITA"), the price.
 * Words come from the string system (the caller passes them); only the shapes are here.
 */
import type { Lang } from '../content/schemas.ts';
import { formatIdr } from '../money.ts';
import { DAYS, TIME_ZONE_LABEL, type Day, type IndonesianTimeZone, type OpeningHours } from './schemas.ts';

/** A time as the language writes it: 08.00 in Indonesian (EYD), 08:00 in English. */
export function formatTime(time: string, lang: Lang): string {
  return lang === 'id' ? time.replace(':', '.') : time;
}

/** Days as runs of consecutive days: ['mo','tu','we','fr'] → "Senin–Rabu, Jumat". */
export function formatDays(days: readonly Day[], names: Record<Day, string>): string {
  const sorted = DAYS.filter((d) => days.includes(d));
  const runs: Day[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && DAYS.indexOf(day) === DAYS.indexOf(run.at(-1)!) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs.map((r) => (r.length > 2 ? `${names[r[0]!]}–${names[r.at(-1)!]}` : r.map((d) => names[d]).join(', '))).join(', ');
}

/** Each line of a place's opening hours: "Senin–Jumat 08.00–16.00". */
export function formatOpeningHours(hours: readonly OpeningHours[], names: Record<Day, string>, lang: Lang): string[] {
  return hours.map((h) => `${formatDays(h.days, names)} ${formatTime(h.opens, lang)}–${formatTime(h.closes, lang)}`);
}

/** An event's times with its zone: "09.00–15.00 WITA", "19.00 WIB"; '' for an all-day event. */
export function formatEventTimes(event: { startTime?: string | undefined; endTime?: string | undefined; timeZone: IndonesianTimeZone }, lang: Lang): string {
  if (!event.startTime) return '';
  const end = event.endTime ? `–${formatTime(event.endTime, lang)}` : '';
  return `${formatTime(event.startTime, lang)}${end} ${TIME_ZONE_LABEL[event.timeZone]}`;
}

/** An event's price: the word for free, a rupiah amount, or null when unknown. */
export function formatEventPrice(priceIdr: number | undefined, free: string): string | null {
  if (priceIdr === undefined) return null;
  return priceIdr === 0 ? free : formatIdr(priceIdr);
}
