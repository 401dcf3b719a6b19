/**
 * Task snapshots as the UI relies on them. Not every producer writes every field: the next instance of a series,
 * created by a background function, arrives on the live stream without its empty lists and null fields (no `tags`,
 * `reminders`, `description`, `completed_at`). Filling them in here keeps one shape everywhere.
 */
import type { Task } from './types';

export function normalizeTask(raw: Task): Task {
  return {
    ...raw,
    description: raw.description ?? null,
    tags: raw.tags ?? [],
    due_at: raw.due_at ?? null,
    completed_at: raw.completed_at ?? null,
    recurrence: raw.recurrence
      ? { ...raw.recurrence, missed_count: raw.recurrence.missed_count ?? 0, next_occurrences: raw.recurrence.next_occurrences ?? [] }
      : null,
    reminders: raw.reminders ?? [],
  };
}
