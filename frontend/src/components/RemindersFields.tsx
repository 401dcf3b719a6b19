/** The reminders of the task being edited: quick offsets before due, a fixed time, or a custom offset. */
import { useId } from 'react';
import { describeDuration, parseBeforeDue } from '../lib/durations';
import { reminderKey, type ReminderDraft } from '../lib/taskForm';
import { describedBy, FieldError } from './FieldError';

const QUICK_OFFSETS: [string, string][] = [
  ['15 minutes before', 'PT15M'],
  ['1 hour before', 'PT1H'],
  ['1 day before', 'P1D'],
];

interface Props {
  reminders: ReminderDraft[];
  onChange: (reminders: ReminderDraft[]) => void;
  hasDue: boolean;
  /** Errors by the server's field names: reminders[0].before_due, reminders[1].at, reminders[2], reminders. */
  errors: Record<string, string>;
}

export function RemindersFields({ reminders, onChange, hasDue, errors }: Props) {
  const id = useId();
  const add = (draft: ReminderDraft) => onChange([...reminders, draft]);
  const update = (key: number, draft: ReminderDraft) => onChange(reminders.map((r) => (r.key === key ? draft : r)));
  const remove = (key: number) => onChange(reminders.filter((r) => r.key !== key));
  const addOffset = (iso: string) => {
    const known = reminders.some((r) => r.kind === 'before' && r.beforeDue === iso);
    if (!known) add({ key: reminderKey(), kind: 'before', beforeDue: iso });
  };

  return (
    <fieldset className="reminders-fields">
      <legend>Reminders</legend>
      {reminders.length === 0 && <p className="hint">No reminders.</p>}
      <ul className="reminder-list">
        {reminders.map((reminder, index) => (
          <ReminderRow
            key={reminder.key}
            id={`${id}-${reminder.key}`}
            reminder={reminder}
            index={index}
            errors={errors}
            onChange={(draft) => update(reminder.key, draft)}
            onRemove={() => remove(reminder.key)}
          />
        ))}
      </ul>
      {!hasDue && reminders.some((r) => r.kind !== 'at') && (
        <p className="hint">Reminders before due need a due date.</p>
      )}
      <div className="button-row" role="group" aria-label="Add a reminder">
        {QUICK_OFFSETS.map(([label, iso]) => (
          <button key={iso} type="button" onClick={() => addOffset(iso)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={() => add({ key: reminderKey(), kind: 'at', atLocal: '' })}>
          At a time
        </button>
        <button type="button" onClick={() => add({ key: reminderKey(), kind: 'custom', text: '' })}>
          Custom
        </button>
      </div>
      <FieldError field="reminders" message={errors.reminders} label="Reminders:" />
    </fieldset>
  );
}

interface RowProps {
  id: string;
  reminder: ReminderDraft;
  index: number;
  errors: Record<string, string>;
  onChange: (draft: ReminderDraft) => void;
  onRemove: () => void;
}

function ReminderRow({ id, reminder, index, errors, onChange, onRemove }: RowProps) {
  const field = `reminders[${index}]`;
  const beforeField = `${field}.before_due`;
  const atField = `${field}.at`;
  return (
    <li className="reminder-row">
      {reminder.kind === 'before' && <span id={id}>{describeDuration(reminder.beforeDue)} before due</span>}
      {reminder.kind === 'at' && (
        <span className="field inline">
          <label htmlFor={id}>Remind at</label>
          <input
            id={id}
            type="datetime-local"
            value={reminder.atLocal}
            onChange={(event) => onChange({ ...reminder, atLocal: event.target.value })}
            {...describedBy(atField, errors[atField])}
          />
        </span>
      )}
      {reminder.kind === 'custom' && <CustomOffset id={id} reminder={reminder} field={beforeField} errors={errors} onChange={onChange} />}
      <button type="button" onClick={onRemove}>
        Remove reminder
      </button>
      {reminder.kind !== 'custom' && <FieldError field={beforeField} message={errors[beforeField]} label="This reminder" />}
      <FieldError field={atField} message={errors[atField]} label="This reminder" />
      <FieldError field={field} message={errors[field]} label="This reminder" />
    </li>
  );
}

function CustomOffset(props: {
  id: string;
  reminder: Extract<ReminderDraft, { kind: 'custom' }>;
  field: string;
  errors: Record<string, string>;
  onChange: (draft: ReminderDraft) => void;
}) {
  const { id, reminder, field, errors, onChange } = props;
  const parsed = parseBeforeDue(reminder.text);
  return (
    <span className="field inline">
      <label htmlFor={id}>Before due</label>
      <input
        id={id}
        value={reminder.text}
        placeholder="2h, 1d, 90m or PT2H"
        className="narrow-text"
        autoComplete="off"
        onChange={(event) => onChange({ ...reminder, text: event.target.value })}
        {...describedBy(field, errors[field])}
      />
      {parsed && <span className="hint">{describeDuration(parsed)} before due</span>}
      <FieldError field={field} message={errors[field]} label="This reminder" />
    </span>
  );
}
