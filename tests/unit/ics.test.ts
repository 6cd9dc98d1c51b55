import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, toIcs, toIcsCalendar } from '../../src/lib/calendar/ics.ts';

const event = {
  uid: 'hari-batik-nasional@canting',
  title: 'Hari Batik Nasional',
  description: 'Ditetapkan dengan Keppres No. 33/2009; bukan hari libur, tetapi hari memakai batik.',
  location: 'Indonesia',
  url: 'https://canting.example/id/visit/#event-hari-batik-nasional',
  startDate: '2026-10-02',
  endDate: '2026-10-02',
  yearly: true,
};

describe('iCalendar export', () => {
  const ics = toIcs(event, '2026-10-02T00:00:00.000Z');
  const lines = ics.split('\r\n');

  it('is a VCALENDAR with CRLF line ends', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes an all-day event whose DTEND is the day after the last day', () => {
    expect(lines).toContain('DTSTART;VALUE=DATE:20261002');
    expect(lines).toContain('DTEND;VALUE=DATE:20261003');
    expect(lines).toContain('RRULE:FREQ=YEARLY');
    expect(lines).toContain('DTSTAMP:20261002T000000Z');
  });

  it('crosses month ends when computing DTEND', () => {
    expect(toIcs({ ...event, startDate: '2025-11-27', endDate: '2025-11-30', yearly: false }, '2025-01-01T00:00:00Z')).toContain(
      'DTEND;VALUE=DATE:20251201',
    );
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(ics.replace(/\r\n /g, '')).toContain('Keppres No. 33/2009\\; bukan hari libur\\, tetapi');
  });

  it('folds lines at 75 octets without splitting a multi-byte character', () => {
    const long = `DESCRIPTION:${'é'.repeat(60)}`;
    const folded = foldIcsLine(long).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const line of folded) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
  });
});

describe('timed events and a region feed', () => {
  const timed = {
    ...event,
    uid: 'festival@canting',
    yearly: false,
    startDate: '2027-03-10',
    endDate: '2027-03-10',
    startsAt: '2027-03-10T09:00:00+08:00',
    endsAt: '2027-03-10T15:30:00+08:00',
  };

  it('writes a timed event in UTC from its zone’s offset (09:00 WITA is 01:00 UTC)', () => {
    const lines = toIcs(timed, '2027-01-01T00:00:00Z').split('\r\n');
    expect(lines).toContain('DTSTART:20270310T010000Z');
    expect(lines).toContain('DTEND:20270310T073000Z');
    expect(lines.some((l) => l.startsWith('DTSTART;VALUE=DATE'))).toBe(false);
  });

  it('puts every event of a feed in one named VCALENDAR, a cancelled one marked', () => {
    const ics = toIcsCalendar([event, { ...timed, cancelled: true }], '2027-01-01T00:00:00Z', 'Batik Pekalongan');
    const lines = ics.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1);
    expect(lines).toContain('X-WR-CALNAME:Batik Pekalongan');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('UID:festival@canting');
  });
});
