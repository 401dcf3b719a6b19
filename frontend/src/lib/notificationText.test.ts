import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../api/types';
import { notificationText } from './notificationText';
import { setUserHourCycle } from './zonedTime';

const base: Notification = {
  id: 'n1', task_id: 't1', reminder_id: 'r1', title: 'Weekly report', message: 'server words', fire_at: '2027-01-08T12:45:00Z',
  due_at: '2027-01-08T13:00:00Z', due_at_local: null, due_text: null, timezone: 'Europe/Berlin', before_due: 'PT15M',
  link: '/tasks/t1', occurrence: { series_id: 's1', instance: 3 }, read: false, read_at: null, created_at: '2027-01-08T12:45:00Z',
};
const now = Date.parse('2027-01-08T12:45:00Z');

afterEach(() => setUserHourCycle('h23'));

describe('a notification in the user’s words', () => {
  it('shows the due time in the user’s zone on their clock, without a zone', () => {
    expect(notificationText(base, 'Europe/Berlin', now)).toBe('Weekly report is due Fri 8 Jan, 14:00, occurrence 3');
    setUserHourCycle('h12');
    expect(notificationText(base, 'America/New_York', now)).toBe('Weekly report is due Fri 8 Jan, 8:00 AM, occurrence 3');
  });

  it('says was due after the time, and Reminder: for an undated task', () => {
    expect(notificationText({ ...base, fire_at: '2027-01-08T14:00:00Z', occurrence: null }, 'UTC', now))
      .toBe('Weekly report was due Fri 8 Jan, 13:00');
    expect(notificationText({ ...base, due_at: null }, 'UTC', now)).toBe('Reminder: Weekly report');
  });
});
