/** Task changes from the live stream, fanned out to whichever page shows tasks. */
import { createContext, useContext, useEffect, useRef } from 'react';
import type { TaskChange } from '../api/types';

type Listener = (change: TaskChange) => void;

export interface TaskChanges {
  publish: (change: TaskChange) => void;
  subscribe: (listener: Listener) => () => void;
}

export function createTaskChanges(): TaskChanges {
  const listeners = new Set<Listener>();
  return {
    publish: (change) => listeners.forEach((listener) => listener(change)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const TaskChangesContext = createContext<TaskChanges>(createTaskChanges());

/** Calls `listener` (its latest version) for every live task change while the component is mounted. */
export function useTaskChanges(listener: Listener): void {
  const changes = useContext(TaskChangesContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => changes.subscribe((change) => latest.current(change)), [changes]);
}
