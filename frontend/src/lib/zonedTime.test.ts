import { describe, expect, it } from 'vitest';
import {
  dateInZone,
  formatClock,
  formatInZone,
  hourCycleOf,
  instantOfWallTime,
  isKnownZone,
  localInputToRfc3339,
  parseLocalInput,
  rfc3339ToLocalInput,
  summaryForUser,
  toRfc3339,
} from './zonedTime';

const wall = (value: string) => {
  const parsed = parseLocalInput(value);
  if (!parsed) throw new Error(`not a wall time: ${value}`);
  return parsed;
};

describe('wall time in a zone to an RFC 3339 instant', () => {
  it.each([
    ['2026-11-27T09:30', 'Europe/Berlin', '2026-11-27T09:30:00+01:00'],
    ['2026-07-01T09:30', 'Europe/Berlin', '2026-07-01T09:30:00+02:00'],
    ['2026-07-01T09:30', 'America/New_York', '2026-07-01T09:30:00-04:00'],
    ['2026-01-15T18:00', 'Asia/Kolkata', '2026-01-15T18:00:00+05:30'],
    ['2026-01-15T18:00', 'UTC', '2026-01-15T18:00:00+00:00'],
  ])('%s in %s is %s', (local, zone, expected) => {
    expect(localInputToRfc3339(local, zone)).toBe(expected);
  });

  it('moves a time in the spring-forward gap forward by the gap, as the server does', () => {
    // Berlin skips 02:00–03:00 on 29 March 2026.
    expect(localInputToRfc3339('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
    // New York skips 02:00–03:00 on 8 March 2026.
    expect(localInputToRfc3339('2026-03-08T02:15', 'America/New_York')).toBe('2026-03-08T03:15:00-04:00');
  });

  it('reads a time that happens twice at fall-back as its first occurrence', () => {
    // Berlin repeats 02:00–03:00 on 25 October 2026: first in summer time (+02:00).
    expect(localInputToRfc3339('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
    expect(localInputToRfc3339('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('keeps times right next to a transition exact', () => {
    expect(localInputToRfc3339('2026-03-29T01:59', 'Europe/Berlin')).toBe('2026-03-29T01:59:00+01:00');
    expect(localInputToRfc3339('2026-03-29T03:00', 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
    expect(localInputToRfc3339('2026-10-25T03:00', 'Europe/Berlin')).toBe('2026-10-25T03:00:00+01:00');
  });

  it('rejects what is not a date and time', () => {
    expect(localInputToRfc3339('', 'UTC')).toBeNull();
    expect(localInputToRfc3339('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(localInputToRfc3339('2026-01-01T24:00', 'UTC')).toBeNull();
    expect(localInputToRfc3339('tomorrow', 'UTC')).toBeNull();
  });
});

describe('RFC 3339 instant to wall time in a zone', () => {
  it('shows an instant as the datetime-local value of the zone', () => {
    expect(rfc3339ToLocalInput('2026-11-27T08:30:00Z', 'Europe/Berlin')).toBe('2026-11-27T09:30');
    expect(rfc3339ToLocalInput('2026-11-27T08:30:00Z', 'Pacific/Auckland')).toBe('2026-11-27T21:30');
    expect(rfc3339ToLocalInput(null, 'UTC')).toBe('');
  });

  it('round-trips every quarter hour across a DST day, except the skipped hour', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      const local = `2026-03-29T${hh}:${mm}`;
      const back = rfc3339ToLocalInput(localInputToRfc3339(local, 'Europe/Berlin'), 'Europe/Berlin');
      expect(back).toBe(hh === '02' ? `2026-03-29T03:${mm}` : local);
    }
  });

  it('writes the offset of the zone at that instant', () => {
    const instant = instantOfWallTime(wall('2026-10-25T02:30'), 'Europe/Berlin') + 3600_000;
    expect(toRfc3339(instant, 'Europe/Berlin')).toBe('2026-10-25T02:30:00+01:00');
  });

  it('gives the calendar date in the zone', () => {
    expect(dateInZone(Date.parse('2026-11-27T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-28');
    expect(dateInZone(Date.parse('2026-11-27T23:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-27');
  });

  it('formats for people in the zone, with the year only when it is not this one', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(formatInZone('2026-11-27T08:30:00Z', 'Europe/Berlin', now)).toBe('Fri 27 Nov, 09:30');
    expect(formatInZone('2027-01-01T08:30:00Z', 'UTC', now)).toBe('Fri 1 Jan 2027, 08:30');
  });
});

describe('12- and 24-hour clocks', () => {
  it('follows the locale: en-US on a 12-hour clock, en-GB and de-DE on a 24-hour one', () => {
    expect(hourCycleOf('en-US')).toBe('h12');
    expect(hourCycleOf('en-GB')).toBe('h23');
    expect(hourCycleOf('de-DE')).toBe('h23');
    expect(hourCycleOf('not a locale!')).toBe('h23');
  });

  it('writes times on either clock, midnight and noon included', () => {
    expect(formatClock(9, 5, 'h12')).toBe('9:05 AM');
    expect(formatClock(0, 5, 'h12')).toBe('12:05 AM');
    expect(formatClock(12, 0, 'h12')).toBe('12:00 PM');
    expect(formatClock(23, 30, 'h12')).toBe('11:30 PM');
    expect(formatClock(9, 5, 'h23')).toBe('09:05');
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(formatInZone('2026-11-27T18:30:00Z', 'America/New_York', now, 'h12')).toBe('Fri 27 Nov, 1:30 PM');
  });

  it('reads a series summary with the user’s clock, and its zone only when it is not the user’s', () => {
    const summary = 'every Monday at 09:00 and 17:30, America/New_York';
    expect(summaryForUser(summary, 'America/New_York', 'America/New_York', 'h12')).toBe('every Monday at 9:00 AM and 5:30 PM');
    expect(summaryForUser(summary, 'America/New_York', 'Europe/Berlin', 'h23')).toBe(summary);
    expect(summaryForUser('every day at 08:00, UTC, until 2027-01-01 08:00', 'UTC', 'UTC', 'h12'))
      .toBe('every day at 8:00 AM, until 2027-01-01 8:00 AM');
  });
});

describe('zones', () => {
  it('knows IANA zones and rejects made-up ones', () => {
    expect(isKnownZone('Europe/Berlin')).toBe(true);
    expect(isKnownZone('UTC')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
    expect(isKnownZone('')).toBe(false);
  });
});
