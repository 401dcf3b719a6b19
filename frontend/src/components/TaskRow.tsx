/** One task in the list: what it is, when it is due, how it repeats, and the one-click actions (or a swipe right). */
import type { Task } from '../api/types';
import { Link } from '../lib/router';
import { useSwipeRight } from '../lib/swipe';
import { tagViewHref } from '../lib/views';
import { formatInZone, summaryForUser } from '../lib/zonedTime';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { Spinner } from './Spinner';

interface Props {
  task: Task;
  zone: string;
  now: number;
  /** The row the keyboard (j/k) is on: it holds the focus and shows it. */
  selected?: boolean;
  /** Its complete/reopen is with the server: the check waits, with a spinner. */
  busy?: boolean;
  onToggleDone: (task: Task) => void;
  onEdit: (task: Task) => void;
}

export function isOverdue(task: Task, now: number): boolean {
  return task.status !== 'done' && task.due_at !== null && Date.parse(task.due_at) < now;
}

export function TaskRow({ task, zone, now, selected = false, busy = false, onToggleDone, onEdit }: Props) {
  const done = task.status === 'done';
  const overdue = isOverdue(task, now);
  const swipe = useSwipeRight(() => onToggleDone(task));
  return (
    <li
      data-testid="task-row"
      data-task-id={task.id}
      className={`task-row${done ? ' done' : ''}${selected ? ' selected' : ''}`}
      tabIndex={-1}
      aria-current={selected || undefined}
      {...swipe}
    >
      <button
        type="button"
        className={`check${done ? ' checked' : ''}`}
        aria-label={`${done ? 'Reopen' : 'Complete'} "${task.title}"`}
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        onClick={() => !busy && onToggleDone(task)}
      >
        {busy ? <Spinner /> : <span aria-hidden="true">{done ? '✓' : ''}</span>}
      </button>
      <div className="task-main">
        <div className="task-title-line">
          <span className="task-title">{task.title}</span>
          <span className={`priority priority-${task.priority}`} data-testid="priority">
            {PRIORITY_LABELS[task.priority]}
          </span>
          {task.status !== 'todo' && <span className={`status status-${task.status}`}>{STATUS_LABELS[task.status]}</span>}
        </div>
        <div className="task-meta">
          {task.due_at && (
            <span
              data-testid="due"
              className={`due${overdue ? ' overdue' : ''}`}
              data-overdue={overdue ? 'true' : 'false'}
            >
              <time dateTime={task.due_at}>Due {formatInZone(task.due_at, zone, now)}</time>
              {overdue && <strong> · overdue</strong>}
            </span>
          )}
          {task.recurrence && <RecurrenceBadge task={task} zone={zone} />}
          {task.tags.length > 0 && (
            <ul className="tags">
              {task.tags.map((tag) => (
                <li key={tag} className="tag" data-testid="tag">
                  <Link href={tagViewHref(tag)} aria-label={`Tasks tagged ${tag}`}>
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        {task.description && <p className="task-description">{task.description}</p>}
      </div>
      <button type="button" className="edit-button" aria-label={`Edit "${task.title}"`} onClick={() => onEdit(task)}>
        Edit
      </button>
    </li>
  );
}

function RecurrenceBadge({ task, zone }: { task: Task; zone: string }) {
  const recurrence = task.recurrence!;
  const ended = recurrence.status !== 'active';
  return (
    <span className={`recurrence${ended ? ' ended' : ''}`} data-testid="recurrence">
      <span aria-hidden="true">↻ </span>
      <span className="visually-hidden">Repeats </span>
      {summaryForUser(recurrence.summary, recurrence.timezone, zone)}
      {ended && ` (${recurrence.status})`}
      {recurrence.missed_count > 0 && <strong className="missed"> · missed {recurrence.missed_count}</strong>}
    </span>
  );
}
