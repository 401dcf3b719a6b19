/**
 * The visible task list for a view: the first page, "Load more", and refreshes in the background. A refresh re-reads
 * as many tasks as are shown in one request, so live changes and edits land in place without losing loaded pages.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { listTasks } from '../api/endpoints';
import type { Task } from '../api/types';
import { toApiQuery, type Filters } from './filters';

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200; // the API's limit

export interface TaskListState {
  items: Task[];
  nextCursor: string | null;
  loading: boolean;
  error: string;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Shows a task as the server now has it without waiting for a refresh. */
  replace: (task: Task) => void;
  remove: (id: string) => void;
}

export function useTaskList(filters: Filters): TaskListState {
  const viewQuery = toApiQuery(filters);
  const [items, setItems] = useState<Task[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  // Each request takes a number; an answer that is no longer the latest (the view changed meanwhile) is dropped.
  const generation = useRef(0);
  const shown = useRef(0);
  shown.current = items.length;

  /** Fetches one page and applies it, unless a later request has started since: only the newest answer counts. */
  const fetchPage = useCallback(
    async (query: Parameters<typeof listTasks>[0], apply: (page: Awaited<ReturnType<typeof listTasks>>) => void, showLoading: boolean) => {
      const mine = ++generation.current;
      if (showLoading) setLoading(true);
      try {
        const page = await listTasks(query);
        if (mine !== generation.current) return;
        apply(page);
        setNextCursor(page.next_cursor);
        setError('');
      } catch (failure) {
        if (mine === generation.current) setError(messageOf(failure));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [],
  );

  const load = useCallback(
    (limit: number, showLoading: boolean) => fetchPage(toApiQuery(filters, { limit }), (page) => setItems(page.items), showLoading),
    // viewQuery stands for filters: the same view must not reload because the object is new.
    [viewQuery, fetchPage],
  );

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    void load(PAGE_SIZE, true);
  }, [load]);

  const refresh = useCallback(
    () => load(Math.min(Math.max(shown.current, PAGE_SIZE), MAX_PAGE_SIZE), false),
    [load],
  );

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    await fetchPage(
      toApiQuery(filters, { limit: PAGE_SIZE, cursor: nextCursor }),
      (page) => setItems((current) => [...current, ...page.items.filter((task) => !current.some((known) => known.id === task.id))]),
      true,
    );
  }, [nextCursor, viewQuery, fetchPage]);

  const replace = useCallback((task: Task) => {
    setItems((current) => current.map((known) => (known.id === task.id ? task : known)));
  }, []);
  const remove = useCallback((id: string) => {
    setItems((current) => current.filter((known) => known.id !== id));
  }, []);

  return { items, nextCursor, loading, error, loadMore, refresh, replace, remove };
}
