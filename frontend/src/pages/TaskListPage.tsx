/**
 * The task list: the view (Today, Upcoming, All, Completed) with search, filters and sort from the URL, the tasks of
 * that view (kept current by the live stream) with the views' counts, one-click complete/reopen, edit and delete, each
 * with Undo (and Ctrl+Z), the list's keyboard shortcuts, and the editor dialog.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isTransient, messageOf } from '../api/client';
import { completeTask, deleteTask, getTask, patchTask, reopenTask, restoreTask } from '../api/endpoints';
import type { Task, TaskInput } from '../api/types';
import { DebouncedInput } from '../components/DebouncedInput';
import { FiltersPanel } from '../components/FiltersPanel';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { QuickAddBar, type QuickAddHandle } from '../components/QuickAddBar';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { Spinner } from '../components/Spinner';
import { TaskEditor } from '../components/TaskEditor';
import { TaskRow } from '../components/TaskRow';
import { useToast } from '../components/Toasts';
import { ViewNav } from '../components/ViewNav';
import { clearFilters, DEFAULT_FILTERS, describeEmptyView, hasActiveFilters, parseFilters, type Filters } from '../lib/filters';
import { Link, navigate, useLocation } from '../lib/router';
import { useTaskChanges } from '../lib/taskChanges';
import { useShortcut } from '../lib/shortcuts';
import { useTaskList } from '../lib/useTaskList';
import { useUndo } from '../lib/useUndo';
import { useViewCounts } from '../lib/useViewCounts';
import { daySections, filterGroupsOf, parseView, serializeView, todaySections, VIEW_NAMES, viewFilters, type Section, type View } from '../lib/views';
import { dateInZone } from '../lib/zonedTime';

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

/** The list as shown: Today folds what is overdue in at the top, Upcoming has a heading per day. */
function sectionsOf(view: View, tasks: Task[], zone: string, today: string, now: number): Section[] {
  if (view === 'today') return todaySections(tasks, now);
  if (view === 'upcoming') return daySections(tasks, zone, today);
  return [{ key: view, title: '', tasks }];
}

function headingOf(view: View, filters: Filters): string {
  if (view === 'all' && filters.tags.length === 1) return `#${filters.tags[0]}`;
  return view === 'all' ? 'All tasks' : VIEW_NAMES[view];
}

