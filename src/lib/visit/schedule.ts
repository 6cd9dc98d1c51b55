/**
 * When events happen, as a visitor plans with them: the next occurrence of a yearly event, upcoming
 * first (soonest first) and past ones apart, "today" in Indonesian time, and an event's instants with its
 * time zone's offset (for JSON-LD and iCalendar). Plain functions over dates; CLASSES' sessions may use
 * `upcomingAndPast` too (anything with `startDate`, `endDate` and `recurrence`).
 */
import { TIME_ZONE_OFFSET, type IndonesianTimeZone } from './schemas.ts';

/** The fields the schedule needs of an event. */
export interface Dated {
  startDate: string;
  endDate: string;
  recurrence?: 'yearly' | 'varies' | 'once' | undefined;
}

export interface Occurrence {
  startDate: string;
  endDate: string;
  upcoming: boolean;
}

/**
 * The dates of an event's next occurrence on or after `today` (ISO date). A yearly event moves to
 * this or next year; any other event keeps its own dates, and `upcoming` says whether it is ahead.
 */
export function nextOccurrence(event: Dated, today: string): Occurrence {
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
export function upcomingAndPastEvents<E extends Dated>(
  events: readonly E[],
  today: string,
): { upcoming: { event: E; when: Occurrence }[]; past: { event: E; when: Occurrence }[] } {
  const all = events.map((event) => ({ event, when: nextOccurrence(event, today) }));
  return {
    upcoming: all.filter((e) => e.when.upcoming).sort((a, b) => a.when.startDate.localeCompare(b.when.startDate)),
    past: all.filter((e) => !e.when.upcoming).sort((a, b) => b.when.startDate.localeCompare(a.when.startDate)),
  };
}

/** Today's date (YYYY-MM-DD) in an Indonesian time zone (WIB by default). */
export function todayIn(timeZone: IndonesianTimeZone = 'Asia/Jakarta', now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * An occurrence's start and end as ISO 8601 with the zone's offset when it has times
 * (`2027-03-10T09:00:00+08:00`), else its dates alone (an all-day event).
 */
export function eventInstants(when: { startDate: string; endDate: string }, event: { startTime?: string | undefined; endTime?: string | undefined; timeZone: IndonesianTimeZone }): { start: string; end: string } {
  const offset = TIME_ZONE_OFFSET[event.timeZone];
  return {
    start: event.startTime ? `${when.startDate}T${event.startTime}:00${offset}` : when.startDate,
    end: event.endTime ? `${when.endDate}T${event.endTime}:00${offset}` : when.endDate,
  };
}
