/** The list's filters and sort. Every change becomes the page's query string; this component holds no view state. */
import type { ReactNode } from 'react';
import {
  PRIORITIES,
  STATUSES,
  defaultOrder,
  clearFilters,
  normalizeTags,
  type Filters,
  type SortKey,
} from '../lib/filters';
import type { FilterGroup } from '../lib/views';
import { DebouncedInput } from './DebouncedInput';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels';

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  /** On narrow screens the panel folds away behind a toggle; on wide ones it always shows. */
  open: boolean;
  id: string;
  /** The groups the view has a use for (the view decides the rest). */
  groups: FilterGroup[];
}

const SORT_LABELS: Record<SortKey, string> = {
  due_at: 'Due date',
  priority: 'Priority',
  created_at: 'Created',
  updated_at: 'Updated',
  title: 'Title',
};

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((item) => item !== value);
}

function CheckboxGroup<T extends string>(props: {
  legend: string;
  values: readonly T[];
  labels: Record<T, string>;
  checked: T[];
  onChange: (checked: T[]) => void;
}) {
  return (
    <fieldset className="filter-group">
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value} className="check-label">
          <input
            type="checkbox"
            checked={props.checked.includes(value)}
            onChange={(event) => props.onChange(toggle(props.checked, value, event.target.checked))}
          />
          {props.labels[value]}
        </label>
      ))}
    </fieldset>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function FiltersPanel({ filters, onChange, open, id, groups }: Props) {
  const set = (changes: Partial<Filters>) => onChange({ ...filters, ...changes });
  const has = (group: FilterGroup) => groups.includes(group);
  return (
    <section id={id} className={`filters${open ? ' open' : ''}`} aria-label="Filters">
      {has('status') && (
        <CheckboxGroup
          legend="Status"
          values={STATUSES}
          labels={STATUS_LABELS}
          checked={filters.statuses}
          onChange={(statuses) => set({ statuses })}
        />
      )}
      {has('priority') && (
        <CheckboxGroup
          legend="Priority"
          values={PRIORITIES}
          labels={PRIORITY_LABELS}
          checked={filters.priorities}
          onChange={(priorities) => set({ priorities })}
        />
      )}
      {has('tags') && (
        <fieldset className="filter-group">
          <legend>By tags</legend>
          <Field id="filter-tags" label="Tags">
            <DebouncedInput
              id="filter-tags"
              value={filters.tags.join(', ')}
              onCommit={(text) => set({ tags: normalizeTags(text) })}
              means={(text, value) => normalizeTags(text).join(', ') === value}
              placeholder="work, urgent"
              aria-describedby="filter-tags-hint"
              autoComplete="off"
            />
          </Field>
          <span id="filter-tags-hint" className="visually-hidden">
            Comma-separated tag names
          </span>
          <Field id="filter-tag-mode" label="Tag match">
            <select
              id="filter-tag-mode"
              value={filters.tagMode}
              onChange={(event) => set({ tagMode: event.target.value as Filters['tagMode'] })}
            >
              <option value="any">any</option>
              <option value="all">all</option>
            </select>
          </Field>
        </fieldset>
      )}
      {has('due') && (
        <fieldset className="filter-group">
          <legend>By due date</legend>
          <Field id="filter-due-from" label="Due from">
            <input id="filter-due-from" type="date" value={filters.dueFrom} onChange={(e) => set({ dueFrom: e.target.value })} />
          </Field>
          <Field id="filter-due-to" label="Due to">
            <input id="filter-due-to" type="date" value={filters.dueTo} onChange={(e) => set({ dueTo: e.target.value })} />
          </Field>
          <label className="check-label">
            <input type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
            Overdue only
          </label>
        </fieldset>
      )}
      {has('completion') && (
        <fieldset className="filter-group">
          <legend>By completion</legend>
          <Field id="filter-completed-from" label="Completed from">
            <input
              id="filter-completed-from"
              type="date"
              value={filters.completedFrom}
              onChange={(e) => set({ completedFrom: e.target.value })}
            />
          </Field>
          <Field id="filter-completed-to" label="Completed to">
            <input
              id="filter-completed-to"
              type="date"
              value={filters.completedTo}
              onChange={(e) => set({ completedTo: e.target.value })}
            />
          </Field>
        </fieldset>
      )}
      {has('sort') && (
        <fieldset className="filter-group">
          <legend>Sort</legend>
          <Field id="filter-sort" label="Sort by">
            <select
              id="filter-sort"
              value={filters.sortBy}
              onChange={(event) => {
                const sortBy = event.target.value as SortKey;
                set({ sortBy, order: defaultOrder(sortBy) });
              }}
            >
              {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
                <option key={key} value={key}>
                  {SORT_LABELS[key]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="filter-order" label="Order">
            <select
              id="filter-order"
              value={filters.order}
              onChange={(event) => set({ order: event.target.value as Filters['order'] })}
            >
              <option value="asc">Ascending</option>
              <option value="desc">Descending</option>
            </select>
          </Field>
        </fieldset>
      )}
      <div className="filter-actions">
        <button type="button" onClick={() => onChange(clearFilters(filters))}>
          Clear filters
        </button>
      </div>
    </section>
  );
}
