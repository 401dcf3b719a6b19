import { describe, expect, it } from 'vitest';
import type { QuickAddReading, RecognisedSpan } from '../api/types';
import { chipDescription, highlightSegments, readingChips } from './quickAdd';

const LINE = 'Standup every Monday at 9am #work !high';
const span = (text: string, kind: RecognisedSpan['kind'], line = LINE): RecognisedSpan => {
  const start = line.indexOf(text);
  return { start, end: start + text.length, kind, text };
};
const SPANS = [span('#work', 'tag'), span('every Monday at 9am', 'recurrence'), span('!high', 'priority')];

describe('recognised spans as highlighted segments', () => {
  it('marks each span, in order, with plain text between', () => {
    expect(highlightSegments(LINE, LINE, SPANS)).toEqual([
      { text: 'Standup ', kind: null },
      { text: 'every Monday at 9am', kind: 'recurrence' },
      { text: ' ', kind: null },
      { text: '#work', kind: 'tag' },
      { text: ' ', kind: null },
      { text: '!high', kind: 'priority' },
    ]);
  });

  it('joins back into the text, whatever the spans', () => {
    for (const spans of [SPANS, [], [span('Standup', 'due')], [{ start: 30, end: 99, kind: 'tag' as const, text: '' }]]) {
      expect(highlightSegments(LINE, LINE, spans).map((s) => s.text).join('')).toBe(LINE);
    }
  });

  it('keeps the marks of an older reading while the user types on at the end', () => {
    const older = 'Standup every Monday at 9am';
    const segments = highlightSegments(`${older} #wo`, older, [span('every Monday at 9am', 'recurrence', older)]);
    expect(segments).toEqual([
      { text: 'Standup ', kind: null },
      { text: 'every Monday at 9am', kind: 'recurrence' },
      { text: ' #wo', kind: null },
    ]);
  });

  it('drops the marks after an edit in the middle until the text is read again', () => {
    const edited = 'Standup every Tuesday at 9am #work !high';
    const segments = highlightSegments(edited, LINE, SPANS);
    expect(segments.filter((s) => s.kind)).toEqual([]);
    expect(segments.map((s) => s.text).join('')).toBe(edited);
  });

  it('counts in UTF-16 units, as the server does', () => {
    const line = 'Café ☕️ tomorrow 🎉 #fun';
    const tomorrow = span('tomorrow', 'due', line);
    const tag = span('#fun', 'tag', line);
    expect(highlightSegments(line, line, [tomorrow, tag]).filter((s) => s.kind).map((s) => s.text)).toEqual(['tomorrow', '#fun']);
  });

  it('leaves out spans that overlap, are empty or lie outside the text', () => {
    const segments = highlightSegments(LINE, LINE, [
      { start: 8, end: 20, kind: 'recurrence', text: '' },
      { start: 10, end: 14, kind: 'due', text: '' },
      { start: 5, end: 5, kind: 'tag', text: '' },
      { start: 30, end: 200, kind: 'priority', text: '' },
    ]);
    expect(segments.filter((s) => s.kind).map((s) => s.kind)).toEqual(['recurrence']);
  });

  it('marks nothing without a reading', () => {
    expect(highlightSegments('Standup', null, [])).toEqual([{ text: 'Standup', kind: null }]);
    expect(highlightSegments('', null, [])).toEqual([]);
  });
});

describe('the reading as chips', () => {
  const reading: QuickAddReading = {
    task: {
      title: 'Standup',
      priority: 'high',
      tags: ['work'],
      due_at: '2026-12-07T09:00:00+01:00',
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0', timezone: 'Europe/Berlin', mode: 'schedule' },
      reminders: [{ before_due: 'PT15M' }],
    },
    recognised: [...SPANS, { start: 40, end: 49, kind: 'reminder', text: 'remind 15m' }],
  };
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('shows the title, then what each span was understood as, in the order typed', () => {
    const chips = readingChips(reading, 'Europe/Berlin', now, 'every week on Monday');
    expect(chips.map((c) => [c.label, c.value])).toEqual([
      ['Title', 'Standup'],
      ['Repeats', 'every week on Monday'],
      ['Tag', '#work'],
      ['Priority', 'High'],
      ['Reminder', '15 minutes before'],
    ]);
  });

  it('shows the due time in the user’s zone', () => {
    const due = { ...reading, recognised: [span('Monday at 9am', 'due')] };
    expect(readingChips(due, 'Europe/Berlin', now)[1]).toMatchObject({ label: 'Due', value: 'Mon 7 Dec, 09:00' });
    expect(readingChips(due, 'UTC', now)[1].value).toBe('Mon 7 Dec, 08:00');
  });

  it('makes one due chip of a date and a time said apart, and reads tags as the API names them', () => {
    const line = 'Call mom tomorrow at 6pm @Family';
    const apart: QuickAddReading = {
      task: { title: 'Call mom', tags: ['family'], due_at: '2026-12-07T18:00:00+01:00', reminders: [] },
      recognised: [span('tomorrow', 'due', line), span('at 6pm', 'due', line), span('@Family', 'tag', line)],
    };
    expect(readingChips(apart, 'Europe/Berlin', now).map(chipDescription)).toEqual([
      'Title: Call mom',
      'Due: Mon 7 Dec, 18:00, from “tomorrow … at 6pm”',
      'Tag: #family, from “@Family”',
    ]);
    apart.task.tags = [];
    expect(readingChips(apart, 'Europe/Berlin', now)[2].value).toBe('#family');
  });

  it('uses the words typed for a recurrence until the preview has them in words', () => {
    expect(readingChips(reading, 'UTC', now)[1].value).toBe('every Monday at 9am');
  });

  it('says what a chip was read from, for screen readers', () => {
    const [title, repeats] = readingChips(reading, 'UTC', now, 'every week on Monday');
    expect(chipDescription(title)).toBe('Title: Standup');
    expect(chipDescription(repeats)).toBe('Repeats: every week on Monday, from “every Monday at 9am”');
  });
});
