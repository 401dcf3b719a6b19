import { useId } from 'react';
import { knownZones } from '../lib/zonedTime';
import { describedBy } from './FieldError';

interface Props {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  field?: string;
}

/** A free-text IANA zone with the runtime's zones as suggestions: pickable, and typable on any device. */
export function TimezoneInput({ value, onChange, error, field = 'timezone' }: Props) {
  const inputId = useId();
  const listId = useId();
  return (
    <>
      <label htmlFor={inputId}>Time zone</label>
      <input
        id={inputId}
        name="timezone"
        list={listId}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(field, error)}
      />
      <datalist id={listId}>
        {knownZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
