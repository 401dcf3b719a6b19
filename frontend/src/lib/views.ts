/**
 * The list's views — Today, Upcoming, All, Completed — on top of the filters: the page's `?view=` (Today when absent)
 * and what each view asks GET /api/v1/tasks for. Days are the user's: "today" is the date in their zone, and the
 * server reads the plain dates sent in the same zone (the account's), so a day that is 23 or 25 hours long is whole.
 */
import type { Task } from '../api/types';
import { DEFAULT_FILTERS, serializeFilters, type Filters, type Status } from './filters';
import { dateInZone } from './zonedTime';

export const VIEWS = ['today', 'upcoming', 'all', 'completed'] as const;
export type View = (typeof VIEWS)[number];
export const DEFAULT_VIEW: View = 'today';

export const VIEW_NAMES: Record<View, string> = { today: 'Today', upcoming: 'Upcoming', all: 'All', completed: 'Completed' };

/** Upcoming covers the days after today, up to this many. */
export const UPCOMING_DAYS = 14;

const OPEN: Status[] = ['todo', 'in_progress'];

export function parseView(search: string): View {
  const raw = new URLSearchParams(search).get('view');
  return VIEWS.find((view) => view === raw) ?? DEFAULT_VIEW;
}

/** The page's query string for a view and its filters ("" for Today without filters). */
export function serializeView(view: View, filters: Filters): string {
  const params = new URLSearchParams(serializeFilters(filters));
  const query = params.toString();
  if (view === DEFAULT_VIEW) return query ? `?${query}` : '';
  return `?view=${view}${query ? `&${query}` : ''}`;
}

/** A tag chip's view: the open tasks with that tag. */
export function tagViewHref(tag: string): string {
  return `/${serializeView('all', { ...DEFAULT_FILTERS, tags: [tag] })}`;
}

/** "2026-03-29" plus `days` calendar days (no clock involved, so no DST). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return moved.toISOString().slice(0, 10);
}

/**
 * The filters a view sends: it decides the status (open tasks, or done ones) and, for Today and Upcoming, the due
 * days and the order (soonest first); search, priority and tags narrow it further. All keeps a status filter given.
 */
export function viewFilters(view: View, filters: Filters, today: string): Filters {
  const open = { ...filters, overdue: false, completedFrom: '', completedTo: '' };
  const byDue = { sortBy: 'due_at' as const, order: 'asc' as const };
  switch (view) {
    case 'today':
      // No lower bound: whatever is overdue is folded in at the top.
      return { ...open, ...byDue, statuses: OPEN, dueFrom: '', dueTo: today };
    case 'upcoming':
      return { ...open, ...byDue, statuses: OPEN, dueFrom: addDays(today, 1), dueTo: addDays(today, UPCOMING_DAYS) };
    case 'all':
      return { ...filters, statuses: filters.statuses.length ? filters.statuses : OPEN };
    case 'completed':
      return { ...filters, overdue: false, statuses: ['done'] };
  }
}

export type FilterGroup = 'status' | 'priority' | 'tags' | 'due' | 'completion' | 'sort';

/** The filters that mean something in a view: Today and Upcoming fix the status, the days and the order. */
export function filterGroupsOf(view: View): FilterGroup[] {
  switch (view) {
    case 'today':
    case 'upcoming':
      return ['priority', 'tags'];
    case 'all':
      return ['status', 'priority', 'tags', 'due', 'completion', 'sort'];
    case 'completed':
      return ['priority', 'tags', 'due', 'completion', 'sort'];
  }
}

/** The bare view, without the page's filters: what the navigation's counts count. */
export function countFilters(view: View, today: string): Filters {
  return viewFilters(view, DEFAULT_FILTERS, today);
}

export interface Section {
  /** Stable key: "overdue", or the day ("2026-11-27"). */
  key: string;
  title: string;
  tasks: Task[];
}

/** Today's list: what is overdue at `now` first, then the rest of today by time (the order the server sent). */
export function todaySections(tasks: Task[], now: number): Section[] {
  const overdue = tasks.filter((task) => task.due_at !== null && Date.parse(task.due_at) < now);
  const rest = tasks.filter((task) => !overdue.includes(task));
  return [
    { key: 'overdue', title: 'Overdue', tasks: overdue },
    { key: 'today', title: 'Today', tasks: rest },
  ].filter((section) => section.tasks.length > 0);
}

/** Upcoming's list: one section per day in `zone` that has tasks, in date order, headed "Tomorrow" or "Mon 7 Dec". */
export function daySections(tasks: Task[], zone: string, today: string): Section[] {
  const byDay = new Map<string, Task[]>();
  for (const task of tasks) {
    if (!task.due_at) continue;
    const day = dateInZone(Date.parse(task.due_at), zone);
    byDay.set(day, [...(byDay.get(day) ?? []), task]);
  }
  return [...byDay.keys()].sort().map((day) => ({ key: day, title: dayHeading(day, today), tasks: byDay.get(day)! }));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Today", "Tomorrow", or "Mon 7 Dec" for a date ("2026-12-07"). */
export function dayHeading(day: string, today: string): string {
  if (day === today) return 'Today';
  if (day === addDays(today, 1)) return 'Tomorrow';
  const [year, month, date] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${date} ${MONTHS[month - 1]}`;
}

/** A count for the navigation: the number, or "200+" when the page it was counted from was full. */
export function formatCount(count: number, more: boolean): string {
  return more ? `${count}+` : String(count);
}
