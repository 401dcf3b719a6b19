/**
 * Wall-clock time in an IANA zone ↔ instants, with nothing but Intl. The user types due dates in their own zone
 * (from /me), whatever zone the browser is in, so the browser's Date local time is never used.
 */

/** A local date and time as a person reads it on a clock in some zone. */
export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const fieldFormatters = new Map<string, Intl.DateTimeFormat>();

function fieldFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = fieldFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    fieldFormatters.set(zone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the zone (an IANA name such as Europe/Berlin, or UTC). */
export function isKnownZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `instant` (epoch milliseconds) in `zone`. */
export function wallTimeAt(instant: number, zone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of fieldFormatter(zone).formatToParts(new Date(instant))) {
    parts[part.type] = part.value;
  }
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The wall time as if it were UTC: the arithmetic base for offsets. */
function wallAsUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at `instant`, in milliseconds (Berlin in winter: +3 600 000). */
export function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallTimeAt(whole, zone)) - whole;
}

/**
 * The instant a wall time in `zone` names. Like the server (DESIGN §4): a time skipped by a spring-forward gap moves
 * forward by the gap (02:30 → 03:30), and a time that occurs twice in a fall-back overlap means its first occurrence.
 */
export function instantOfWallTime(wall: WallTime, zone: string): number {
  const local = wallAsUtc(wall);
  // At most one transition lies within a day of any time, so the offsets a day either side are the candidates.
  const offsetBefore = offsetAt(local - DAY, zone);
  const offsetAfter = offsetAt(local + DAY, zone);
  const candidates = [local - offsetBefore, local - offsetAfter].filter(
    (instant) => wallAsUtc(wallTimeAt(instant, zone)) === local,
  );
  if (candidates.length === 0) {
    // In the gap: read the time with the offset in force before it, which lands as far past the gap as it was into it.
    return local - offsetBefore;
  }
  return Math.min(...candidates);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Reads the value of an `<input type="datetime-local">` ("2026-11-27T09:30"), or null when it is not one. */
export function parseLocalInput(value: string): WallTime | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = { year, month, day, hour, minute, second };
  const roundTrip = new Date(wallAsUtc(wall));
  const valid =
    month >= 1 && month <= 12 && hour <= 23 && minute <= 59 && second <= 59 && roundTrip.getUTCDate() === day;
  return valid ? wall : null;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The value for an `<input type="datetime-local">`: "2026-11-27T09:30". */
export function formatLocalInput(wall: WallTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** "+01:00", "-03:30", "Z" is not used so the zone's offset stays visible. */
function formatOffset(offset: number): string {
  const minutes = Math.round(offset / MINUTE);
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** An instant as RFC 3339 with the zone's offset at that instant: "2026-11-27T09:30:00+01:00". */
export function toRfc3339(instant: number, zone: string): string {
  const wall = wallTimeAt(instant, zone);
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  return `${date}T${time}${formatOffset(offsetAt(instant, zone))}`;
}

/** A datetime-local value typed in `zone` as the RFC 3339 instant the API wants, or null if it is not a time. */
export function localInputToRfc3339(value: string, zone: string): string | null {
  const wall = parseLocalInput(value);
  return wall ? toRfc3339(instantOfWallTime(wall, zone), zone) : null;
}

/** An API instant as the datetime-local value that shows it in `zone` ("" for none). */
export function rfc3339ToLocalInput(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? '' : formatLocalInput(wallTimeAt(instant, zone));
}

/** The calendar date ("2026-11-27") of an instant in `zone`. */
export function dateInZone(instant: number, zone: string): string {
  const wall = wallTimeAt(instant, zone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** English weekday and month names in `zone`; the rest of the text is put together here, so it reads the same in every browser. */
function nameFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = nameFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', month: 'short' });
    nameFormatters.set(zone, formatter);
  }
  return formatter;
}

/** 12-hour clocks ("9:30 AM") or 24-hour ones ("09:30"), as the user's locale writes times. */
export type HourCycle = 'h12' | 'h23';

/** How `locale` writes times: en-US 12-hour, en-GB and de-DE 24-hour; 24-hour for a tag the runtime does not know. */
export function hourCycleOf(locale: string): HourCycle {
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
  } catch {
    return 'h23';
  }
}

let userHourCycle: HourCycle = 'h23';

/** The signed-in user's clock, from their locale; every time the app shows follows it. */
export function setUserHourCycle(cycle: HourCycle): void {
  userHourCycle = cycle;
}

export function currentHourCycle(): HourCycle {
  return userHourCycle;
}

/** "09:30" on a 24-hour clock, "9:30 AM" on a 12-hour one (12:05 AM is five past midnight). */
export function formatClock(hour: number, minute: number, cycle: HourCycle = userHourCycle): string {
  if (cycle === 'h23') return `${pad(hour)}:${pad(minute)}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "Fri 27 Nov, 09:30" in `zone`; the year is added when it is not the current one ("Fri 1 Jan 2027, 08:30"). */
export function formatInZone(iso: string, zone: string, now: number = Date.now(), cycle: HourCycle = userHourCycle): string {
  const instant = Date.parse(iso);
  const wall = wallTimeAt(instant, zone);
  const names: Record<string, string> = {};
  for (const part of nameFormatter(zone).formatToParts(instant)) names[part.type] = part.value;
  const year = wall.year === wallTimeAt(now, zone).year ? '' : ` ${wall.year}`;
  return `${names.weekday} ${wall.day} ${names.month}${year}, ${formatClock(wall.hour, wall.minute, cycle)}`;
}

/**
 * A series' summary from the server ("every Monday at 09:00, America/New_York") as this user reads it: times on their
 * clock, and the zone left out when it is their own.
 */
export function summaryForUser(summary: string, seriesZone: string, userZone: string, cycle: HourCycle = userHourCycle): string {
  const ownZone = seriesZone === userZone ? summary.replace(`, ${seriesZone}`, '') : summary;
  return ownZone.replace(/\b([01]\d|2[0-3]):([0-5]\d)\b/g, (_, hour: string, minute: string) =>
    formatClock(Number(hour), Number(minute), cycle),
  );
}

/** The zone the browser is in, for a new account's default. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone the runtime knows, for pickers (UTC first). */
export function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}
