/**
 * The task list's view (search, filters, sort) and its two spellings: the page's query string, which makes a view
 * bookmarkable and lets back/forward work, and the query of GET /api/v1/tasks. The page's query string uses the API's
 * parameter names so a URL reads the same as the request it makes; defaults are left out of both.
 */

export const STATUSES = ['todo', 'in_progress', 'done'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const SORT_KEYS = ['due_at', 'priority', 'created_at', 'updated_at', 'title'] as const;

export type Status = (typeof STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type SortKey = (typeof SORT_KEYS)[number];
export type Order = 'asc' | 'desc';
export type TagMode = 'any' | 'all';

export interface Filters {
  search: string;
  statuses: Status[];
  priorities: Priority[];
  tags: string[];
  tagMode: TagMode;
  dueFrom: string; // YYYY-MM-DD or ""
  dueTo: string;
  overdue: boolean;
  completedFrom: string;
  completedTo: string;
  sortBy: SortKey;
  order: Order;
}

/** The server's default direction per key: soonest due and A–Z first, but highest priority and newest first. */
export function defaultOrder(sortBy: SortKey): Order {
  return sortBy === 'due_at' || sortBy === 'title' ? 'asc' : 'desc';
}

export const DEFAULT_FILTERS: Filters = {
  search: '',
  statuses: [],
  priorities: [],
  tags: [],
  tagMode: 'any',
  dueFrom: '',
  dueTo: '',
  overdue: false,
  completedFrom: '',
  completedTo: '',
  sortBy: 'due_at',
  order: defaultOrder('due_at'),
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** A comma list of known values, in their canonical order, without repeats; unknown ones are dropped. */
function listOf<T extends string>(allowed: readonly T[], raw: string | null): T[] {
  const given = (raw ?? '').split(',').map((part) => part.trim());
  return allowed.filter((value) => given.includes(value));
}

/** Tag names as the server keeps them: trimmed, lower-cased, distinct. */
export function normalizeTags(raw: string): string[] {
  const names = raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  return [...new Set(names)];
}

function dateOf(raw: string | null): string {
  return raw && isDate(raw) ? raw : '';
}

/** Reads a view from a query string ("?status=todo&sort_by=priority"); anything invalid falls back to its default. */
export function parseFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  const sortBy = oneOf(SORT_KEYS, params.get('sort_by')) ?? DEFAULT_FILTERS.sortBy;
  return {
    search: (params.get('search') ?? '').trim(),
    statuses: listOf(STATUSES, params.get('status')),
    priorities: listOf(PRIORITIES, params.get('priority')),
    tags: normalizeTags(params.get('tags') ?? ''),
    tagMode: oneOf(['any', 'all'] as const, params.get('tag_mode')) ?? 'any',
    dueFrom: dateOf(params.get('due_from')),
    dueTo: dateOf(params.get('due_to')),
    overdue: params.get('overdue') === 'true',
    completedFrom: dateOf(params.get('completed_from')),
    completedTo: dateOf(params.get('completed_to')),
    sortBy,
    order: oneOf(['asc', 'desc'] as const, params.get('order')) ?? defaultOrder(sortBy),
  };
}

/** The parameters that differ from the defaults, with the API's names. */
function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => value && params.set(name, value);
  set('search', filters.search.trim());
  set('status', listOf(STATUSES, filters.statuses.join(',')).join(','));
  set('priority', listOf(PRIORITIES, filters.priorities.join(',')).join(','));
  set('tags', normalizeTags(filters.tags.join(',')).join(','));
  // Kept even before any tag is typed: the choice and the tags are often set in either order.
  if (filters.tagMode === 'all') params.set('tag_mode', 'all');
  set('due_from', dateOf(filters.dueFrom));
  set('due_to', dateOf(filters.dueTo));
  if (filters.overdue) params.set('overdue', 'true');
  set('completed_from', dateOf(filters.completedFrom));
  set('completed_to', dateOf(filters.completedTo));
  if (filters.sortBy !== DEFAULT_FILTERS.sortBy) params.set('sort_by', filters.sortBy);
  if (filters.order !== defaultOrder(filters.sortBy)) params.set('order', filters.order);
  return params;
}

/** The query string for the page ("" when everything is at its default, else "?…"). */
export function serializeFilters(filters: Filters): string {
  const query = filterParams(filters).toString();
  return query ? `?${query}` : '';
}

/**
 * The query of GET /api/v1/tasks for a view and a page. Plain dates are sent as dates: the server reads them in the
 * user's zone and makes an upper bound include its whole day, as the date inputs mean.
 */
export function toApiQuery(filters: Filters, page: { limit?: number; cursor?: string | null } = {}): string {
  const params = filterParams(filters);
  // Stated even when default, so the request says what the list shows whatever the server's defaults become.
  params.set('sort_by', filters.sortBy);
  params.set('order', filters.order);
  if (page.limit) params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  return params.toString();
}

/** True when the view narrows the list (sort alone does not, nor a tag match mode without tags). */
export function hasActiveFilters(filters: Filters): boolean {
  const effective = filters.tags.length ? filters : { ...filters, tagMode: 'any' as const };
  return serializeFilters(clearFilters(filters)) !== serializeFilters(effective);
}

/** Whether a filter behind the bar's "More filters" is set (a tag match of "all", a date range, another sort). */
export function hasMoreFilters(filters: Filters): boolean {
  const { tagMode, dueFrom, dueTo, completedFrom, completedTo, sortBy, order } = filters;
  const more = { tagMode: filters.tags.length ? tagMode : 'any', dueFrom, dueTo, completedFrom, completedTo, sortBy, order };
  return Object.entries(more).some(([key, value]) => value !== DEFAULT_FILTERS[key as keyof typeof more]);
}

/** Keeps the sort of a view and drops everything that narrows it. */
export function clearFilters(filters: Filters): Filters {
  return { ...DEFAULT_FILTERS, sortBy: filters.sortBy, order: filters.order };
}

const STATUS_WORDS: Record<Status, string> = { todo: 'to-do', in_progress: 'in-progress', done: 'done' };

function orList(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** "No high-priority tasks tagged work", "No overdue tasks matching “report”": what the empty list was asked for. */
export function describeEmptyView(filters: Filters): string {
  const adjectives = [
    filters.overdue ? 'overdue' : '',
    filters.priorities.length ? `${orList(filters.priorities)}-priority` : '',
    filters.statuses.length ? orList(filters.statuses.map((status) => STATUS_WORDS[status])) : '',
  ].filter(Boolean);
  const qualifiers = [
    filters.tags.length ? `tagged ${filters.tags.join(filters.tagMode === 'all' ? ' and ' : ' or ')}` : '',
    filters.search.trim() ? `matching “${filters.search.trim()}”` : '',
    filters.dueFrom || filters.dueTo ? `due ${range(filters.dueFrom, filters.dueTo)}` : '',
    filters.completedFrom || filters.completedTo ? `completed ${range(filters.completedFrom, filters.completedTo)}` : '',
  ].filter(Boolean);
  return ['No', ...adjectives, 'tasks', ...qualifiers].join(' ');
}

function range(from: string, to: string): string {
  if (from && to) return `from ${from} to ${to}`;
  return from ? `from ${from}` : `until ${to}`;
}
