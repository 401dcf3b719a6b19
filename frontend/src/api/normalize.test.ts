import { describe, expect, it } from 'vitest';
import { normalizeTask } from './normalize';
import type { Task } from './types';

describe('task snapshots', () => {
  it('fills in what a sparse snapshot leaves out (the next instance of a series, as the stream sends it)', () => {
    const sparse = {
      id: 'cd122de9',
      user_id: 'u1',
      title: 'Water',
      priority: 'medium',
      status: 'todo',
      due_at: '2026-11-23T08:10:52Z',
      created_at: '2026-11-22T06:10:52Z',
      updated_at: '2026-11-22T06:10:52Z',
      recurrence: { series_id: 's1', rule: 'FREQ=DAILY', timezone: 'UTC', mode: 'schedule', status: 'active', summary: 'every day', instance: 2 },
    } as unknown as Task;
    expect(normalizeTask(sparse)).toMatchObject({
      description: null,
      tags: [],
      completed_at: null,
      reminders: [],
      recurrence: { missed_count: 0, next_occurrences: [] },
    });
  });

  it('leaves a full snapshot as it is', () => {
    const full: Task = {
      id: 't1', user_id: 'u1', title: 'Report', description: 'x', priority: 'high', status: 'done', tags: ['work'],
      due_at: null, completed_at: '2026-11-22T06:00:00Z', created_at: 'c', updated_at: 'u', recurrence: null, reminders: [],
    };
    expect(normalizeTask(full)).toEqual(full);
  });
});
