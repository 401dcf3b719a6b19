import { describe, expect, it } from 'vitest';
import type { AssistantReply, Conversation, Task } from '../api/types';
import { closeEarlierChoices, describeAction, taskChangeOf, turnOfReply, turnsOfConversation } from './assistant';

const standup = {
  id: 't1', user_id: 'u1', title: 'Standup', priority: 'medium', status: 'todo',
  due_at: '2026-12-07T08:00:00Z', created_at: 'c', updated_at: 'u',
  recurrence: { series_id: 's1', rule: 'FREQ=WEEKLY;BYDAY=MO', timezone: 'Europe/Berlin', mode: 'schedule', status: 'active', summary: 'every week on Monday', instance: 1 },
} as unknown as Task;

const reply = (over: Partial<AssistantReply> = {}): AssistantReply => ({
  conversation_id: 'c1', reply: 'Done.', actions: [], tasks: [], needs_clarification: false, choices: [], engine: 'rules', ...over,
});

describe('a reply as a turn', () => {
  it('says what it did and lists the tasks it found, filled in', () => {
    const turn = turnOfReply(reply({
      reply: 'Added “Standup”, every Monday at 09:00.',
      actions: [{ type: 'task.created', task_id: 't1', task: standup }, { type: 'tasks.listed', task_id: null, task: null }],
      tasks: [standup],
    }), 'at');
    expect(turn).toMatchObject({ role: 'assistant', text: 'Added “Standup”, every Monday at 09:00.', done: ['Created “Standup”'], choicesOpen: false });
    if (turn.role !== 'assistant') throw new Error('an assistant turn');
    expect(turn.tasks[0]).toMatchObject({ id: 't1', tags: [], reminders: [], recurrence: { missed_count: 0 } });
  });

  it('offers its choices while it waits for an answer', () => {
    const choices = [{ label: 'Standup (Mon 09:00)', reply: '1' }, { label: 'Standup notes', reply: '2' }];
    expect(turnOfReply(reply({ needs_clarification: true, choices }), 'at')).toMatchObject({ choices, choicesOpen: true });
    expect(turnOfReply(reply({ needs_clarification: false, choices }), 'at')).toMatchObject({ choicesOpen: false });
  });

  it('says which engine answered', () => {
    expect(turnOfReply(reply({ engine: 'llm' }), 'at')).toMatchObject({ answeredBy: 'the language model' });
    expect(turnOfReply(reply({ engine: 'rules' }), 'at')).toMatchObject({ answeredBy: "Kadence's rules" });
    expect(turnOfReply(reply({ engine: 'something new' }), 'at')).toMatchObject({ answeredBy: null });
  });

  it('reads a sparse reply without failing', () => {
    const sparse = { conversation_id: 'c1', reply: 'Hm?' } as AssistantReply;
    expect(turnOfReply(sparse, 'at')).toMatchObject({ done: [], tasks: [], choices: [], choicesOpen: false });
  });

  it('words each kind of action', () => {
    const of = (type: string) => describeAction({ type, task_id: 't1', task: standup });
    expect(of('task.completed')).toBe('Completed “Standup”');
    expect(of('series.stopped')).toBe('Stopped the repeats of “Standup”');
    expect(of('reminder.added')).toBe('Added a reminder to “Standup”');
    expect(describeAction({ type: 'task.deleted', task_id: 't1', task: null })).toBe('Deleted a task');
    expect(of('tasks.listed')).toBeNull();
    expect(of('something.new')).toBeNull();
  });
});

describe('a stored conversation', () => {
  const choices = [{ label: 'Yes', reply: 'yes' }];
  const conversation: Conversation = {
    id: 'c1', title: 'Complete standup', created_at: 'a', updated_at: 'b',
    messages: [
      { role: 'user', text: 'Complete standup', at: '1', reply: null },
      { role: 'assistant', text: 'Which one?', at: '2', reply: reply({ reply: 'Which one?', needs_clarification: true, choices }) },
      { role: 'user', text: 'Show me all tasks', at: '3', reply: null },
      { role: 'assistant', text: 'Is this the one?', at: '4', reply: reply({ reply: 'Is this the one?', needs_clarification: true, choices }) },
    ],
  };

  it('is its turns, oldest first, with only the last question still open', () => {
    const turns = turnsOfConversation(conversation);
    expect(turns.map((t) => [t.role, t.text])).toEqual([
      ['user', 'Complete standup'], ['assistant', 'Which one?'], ['user', 'Show me all tasks'], ['assistant', 'Is this the one?'],
    ]);
    expect(turns.map((t) => t.role === 'assistant' && t.choicesOpen)).toEqual([false, false, false, true]);
  });

  it('closes the open question once the user says something else', () => {
    const turns = closeEarlierChoices([...turnsOfConversation(conversation), { role: 'user', text: 'never mind', at: '5' }]);
    expect(turns.some((t) => t.role === 'assistant' && t.choicesOpen)).toBe(false);
  });
});

describe('what the assistant did, as a task change for the list', () => {
  it('publishes created, completed and deleted tasks', () => {
    expect(taskChangeOf({ type: 'task.created', task_id: 't1', task: standup })).toMatchObject({ change: 'created', task_id: 't1', task: { title: 'Standup', tags: [] } });
    expect(taskChangeOf({ type: 'task.completed', task_id: 't1', task: standup })?.change).toBe('completed');
    expect(taskChangeOf({ type: 'reminder.added', task_id: 't1', task: standup })?.change).toBe('updated');
    expect(taskChangeOf({ type: 'task.deleted', task_id: 't1', task: null })).toMatchObject({ change: 'deleted', task: null });
  });

  it('publishes nothing for a listing or an action without its task', () => {
    expect(taskChangeOf({ type: 'tasks.listed', task_id: null, task: null })).toBeNull();
    expect(taskChangeOf({ type: 'task.updated', task_id: 't1', task: null })).toBeNull();
  });
});
