/**
 * The quick-add bar at the top of the list: one line such as "Standup every Monday 9am #work !high". As the user
 * types, the server reads it (POST /quick-add/parse, once typing pauses); what it read is highlighted in the line
 * and listed as chips under it, with the recurrence in words and its next occurrences. Enter creates the task with
 * the reading's body (POST /tasks), Escape clears. "q" focuses it from anywhere on the page.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { parseQuickAdd } from '../api/endpoints';
import { createOnce, unansweredOf, type UnansweredCreate } from '../lib/createOnce';
import type { QuickAddReading, Task } from '../api/types';
import { chipDescription, highlightSegments, readingChips } from '../lib/quickAdd';
import { useDebouncedValue } from '../lib/useDebounced';
import { useRecurrencePreview, type PreviewState } from '../lib/useRecurrencePreview';
import { formatInZone, summaryForUser } from '../lib/zonedTime';
import { Spinner } from './Spinner';

const PARSE_DELAY_MS = 250;

interface Props {
  zone: string;
  onCreated: (task: Task) => void;
  /** Escape on an empty bar: the page takes the keyboard back (j/k through the list). */
  onLeave: () => void;
}

export interface QuickAddHandle {
  focus: () => void;
}

/** The latest answer, for the text it was asked about. */
type Parsed = { text: string; reading: QuickAddReading } | { text: string; error: string };

export const QuickAddBar = forwardRef<QuickAddHandle, Props>(function QuickAddBar({ zone, onCreated, onLeave }, ref) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [creating, setCreating] = useState(false);
  /** A create of this line that got no answer: Enter again does not make it twice (createOnce). */
  const unanswered = useRef<UnansweredCreate | null>(null);
  const [createError, setCreateError] = useState('');
  const settled = useDebouncedValue(text, PARSE_DELAY_MS);

  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  useEffect(() => {
    if (!settled.trim()) {
      setParsed(null);
      return;
    }
    const abort = new AbortController();
    parseQuickAdd(settled, abort.signal).then(
      (reading) => setParsed({ text: settled, reading }),
      (error) => {
        if (!abort.signal.aborted) setParsed({ text: settled, error: messageOf(error) });
      },
    );
    return () => abort.abort();
  }, [settled]);

  const reading = parsed && 'reading' in parsed ? parsed.reading : null;
  const recurrence = reading?.task.recurrence;
  const preview = useRecurrencePreview({
    rule: recurrence?.rule ?? null,
    mode: recurrence?.mode ?? 'schedule',
    timezone: recurrence?.timezone ?? zone,
    dueAt: reading?.task.due_at ?? null,
  });
  const summary = preview.kind === 'ready' ? summaryForUser(preview.preview.summary, preview.preview.timezone ?? zone, zone) : undefined;
  const now = Date.now();
  const chips = reading && text.trim() ? readingChips(reading, zone, now, summary) : [];
  const segments = highlightSegments(text, reading ? parsed!.text : null, reading?.recognised ?? []);

  // The marks sit behind the input's text: they scroll with it.
  const syncScroll = () => {
    if (backdrop.current && input.current) backdrop.current.scrollLeft = input.current.scrollLeft;
  };
  useLayoutEffect(syncScroll);

  const clear = () => {
    setText('');
    setParsed(null);
    setCreateError('');
  };

  async function create() {
    const line = text;
    if (!line.trim() || creating) return;
    setCreating(true);
    setCreateError('');
    try {
      // The reading shown may be for an older text (the parse waits for a pause): Enter means what is typed now.
      const current = parsed && 'reading' in parsed && parsed.text === line ? parsed.reading : await parseQuickAdd(line);
      const task = await createOnce(current.task, unanswered.current);
      unanswered.current = null;
      onCreated(task);
      setText((now) => (now === line ? '' : now));
      setParsed(null);
    } catch (error) {
      unanswered.current = unansweredOf(error) ?? unanswered.current;
      setCreateError(messageOf(error));
    } finally {
      setCreating(false);
      input.current?.focus();
    }
  }

  const parseError = parsed && 'error' in parsed && parsed.text === settled && text.trim() ? parsed.error : '';
  const error = createError || parseError;
  return (
    <form
      className="quick-add"
      aria-label="Quick add"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <div className="quick-add-line">
        <label htmlFor={`${id}-text`} className="visually-hidden">
          Quick add
        </label>
        <div className="quick-add-field">
          <div className="quick-add-backdrop" ref={backdrop} aria-hidden="true" data-testid="quick-add-highlights">
            {segments.map((segment, i) =>
              segment.kind ? (
                <mark key={i} className={`qa-mark qa-${segment.kind}`} data-kind={segment.kind}>
                  {segment.text}
                </mark>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </div>
          <input
            ref={input}
            id={`${id}-text`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="Quick add: Standup every Monday 9am #work !high"
            aria-describedby={`${id}-reading ${id}-keys`}
            aria-invalid={error ? true : undefined}
            aria-keyshortcuts="q"
            value={text}
            maxLength={1000}
            onChange={(event) => {
              setText(event.target.value);
              setCreateError('');
            }}
            onScroll={syncScroll}
            onSelect={syncScroll}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              if (text || error) clear();
              else onLeave();
            }}
          />
        </div>
        <button type="submit" className="primary" disabled={creating || !text.trim()}>
          {creating ? (
            <>
              <Spinner />
              Adding…
            </>
          ) : (
            'Add'
          )}
        </button>
      </div>
      <p id={`${id}-keys`} className="hint quick-add-keys">
        <kbd>Enter</kbd> adds, <kbd>Esc</kbd> clears (on an empty line, back to the list), <kbd>Q</kbd> comes back here,
        <kbd>A</kbd> opens the assistant, <kbd>?</kbd> lists every shortcut.
      </p>
      <div id={`${id}-reading`} className="quick-add-reading" aria-live="polite" data-testid="quick-add-reading">
        {chips.length > 0 && (
          <ul className="qa-chips" aria-label="Understood">
            {chips.map((chip, i) => (
              <li key={i} className={`qa-chip qa-${chip.kind}`} data-testid="quick-add-chip" data-kind={chip.kind}>
                <span className="visually-hidden">{chipDescription(chip)}</span>
                <span aria-hidden="true">
                  <span className="qa-chip-label">{chip.label}</span> {chip.value}
                </span>
              </li>
            ))}
          </ul>
        )}
        {recurrence && text.trim() && <Occurrences state={preview} zone={zone} now={now} />}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
});

function Occurrences({ state, zone, now }: { state: PreviewState; zone: string; now: number }) {
  if (state.kind !== 'ready') return null;
  const next = state.preview.next_occurrences.slice(0, 3);
  return (
    <p className="qa-occurrences" data-testid="quick-add-occurrences">
      Repeats {summaryForUser(state.preview.summary, state.preview.timezone ?? zone, zone)}
      {next.length > 0 && ': next '}
      {next.map((instant, i) => (
        <span key={instant}>
          {i > 0 && ', '}
          <time dateTime={instant}>{formatInZone(instant, zone, now)}</time>
        </span>
      ))}
    </p>
  );
}
