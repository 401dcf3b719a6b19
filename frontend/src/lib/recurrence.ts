/**
 * The recurrence editor's state ↔ RFC 5545 RRULE text. The editor offers presets (daily, weekdays, weekly on chosen
 * days, monthly on a day or on the Nth weekday, yearly) with an interval and an end; a rule the presets cannot say
 * exactly is kept as it is, as "Custom", so opening and saving a task never changes its rule behind the user's back.
 */
import { dateInZone, wallTimeAt } from './zonedTime';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WORKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

export type Preset = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'yearly' | 'custom';
export type MonthlyBy = 'day' | 'weekday';
export type Ends = 'never' | 'count' | 'until';
export type Mode = 'schedule' | 'completion';

/** Which week of the month a monthly weekday rule means: 1–4, or -1 for the last. */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;

export interface RecurrenceForm {
  preset: Preset;
  interval: number;
  weekdays: Weekday[];
  monthlyBy: MonthlyBy;
  monthDay: number;
  weekOfMonth: number;
  weekdayOfMonth: Weekday;
  ends: Ends;
  count: number;
  until: string; // YYYY-MM-DD, a whole day in the series' zone
  mode: Mode;
  customRule: string;
}

/** The calendar date a series starts on: its first due date, which seeds the day-dependent choices. */
export interface StartDate {
  year: number;
  month: number;
  day: number;
}

function weekdayOf(date: StartDate): Weekday {
  const sundayFirst = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}

function daysInMonth(date: StartDate): number {
  return new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
}

/** A form that repeats nothing yet, whose weekly/monthly choices match `start` (e.g. Friday, the 27th, last Friday). */
export function emptyForm(start?: StartDate): RecurrenceForm {
  const form: RecurrenceForm = {
    preset: 'none',
    interval: 1,
    weekdays: [],
    monthlyBy: 'day',
    monthDay: 1,
    weekOfMonth: 1,
    weekdayOfMonth: 'MO',
    ends: 'never',
    count: 10,
    until: '',
    mode: 'schedule',
    customRule: '',
  };
  return start ? seedFromStart(form, start) : form;
}

/** Points the start-dependent choices at `start`, leaving the rest of the form alone. */
export function seedFromStart(form: RecurrenceForm, start: StartDate): RecurrenceForm {
  const weekday = weekdayOf(start);
  const isLastWeek = start.day + 7 > daysInMonth(start);
  return {
    ...form,
    weekdays: form.weekdays.length ? form.weekdays : [weekday],
    monthDay: start.day,
    weekOfMonth: isLastWeek && start.day > 28 ? -1 : Math.min(Math.ceil(start.day / 7), 4),
    weekdayOfMonth: weekday,
  };
}

function wholeAtLeastOne(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

function frequencyParts(form: RecurrenceForm): string[] {
  switch (form.preset) {
    case 'daily':
      return ['FREQ=DAILY'];
    case 'weekdays':
      return ['FREQ=WEEKLY', `BYDAY=${WORKDAYS.join(',')}`];
    case 'weekly': {
      const days = WEEKDAYS.filter((day) => form.weekdays.includes(day));
      return days.length ? ['FREQ=WEEKLY', `BYDAY=${days.join(',')}`] : ['FREQ=WEEKLY'];
    }
    case 'monthly':
      return form.monthlyBy === 'day'
        ? ['FREQ=MONTHLY', `BYMONTHDAY=${form.monthDay}`]
        : ['FREQ=MONTHLY', `BYDAY=${form.weekOfMonth}${form.weekdayOfMonth}`];
    case 'yearly':
      return ['FREQ=YEARLY'];
    default:
      return [];
  }
}

/**
 * The rule for the form, or null when it does not repeat. UNTIL is a plain date: the API reads it as the end of that
 * day in the series' zone.
 */
export function buildRule(form: RecurrenceForm): string | null {
  if (form.preset === 'none') return null;
  if (form.preset === 'custom') {
    return form.customRule.trim().replace(/^RRULE:/i, '');
  }
  const [freq, ...byParts] = frequencyParts(form);
  const parts = [freq];
  const interval = wholeAtLeastOne(form.interval);
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  parts.push(...byParts);
  if (form.ends === 'count') parts.push(`COUNT=${wholeAtLeastOne(form.count)}`);
  if (form.ends === 'until' && /^\d{4}-\d{2}-\d{2}$/.test(form.until)) {
    parts.push(`UNTIL=${form.until.replaceAll('-', '')}`);
  }
  return parts.join(';');
}

/** "FREQ=WEEKLY;BYDAY=FR" → {FREQ: "WEEKLY", BYDAY: "FR"}, or null when a part repeats or is malformed. */
function ruleParts(rule: string): Map<string, string> | null {
  const parts = new Map<string, string>();
  for (const part of rule.trim().replace(/^RRULE:/i, '').split(';').filter(Boolean)) {
    const [name, value, extra] = part.toUpperCase().split('=');
    if (!name || !value || extra !== undefined || parts.has(name)) return null;
    parts.set(name, value);
  }
  return parts;
}

/** The end of a series as the editor states it, or null when the rule's end is not a whole day. */
function endOf(parts: Map<string, string>, zone: string): Pick<RecurrenceForm, 'ends' | 'count' | 'until'> | null {
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count && until) return null;
  if (count) return /^\d+$/.test(count) && Number(count) >= 1 ? { ends: 'count', count: Number(count), until: '' } : null;
  if (!until) return { ends: 'never', count: 10, until: '' };
  const dateOnly = /^(\d{4})(\d{2})(\d{2})$/.exec(until);
  if (dateOnly) return { ends: 'until', count: 10, until: `${dateOnly[1]}-${dateOnly[2]}-${dateOnly[3]}` };
  // The API stores a date-only UNTIL as the last second of that day in the zone, in UTC.
  const utc = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(until);
  if (!utc) return null;
  const [year, month, day, hour, minute, second] = utc.slice(1).map(Number);
  const instant = Date.UTC(year, month - 1, day, hour, minute, second);
  const local = wallTimeAt(instant, zone);
  const endOfDay = local.hour === 23 && local.minute === 59 && local.second === 59;
  return endOfDay ? { ends: 'until', count: 10, until: dateInZone(instant, zone) } : null;
}

