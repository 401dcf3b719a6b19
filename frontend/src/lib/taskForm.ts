/**
 * The task editor's form ↔ the API's task body. Times are typed in the user's zone; a new task is sent whole, an
 * edited one as a PATCH of only what changed, so saving never rewrites a series or reminders the user left alone.
 */
import type { Priority, ReminderInput, Status, Task, TaskInput } from '../api/types';
import { parseBeforeDue } from './durations';
import { normalizeTags } from './filters';
import { buildRule, emptyForm, parseRule, startDateOf, type RecurrenceForm } from './recurrence';
import { localInputToRfc3339, rfc3339ToLocalInput } from './zonedTime';

export type ReminderDraft =
  | { key: number; kind: 'before'; beforeDue: string }
  | { key: number; kind: 'at'; atLocal: string }
  | { key: number; kind: 'custom'; text: string };

export interface TaskForm {
  title: string;
  description: string;
  priority: Priority;
  status: Status;
  tags: string[];
  /** A tag typed but not yet turned into a chip: saving keeps it, as the user would expect. */
  tagText: string;
  dueLocal: string;
  recurrence: RecurrenceForm;
  reminders: ReminderDraft[];
}

let nextReminderKey = 1;
export const reminderKey = () => nextReminderKey++;

function remindersOf(task: Task, zone: string): ReminderDraft[] {
  return task.reminders
    .filter((reminder) => reminder.status === 'pending')
    .map((reminder): ReminderDraft =>
      reminder.before_due
        ? { key: reminderKey(), kind: 'before', beforeDue: reminder.before_due }
        : { key: reminderKey(), kind: 'at', atLocal: rfc3339ToLocalInput(reminder.at, zone) },
    );
}

/** The form for a new task (null) or an existing one, with times in `zone`. */
export function formFromTask(task: Task | null, zone: string): TaskForm {
  if (!task) {
    return {
      title: '',
      description: '',
      priority: 'medium',
      status: 'todo',
      tags: [],
      tagText: '',
      dueLocal: '',
      recurrence: emptyForm(),
      reminders: [],
    };
  }
  const seriesZone = task.recurrence?.timezone ?? zone;
  const base = task.due_at ? emptyForm(startDateOf(Date.parse(task.due_at), seriesZone)) : emptyForm();
  return {
    title: task.title,
    description: task.description ?? '',
    priority: task.priority,
    status: task.status,
    tags: [...task.tags],
    tagText: '',
    dueLocal: rfc3339ToLocalInput(task.due_at, zone),
    recurrence: task.recurrence ? parseRule(task.recurrence.rule, seriesZone, task.recurrence.mode, base) : base,
    reminders: remindersOf(task, zone),
  };
}

export interface TaskInputResult {
  input: TaskInput;
  /** Problems found before asking the server, by the field names the server would use. */
  errors: Record<string, string>;
}

function remindersInput(drafts: ReminderDraft[], zone: string, errors: Record<string, string>): ReminderInput[] {
  return drafts.flatMap((draft, index): ReminderInput[] => {
    if (draft.kind === 'before') return [{ before_due: draft.beforeDue }];
    if (draft.kind === 'custom') {
      const iso = parseBeforeDue(draft.text);
      if (!iso) errors[`reminders[${index}].before_due`] = 'Enter a duration such as 2h, 1d, 90m or PT2H';
      return iso ? [{ before_due: iso }] : [];
    }
    const at = localInputToRfc3339(draft.atLocal, zone);
    if (!at) errors[`reminders[${index}].at`] = 'Enter the date and time to be reminded at';
    return at ? [{ at }] : [];
  });
}

/**
 * The whole task as the form states it. `seriesZone` is the zone of the task's existing series (its rule's days and
 * times are read there); a new series takes the user's zone.
 */
export function taskInputOf(form: TaskForm, zone: string, seriesZone: string = zone): TaskInputResult {
  const errors: Record<string, string> = {};
  const dueAt = form.dueLocal ? localInputToRfc3339(form.dueLocal, zone) : null;
  if (form.dueLocal && !dueAt) errors.due_at = 'Enter a valid date and time';
  const rule = buildRule(form.recurrence);
  if (form.recurrence.preset === 'custom' && !rule) errors['recurrence.rule'] = 'Enter a rule, e.g. FREQ=WEEKLY;BYDAY=FR';
  const input: TaskInput = {
    title: form.title.trim(),
    description: form.description.trim() ? form.description : null,
    priority: form.priority,
    status: form.status,
    tags: normalizeTags([...form.tags, form.tagText].join(',')),
    due_at: dueAt,
    recurrence: rule ? { rule, timezone: seriesZone, mode: form.recurrence.mode } : null,
    reminders: remindersInput(form.reminders, zone, errors),
  };
  return { input, errors };
}

/** A new task's body: only what is set, so the server's defaults apply to the rest. */
export function createBody(input: TaskInput): TaskInput {
  const body: TaskInput = { title: input.title, priority: input.priority, status: input.status };
  if (input.description) body.description = input.description;
  if (input.tags?.length) body.tags = input.tags;
  if (input.due_at) body.due_at = input.due_at;
  if (input.recurrence) body.recurrence = input.recurrence;
  if (input.reminders?.length) body.reminders = input.reminders;
  return body;
}

/** Whether the editor holds only what it opened with: closing it then loses nothing, so it asks nothing. */
export function isUnchanged(initial: TaskForm, current: TaskForm): boolean {
  return current === initial || JSON.stringify(current) === JSON.stringify(initial);
}

/** A PATCH body: the fields of `current` that differ from `initial` (the same form before any edit). */
export function patchBody(initial: TaskInput, current: TaskInput): TaskInput {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(current) as (keyof TaskInput)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(initial[key])) changes[key] = current[key];
  }
  return changes as TaskInput;
}
