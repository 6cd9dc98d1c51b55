/**
 * iCalendar (RFC 5545) of a batik class booking: one timed VEVENT (start and end in UTC), beside the
 * all-day writer of events in ics.ts, sharing its escaping and line folding.
 */
import { escapeIcsText, foldIcsLine } from './ics.ts';

export interface TimedIcsEvent {
  uid: string;
  title: string;
  description: string;
  location: string;
  url: string;
  start: Date;
  end: Date;
  /** CONFIRMED, or CANCELLED for a session the place called off. */
  status: 'CONFIRMED' | 'CANCELLED';
}

const utc = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

/**
 * A VCALENDAR with one timed VEVENT.
 * @param stamp the DTSTAMP instant, injected for deterministic output.
 */
export function toTimedIcs(event: TimedIcsEvent, stamp: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Canting//Batik classes//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utc(stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    `URL:${event.url}`,
    `STATUS:${event.status}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
