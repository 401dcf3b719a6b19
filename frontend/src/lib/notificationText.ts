/** A notification in the user's words: its due time on their clock, the zone only when it is not theirs. */
import type { Notification } from '../api/types';
import { formatInZone } from './zonedTime';

export function notificationText(n: Notification, zone: string, now: number = Date.now()): string {
  if (!n.due_at) return `Reminder: ${n.title}`;
  const tense = n.fire_at && Date.parse(n.due_at) < Date.parse(n.fire_at) ? 'was' : 'is';
  const occurrence = n.occurrence?.instance ? `, occurrence ${n.occurrence.instance}` : '';
  return `${n.title} ${tense} due ${formatInZone(n.due_at, zone, now)}${occurrence}`;
}
