/**
 * The recurrence preview as the user edits: the server's summary and next occurrences for the rule being built,
 * asked for once edits pause, so the editor shows exactly what the series will do (DST, skipped dates, modes).
 */
import { useEffect, useState } from 'react';
import { ApiError, messageOf } from '../api/client';
import { previewRecurrence } from '../api/endpoints';
import type { RecurrencePreview } from '../api/types';
import type { Mode } from './recurrence';
import { useDebouncedValue } from './useDebounced';

export type PreviewState =
  | { kind: 'idle' }
  | { kind: 'needs-due' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: RecurrencePreview }
  | { kind: 'invalid'; fieldErrors: Record<string, string>; message: string }
  | { kind: 'unavailable'; message: string };

interface Request {
  rule: string | null;
  mode: Mode;
  timezone: string;
  dueAt: string | null;
}

export function useRecurrencePreview(request: Request): PreviewState {
  // Debounced as text: an equal request from a re-render must neither restart the wait nor ask again.
  const key = useDebouncedValue(JSON.stringify(request), 400);
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });

  useEffect(() => {
    const { rule, mode, timezone, dueAt } = JSON.parse(key) as Request;
    if (!rule) {
      setState({ kind: 'idle' });
      return;
    }
    if (!dueAt) {
      setState({ kind: 'needs-due' });
      return;
    }
    const abort = new AbortController();
    setState({ kind: 'loading' });
    previewRecurrence({ rule, mode, timezone, due_at: dueAt }, abort.signal).then(
      (preview) => setState({ kind: 'ready', preview }),
      (error) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 400) {
          setState({ kind: 'invalid', fieldErrors: error.fieldErrors, message: error.message });
        } else {
          setState({ kind: 'unavailable', message: messageOf(error) });
        }
      },
    );
    return () => abort.abort();
  }, [key]);

  return state;
}
