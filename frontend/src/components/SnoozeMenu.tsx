import { useId, useState } from 'react';
import type { SnoozePreset } from '../api/endpoints';

const CHOICES: [SnoozePreset, string][] = [
  ['10m', '10 minutes'],
  ['1h', '1 hour'],
  ['tomorrow_morning', 'Tomorrow morning'],
];

/** "Snooze" and, once pressed, its choices right after it (the next Tab stops): in a toast and in the centre. */
export function SnoozeMenu({ title, onSnooze }: { title: string; onSnooze: (preset: SnoozePreset) => void }) {
  const [open, setOpen] = useState(false);
  const groupId = useId();
  return (
    <span className="snooze">
      <button type="button" aria-expanded={open} aria-controls={groupId} onClick={() => setOpen(!open)}>
        Snooze<span className="visually-hidden"> “{title}”</span>
      </button>
      {open && (
        <span id={groupId} role="group" aria-label={`Snooze “${title}” for`} className="choice-row">
          {CHOICES.map(([preset, label]) => (
            <button
              key={preset}
              type="button"
              onClick={() => {
                setOpen(false);
                onSnooze(preset);
              }}
            >
              {label}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
