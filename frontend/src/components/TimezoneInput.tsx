import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { resolveZone, searchZones } from '../lib/zoneSearch';
import { describedBy } from './FieldError';

interface Props {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  field?: string;
  hint?: string;
}

const DEFAULT_HINT = 'A city, country or abbreviation: New York, Lisbon, IST.';

/**
 * The time-zone picker: a combobox (ARIA 1.2, list autocomplete) that finds a zone by city, abbreviation, country or
 * IANA name ("New York", "IST", "Lisbon"). Arrow keys move through the suggestions, Enter takes one, Escape closes
 * the list; leaving the field turns a name that means one zone into that zone.
 */
export function TimezoneInput({ value, onChange, error, field = 'timezone', hint = DEFAULT_HINT }: Props) {
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => searchZones(value), [value]);
  const showing = open && matches.length > 0;

  const choose = (zone: string) => {
    onChange(zone);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!showing) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : matches.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && showing && active >= 0) {
      event.preventDefault();
      choose(matches[active].zone);
    } else if (event.key === 'Escape' && showing) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <>
      <label htmlFor={inputId}>Time zone</label>
      <div className="combobox">
      <input
        id={inputId}
        name="timezone"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          const resolved = resolveZone(value);
          if (resolved && resolved !== value) onChange(resolved);
        }}
        {...describedBy(field, error, hintId)}
      />
      <ul id={listId} role="listbox" aria-label="Suggested zones" className="combobox-options" hidden={!showing}>
        {showing &&
          matches.map((match, index) => (
            <li
              key={match.zone}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(match.zone)}
            >
              {match.label}
            </li>
          ))}
      </ul>
      </div>
      <p className="hint" id={hintId}>
        {hint}
      </p>
    </>
  );
}
