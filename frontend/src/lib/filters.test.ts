import { describe, expect, it } from 'vitest';
import {
  hasMoreFilters,
  DEFAULT_FILTERS,
  clearFilters,
  describeEmptyView,
  hasActiveFilters,
  parseFilters,
  serializeFilters,
  toApiQuery,
  type Filters,
} from './filters';

const everything: Filters = {
  search: 'weekly report',
  statuses: ['todo', 'in_progress'],
  priorities: ['high', 'medium'],
  tags: ['work', 'urgent'],
  tagMode: 'all',
  dueFrom: '2026-11-01',
  dueTo: '2026-11-30',
  overdue: true,
  completedFrom: '2026-10-01',
  completedTo: '2026-10-31',
  sortBy: 'priority',
  order: 'asc',
};

describe('filters in the page URL', () => {
  it('leaves the defaults out', () => {
    expect(serializeFilters(DEFAULT_FILTERS)).toBe('');
    expect(parseFilters('')).toEqual(DEFAULT_FILTERS);
  });

  it('writes every filter with the API names', () => {
    expect(serializeFilters(everything)).toBe(
      '?search=weekly+report&status=todo%2Cin_progress&priority=high%2Cmedium&tags=work%2Curgent&tag_mode=all' +
        '&due_from=2026-11-01&due_to=2026-11-30&overdue=true&completed_from=2026-10-01&completed_to=2026-10-31' +
        '&sort_by=priority&order=asc',
    );
  });

  it('round-trips', () => {
    expect(parseFilters(serializeFilters(everything))).toEqual(everything);
    const some: Filters = { ...DEFAULT_FILTERS, priorities: ['high'], sortBy: 'title', order: 'desc' };
    expect(parseFilters(serializeFilters(some))).toEqual(some);
  });

  it('writes lists in a canonical order, so one view has one URL', () => {
    const reordered = { ...DEFAULT_FILTERS, statuses: ['done', 'todo'] as Filters['statuses'], priorities: ['low', 'high'] as Filters['priorities'] };
    expect(serializeFilters(reordered)).toBe('?status=todo%2Cdone&priority=high%2Clow');
  });

  it('omits the order when it is the sort key’s default', () => {
    expect(serializeFilters({ ...DEFAULT_FILTERS, sortBy: 'priority', order: 'desc' })).toBe('?sort_by=priority');
    expect(parseFilters('?sort_by=priority').order).toBe('desc');
    expect(parseFilters('?sort_by=created_at').order).toBe('desc');
    expect(parseFilters('?sort_by=title').order).toBe('asc');
    expect(serializeFilters({ ...DEFAULT_FILTERS, order: 'desc' })).toBe('?order=desc');
  });

  it('keeps the tag mode chosen before the tags are typed', () => {
    expect(serializeFilters({ ...DEFAULT_FILTERS, tagMode: 'all' })).toBe('?tag_mode=all');
    expect(parseFilters('?tag_mode=all').tagMode).toBe('all');
  });

  it('ignores invalid values, keeping the valid ones', () => {
    const parsed = parseFilters(
      '?status=todo,sleeping&priority=urgent&tag_mode=some&due_from=2026-02-30&due_to=tomorrow&overdue=yes' +
        '&sort_by=colour&order=up&completed_from=2026-13-01&tags=,Work,%20work%20,home',
    );
    expect(parsed).toEqual({ ...DEFAULT_FILTERS, statuses: ['todo'], tags: ['work', 'home'] });
  });

  it('ignores parameters it does not know', () => {
    expect(parseFilters('?colour=red&task=42')).toEqual(DEFAULT_FILTERS);
  });
});

describe('filters to the API query', () => {
  it('states the sort and the page even at their defaults', () => {
    expect(toApiQuery(DEFAULT_FILTERS, { limit: 50 })).toBe('sort_by=due_at&order=asc&limit=50');
  });

  it('passes every filter and the cursor', () => {
    const query = new URLSearchParams(toApiQuery(everything, { limit: 20, cursor: 'abc' }));
    expect(Object.fromEntries(query)).toEqual({
      search: 'weekly report',
      status: 'todo,in_progress',
      priority: 'high,medium',
      tags: 'work,urgent',
      tag_mode: 'all',
      due_from: '2026-11-01',
      due_to: '2026-11-30',
      overdue: 'true',
      completed_from: '2026-10-01',
      completed_to: '2026-10-31',
      sort_by: 'priority',
      order: 'asc',
      limit: '20',
      cursor: 'abc',
    });
  });
});

describe('what the view narrows', () => {
  it('knows when filters are active, sort aside', () => {
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, sortBy: 'title' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, overdue: true })).toBe(true);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, tagMode: 'all' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, tagMode: 'all', tags: ['work'] })).toBe(true);
  });

  it('clears filters but keeps the sort', () => {
    expect(clearFilters(everything)).toEqual({ ...DEFAULT_FILTERS, sortBy: 'priority', order: 'asc' });
  });

  it('names the filters of an empty list', () => {
    expect(describeEmptyView({ ...DEFAULT_FILTERS, priorities: ['high'] })).toBe('No high-priority tasks');
    expect(describeEmptyView({ ...DEFAULT_FILTERS, overdue: true, tags: ['work', 'home'] })).toBe(
      'No overdue tasks tagged work or home',
    );
    expect(describeEmptyView({ ...DEFAULT_FILTERS, statuses: ['done'], search: 'report' })).toBe(
      'No done tasks matching “report”',
    );
    expect(describeEmptyView({ ...DEFAULT_FILTERS, dueTo: '2026-11-30' })).toBe('No tasks due until 2026-11-30');
    expect(describeEmptyView(DEFAULT_FILTERS)).toBe('No tasks');
  });
});

describe('the bar and its expander', () => {
  it('opens "More filters" for what only it shows', () => {
    expect(hasMoreFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasMoreFilters({ ...DEFAULT_FILTERS, priorities: ['high'], overdue: true, tags: ['work'] })).toBe(false);
    expect(hasMoreFilters({ ...DEFAULT_FILTERS, tags: ['work'], tagMode: 'all' })).toBe(true);
    expect(hasMoreFilters({ ...DEFAULT_FILTERS, tagMode: 'all' })).toBe(false);
    expect(hasMoreFilters({ ...DEFAULT_FILTERS, dueFrom: '2026-12-01' })).toBe(true);
    expect(hasMoreFilters({ ...DEFAULT_FILTERS, completedTo: '2026-12-01' })).toBe(true);
    expect(hasMoreFilters({ ...DEFAULT_FILTERS, sortBy: 'priority', order: 'desc' })).toBe(true);
  });
});
