/**
 * "Before due" offsets of reminders. The API takes ISO-8601 durations of days and smaller units (PT15M, P1D, P1W
 * alone); people type "2h", "1d", "90m" or "1h 30m", so both are read here and written the API's way.
 */

const ISO_DURATION = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;

const UNIT_WORDS: Record<string, 'w' | 'd' | 'h' | 'm'> = {
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  d: 'd', day: 'd', days: 'd',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
};

interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const NONE: DurationParts = { weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

function isoParts(upper: string): DurationParts | null {
  const match = ISO_DURATION.exec(upper);
  if (!match || upper === 'P' || upper.endsWith('T')) return null;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((n) => Number(n ?? 0));
  return { weeks, days, hours, minutes, seconds };
}

/** "1h 30m", "2 hours", "90m", "1d2h": each amount followed by its unit, at least one. */
function shorthandParts(lower: string): DurationParts | null {
  const tokens = lower.replace(/,|\band\b/g, ' ').match(/\d+\s*[a-z]+|\S+/g);
  if (!tokens) return null;
  const parts = { ...NONE };
  for (const token of tokens) {
    const match = /^(\d+)\s*([a-z]+)$/.exec(token);
    const unit = match && UNIT_WORDS[match[2]];
    if (!match || !unit) return null;
    const amount = Number(match[1]);
    if (unit === 'w') parts.weeks += amount;
    if (unit === 'd') parts.days += amount;
    if (unit === 'h') parts.hours += amount;
    if (unit === 'm') parts.minutes += amount;
  }
  return parts;
}

function toIso(parts: DurationParts): string {
  if (parts.weeks && !parts.days && !parts.hours && !parts.minutes && !parts.seconds) {
    return `P${parts.weeks}W`;
  }
  const days = parts.days + 7 * parts.weeks;
  const time =
    (parts.hours ? `${parts.hours}H` : '') + (parts.minutes ? `${parts.minutes}M` : '') + (parts.seconds ? `${parts.seconds}S` : '');
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

function isZero(parts: DurationParts): boolean {
  return !parts.weeks && !parts.days && !parts.hours && !parts.minutes && !parts.seconds;
}

/** The ISO-8601 duration for what the user typed ("2h" → "PT2H", "P1D" stays), or null if it is not a positive one. */
export function parseBeforeDue(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const parts = /^p/i.test(trimmed) ? isoParts(trimmed.toUpperCase()) : shorthandParts(trimmed.toLowerCase());
  return parts && !isZero(parts) ? toIso(parts) : null;
}

function plural(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** "PT15M" → "15 minutes", "P1DT2H" → "1 day 2 hours"; an unreadable value is shown as it is. */
export function describeDuration(iso: string): string {
  const parts = isoParts(iso.toUpperCase());
  if (!parts) return iso;
  const words = [
    parts.weeks && plural(parts.weeks, 'week'),
    parts.days && plural(parts.days, 'day'),
    parts.hours && plural(parts.hours, 'hour'),
    parts.minutes && plural(parts.minutes, 'minute'),
    parts.seconds && plural(parts.seconds, 'second'),
  ].filter(Boolean);
  return words.join(' ');
}
