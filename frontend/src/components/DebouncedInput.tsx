import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onCommit: (value: string) => void;
  delayMs?: number;
  /** Whether the typed text already means `value` (e.g. "Work, " and "work"): then the text is left as typed. */
  means?: (text: string, value: string) => boolean;
};

/**
 * A text input that reports its value once typing pauses (or on Enter / leaving the field), so a search or tag
 * filter does not fire a request and a history entry per keystroke. It follows `value` when that changes from
 * outside (back/forward, Clear filters).
 */
export function DebouncedInput({ value, onCommit, delayMs = 300, means, onKeyDown, onBlur, ...rest }: Props) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  // The latest onCommit: it closes over the latest view, which other filters may have changed while typing.
  const latestOnCommit = useRef(onCommit);
  latestOnCommit.current = onCommit;

  const latestMeans = useRef(means);
  latestMeans.current = means;

  const typed = useRef(text);
  typed.current = text;

  useEffect(() => {
    const same = latestMeans.current ? latestMeans.current(typed.current, value) : typed.current === value;
    if (same) {
      committed.current = typed.current;
    } else {
      // Until the re-render, a pending pause or a blur must not report the text this replaces (it would undo a view
      // change: a tag filter set by a link, then cleared by the next link, came back).
      committed.current = value;
      typed.current = value;
      setText(value);
    }
  }, [value]);

  const commit = (next: string) => {
    if (next === committed.current) return;
    committed.current = next;
    latestOnCommit.current(next);
  };

  useEffect(() => {
    const timer = setTimeout(() => commit(typed.current), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);

  return (
    <input
      {...rest}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(text);
        onKeyDown?.(event);
      }}
      onBlur={(event) => {
        commit(typed.current);
        onBlur?.(event);
      }}
    />
  );
}
