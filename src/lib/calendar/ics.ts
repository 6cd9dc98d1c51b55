/**
 * iCalendar (RFC 5545) export of batik events: all-day events (yearly ones with an RRULE) and timed
 * ones (written in UTC, from their Indonesian zone's offset); one event per file, or a region's feed.
 * Hand-written because the format needed is tiny: escaping, line folding and CRLF are the rules.
 */

export interface IcsEvent {
  uid: string;
  title: string;
  description: string;
  location: string;
  url: string;
  /** ISO dates; the end date is inclusive (the last day of the event). */
  startDate: string;
  endDate: string;
  yearly: boolean;
  /**
   * Start and end instants with their offset (`2027-03-10T09:00:00+08:00`) for a timed event; absent for
   * an all-day one, whose dates are `startDate`/`endDate`.
   */
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  /** Cancelled events stay in a feed, marked so calendars strike them out. */
  cancelled?: boolean | undefined;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to at most 75 octets, continuation lines starting with a space (§3.1). */
export function foldIcsLine(line: string): string {
  const bytes = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes.encode(current + char).length > limit) {
      parts.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basic = (iso: string) => iso.replaceAll('-', '');

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** An instant as an iCalendar UTC DATE-TIME, e.g. `20270310T010000Z`. */
function utc(instant: string): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

function vevent(event: IcsEvent, stamp: string): string[] {
  const timed = event.startsAt !== undefined;
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp.replace(/[-:]/g, '').replace(/\.\d+/, '')}`,
    ...(timed
      ? [`DTSTART:${utc(event.startsAt!)}`, `DTEND:${utc(event.endsAt ?? event.startsAt!)}`]
      : [`DTSTART;VALUE=DATE:${basic(event.startDate)}`, `DTEND;VALUE=DATE:${basic(dayAfter(event.endDate))}`]),
    ...(event.yearly ? ['RRULE:FREQ=YEARLY'] : []),
    `SUMMARY:${escapeIcsText(event.title)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    `URL:${event.url}`,
    ...(event.cancelled ? ['STATUS:CANCELLED'] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * A VCALENDAR with several VEVENTs (a region's feed), named `name` for calendar apps.
 * @param stamp the DTSTAMP instant (ISO), injected for deterministic output.
 */
export function toIcsCalendar(events: readonly IcsEvent[], stamp: string, name?: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Canting//Batik events//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(name ? [`X-WR-CALNAME:${escapeIcsText(name)}`] : []),
    ...events.flatMap((e) => vevent(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/**
 * A VCALENDAR with one VEVENT.
 * @param stamp the DTSTAMP instant (ISO), injected for deterministic output.
 */
export function toIcs(event: IcsEvent, stamp: string): string {
  return toIcsCalendar([event], stamp);
}
