/** The activity log (GET /tasks/{id}/activity) in words: "Priority: High → Low", "Due: none → Fri 8 Jan, 14:00". */
import type { Priority, Status } from './filters';
import { describeDuration } from './durations';
import { formatInZone } from './zonedTime';

export interface ActivityChange {
  field: string;
  /** The value before and after, as text (instants in RFC 3339, lists joined by ", "); null when unset. */
  from: string | null;
  to: string | null;
}

export interface ActivityEntry {
  id: string;
  task_id: string;
  type: 'created' | 'updated' | 'completed' | 'reopened' | 'deleted' | 'restored';
  at: string;
  /** The function that made the change: task-crud (the user, in the app or the API), assistant, recurrence-handler. */
  actor: string | null;
  changes: ActivityChange[];
}

const FIELDS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  priority: 'Priority',
  status: 'Status',
  tags: 'Tags',
  due_at: 'Due',
  completed_at: 'Completed',
  recurrence: 'Repeats',
  reminders: 'Reminders',
};
const KINDS: Record<ActivityEntry['type'], string> = {
  created: 'Created',
  updated: 'Changed',
  completed: 'Completed',
  reopened: 'Reopened',
  deleted: 'Deleted',
  restored: 'Restored',
};
const ACTORS: Record<string, string> = { assistant: 'by the assistant', 'recurrence-handler': 'by Kadence' };
const PRIORITIES: Record<Priority, string> = { high: 'high', medium: 'medium', low: 'low' };
const STATUSES: Record<Status, string> = { todo: 'to do', in_progress: 'in progress', done: 'done' };

function value(field: string, text: string | null, zone: string, now: number): string {
  if (text === null) return 'none';
  switch (field) {
    case 'priority':
      return PRIORITIES[text as Priority] ?? text;
    case 'status':
      return STATUSES[text as Status] ?? text;
    case 'due_at':
    case 'completed_at':
      return formatInZone(text, zone, now);
    case 'reminders':
      return text
        .split(', ')
        .map((r) => (r.endsWith(' before due') ? `${describeDuration(r.slice(0, -' before due'.length))} before due` : formatInZone(r, zone, now)))
        .join(', ');
    default:
      return text;
  }
}

/** Each change of an entry in words; what a new task was created with is shown as its value alone. */
export function describeChanges(entry: ActivityEntry, zone: string, now: number = Date.now()): string[] {
  return entry.changes.map((change) => {
    const label = FIELDS[change.field] ?? change.field;
    const to = value(change.field, change.to, zone, now);
    return entry.type === 'created' && change.from === null
      ? `${label}: ${to}`
      : `${label}: ${value(change.field, change.from, zone, now)} → ${to}`;
  });
}

/** "Changed Fri 8 Jan, 14:00", "Created … by the assistant". */
export function describeEntry(entry: ActivityEntry, zone: string, now: number = Date.now()): string {
  const by = entry.actor ? ACTORS[entry.actor] : undefined;
  return [KINDS[entry.type] ?? entry.type, formatInZone(entry.at, zone, now), by].filter(Boolean).join(' ');
}
