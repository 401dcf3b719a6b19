/**
 * The assistant's conversation as the drawer shows it: turns of the user and the assistant, each reply with what it
 * did in words, the tasks it found, and — on the last reply only, while it waits for an answer — the choices.
 */
import type { AssistantAction, AssistantChoice, AssistantReply, Conversation, Task, TaskChange } from '../api/types';
import { normalizeTask } from '../api/normalize';

export type Turn =
  | { role: 'user'; text: string; at: string }
  | {
      role: 'assistant';
      text: string;
      at: string;
      /** "Created “Standup”": what the reply did, one line each. */
      done: string[];
      tasks: Task[];
      choices: AssistantChoice[];
      /** Whether the choices can still be clicked (the conversation waits for this answer). */
      choicesOpen: boolean;
      /** Who answered, in words ("Kadence's rules", "the language model"); null when the reply does not say. */
      answeredBy: string | null;
    };

const ENGINE_WORDS: Record<string, string> = { rules: "Kadence's rules", llm: 'the language model' };

const ACTION_WORDS: Record<string, string> = {
  'task.created': 'Created',
  'task.updated': 'Updated',
  'task.completed': 'Completed',
  'task.reopened': 'Reopened',
  'task.deleted': 'Deleted',
  'series.stopped': 'Stopped the repeats of',
  'reminder.added': 'Added a reminder to',
  'reminder.cancelled': 'Cancelled a reminder of',
};

/** What an action did, in words; null for one that is not worth a line (tasks.listed: the rows show it). */
export function describeAction(action: AssistantAction): string | null {
  if (action.type === 'tasks.listed') return null;
  const verb = ACTION_WORDS[action.type];
  const title = action.task?.title;
  if (!verb) return null;
  return title ? `${verb} “${title}”` : `${verb} a task`;
}

/** A reply as a turn (choices open when it waits for an answer; `closeChoices` turns them off). */
export function turnOfReply(reply: AssistantReply, at: string): Turn {
  const choices = reply.choices ?? [];
  return {
    role: 'assistant',
    text: reply.reply,
    at,
    done: (reply.actions ?? []).map(describeAction).filter((line): line is string => line !== null),
    tasks: (reply.tasks ?? []).map(normalizeTask),
    choices,
    choicesOpen: Boolean(reply.needs_clarification) && choices.length > 0,
    answeredBy: ENGINE_WORDS[reply.engine] ?? null,
  };
}

/** Every turn but the last loses its open choices: only the latest question waits for an answer. */
export function closeEarlierChoices(turns: Turn[]): Turn[] {
  return turns.map((turn, i) =>
    turn.role === 'assistant' && turn.choicesOpen && i !== turns.length - 1 ? { ...turn, choicesOpen: false } : turn,
  );
}

/** A stored conversation as turns, oldest first. */
export function turnsOfConversation(conversation: Conversation): Turn[] {
  const turns = conversation.messages.map((message): Turn =>
    message.role === 'assistant' && message.reply
      ? turnOfReply(message.reply, message.at)
      : message.role === 'assistant'
        ? { role: 'assistant', text: message.text, at: message.at, done: [], tasks: [], choices: [], choicesOpen: false, answeredBy: null }
        : { role: 'user', text: message.text, at: message.at },
  );
  return closeEarlierChoices(turns);
}

/**
 * The change an action made, as the live stream would announce it: published at once so the list shows it even
 * when the stream is slow (the stream's own copy then changes nothing).
 */
export function taskChangeOf(action: AssistantAction): TaskChange | null {
  if (!action.task_id || action.type === 'tasks.listed') return null;
  if (action.type === 'task.deleted') {
    return { task_id: action.task_id, user_id: action.task?.user_id ?? '', change: 'deleted', task: null };
  }
  if (!action.task) return null;
  const change = action.type === 'task.created' ? 'created'
    : action.type === 'task.completed' ? 'completed'
    : action.type === 'task.reopened' ? 'reopened'
    : 'updated';
  return { task_id: action.task_id, user_id: action.task.user_id, change, task: normalizeTask(action.task) };
}
