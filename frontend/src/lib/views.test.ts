import { describe, expect, it } from 'vitest';
import type { Task } from '../api/types';
import { DEFAULT_FILTERS, parseFilters, toApiQuery } from './filters';
import { addDays, countFilters, daySections, dayHeading, filterGroupsOf, parseView, serializeView, tagViewHref, todaySections, viewFilters } from './views';
import { dateInZone } from './zonedTime';

const task = (id: string, due_at: string | null, status: Task['status'] = 'todo'): Task => ({
  id, user_id: 'u', title: id, description: null, priority: 'medium', status, tags: [], due_at, completed_at: null,
  created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', recurrence: null, reminders: [],
});

const query = (view: Parameters<typeof viewFilters>[0], search = '', today = '2026-12-06') =>
  Object.fromEntries(new URLSearchParams(toApiQuery(viewFilters(view, parseFilters(search), today))));

describe('the view in the URL', () => {
  it('is Today when absent or unknown, and left out of the URL for Today', () => {
    expect(parseView('')).toBe('today');
    expect(parseView('?view=nonsense')).toBe('today');
    expect(parseView('?view=upcoming&tags=work')).toBe('upcoming');
    expect(serializeView('today', DEFAULT_FILTERS)).toBe('');
    expect(serializeView('completed', { ...DEFAULT_FILTERS, search: 'rent' })).toBe('?view=completed&search=rent');
  });

  it('a tag chip opens the open tasks with that tag', () => {
    expect(tagViewHref('work')).toBe('/?view=all&tags=work');
    expect(query('all', '?tags=work')).toMatchObject({ tags: 'work', status: 'todo,in_progress' });
  });
});

describe('what each view asks the server for', () => {
  it('Today: open tasks due up to the end of today, overdue included, soonest first', () => {
    expect(query('today', '?sort_by=priority&due_from=2026-01-01&overdue=true')).toEqual({
      status: 'todo,in_progress', due_to: '2026-12-06', sort_by: 'due_at', order: 'asc',
    });
  });

  it('Upcoming: the fourteen days after today, across a month and a year end', () => {
    expect(query('upcoming', '', '2026-12-25')).toMatchObject({
      status: 'todo,in_progress', due_from: '2026-12-26', due_to: '2027-01-08', sort_by: 'due_at',
    });
  });

  it('All hides completed tasks unless a status is chosen; Completed shows only them', () => {
    expect(query('all')).toMatchObject({ status: 'todo,in_progress' });
    expect(query('all', '?status=done')).toMatchObject({ status: 'done' });
    expect(query('completed', '?search=rent')).toMatchObject({ status: 'done', search: 'rent' });
  });

  it('the filters panel offers what the view leaves open', () => {
    expect(filterGroupsOf('today')).toEqual(['priority', 'tags']);
    expect(filterGroupsOf('upcoming')).toEqual(['priority', 'tags']);
    expect(filterGroupsOf('all')).toContain('status');
    expect(filterGroupsOf('completed')).not.toContain('status');
  });

  it('search, priority and tags narrow every view; the counts ignore them', () => {
    expect(query('upcoming', '?priority=high&tags=work')).toMatchObject({ priority: 'high', tags: 'work' });
    expect(countFilters('today', '2026-12-06')).toEqual(viewFilters('today', DEFAULT_FILTERS, '2026-12-06'));
  });
});

describe('days in the user zone', () => {
  it('today is the date on the wall clock, not in UTC', () => {
    const instant = Date.parse('2026-12-06T23:30:00Z');
    expect(dateInZone(instant, 'Europe/Berlin')).toBe('2026-12-07');
    expect(dateInZone(instant, 'America/Los_Angeles')).toBe('2026-12-06');
    expect(dateInZone(instant, 'Pacific/Kiritimati')).toBe('2026-12-07');
  });

  it('calendar days are added without a clock, so a DST change does not shift them', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 14)).toBe('2026-11-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('groups by the day in the zone, across the spring-forward day (23 hours in Berlin)', () => {
    const tasks = [
      task('late on the 28th', '2026-03-28T22:59:00Z'), // 23:59 CET
      task('first of the short day', '2026-03-28T23:00:00Z'), // 00:00 CET, 29 March
      task('last of the short day', '2026-03-29T21:59:00Z'), // 23:59 CEST
      task('first of the 30th', '2026-03-29T22:00:00Z'), // 00:00 CEST
      task('no due date', null),
    ];
    const sections = daySections(tasks, 'Europe/Berlin', '2026-03-27');
    expect(sections.map((s) => [s.key, s.title, s.tasks.map((t) => t.id)])).toEqual([
      ['2026-03-28', 'Tomorrow', ['late on the 28th']],
      ['2026-03-29', 'Sun 29 Mar', ['first of the short day', 'last of the short day']],
      ['2026-03-30', 'Mon 30 Mar', ['first of the 30th']],
    ]);
  });

  it('groups the 25-hour fall-back day as one day in New York', () => {
    const tasks = [
      task('early', '2026-11-01T04:00:00Z'), // 00:00 EDT, 1 November
      task('late', '2026-11-02T04:59:00Z'), // 23:59 EST
    ];
    expect(daySections(tasks, 'America/New_York', '2026-10-30').map((s) => [s.key, s.tasks.length])).toEqual([['2026-11-01', 2]]);
  });

  it('heads days Today, Tomorrow, then by weekday and date', () => {
    expect(dayHeading('2026-12-06', '2026-12-06')).toBe('Today');
    expect(dayHeading('2026-12-07', '2026-12-06')).toBe('Tomorrow');
    expect(dayHeading('2027-01-01', '2026-12-06')).toBe('Fri 1 Jan');
  });
});

describe('Today folds overdue tasks in at the top', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('overdue first, then the rest of today in the server order', () => {
    const tasks = [
      task('last week', '2026-11-30T09:00:00Z'),
      task('this morning', '2026-12-06T08:00:00Z'),
      task('this afternoon', '2026-12-06T15:00:00Z'),
      task('tonight', '2026-12-06T21:00:00Z'),
    ];
    expect(todaySections(tasks, now).map((s) => [s.title, s.tasks.map((t) => t.id)])).toEqual([
      ['Overdue', ['last week', 'this morning']],
      ['Today', ['this afternoon', 'tonight']],
    ]);
  });

  it('leaves out a section with nothing in it', () => {
    expect(todaySections([task('tonight', '2026-12-06T21:00:00Z')], now).map((s) => s.title)).toEqual(['Today']);
    expect(todaySections([], now)).toEqual([]);
  });
});
