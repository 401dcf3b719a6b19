/**
 * The list's filters and sort, as a compact bar: chips for status and priority, the tags, "Overdue", and an expander
 * ("More filters") for the tag match, the date ranges and the sort. Every change becomes the page's query string; the
 * only state here is whether the expander is open (it starts open when one of its filters is set).
 */
import { useId, useState, type ReactNode } from 'react';
import {
  PRIORITIES,
  STATUSES,
  defaultOrder,
  clearFilters,
  hasMoreFilters,
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

const TAG_MODE_LABELS: Record<Filters['tagMode'], string> = { any: 'any', all: 'all' };
const ORDER_LABELS: Record<Filters['order'], string> = { asc: 'Ascending', desc: 'Descending' };

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
    <fieldset className="filter-group chips">
      <legend className="visually-hidden">{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value} className="check-label filter-chip">
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

function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {(Object.keys(props.options) as T[]).map((key) => (
          <option key={key} value={key}>
            {props.options[key]}
          </option>
        ))}
      </select>
    </Field>
  );
}

function DateField(props: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field id={props.id} label={props.label}>
      <input id={props.id} type="date" value={props.value} onChange={(event) => props.onChange(event.target.value)} />
    </Field>
  );
}

export function FiltersPanel({ filters, onChange, open, id, groups }: Props) {
  const set = (changes: Partial<Filters>) => onChange({ ...filters, ...changes });
  const has = (group: FilterGroup) => groups.includes(group);
  const [moreOpen, setMoreOpen] = useState(() => hasMoreFilters(filters));
  const moreId = useId();
  const hasMore = has('tags') || has('due') || has('completion') || has('sort');
  return (
    <section id={id} className={`filters${open ? ' open' : ''}`} aria-label="Filters">
      <div className="filter-bar">
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
            <legend className="visually-hidden">By tags</legend>
            <Field id="filter-tags" label="Tags">
              <DebouncedInput
                id="filter-tags"
                value={filters.tags.join(', ')}
                onCommit={(text) => set({ tags: normalizeTags(text) })}
                means={(text, value) => normalizeTags(text).join(', ') === value}
                placeholder="work, home"
                aria-describedby="filter-tags-hint"
                autoComplete="off"
              />
            </Field>
            <span id="filter-tags-hint" className="visually-hidden">
              Comma-separated tag names
            </span>
          </fieldset>
        )}
        {has('due') && (
          <label className="check-label filter-chip">
            <input type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
            Overdue
          </label>
        )}
        {hasMore && (
          <button
            type="button"
            className="more-filters"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen(!moreOpen)}
          >
            {moreOpen ? 'Fewer filters' : 'More filters'}
          </button>
        )}
        <button type="button" onClick={() => onChange(clearFilters(filters))}>
          Clear filters
        </button>
      </div>
      {hasMore && moreOpen && (
        <div id={moreId} className="filter-more">
          {has('tags') && (
            <fieldset className="filter-group">
              <legend>By tags</legend>
              <SelectField
                id="filter-tag-mode"
                label="Tag match"
                value={filters.tagMode}
                options={TAG_MODE_LABELS}
                onChange={(tagMode) => set({ tagMode })}
              />
            </fieldset>
          )}
          {has('due') && (
            <fieldset className="filter-group">
              <legend>By due date</legend>
              <DateField id="filter-due-from" label="Due from" value={filters.dueFrom} onChange={(dueFrom) => set({ dueFrom })} />
              <DateField id="filter-due-to" label="Due to" value={filters.dueTo} onChange={(dueTo) => set({ dueTo })} />
            </fieldset>
          )}
          {has('completion') && (
            <fieldset className="filter-group">
              <legend>By completion</legend>
              <DateField
                id="filter-completed-from"
                label="Completed from"
                value={filters.completedFrom}
                onChange={(completedFrom) => set({ completedFrom })}
              />
              <DateField
                id="filter-completed-to"
                label="Completed to"
                value={filters.completedTo}
                onChange={(completedTo) => set({ completedTo })}
              />
            </fieldset>
          )}
          {has('sort') && (
            <fieldset className="filter-group">
              <legend>Sort</legend>
              <SelectField
                id="filter-sort"
                label="Sort by"
                value={filters.sortBy}
                options={SORT_LABELS}
                onChange={(sortBy) => set({ sortBy, order: defaultOrder(sortBy) })}
              />
              <SelectField id="filter-order" label="Order" value={filters.order} options={ORDER_LABELS} onChange={(order) => set({ order })} />
            </fieldset>
          )}
        </div>
      )}
    </section>
  );
}
