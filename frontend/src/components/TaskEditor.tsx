/**
 * The dialog that creates or edits a task, with its recurrence (and live preview), reminders and (collapsed) history.
 * It opens on the title. Closing it (Escape, Close, Cancel, the backdrop) with unsaved changes asks first; while the
 * server has a save, it stays open saying so (a spinner on Save), and closes with the answer: a close then would not
 * stop the task being saved. No answer within the request time limit is an error with Retry; a create retried after
 * no answer is not made twice (createOnce).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, isTransient, messageOf, REQUEST_TIMEOUT_MS } from '../api/client';
import { listTags, patchTask, stopRecurrence } from '../api/endpoints';
import type { Task, TaskInput } from '../api/types';
import { createOnce, unansweredOf, type UnansweredCreate } from '../lib/createOnce';
import { buildRule, startDateOf, type RecurrenceForm } from '../lib/recurrence';
import { createBody, formFromTask, isUnchanged, patchBody, taskInputOf, type TaskForm } from '../lib/taskForm';
import { useRecurrencePreview, type PreviewState } from '../lib/useRecurrencePreview';
import { formatInZone, localInputToRfc3339, summaryForUser } from '../lib/zonedTime';
import { describedBy, FieldError } from './FieldError';
import { fieldErrorInWords } from '../lib/fieldWords';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { Modal } from './Modal';
import { RecurrenceFields } from './RecurrenceFields';
import { RemindersFields } from './RemindersFields';
import { Spinner } from './Spinner';
import { TagInput } from './TagInput';
import { TaskHistory } from './TaskHistory';

interface Props {
  task: Task | null;
  zone: string;
  onClose: () => void;
  /**
   * The task as the server now has it (created, changed, or with its series stopped); for a change, `revert` is the
   * PATCH that puts back what it was.
   */
  onSaved: (task: Task, verb: 'Created' | 'Saved' | 'Stopped recurrence of', revert?: TaskInput) => void;
  /** Delete was chosen: the page deletes it (with Undo). */
  onDeleted: (task: Task) => void;
}

/** Fields the form shows errors next to; the server's other messages are listed at the top. */
function isPlacedField(field: string): boolean {
  return /^(title|description|priority|status|due_at|tags(\[\d+\])?|recurrence(\.\w+)?|reminders(\[\d+\](\.\w+)?)?)$/.test(field);
}

