import { describe, expect, it } from 'vitest';
import type { Task } from '../api/types';
import { createBody, formFromTask, isUnchanged, patchBody, taskInputOf, type TaskForm } from './taskForm';

const zone = 'Europe/Berlin';

const weeklyReport: Task = {
  id: 't1',
  user_id: 'u1',
  title: 'Weekly report',
  description: null,
  priority: 'high',
  status: 'todo',
  tags: ['work'],
  due_at: '2026-11-27T13:00:00Z',
  completed_at: null,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
  recurrence: {
    series_id: 's1',
    rule: 'FREQ=WEEKLY;BYDAY=FR',
    timezone: 'Europe/Berlin',
    mode: 'schedule',
    status: 'active',
    summary: 'every Friday at 14:00, Europe/Berlin',
    instance: 1,
    missed_count: 0,
    next_occurrences: [],
  },
  reminders: [
    { id: 'r1', task_id: 't1', at: null, before_due: 'PT15M', fire_at: '2026-11-27T12:45:00Z', status: 'pending' },
    { id: 'r2', task_id: 't1', at: '2026-11-20T08:00:00Z', before_due: null, fire_at: '2026-11-20T08:00:00Z', status: 'fired' },
  ],
};

describe('the editor form of a task', () => {
  it('shows the due time and reminders in the user zone, and the rule as a preset', () => {
    const form = formFromTask(weeklyReport, zone);
    expect(form.dueLocal).toBe('2026-11-27T14:00');
    expect(form.recurrence).toMatchObject({ preset: 'weekly', weekdays: ['FR'], mode: 'schedule' });
    // Only pending reminders can still be changed; fired ones are history.
    expect(form.reminders).toEqual([expect.objectContaining({ kind: 'before', beforeDue: 'PT15M' })]);
  });

  it('saves an untouched task as an empty PATCH', () => {
    const form = formFromTask(weeklyReport, zone);
    const initial = taskInputOf(form, zone).input;
    expect(patchBody(initial, taskInputOf(form, zone).input)).toEqual({});
  });

  it('patches only what changed', () => {
    const form = formFromTask(weeklyReport, zone);
    const initial = taskInputOf(form, zone).input;
    const edited: TaskForm = { ...form, title: 'Weekly report v2', tags: ['work'], tagText: 'Urgent', dueLocal: '2026-11-27T15:30' };
    expect(patchBody(initial, taskInputOf(edited, zone).input)).toEqual({
      title: 'Weekly report v2',
      tags: ['work', 'urgent'],
      due_at: '2026-11-27T15:30:00+01:00',
    });
  });

  it('stops the series when the user picks "Does not repeat"', () => {
    const form = formFromTask(weeklyReport, zone);
    const initial = taskInputOf(form, zone).input;
    const plain = { ...form, recurrence: { ...form.recurrence, preset: 'none' as const } };
    expect(patchBody(initial, taskInputOf(plain, zone).input)).toEqual({ recurrence: null });
  });

  it('sends the whole reminder list when one changes', () => {
    const form = formFromTask(weeklyReport, zone);
    const initial = taskInputOf(form, zone).input;
    const more: TaskForm = {
      ...form,
      reminders: [...form.reminders, { key: 99, kind: 'custom', text: '2h' }, { key: 100, kind: 'at', atLocal: '2026-11-27T08:00' }],
    };
    expect(patchBody(initial, taskInputOf(more, zone).input)).toEqual({
      reminders: [{ before_due: 'PT15M' }, { before_due: 'PT2H' }, { at: '2026-11-27T08:00:00+01:00' }],
    });
  });
});

describe('a new task', () => {
  const blank = formFromTask(null, zone);

  it('sends only what is set', () => {
    const form: TaskForm = { ...blank, title: '  Call Ana ', tags: ['home'] };
    expect(createBody(taskInputOf(form, zone).input)).toEqual({ title: 'Call Ana', priority: 'medium', status: 'todo', tags: ['home'] });
  });

  it('sends the recurrence in the user zone with its mode, and the reminders', () => {
    const form: TaskForm = {
      ...blank,
      title: 'Pay rent',
      dueLocal: '2026-12-01T09:00',
      recurrence: { ...blank.recurrence, preset: 'monthly', monthDay: 1, mode: 'completion' },
      reminders: [{ key: 1, kind: 'before', beforeDue: 'P1D' }],
    };
    expect(createBody(taskInputOf(form, zone).input)).toEqual({
      title: 'Pay rent',
      priority: 'medium',
      status: 'todo',
      due_at: '2026-12-01T09:00:00+01:00',
      recurrence: { rule: 'FREQ=MONTHLY;BYMONTHDAY=1', timezone: zone, mode: 'completion' },
      reminders: [{ before_due: 'P1D' }],
    });
  });

  it('reports unusable input by the field names the server uses', () => {
    const form: TaskForm = {
      ...blank,
      title: 'x',
      recurrence: { ...blank.recurrence, preset: 'custom', customRule: ' ' },
      reminders: [
        { key: 1, kind: 'before', beforeDue: 'PT15M' },
        { key: 2, kind: 'custom', text: 'soon' },
        { key: 3, kind: 'at', atLocal: '' },
      ],
    };
    expect(taskInputOf(form, zone).errors).toEqual({
      'recurrence.rule': expect.any(String),
      'reminders[1].before_due': expect.any(String),
      'reminders[2].at': expect.any(String),
    });
  });
});

describe('isUnchanged', () => {
  it('is true for the form as it opened, and for an edit typed back to it', () => {
    const initial = formFromTask(weeklyReport, zone);
    expect(isUnchanged(initial, initial)).toBe(true);
    expect(isUnchanged(initial, { ...initial, title: 'Weekly report!' })).toBe(false);
    expect(isUnchanged(initial, { ...initial, title: 'Weekly report' })).toBe(true);
  });

  it('sees a tag typed but not yet a chip, and a change deep in the recurrence', () => {
    const initial = formFromTask(null, zone);
    expect(isUnchanged(initial, { ...initial, tagText: 'wo' })).toBe(false);
    expect(isUnchanged(initial, { ...initial, recurrence: { ...initial.recurrence, interval: initial.recurrence.interval + 1 } })).toBe(false);
  });
});
