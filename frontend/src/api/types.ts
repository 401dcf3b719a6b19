/** The API's JSON, as /api/v1 sends it (snake_case, instants as RFC 3339 strings). */
import type { Mode } from '../lib/recurrence';
import type { Priority, Status } from '../lib/filters';

export type { Priority, Status };

export interface User {
  id: string;
  email: string;
  timezone: string;
  /** BCP 47 tag (en-GB by default): how the user writes dates, e.g. whether 04/12 is April or December. */
  locale: string;
  created_at: string;
}

export interface Session {
  token: string;
  expires_at: string;
}

export interface Tag {
  id: string;
  name: string;
  created_at?: string;
}

export interface Recurrence {
  series_id: string;
  rule: string;
  timezone: string;
  mode: Mode;
  status: 'active' | 'stopped' | 'finished';
  summary: string;
  instance: number | null;
  missed_count: number;
  next_occurrences: string[];
}

export interface Reminder {
  id: string;
  task_id: string;
  at: string | null;
  before_due: string | null;
  fire_at: string | null;
  status: string;
}

export interface Task {
  id: string;
  user_id: string;
  title: string;
  description: string | null;
  priority: Priority;
  status: Status;
  tags: string[];
  due_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  recurrence: Recurrence | null;
  reminders: Reminder[];
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** What a task's body may say when it is created or changed (PATCH sends only what changed). */
export interface TaskInput {
  title?: string;
  description?: string | null;
  priority?: Priority;
  status?: Status;
  tags?: string[];
  due_at?: string | null;
  recurrence?: { rule: string; timezone?: string; mode?: Mode } | null;
  reminders?: ReminderInput[];
}

export type ReminderInput = { at: string } | { before_due: string };

export interface RecurrencePreview {
  rule?: string;
  timezone?: string;
  mode?: Mode;
  summary: string;
  next_occurrences: string[];
}

export interface Notification {
  id: string;
  task_id: string;
  reminder_id: string | null;
  title: string;
  message: string;
  fire_at: string | null;
  due_at: string | null;
  due_at_local: string | null;
  due_text: string | null;
  timezone: string;
  before_due: string | null;
  link: string;
  occurrence: { series_id: string; instance: number | null } | null;
  read: boolean;
  read_at: string | null;
  created_at: string;
}

export interface NotificationPage extends Page<Notification> {
  unread_count: number;
}

export interface TaskChange {
  task_id: string;
  user_id: string;
  change: 'created' | 'updated' | 'completed' | 'reopened' | 'deleted' | 'restored';
  task: Task | null;
}

export interface FieldProblem {
  field: string;
  code?: string;
  message: string;
}

/** application/problem+json */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

/** What kind of thing a quick-add span was read as. */
export type RecognisedKind = 'due' | 'recurrence' | 'priority' | 'tag' | 'reminder';

/** text[start, end) in UTF-16 units (JavaScript string indices) of the text as sent, and what it was read as. */
export interface RecognisedSpan {
  start: number;
  end: number;
  kind: RecognisedKind;
  text: string;
}

/** POST /quick-add/parse: the reading as a POST /tasks body, and what was read as what. Nothing is stored. */
export interface QuickAddReading {
  task: {
    title: string;
    priority?: Priority;
    tags: string[];
    due_at?: string;
    recurrence?: { rule: string; timezone: string; mode: Mode };
    reminders: ReminderInput[];
  };
  recognised: RecognisedSpan[];
}

/** Something the assistant did (task.created, task.completed, tasks.listed…), with the task as it is afterwards. */
export interface AssistantAction {
  type: string;
  task_id: string | null;
  task: Task | null;
}

/** An answer the user may give with one click: `label` to show, `reply` to send. */
export interface AssistantChoice {
  label: string;
  reply: string;
}

/** POST /assistant/messages */
export interface AssistantReply {
  conversation_id: string;
  reply: string;
  actions: AssistantAction[];
  tasks: Task[];
  needs_clarification: boolean;
  choices: AssistantChoice[];
  engine: string;
}

export interface ConversationSummary {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface ConversationMessage {
  role: 'user' | 'assistant';
  text: string;
  at: string;
  reply: AssistantReply | null;
}

export interface Conversation extends ConversationSummary {
  messages: ConversationMessage[];
}

export interface CalendarFeed {
  exists: boolean;
  created_at: string | null;
}

export interface CreatedCalendarFeed {
  url: string;
  path: string;
  created_at: string;
}

export type ChannelType = 'webhook' | 'email';
export type WebhookFormat = 'kadence' | 'ntfy' | 'slack';

export type ChannelInput = { type: 'webhook'; url: string; format: WebhookFormat } | { type: 'email'; address: string };

/** A notification channel; `secret` only in the answer that made a webhook (its signing key, shown once). */
export interface Channel {
  id: string;
  type: ChannelType;
  url: string | null;
  format: WebhookFormat | null;
  address: string | null;
  status: 'active' | 'paused';
  paused_at: string | null;
  paused_reason: string | null;
  consecutive_failures: number;
  last_error: string | null;
  last_success_at: string | null;
  next_attempt_at: string | null;
  created_at: string;
  secret: string | null;
}

export interface ChannelDelivery {
  id: string;
  notification_id: string | null;
  test: boolean;
  title: string;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}
