/**
 * The assistant: a drawer on the right (the whole width on a phone) with the conversation, the message box, the
 * clarification choices as buttons and the tasks a reply found as rows that open the task. A modal dialog: the page
 * behind is inert, Escape closes it, and focus goes back to what opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Task } from '../api/types';
import type { AssistantState } from '../lib/useAssistant';
import { formatInZone, summaryForUser } from '../lib/zonedTime';
import { PRIORITY_LABELS } from './labels';
import { Modal } from './Modal';
import { Spinner } from './Spinner';

interface Props {
  assistant: AssistantState;
  zone: string;
  onClose: () => void;
  onOpenTask: (task: Task) => void;
}

export function AssistantDrawer({ assistant, zone, onClose, onOpenTask }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const { turns, status, sending, error, conversations, conversationId } = assistant;

  useEffect(() => {
    if (status === 'idle') void assistant.loadLatest();
  }, [status, assistant.loadLatest]);

  // The newest turn in view.
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [turns.length, sending]);

  async function send(message: string, shown?: string) {
    const sent = await assistant.send(message, shown);
    if (sent && shown === undefined) setText('');
    input.current?.focus();
  }

  const now = Date.now();
  return (
    <Modal title="Assistant" onClose={onClose} className="assistant-drawer" initialFocus={input}>
      <div className="assistant-bar">
        {conversations.length > 1 && (
          <>
            <label htmlFor={`${id}-conversation`} className="visually-hidden">
              Conversation
            </label>
            <select
              id={`${id}-conversation`}
              value={conversationId ?? ''}
              onChange={(event) => (event.target.value ? void assistant.open(event.target.value) : assistant.startNew())}
            >
              {conversationId === null && <option value="">New conversation</option>}
              {conversations.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </>
        )}
        <button
          type="button"
          onClick={() => {
            assistant.startNew();
            setText('');
            input.current?.focus();
          }}
          disabled={sending || (conversationId === null && turns.length === 0)}
        >
          New conversation
        </button>
      </div>
      <div className="assistant-log" ref={log} role="log" aria-label="Conversation" aria-busy={status === 'loading'}>
        <ol className="assistant-turns">
          {turns.length === 0 && status !== 'loading' && (
            <li className="assistant-empty hint">
              Ask in your own words: “Every Monday at 9 AM add a standup task”, “What is due this week?”, “Complete the
              standup”, “Show me all tasks”.
            </li>
          )}
          {status === 'loading' && <li className="hint">Loading the conversation…</li>}
          {turns.map((turn, i) => (
            <li key={i} className={`turn turn-${turn.role}`} data-testid="assistant-turn" data-role={turn.role}>
              <span className="visually-hidden">{turn.role === 'user' ? 'You said:' : 'Assistant:'} </span>
              <p className="turn-text">{turn.text}</p>
              {turn.role === 'assistant' && turn.answeredBy && (
                <p className="turn-engine" data-testid="assistant-engine">
                  Answered by {turn.answeredBy}
                </p>
              )}
              {turn.role === 'assistant' && turn.done.length > 0 && (
                <ul className="assistant-done">
                  {turn.done.map((line, j) => (
                    <li key={j}>✓ {line}</li>
                  ))}
                </ul>
              )}
              {turn.role === 'assistant' && turn.tasks.length > 0 && (
                <ul className="assistant-tasks" aria-label="Tasks found">
                  {turn.tasks.map((task) => (
                    <li key={task.id}>
                      <button
                        type="button"
                        className="assistant-task"
                        data-testid="assistant-task"
                        onClick={() => onOpenTask(task)}
                      >
                        <span className="assistant-task-title">{task.title}</span>
                        <span className="assistant-task-meta">
                          {task.status === 'done' ? 'Done' : PRIORITY_LABELS[task.priority]}
                          {task.due_at && ` · ${formatInZone(task.due_at, zone, now)}`}
                          {task.recurrence && ` · ↻ ${summaryForUser(task.recurrence.summary, task.recurrence.timezone, zone)}`}
                        </span>
                        <span className="visually-hidden"> (open)</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {turn.role === 'assistant' && turn.choicesOpen && (
                <div className="button-row assistant-choices" role="group" aria-label="Answer with">
                  {turn.choices.map((choice) => (
                    <button key={choice.reply + choice.label} type="button" disabled={sending} onClick={() => void send(choice.reply, choice.label)}>
                      {choice.label}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
          {sending && (
            <li className="turn turn-assistant" aria-hidden="true">
              <p className="hint">Thinking…</p>
            </li>
          )}
        </ol>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <form
        className="assistant-input"
        onSubmit={(event) => {
          event.preventDefault();
          void send(text);
        }}
      >
        <label htmlFor={`${id}-message`} className="visually-hidden">
          Message to the assistant
        </label>
        <input
          ref={input}
          id={`${id}-message`}
          type="text"
          autoComplete="off"
          placeholder="Ask or tell the assistant…"
          value={text}
          maxLength={1000}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="primary" disabled={sending || !text.trim()} aria-busy={sending}>
          {sending && <Spinner />}
          Send
        </button>
      </form>
      <p className="hint assistant-keys">
        <kbd>Enter</kbd> sends, <kbd>Esc</kbd> closes, <kbd>A</kbd> opens the assistant again.
      </p>
    </Modal>
  );
}
