/** The "Repeats" part of the task editor: presets, interval, days, end, mode, or a custom RRULE. */
import { useId } from 'react';
import {
  WEEKDAYS,
  WEEKS_OF_MONTH,
  buildRule,
  seedFromStart,
  type Ends,
  type Mode,
  type Preset,
  type RecurrenceForm,
  type StartDate,
  type Weekday,
} from '../lib/recurrence';
import { describedBy, FieldError } from './FieldError';

const PRESET_LABELS: Record<Preset, string> = {
  none: 'Does not repeat',
  daily: 'Daily',
  weekdays: 'Weekdays',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
  custom: 'Custom',
};

const DAY_SHORT: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const DAY_LONG: Record<Weekday, string> = {
  MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday',
};
const WEEK_LABELS: Record<number, string> = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', [-1]: 'Last' };
const INTERVAL_UNITS: Partial<Record<Preset, [string, string]>> = {
  daily: ['day', 'days'],
  weekdays: ['week', 'weeks'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
  yearly: ['year', 'years'],
};

interface Props {
  form: RecurrenceForm;
  onChange: (form: RecurrenceForm) => void;
  /** The due date, which decides the start-dependent defaults (the weekday, the day of the month). */
  start: StartDate | null;
  ruleError?: string;
}

export function RecurrenceFields({ form, onChange, start, ruleError }: Props) {
  const id = useId();
  const set = (changes: Partial<RecurrenceForm>) => onChange({ ...form, ...changes });

  const choosePreset = (preset: Preset) => {
    let next: RecurrenceForm = { ...form, preset };
    if (form.preset === 'none' && start) next = seedFromStart(next, start);
    if (preset === 'custom' && form.preset !== 'custom') {
      next.customRule = buildRule({ ...form, preset: form.preset === 'none' ? 'daily' : form.preset }) ?? 'FREQ=DAILY';
    }
    onChange(next);
  };

  const repeats = form.preset !== 'none';
  const units = INTERVAL_UNITS[form.preset];
  return (
    <fieldset className="recurrence-fields">
      <legend>Recurrence</legend>
      <div className="field">
        <label htmlFor={`${id}-preset`}>Repeats</label>
        <select
          id={`${id}-preset`}
          value={form.preset}
          onChange={(event) => choosePreset(event.target.value as Preset)}
          {...(form.preset !== 'custom' ? describedBy('recurrence.rule', ruleError) : {})}
        >
          {(Object.keys(PRESET_LABELS) as Preset[]).map((preset) => (
            <option key={preset} value={preset}>
              {PRESET_LABELS[preset]}
            </option>
          ))}
        </select>
      </div>

      {form.preset === 'custom' && (
        <div className="field">
          <label htmlFor={`${id}-rule`}>Rule</label>
          <input
            id={`${id}-rule`}
            value={form.customRule}
            spellCheck={false}
            autoComplete="off"
            placeholder="FREQ=WEEKLY;BYDAY=FR"
            onChange={(event) => set({ customRule: event.target.value })}
            {...describedBy('recurrence.rule', ruleError)}
          />
          <p className="hint">A repeat rule in iCalendar (RRULE) form, e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (the last workday).</p>
        </div>
      )}

      {units && (
        <div className="field inline">
          <label htmlFor={`${id}-interval`}>Every</label>
          <input
            id={`${id}-interval`}
            type="number"
            min={1}
            max={999}
            className="narrow"
            value={Number.isFinite(form.interval) ? form.interval : ''}
            onChange={(event) => set({ interval: event.target.valueAsNumber })}
          />
          <span>{form.interval === 1 ? units[0] : units[1]}</span>
        </div>
      )}

      {form.preset === 'weekly' && (
        <fieldset className="weekdays">
          <legend>On days</legend>
          {WEEKDAYS.map((day) => (
            <label key={day} className="check-label day">
              <input
                type="checkbox"
                checked={form.weekdays.includes(day)}
                onChange={(event) =>
                  set({
                    weekdays: event.target.checked
                      ? [...form.weekdays, day]
                      : form.weekdays.filter((chosen) => chosen !== day),
                  })
                }
              />
              <abbr title={DAY_LONG[day]}>{DAY_SHORT[day]}</abbr>
            </label>
          ))}
        </fieldset>
      )}

      {form.preset === 'monthly' && <MonthlyFields form={form} set={set} id={id} />}

      {repeats && form.preset !== 'custom' && <EndFields form={form} set={set} id={id} />}

      {repeats && (
        <div className="field">
          <label htmlFor={`${id}-mode`}>Mode</label>
          <select id={`${id}-mode`} value={form.mode} onChange={(event) => set({ mode: event.target.value as Mode })}>
            <option value="schedule">On schedule</option>
            <option value="completion">After completion</option>
          </select>
          <p className="hint">
            {form.mode === 'schedule'
              ? 'The next one is due on the next date of the schedule.'
              : 'The next one is due one interval after you complete this one.'}
          </p>
        </div>
      )}
      <FieldError field="recurrence.rule" message={ruleError} label="The rule" />
    </fieldset>
  );
}

interface PartProps {
  form: RecurrenceForm;
  set: (changes: Partial<RecurrenceForm>) => void;
  id: string;
}

function MonthlyFields({ form, set, id }: PartProps) {
  return (
    <div className="monthly">
      <div className="field">
        <label htmlFor={`${id}-monthly-by`}>Repeat on</label>
        <select
          id={`${id}-monthly-by`}
          value={form.monthlyBy}
          onChange={(event) => set({ monthlyBy: event.target.value as RecurrenceForm['monthlyBy'] })}
        >
          <option value="day">A day of the month</option>
          <option value="weekday">A weekday of the month</option>
        </select>
      </div>
      {form.monthlyBy === 'day' ? (
        <div className="field inline">
          <label htmlFor={`${id}-month-day`}>Day of month</label>
          <input
            id={`${id}-month-day`}
            type="number"
            min={1}
            max={31}
            className="narrow"
            value={form.monthDay}
            onChange={(event) => set({ monthDay: Math.min(31, Math.max(1, event.target.valueAsNumber || 1)) })}
          />
          {form.monthDay > 28 && <p className="hint">Months without this day are skipped.</p>}
        </div>
      ) : (
        <div className="field inline">
          <label htmlFor={`${id}-week`}>Which week</label>
          <select
            id={`${id}-week`}
            value={form.weekOfMonth}
            onChange={(event) => set({ weekOfMonth: Number(event.target.value) })}
          >
            {WEEKS_OF_MONTH.map((week) => (
              <option key={week} value={week}>
                {WEEK_LABELS[week]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-weekday`}>Day of the week</label>
          <select
            id={`${id}-weekday`}
            value={form.weekdayOfMonth}
            onChange={(event) => set({ weekdayOfMonth: event.target.value as Weekday })}
          >
            {WEEKDAYS.map((day) => (
              <option key={day} value={day}>
                {DAY_LONG[day]}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

function EndFields({ form, set, id }: PartProps) {
  return (
    <div className="field inline">
      <label htmlFor={`${id}-ends`}>Ends</label>
      <select id={`${id}-ends`} value={form.ends} onChange={(event) => set({ ends: event.target.value as Ends })}>
        <option value="never">Never</option>
        <option value="count">After</option>
        <option value="until">On date</option>
      </select>
      {form.ends === 'count' && (
        <>
          <label htmlFor={`${id}-count`} className="visually-hidden">
            Occurrences
          </label>
          <input
            id={`${id}-count`}
            type="number"
            min={1}
            max={10000}
            className="narrow"
            value={Number.isFinite(form.count) ? form.count : ''}
            onChange={(event) => set({ count: event.target.valueAsNumber })}
          />
          <span aria-hidden="true">occurrences</span>
        </>
      )}
      {form.ends === 'until' && (
        <>
          <label htmlFor={`${id}-until`} className="visually-hidden">
            End date
          </label>
          <input id={`${id}-until`} type="date" value={form.until} onChange={(event) => set({ until: event.target.value })} />
        </>
      )}
    </div>
  );
}
