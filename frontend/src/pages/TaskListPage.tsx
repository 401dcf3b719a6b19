/**
 * The task list: search, filters and sort from the URL, the tasks of that view (kept current by the live stream),
 * one-click complete/reopen with Undo, and the editor dialog.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { completeTask, getTask, reopenTask } from '../api/endpoints';
import type { Task } from '../api/types';
import { DebouncedInput } from '../components/DebouncedInput';
import { FiltersPanel } from '../components/FiltersPanel';
import { QuickAddBar, type QuickAddHandle } from '../components/QuickAddBar';
import { TaskEditor } from '../components/TaskEditor';
import { TaskRow } from '../components/TaskRow';
import { useToast } from '../components/Toasts';
import { clearFilters, describeEmptyView, hasActiveFilters, parseFilters, serializeFilters, type Filters } from '../lib/filters';
import { navigate, useLocation } from '../lib/router';
import { useTaskChanges } from '../lib/taskChanges';
import { useShortcut } from '../lib/shortcuts';
import { useTaskList } from '../lib/useTaskList';

interface Props {
  zone: string;
  /** Set on /tasks/<id> (a notification's link): that task opens in the editor. */
  openTaskId: string | null;
}

const LIVE_REFRESH_DELAY_MS = 150;

/** The list's element id: the skip link's target. */
export const TASK_LIST_ID = 'tasks';

/** The current time, advancing every minute, so "overdue" turns on without a reload. */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Runs `action` once calls stop coming for `delayMs`: a burst of live events becomes one refresh. */
function useCoalesced(action: () => void, delayMs: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  }, [delayMs]);
}

type Editing = { task: Task | null; fromUrl: boolean };

export function TaskListPage({ zone, openTaskId }: Props) {
  const { search } = useLocation();
  const filters = useMemo(() => parseFilters(search), [search]);
  const list = useTaskList(filters);
  const showToast = useToast();
  const now = useNow();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(() => hasActiveFilters(filters));
  const quickAdd = useRef<QuickAddHandle>(null);
  useShortcut('q', () => quickAdd.current?.focus());

  const setFilters = (next: Filters) => navigate(`/${serializeFilters(next)}`);

  const refreshSoon = useCoalesced(() => void list.refresh(), LIVE_REFRESH_DELAY_MS);
  useTaskChanges((change) => {
    if (change.change === 'deleted') list.remove(change.task_id);
    else if (change.task) list.replace(change.task);
    refreshSoon();
  });

  useEffect(() => {
    if (!openTaskId) return;
    getTask(openTaskId).then(
      (task) => setEditing({ task, fromUrl: true }),
      (error) => {
        showToast({ kind: 'error', message: `Cannot open that task: ${messageOf(error)}` });
        navigate('/', { replace: true });
      },
    );
  }, [openTaskId, showToast]);

  const closeEditor = () => {
    if (editing?.fromUrl) navigate('/');
    setEditing(null);
  };

  /**
   * Edits the task as the server has it now: a row may hold a live snapshot that lacks fields (see normalizeTask),
   * and saving reminders from an incomplete list would cancel the ones left out.
   */
  async function openEditor(task: Task) {
    try {
      setEditing({ task: await getTask(task.id), fromUrl: false });
    } catch (error) {
      showToast({ kind: 'error', message: `Cannot open "${task.title}": ${messageOf(error)}` });
    }
  }

  async function toggleDone(task: Task) {
    const wasDone = task.status === 'done';
    try {
      list.replace(await (wasDone ? reopenTask(task.id) : completeTask(task.id)));
      void list.refresh();
      showToast({
        kind: 'undo',
        message: `${wasDone ? 'Reopened' : 'Completed'} "${task.title}"`,
        action: { label: 'Undo', run: () => void undoToggle(task, wasDone) },
      });
    } catch (error) {
      showToast({ kind: 'error', message: messageOf(error) });
    }
  }

  async function undoToggle(task: Task, wasDone: boolean) {
    try {
      list.replace(await (wasDone ? completeTask(task.id) : reopenTask(task.id)));
      void list.refresh();
    } catch (error) {
      showToast({ kind: 'error', message: `Could not undo: ${messageOf(error)}` });
    }
  }

  const active = hasActiveFilters(filters);
  return (
    <main className="page">
      <div className="toolbar">
        <h1>Tasks</h1>
        <div className="search">
          <label htmlFor="task-search" className="visually-hidden">
            Search
          </label>
          <DebouncedInput
            id="task-search"
            type="search"
            placeholder="Search tasks"
            value={filters.search}
            onCommit={(text) => setFilters({ ...filters, search: text })}
            means={(text, value) => text.trim() === value}
          />
        </div>
        <button type="button" className="primary" onClick={() => setEditing({ task: null, fromUrl: false })}>
          New task
        </button>
      </div>
      <QuickAddBar
        ref={quickAdd}
        zone={zone}
        onCreated={(task) => {
          // The list re-reads at once: the task shows even when the live stream is slow (or its change is dropped).
          void list.refresh();
          showToast({ kind: 'info', message: `Added "${task.title}"` });
        }}
      />
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={filtersOpen}
        aria-controls="task-filters"
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        {filtersOpen ? 'Hide filters' : 'Show filters'}
        {active && ' (active)'}
      </button>
      <FiltersPanel filters={filters} onChange={setFilters} open={filtersOpen} id="task-filters" />
      {list.error && (
        <p className="form-error" role="alert">
          {list.error} <button onClick={() => void list.refresh()}>Try again</button>
        </p>
      )}
      <section aria-label="Task list" aria-busy={list.loading} id={TASK_LIST_ID} tabIndex={-1}>
        {list.items.length === 0 && !list.loading && !list.error ? (
          <div className="empty-state" data-testid="empty-state">
            {active ? (
              <>
                <p>{describeEmptyView(filters)}.</p>
                <button type="button" onClick={() => setFilters(clearFilters(filters))}>
                  Show all tasks
                </button>
              </>
            ) : (
              <p>No tasks yet. Add your first one above, or with “New task”.</p>
            )}
          </div>
        ) : (
          <ul className="task-list">
            {list.items.map((task) => (
              <TaskRow
                key={task.id}
                task={task}
                zone={zone}
                now={now}
                onToggleDone={(t) => void toggleDone(t)}
                onEdit={(t) => void openEditor(t)}
              />
            ))}
          </ul>
        )}
        {list.loading && <p className="hint">Loading…</p>}
        {list.nextCursor && !list.loading && (
          <button type="button" className="load-more" onClick={() => void list.loadMore()}>
            Load more
          </button>
        )}
      </section>
      {editing && (
        <TaskEditor
          key={editing.task?.id ?? 'new'}
          task={editing.task}
          zone={zone}
          onClose={closeEditor}
          onSaved={(task, verb) => {
            closeEditor();
            list.replace(task);
            void list.refresh();
            showToast({ kind: 'info', message: `${verb} "${task.title}"` });
          }}
          onDeleted={(task) => {
            closeEditor();
            list.remove(task.id);
            void list.refresh();
            showToast({ kind: 'info', message: `Deleted "${task.title}"` });
          }}
        />
      )}
    </main>
  );
}