function plainWeekdays(byDay: string | undefined): Weekday[] | null {
  if (byDay === undefined) return [];
  const days = byDay.split(',');
  if (!days.every((day) => (WEEKDAYS as readonly string[]).includes(day))) return null;
  return WEEKDAYS.filter((day) => days.includes(day));
}

type Pattern = Pick<RecurrenceForm, 'preset'> & Partial<RecurrenceForm>;

/** The preset (and its choices) that builds exactly these FREQ/BY parts, or null if none does. */
function patternOf(parts: Map<string, string>): Pattern | null {
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  switch (parts.get('FREQ')) {
    case 'DAILY':
      return byDay || byMonthDay ? null : { preset: 'daily' };
    case 'WEEKLY': {
      const days = byMonthDay ? null : plainWeekdays(byDay);
      if (!days) return null;
      const workdays = days.length === WORKDAYS.length && WORKDAYS.every((day) => days.includes(day));
      return workdays ? { preset: 'weekdays' } : { preset: 'weekly', weekdays: days };
    }
    case 'MONTHLY': {
      const day = /^([1-9]|[12]\d|3[01])$/.exec(byMonthDay ?? '');
      if (day && !byDay) return { preset: 'monthly', monthlyBy: 'day', monthDay: Number(day[1]) };
      const nth = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay ?? '');
      if (nth && !byMonthDay) {
        return { preset: 'monthly', monthlyBy: 'weekday', weekOfMonth: Number(nth[1]), weekdayOfMonth: nth[2] as Weekday };
      }
      return null;
    }
    case 'YEARLY':
      return byDay || byMonthDay ? null : { preset: 'yearly' };
    default:
      return null;
  }
}

const UNDERSTOOD = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST']);

/**
 * The editor's state for an existing rule (as the API returns it), on top of `base` (which carries the
 * start-dependent defaults). Anything the presets cannot express exactly becomes a Custom rule with its text.
 */
export function parseRule(rule: string, zone: string, mode: Mode, base: RecurrenceForm = emptyForm()): RecurrenceForm {
  const custom: RecurrenceForm = { ...base, preset: 'custom', mode, customRule: rule.trim().replace(/^RRULE:/i, '') };
  const parts = ruleParts(rule);
  if (!parts || [...parts.keys()].some((name) => !UNDERSTOOD.has(name))) return custom;
  // WKST only changes which weeks an INTERVAL>1 weekly rule counts; the editor always means Monday-first weeks.
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') return custom;
  const interval = parts.get('INTERVAL') ?? '1';
  if (!/^\d+$/.test(interval) || Number(interval) < 1) return custom;
  const pattern = patternOf(parts);
  const end = endOf(parts, zone);
  if (!pattern || !end) return custom;
  return { ...base, ...pattern, ...end, interval: Number(interval), mode, customRule: '' };
}

/** The start date of a series from its first due instant, in the zone the due time is edited in. */
export function startDateOf(instant: number, zone: string): StartDate {
  const { year, month, day } = wallTimeAt(instant, zone);
  return { year, month, day };
}
