/**
 * The server's field errors in the user's words: the field by the name its form labels it with ("recurrence.rule" →
 * "Repeat rule", "reminders[1].at" → "Reminder 2"), and any API name left in the message read as plain English.
 */
const LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  priority: 'Priority',
  status: 'Status',
  tags: 'Tags',
  add_tags: 'Tags',
  remove_tags: 'Tags',
  due_at: 'Due',
  recurrence: 'Repeat',
  'recurrence.rule': 'Repeat rule',
  'recurrence.timezone': 'Repeat time zone',
  'recurrence.mode': 'Repeat mode',
  reminders: 'Reminders',
  timezone: 'Time zone',
  locale: 'Language',
  email: 'Email',
  password: 'Password',
  until: 'Snooze time',
  preset: 'Snooze',
};

const API_WORDS: [RegExp, string][] = [
  [/\bdue_at\b/g, 'due date'],
  [/\bbefore_due\b/g, 'reminder before the due time'],
  [/\bRRULE\b/g, 'repeat rule'],
  [/\badd_tags\/remove_tags\b/g, 'adding and removing tags'],
];

/** The label of an API field: "Reminder 2" for reminders[1].at, the field itself when it has none. */
export function fieldLabel(field: string): string {
  const reminder = /^reminders\[(\d+)\]/.exec(field);
  if (reminder) return `Reminder ${Number(reminder[1]) + 1}`;
  return LABELS[field] ?? field.replace(/[._]/g, ' ');
}

/** A server message with the API's names in it read as words. */
export function plainMessage(message: string): string {
  return API_WORDS.reduce((text, [name, words]) => text.replace(name, words), message);
}

/** "Repeat rule can’t be read: …": a message that continues its field's name gets the label in front. */
export function fieldErrorInWords(field: string, message: string): string {
  const plain = plainMessage(message);
  return /^[a-z]/.test(plain) ? `${fieldLabel(field)} ${plain}` : plain;
}