export function TaskListPage({ zone, openTaskId }: Props) {
  const { search } = useLocation();
  const filters = useMemo(() => parseFilters(search), [search]);
  const view = parseView(search);
  const now = useNow();
  const today = dateInZone(now, zone);
  const list = useTaskList(useMemo(() => viewFilters(view, filters, today), [view, filters, today]));
  const counts = useViewCounts(today, list.items);
  const showToast = useToast();
  const undo = useUndo();
  /** Tasks with a request in flight from their row: their buttons wait, so nothing is sent twice. */
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(() => hasActiveFilters(filters));
  const quickAdd = useRef<QuickAddHandle>(null);

  const sections = sectionsOf(view, list.items, zone, today, now);
  const shown = sections.flatMap((section) => section.tasks);
  const selected = shown.find((task) => task.id === selectedId) ?? null;

  useEffect(() => {
    if (selectedId) document.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(selectedId)}"]`)?.focus();
  }, [selectedId]);

  /** Moves the selection `step` rows (j: 1, k: -1); from no selection, j takes the first row and k the last. */
  const moveSelection = (step: number) => {
    const at = shown.findIndex((task) => task.id === selectedId);
    const next = at < 0 ? (step > 0 ? 0 : shown.length - 1) : Math.min(Math.max(at + step, 0), shown.length - 1);
    if (shown[next]) setSelectedId(shown[next].id);
  };
  /** The row after `task` (else the one before) keeps the keyboard's place when `task` leaves the list. */
  const selectNeighbourOf = (task: Task) => {
    const at = shown.findIndex((known) => known.id === task.id);
    setSelectedId((shown[at + 1] ?? shown[at - 1])?.id ?? null);
  };

  useShortcut('q', () => quickAdd.current?.focus());
  useShortcut('/', () => document.getElementById('task-search')?.focus());
  useShortcut('j', () => moveSelection(1));
  useShortcut('k', () => moveSelection(-1));
  useShortcut('x', () => {
    if (!selected) return;
    selectNeighbourOf(selected); // completed, it leaves the open views; reopened, it leaves Completed
    void toggleDone(selected);
  });
  useShortcut('e', () => selected && void openEditor(selected));
  useShortcut('#', () => selected && setDeleting(selected));
  useShortcut('?', () => setShowingShortcuts(true));

  const setFilters = (next: Filters) => navigate(`/${serializeView(view, next)}`);

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
        navigate(`/${search}`, { replace: true });
      },
    );
  }, [openTaskId, showToast]);

  const newTask = () => setEditing({ task: null, fromUrl: false });

  const closeEditor = () => {
    if (editing?.fromUrl) navigate(`/${search}`);
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

  const marked = (id: string, on: boolean) =>
    setBusyIds((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** Shows the task as the server now has it, and re-reads the view (it may have left it). */
  const showChanged = (task: Task) => {
    list.replace(task);
    void list.refresh();
  };

  async function toggleDone(task: Task) {
    if (busyIds.has(task.id)) return;
    const wasDone = task.status === 'done';
    marked(task.id, true);
    try {
      showChanged(await (wasDone ? reopenTask(task.id) : completeTask(task.id)));
      undo.offer({
        label: `${wasDone ? 'Reopened' : 'Completed'} "${task.title}"`,
        undo: async () => showChanged(await (wasDone ? completeTask(task.id) : reopenTask(task.id))),
      });
    } catch (error) {
      showToast({
        kind: 'error',
        message: `Could not ${wasDone ? 'reopen' : 'complete'} "${task.title}": ${messageOf(error)}`,
        action: isTransient(error) ? { label: 'Retry', run: () => void toggleDone(task) } : undefined,
      });
    } finally {
      marked(task.id, false);
    }
  }

  function saved(task: Task, revert: TaskInput) {
    undo.offer({ label: `Saved "${task.title}"`, undo: async () => showChanged(await patchTask(task.id, revert)) });
  }

  /** Moves the task to the trash; Undo restores it. */
  async function deleteWithUndo(task: Task) {
    if (busyIds.has(task.id)) return;
    marked(task.id, true);
    try {
      await deleteTask(task.id);
      selectNeighbourOf(task);
      list.remove(task.id);
      void list.refresh();
      undo.offer({ label: `Deleted "${task.title}"`, undo: async () => showChanged(await restoreTask(task.id)) });
    } catch (error) {
      showToast({
        kind: 'error',
        message: `Could not delete "${task.title}": ${messageOf(error)}`,
        action: isTransient(error) ? { label: 'Retry', run: () => void deleteWithUndo(task) } : undefined,
      });
    } finally {
      marked(task.id, false);
    }
  }

  function confirmDelete(task: Task) {
    setDeleting(null);
    void deleteWithUndo(task);
  }

  const active = hasActiveFilters(filters);
  return (
    <main className="page">
      <ViewNav view={view} counts={counts} />
      <div className="toolbar">
        <h1>{headingOf(view, filters)}</h1>
        <div className="search">
          <label htmlFor="task-search" className="visually-hidden">
            Search
          </label>
          <DebouncedInput
            id="task-search"
            type="search"
            placeholder="Search tasks"
            aria-keyshortcuts="/"
            value={filters.search}
            onCommit={(text) => setFilters({ ...filters, search: text })}
            means={(text, value) => text.trim() === value}
          />
        </div>
        <button type="button" className="primary new-task" onClick={newTask}>
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
        onLeave={() => document.getElementById(TASK_LIST_ID)?.focus()}
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
      <FiltersPanel filters={filters} onChange={setFilters} open={filtersOpen} id="task-filters" groups={filterGroupsOf(view)} />
      {list.error && (
        <p className="form-error" role="alert">
          {list.error} <button onClick={() => void list.refresh()}>Retry</button>
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
              <EmptyView view={view} />
            )}
          </div>
        ) : (
          sections.map((section) => (
            <div key={section.key} className="task-section" data-testid="task-section" data-section={section.key}>
              {section.title && <h2 className={`section-heading section-${section.key}`}>{section.title}</h2>}
              <ul className="task-list">
                {section.tasks.map((task) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    zone={zone}
                    now={now}
                    selected={task.id === selectedId}
                    busy={busyIds.has(task.id)}
                    onToggleDone={(t) => void toggleDone(t)}
                    onEdit={(t) => void openEditor(t)}
                  />
                ))}
              </ul>
            </div>
          ))
        )}
        {list.loading && (
          <p className="hint">
            <Spinner />
            Loading…
          </p>
        )}
        {list.nextCursor && !list.loading && (
          <button type="button" className="load-more" onClick={() => void list.loadMore()}>
            Load more
          </button>
        )}
      </section>
      {/* On a phone, in reach of the thumb instead of the toolbar's (only one of the two shows). */}
      <button type="button" className="primary fab" aria-label="New task" onClick={newTask}>
        <span aria-hidden="true">+</span>
      </button>
      {editing && (
        <TaskEditor
          key={editing.task?.id ?? 'new'}
          task={editing.task}
          zone={zone}
          onClose={closeEditor}
          onSaved={(task, verb, revert) => {
            closeEditor();
            showChanged(task);
            if (revert) saved(task, revert);
            else showToast({ kind: 'info', message: `${verb} "${task.title}"` });
          }}
          onDeleted={(task) => {
            closeEditor();
            void deleteWithUndo(task);
          }}
        />
      )}
      {deleting && <ConfirmDelete task={deleting} onConfirm={() => confirmDelete(deleting)} onCancel={() => setDeleting(null)} />}
      {showingShortcuts && <ShortcutsDialog onClose={() => setShowingShortcuts(false)} />}
    </main>
  );
}

const EMPTY_WORDS: Record<View, string> = {
  today: 'Nothing due today. Add a task above, or see what is',
  upcoming: 'Nothing due in the next two weeks. Everything else is in',
  all: 'No tasks yet. Add your first one above, or with “New task”.',
  completed: 'No completed tasks yet.',
};

function EmptyView({ view }: { view: View }) {
  const next: View | null = view === 'today' ? 'upcoming' : view === 'upcoming' ? 'all' : null;
  return (
    <p>
      {EMPTY_WORDS[view]}
      {next && (
        <>
          {' '}
          <Link href={`/${serializeView(next, DEFAULT_FILTERS)}`}>{VIEW_NAMES[next]}</Link>.
        </>
      )}
    </p>
  );
}