export function TaskEditor({ task, zone, onClose, onSaved, onDeleted }: Props) {
  const seriesZone = task?.recurrence?.timezone ?? zone;
  const initial = useMemo(() => formFromTask(task, zone), [task, zone]);
  const [form, setForm] = useState<TaskForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  /** What Retry runs: the action that got no answer. */
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const unanswered = useRef<UnansweredCreate | null>(null);
  const inFlight = useRef(false);
  /** What the server is doing for the editor ("Saving"), while it does it. */
  const [pending, setPending] = useState<string | null>(null);
  const busy = pending !== null;
  const [confirmingClose, setConfirmingClose] = useState(false);
  const title = useRef<HTMLInputElement>(null);
  const keepEditing = useRef<HTMLButtonElement>(null);
  const [tagSuggestions, setTagSuggestions] = useState<string[]>([]);
  const set = (changes: Partial<TaskForm>) => setForm((current) => ({ ...current, ...changes }));

  useEffect(() => {
    listTags().then(
      (tags) => setTagSuggestions(tags.items.map((tag) => tag.name)),
      () => setTagSuggestions([]), // suggestions are a convenience; typing still works
    );
  }, []);

  const dueAt = form.dueLocal ? localInputToRfc3339(form.dueLocal, zone) : null;
  const start = dueAt ? startDateOf(Date.parse(dueAt), seriesZone) : null;
  const preview = useRecurrencePreview({
    rule: buildRule(form.recurrence),
    mode: form.recurrence.mode,
    timezone: seriesZone,
    dueAt,
  });
  const previewRuleError = preview.kind === 'invalid' ? preview.fieldErrors['recurrence.rule'] : undefined;

  async function run(doing: string, action: () => Promise<void>) {
    if (inFlight.current) return; // one request at a time: a second Enter or click sends nothing
    inFlight.current = true;
    setPending(doing);
    setGeneral('');
    setRetry(null);
    try {
      await action();
    } catch (error) {
      if (isTransient(error)) setRetry(() => () => void run(doing, action));
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      setErrors(fieldErrors);
      const unplaced = Object.entries(fieldErrors).filter(([field]) => !isPlacedField(field));
      const placedAll = Object.keys(fieldErrors).length > 0 && unplaced.length === 0;
      setGeneral(placedAll ? 'Please correct the highlighted fields.' : [messageOf(error), ...unplaced.map(([field, message]) => fieldErrorInWords(field, message))].join(' '));
    } finally {
      inFlight.current = false;
      setPending(null);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const current = taskInputOf(form, zone, seriesZone);
    if (!current.input.title) current.errors.title = 'Give the task a title';
    if (Object.keys(current.errors).length) {
      setErrors(current.errors);
      setGeneral('Please correct the highlighted fields.');
      return;
    }
    setErrors({});
    void run('Saving', async () => {
      if (!task) {
        try {
          onSaved(await createOnce(createBody(current.input), unanswered.current), 'Created');
        } catch (error) {
          unanswered.current = unansweredOf(error) ?? unanswered.current;
          throw error;
        }
        return;
      }
      const before = taskInputOf(initial, zone, seriesZone).input;
      const changes = patchBody(before, current.input);
      if (!Object.keys(changes).length) return onSaved(task, 'Saved');
      onSaved(await patchTask(task.id, changes), 'Saved', patchBody(current.input, before));
    });
  }

  const remove = () => task && !busy && onDeleted(task);
  const stop = () => task && void run('Stopping the recurrence', async () => onSaved(await stopRecurrence(task.id), 'Stopped recurrence of'));

  const requestClose = () => {
    if (busy) return; // the server is answering; the dialog closes with its answer
    if (isUnchanged(initial, form)) onClose();
    else setConfirmingClose(true);
  };

  const ruleError = errors['recurrence.rule'] ?? errors.recurrence ?? previewRuleError;
  return (
    <>
      <Modal title={task ? 'Edit task' : 'New task'} onClose={requestClose} className="task-editor" initialFocus={title}>
        <form onSubmit={save} noValidate className="stack">
          {general && (
            <p className="form-error" role="alert">
              {general}{' '}
              {retry && !busy && (
                // The keyboard is where it was (Enter on Save, or in a field): it goes to Retry, the way on.
                <button type="button" onClick={retry} autoFocus>
                  Retry
                </button>
              )}
            </p>
          )}
          <div className="field">
            <label htmlFor="task-title">Title</label>
            <input
              id="task-title"
              ref={title}
              value={form.title}
              maxLength={500}
              onChange={(event) => set({ title: event.target.value })}
              {...describedBy('title', errors.title)}
            />
            <FieldError field="title" message={errors.title} label="Title" />
          </div>
          <div className="field">
            <label htmlFor="task-description">Description</label>
            <textarea
              id="task-description"
              rows={3}
              value={form.description}
              onChange={(event) => set({ description: event.target.value })}
              {...describedBy('description', errors.description)}
            />
            <FieldError field="description" message={errors.description} label="Description" />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="task-priority">Priority</label>
              <select
                id="task-priority"
                value={form.priority}
                onChange={(event) => set({ priority: event.target.value as TaskForm['priority'] })}
                {...describedBy('priority', errors.priority)}
              >
                {(['low', 'medium', 'high'] as const).map((priority) => (
                  <option key={priority} value={priority}>
                    {PRIORITY_LABELS[priority]}
                  </option>
                ))}
              </select>
              <FieldError field="priority" message={errors.priority} label="Priority" />
            </div>
            <div className="field">
              <label htmlFor="task-status">Status</label>
              <select
                id="task-status"
                value={form.status}
                onChange={(event) => set({ status: event.target.value as TaskForm['status'] })}
                {...describedBy('status', errors.status)}
              >
                {(['todo', 'in_progress', 'done'] as const).map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
              <FieldError field="status" message={errors.status} label="Status" />
            </div>
          </div>
          <div className="field">
            <TagInput
              tags={form.tags}
              text={form.tagText}
              suggestions={tagSuggestions}
              onChange={(tags, tagText) => set({ tags, tagText })}
              error={tagError(errors)}
            />
            <FieldError field="tags" message={tagError(errors)} label="Tag" />
          </div>
          <div className="field">
            <label htmlFor="task-due">Due</label>
            <input
              id="task-due"
              type="datetime-local"
              value={form.dueLocal}
              onChange={(event) => set({ dueLocal: event.target.value })}
              {...describedBy('due_at', errors.due_at, 'task-due-zone')}
            />
            <p className="hint" id="task-due-zone">
              In your time zone, {zone}.
            </p>
            <FieldError field="due_at" message={errors.due_at} label="Due" />
          </div>
          <RecurrenceFields
            form={form.recurrence}
            onChange={(recurrence: RecurrenceForm) => set({ recurrence })}
            start={start}
            ruleError={ruleError}
          />
          {form.recurrence.preset !== 'none' && <PreviewPanel state={preview} zone={zone} />}
          {task?.recurrence && <SeriesNote task={task} />}
          <RemindersFields
            reminders={form.reminders}
            onChange={(reminders) => set({ reminders })}
            hasDue={Boolean(form.dueLocal)}
            errors={errors}
          />
          {task && <TaskHistory taskId={task.id} zone={zone} />}
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={busy} aria-busy={pending === 'Saving'}>
              {pending === 'Saving' ? (
                <>
                  <Spinner />
                  Saving…
                </>
              ) : (
                'Save'
              )}
            </button>
            <button type="button" onClick={requestClose} disabled={busy}>
              Cancel
            </button>
            {task?.recurrence?.status === 'active' && (
              <button type="button" onClick={stop} disabled={busy}>
                Stop recurrence
              </button>
            )}
            {task && (
              <button type="button" className="danger" onClick={remove} disabled={busy}>
                Delete
              </button>
            )}
            <p className="hint saving" role="status">
              {busy && `${pending}… the editor closes when the server answers (at most ${REQUEST_TIMEOUT_MS / 1000} seconds).`}
            </p>
          </div>
        </form>
      </Modal>
      {confirmingClose && (
        <Modal title="Discard changes?" onClose={() => setConfirmingClose(false)} className="confirm" initialFocus={keepEditing}>
          <p>What you changed in this task is not saved.</p>
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={onClose}>
              Discard
            </button>
            <button type="button" className="primary" ref={keepEditing} onClick={() => setConfirmingClose(false)}>
              Keep editing
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}

/** A tag's error (tags, tags[2]) shown once under the tag field. */
function tagError(errors: Record<string, string>): string | undefined {
  const entry = Object.entries(errors).find(([field]) => field === 'tags' || field.startsWith('tags['));
  return entry?.[1];
}

function SeriesNote({ task }: { task: Task }) {
  const recurrence = task.recurrence!;
  const parts = [
    recurrence.instance ? `Occurrence ${recurrence.instance} of this series` : 'Part of a series',
    recurrence.status !== 'active' ? `series ${recurrence.status}` : '',
    recurrence.missed_count > 0 ? `missed ${recurrence.missed_count}` : '',
  ].filter(Boolean);
  return <p className="hint">{parts.join(' · ')}.</p>;
}

function PreviewPanel({ state, zone }: { state: PreviewState; zone: string }) {
  return (
    <div className="recurrence-preview" data-testid="recurrence-preview" aria-live="polite">
      {state.kind === 'needs-due' && <p>Set a due date to see when it repeats.</p>}
      {(state.kind === 'loading' || state.kind === 'idle') && <p className="hint">Working out the dates…</p>}
      {state.kind === 'invalid' && <p>No preview: {state.fieldErrors['due_at'] ?? 'the rule needs fixing (see above).'}</p>}
      {state.kind === 'unavailable' && <p>The preview is not available right now. You can still save.</p>}
      {state.kind === 'ready' && (
        <>
          <p className="preview-summary">
            Repeats {summaryForUser(state.preview.summary, state.preview.timezone ?? zone, zone)}
          </p>
          {state.preview.next_occurrences.length > 0 ? (
            <>
              <p className="hint">Next occurrences:</p>
              <ol className="occurrences">
                {state.preview.next_occurrences.map((instant) => (
                  <li key={instant}>
                    <time dateTime={instant}>{formatInZone(instant, zone)}</time>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p>No further occurrences.</p>
          )}
        </>
      )}
    </div>
  );
}
