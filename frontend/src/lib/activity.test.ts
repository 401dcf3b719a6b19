import { describe, expect, it } from 'vitest';
import { describeChanges, describeEntry, type ActivityEntry } from './activity';

const NOW = Date.parse('2027-01-01T00:00:00Z');

function entry(type: ActivityEntry['type'], changes: ActivityEntry['changes'], actor = 'task-crud'): ActivityEntry {
  return { id: 'e', task_id: 't', type, at: '2027-01-08T13:00:00Z', actor, changes };
}

describe('the activity log in words', () => {
  it('says what changed from what to what, in the user’s zone', () => {
    const changed = entry('updated', [
      { field: 'priority', from: 'high', to: 'low' },
      { field: 'due_at', from: null, to: '2027-01-08T13:00:00Z' },
      { field: 'status', from: 'todo', to: 'in_progress' },
      { field: 'reminders', from: 'PT15M before due', to: null },
    ]);

    expect(describeChanges(changed, 'Europe/Berlin', NOW)).toEqual([
      'Priority: high → low',
      'Due: none → Fri 8 Jan, 14:00',
      'Status: to do → in progress',
      'Reminders: 15 minutes before due → none',
    ]);
  });

  it('shows what a task was created with as its values alone', () => {
    const created = entry('created', [
      { field: 'title', from: null, to: 'Pay rent' },
      { field: 'tags', from: null, to: 'home, money' },
    ]);

    expect(describeChanges(created, 'UTC', NOW)).toEqual(['Title: Pay rent', 'Tags: home, money']);
  });

  it('says when and, unless it was the user, who', () => {
    expect(describeEntry(entry('completed', []), 'Europe/Berlin', NOW)).toBe('Completed Fri 8 Jan, 14:00');
    expect(describeEntry(entry('updated', [], 'recurrence-handler'), 'UTC', NOW)).toBe('Changed Fri 8 Jan, 13:00 by Kadence');
    expect(describeEntry(entry('restored', []), 'UTC', NOW)).toBe('Restored Fri 8 Jan, 13:00');
  });
});
