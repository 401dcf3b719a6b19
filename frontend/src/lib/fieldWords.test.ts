import { describe, expect, it } from 'vitest';
import { fieldErrorInWords, fieldLabel, plainMessage } from './fieldWords';
import { asSentence } from '../components/FieldError';

describe('server errors in the user’s words', () => {
  it('names fields as the forms label them', () => {
    expect(fieldLabel('recurrence.rule')).toBe('Repeat rule');
    expect(fieldLabel('reminders[1].at')).toBe('Reminder 2');
    expect(fieldLabel('due_at')).toBe('Due');
    expect(fieldLabel('something_new')).toBe('something new');
  });

  it('reads API names in messages as words', () => {
    expect(plainMessage('a reminder before the due time needs a due_at')).toBe('a reminder before the due time needs a due date');
    expect(plainMessage('is not a valid RRULE')).toBe('is not a valid repeat rule');
  });

  it('puts the label before a message that continues it, and leaves a whole sentence alone', () => {
    expect(fieldErrorInWords('recurrence.rule', 'can’t be read: “BYDAY=XX” is not a value Kadence understands'))
      .toBe('Repeat rule can’t be read: “BYDAY=XX” is not a value Kadence understands');
    expect(fieldErrorInWords('due_at', 'A repeating task needs a due date: its first occurrence'))
      .toBe('A repeating task needs a due date: its first occurrence');
    expect(asSentence('needs a due_at', 'This reminder')).toBe('This reminder needs a due date');
  });
});
