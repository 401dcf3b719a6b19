/**
 * The quick-add bar's pure parts: the server's recognised spans as highlighted segments of the text being typed, and
 * the reading as chips a person can check before pressing Enter ("Due Mon 8 Dec, 09:00", "Tag #work").
 */
import type { QuickAddReading, RecognisedKind, RecognisedSpan } from '../api/types';
import { PRIORITY_LABELS } from '../components/labels';
import { describeDuration } from './durations';
import { formatInZone } from './zonedTime';

export const KIND_LABELS: Record<RecognisedKind, string> = {
  due: 'Due',
  recurrence: 'Repeats',
  priority: 'Priority',
  tag: 'Tag',
  reminder: 'Reminder',
};

/** A run of the input's text: plain (kind null) or read as something. */
export interface Segment {
  text: string;
  kind: RecognisedKind | null;
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The text as segments, with the spans read from `parsedText` marked. The reading may be older than the text (the
 * parse is debounced): spans are kept only where the text is still the same up to their end, so typing on at the end
 * keeps the earlier marks and an edit in the middle drops the marks after it until the next reading. Spans that
 * overlap an earlier one or fall outside the text are left out rather than trusted.
 */
export function highlightSegments(text: string, parsedText: string | null, spans: RecognisedSpan[]): Segment[] {
  const valid = parsedText === null ? 0 : commonPrefixLength(text, parsedText);
  const ordered = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of ordered) {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) continue;
    if (span.start < at || span.end <= span.start || span.end > valid) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start), kind: null });
    segments.push({ text: text.slice(span.start, span.end), kind: span.kind });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null });
  return segments;
}

/** One thing the reading says, to show under the bar. */
export interface Chip {
  kind: RecognisedKind | 'title';
  /** "Due", "Tag"… */
  label: string;
  /** What it was understood as: "Mon 8 Dec, 09:00", "#work", "High", "15 minutes before". */
  value: string;
  /** The words it was read from, as typed (none for the title). */
  source: string | null;
}

/** "Due: Mon 8 Dec, 09:00, from “tomorrow 9am”": the chip as a screen reader should say it. */
export function chipDescription(chip: Chip): string {
  return `${chip.label}: ${chip.value}${chip.source && chip.source !== chip.value ? `, from “${chip.source}”` : ''}`;
}

/**
 * The reading as chips: the title, then each recognised span in the order typed, with what it was understood as.
 * `summary` is the recurrence in words once the preview has it (the span's own words until then).
 */
export function readingChips(reading: QuickAddReading, zone: string, now: number, summary?: string): Chip[] {
  const { task } = reading;
  const chips: Chip[] = [];
  if (task.title) chips.push({ kind: 'title', label: 'Title', value: task.title, source: null });
  const spans = [...reading.recognised].sort((a, b) => a.start - b.start);
  const tags = spans.filter((span) => span.kind === 'tag');
  const reminders = spans.filter((span) => span.kind === 'reminder');
  for (const span of spans) {
    // A date and a time said apart ("tomorrow … at 6pm") are one due time: one chip, from all their words.
    const whole = span.kind === 'due' || span.kind === 'recurrence';
    const earlier = whole ? chips.find((chip) => chip.kind === span.kind) : undefined;
    if (earlier) earlier.source = `${earlier.source} … ${span.text}`;
    else chips.push({ kind: span.kind, label: KIND_LABELS[span.kind], value: valueOf(span), source: span.text });
  }
  return chips;

  function valueOf(span: RecognisedSpan): string {
    switch (span.kind) {
      case 'due':
        return task.due_at ? formatInZone(task.due_at, zone, now) : span.text;
      case 'recurrence':
        return summary ?? span.text;
      case 'priority':
        return task.priority ? PRIORITY_LABELS[task.priority] : span.text;
      case 'tag': {
        // The n-th tag span is the n-th tag when they pair up one to one; otherwise the words as typed.
        const name = tags.length === task.tags.length ? task.tags[tags.indexOf(span)] : null;
        return `#${name ?? span.text.replace(/^[#@]/, '').toLowerCase()}`;
      }
      case 'reminder': {
        const reminder = reminders.length === task.reminders.length ? task.reminders[reminders.indexOf(span)] : null;
        if (!reminder) return span.text;
        return 'at' in reminder ? formatInZone(reminder.at, zone, now) : `${describeDuration(reminder.before_due)} before`;
      }
    }
  }
}
