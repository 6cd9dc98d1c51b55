/**
 * iCalendar (RFC 5545) export of batik events: all-day events, yearly ones with an RRULE.
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

/**
 * A VCALENDAR with one VEVENT.
 * @param stamp the DTSTAMP instant (ISO), injected for deterministic output.
 */
export function toIcs(event: IcsEvent, stamp: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Canting//Batik events//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp.replace(/[-:]/g, '').replace(/\.\d+/, '')}`,
    `DTSTART;VALUE=DATE:${basic(event.startDate)}`,
    `DTEND;VALUE=DATE:${basic(dayAfter(event.endDate))}`,
    ...(event.yearly ? ['RRULE:FREQ=YEARLY'] : []),
    `SUMMARY:${escapeIcsText(event.title)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    `URL:${event.url}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
