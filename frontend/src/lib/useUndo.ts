/**
 * Undo for the list's changes: each is offered in a toast with Undo, and Ctrl+Z undoes the latest one still
 * undoable. An undo that fails says so, with Retry.
 */
import { useCallback, useMemo, useRef } from 'react';
import { messageOf } from '../api/client';
import { useToast } from '../components/Toasts';
import { useShortcut } from './shortcuts';
import { createUndoHistory, type Undoable } from './undo';

const KEPT_TOASTS = 20;

export interface UndoOffers {
  /** Shows `entry.label` with Undo and remembers it for Ctrl+Z. */
  offer: (entry: Undoable) => void;
  /** Takes back the offer (its toast too): it can no longer be undone. */
  withdraw: (entry: Undoable) => void;
}

export function useUndo(): UndoOffers {
  const showToast = useToast();
  const history = useMemo(createUndoHistory, []);
  const toasts = useRef(new Map<Undoable, () => void>());

  const dismiss = useCallback((entry: Undoable) => {
    toasts.current.get(entry)?.();
    toasts.current.delete(entry);
  }, []);

  const run = useCallback(
    async function undo(entry: Undoable) {
      dismiss(entry);
      try {
        await entry.undo();
        showToast({ kind: 'info', message: `Undone: ${entry.label}` });
      } catch (error) {
        showToast({
          kind: 'error',
          message: `Could not undo ${entry.label}: ${messageOf(error)}`,
          action: { label: 'Retry', run: () => void undo(entry) },
        });
      }
    },
    [dismiss, showToast],
  );

  useShortcut('ctrl+z', () => {
    const latest = history.takeLatest();
    if (latest) void run(latest);
    else showToast({ kind: 'info', message: 'Nothing to undo' });
  });

  const offer = useCallback(
    (entry: Undoable) => {
      history.push(entry);
      if (toasts.current.size >= KEPT_TOASTS) toasts.current.delete(toasts.current.keys().next().value!);
      const hide = showToast({
        kind: 'undo',
        message: entry.label,
        action: { label: 'Undo', run: () => history.take(entry) && void run(entry) },
      });
      toasts.current.set(entry, hide);
    },
    [history, run, showToast],
  );

  const withdraw = useCallback(
    (entry: Undoable) => {
      history.withdraw(entry);
      dismiss(entry);
    },
    [history, dismiss],
  );

  return useMemo(() => ({ offer, withdraw }), [offer, withdraw]);
}
