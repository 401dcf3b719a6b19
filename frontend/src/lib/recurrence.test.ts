import { describe, expect, it } from 'vitest';
import { buildRule, emptyForm, parseRule, seedFromStart, type RecurrenceForm } from './recurrence';

// Friday 27 November 2026: the fourth Friday and the last one of the month.
const start = { year: 2026, month: 11, day: 27 };
const base = emptyForm(start);
const form = (changes: Partial<RecurrenceForm>): RecurrenceForm => ({ ...base, ...changes });

describe('building a rule from the editor', () => {
  it.each<[string, Partial<RecurrenceForm>, string | null]>([
    ['does not repeat', { preset: 'none' }, null],
    ['daily', { preset: 'daily' }, 'FREQ=DAILY'],
    ['every 3 days', { preset: 'daily', interval: 3 }, 'FREQ=DAILY;INTERVAL=3'],
    ['weekdays', { preset: 'weekdays' }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ['weekly on the start day', { preset: 'weekly' }, 'FREQ=WEEKLY;BYDAY=FR'],
    ['weekly on days, in week order', { preset: 'weekly', weekdays: ['TH', 'MO'] }, 'FREQ=WEEKLY;BYDAY=MO,TH'],
    ['every 2 weeks', { preset: 'weekly', interval: 2, weekdays: ['TU'] }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
    ['weekly with no day', { preset: 'weekly', weekdays: [] }, 'FREQ=WEEKLY'],
    ['monthly on the start day', { preset: 'monthly' }, 'FREQ=MONTHLY;BYMONTHDAY=27'],
    ['monthly on day 5', { preset: 'monthly', monthDay: 5 }, 'FREQ=MONTHLY;BYMONTHDAY=5'],
    ['2nd Tuesday', { preset: 'monthly', monthlyBy: 'weekday', weekOfMonth: 2, weekdayOfMonth: 'TU' }, 'FREQ=MONTHLY;BYDAY=2TU'],
    ['last Friday', { preset: 'monthly', monthlyBy: 'weekday', weekOfMonth: -1, weekdayOfMonth: 'FR' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['every 3 months', { preset: 'monthly', interval: 3, monthDay: 1 }, 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1'],
    ['yearly', { preset: 'yearly' }, 'FREQ=YEARLY'],
    ['5 times', { preset: 'daily', ends: 'count', count: 5 }, 'FREQ=DAILY;COUNT=5'],
    ['until a day', { preset: 'weekly', ends: 'until', until: '2026-12-31' }, 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20261231'],
    ['an end date not yet filled in', { preset: 'daily', ends: 'until', until: '' }, 'FREQ=DAILY'],
    ['a nonsensical interval', { preset: 'daily', interval: 0 }, 'FREQ=DAILY'],
    ['custom', { preset: 'custom', customRule: ' RRULE:FREQ=HOURLY;INTERVAL=6 ' }, 'FREQ=HOURLY;INTERVAL=6'],
  ])('%s', (_name, changes, rule) => {
    expect(buildRule(form(changes))).toBe(rule);
  });
});

describe('the editor seeded from the start date', () => {
  it('picks the start weekday, day of month and week of month', () => {
    expect(base.weekdays).toEqual(['FR']);
    expect(base.monthDay).toBe(27);
    expect(base.weekOfMonth).toBe(4);
    expect(base.weekdayOfMonth).toBe('FR');
  });

  it('names the ordinal week when the day is not in the last seven', () => {
    const second = seedFromStart(emptyForm(), { year: 2026, month: 11, day: 10 });
    expect(second.weekOfMonth).toBe(2);
    expect(second.weekdayOfMonth).toBe('TU');
    // The 23rd of a 30-day month is the fourth Monday, not only the last one.
    expect(seedFromStart(emptyForm(), { year: 2026, month: 11, day: 23 }).weekOfMonth).toBe(4);
    // A fifth weekday exists only in some months: "last" is what the user means.
    expect(seedFromStart(emptyForm(), { year: 2026, month: 11, day: 30 }).weekOfMonth).toBe(-1);
  });
});

describe('reading a rule back into the editor', () => {
  const roundTrips: Partial<RecurrenceForm>[] = [
    { preset: 'daily' },
    { preset: 'daily', interval: 2, ends: 'count', count: 3 },
    { preset: 'weekdays' },
    { preset: 'weekly', weekdays: ['MO', 'WE', 'FR'] },
    { preset: 'weekly', interval: 2, weekdays: ['SU'], ends: 'until', until: '2027-03-01' },
    { preset: 'monthly', monthlyBy: 'day', monthDay: 31 },
    { preset: 'monthly', monthlyBy: 'weekday', weekOfMonth: 2, weekdayOfMonth: 'TU' },
    { preset: 'monthly', monthlyBy: 'weekday', weekOfMonth: -1, weekdayOfMonth: 'FR', interval: 6 },
    { preset: 'yearly', ends: 'count', count: 10 },
  ];

  it.each(roundTrips)('round-trips %j', (changes) => {
    const original = form(changes);
    const rule = buildRule(original)!;
    const parsed = parseRule(rule, 'Europe/Berlin', 'schedule', base);
    expect(parsed).toEqual({ ...original, customRule: '' });
    expect(buildRule(parsed)).toBe(rule);
  });

  it('reads the parts in any order and case, as the server writes them', () => {
    const parsed = parseRule('rrule:byday=-1fr;freq=monthly;interval=2', 'UTC', 'schedule', base);
    expect(parsed).toMatchObject({ preset: 'monthly', monthlyBy: 'weekday', weekOfMonth: -1, weekdayOfMonth: 'FR', interval: 2 });
  });

  it('reads the stored end-of-day UNTIL (UTC) as the date in the series zone', () => {
    // UNTIL=20261231 is stored for a Berlin series as 23:59:59 Berlin time, i.e. 22:59:59Z.
    const parsed = parseRule('FREQ=DAILY;UNTIL=20261231T225959Z', 'Europe/Berlin', 'schedule', base);
    expect(parsed).toMatchObject({ preset: 'daily', ends: 'until', until: '2026-12-31' });
    const newYork = parseRule('FREQ=DAILY;UNTIL=20270101T045959Z', 'America/New_York', 'schedule', base);
    expect(newYork).toMatchObject({ ends: 'until', until: '2026-12-31' });
  });

  it('keeps the mode', () => {
    expect(parseRule('FREQ=DAILY', 'UTC', 'completion', base).mode).toBe('completion');
  });

  it('accepts the default week start', () => {
    expect(parseRule('FREQ=WEEKLY;WKST=MO;BYDAY=TU', 'UTC', 'schedule', base)).toMatchObject({ preset: 'weekly', weekdays: ['TU'] });
  });

  it.each([
    'FREQ=HOURLY;INTERVAL=6',
    'FREQ=MONTHLY',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;BYMONTHDAY=1,15',
    'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    'FREQ=MONTHLY;BYDAY=5FR',
    'FREQ=MONTHLY;BYDAY=1MO,3MO',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=WEEKLY;WKST=SU;BYDAY=TU',
    'FREQ=DAILY;BYHOUR=9,17',
    'FREQ=DAILY;BYDAY=MO',
    'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1',
    'FREQ=DAILY;COUNT=3;UNTIL=20261231',
    'FREQ=DAILY;UNTIL=20261231T120000Z',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=DAILY;FREQ=WEEKLY',
    'not a rule',
  ])('falls back to Custom for %s, keeping its text', (rule) => {
    const parsed = parseRule(rule, 'Europe/Berlin', 'schedule', base);
    expect(parsed.preset).toBe('custom');
    expect(parsed.customRule).toBe(rule);
    expect(buildRule(parsed)).toBe(rule);
  });
});
