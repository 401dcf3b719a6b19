/** One function per API call the app makes. */
import { request } from './client';
import { normalizeTask } from './normalize';
import type {
  AssistantReply,
  CalendarFeed,
  Channel,
  ChannelDelivery,
  ChannelInput,
  Conversation,
  ConversationSummary,
  CreatedCalendarFeed,
  NotificationPage,
  Notification,
  Page,
  QuickAddReading,
  RecurrencePreview,
  Session,
  Tag,
  Task,
  TaskInput,
  User,
} from './types';
import type { Mode } from '../lib/recurrence';

export const signUp = (email: string, password: string, timezone: string) =>
  request<{ user: User; token: string; expires_at: string }>(
    'POST', '/auth/signup', { email, password, timezone }, { authenticated: false },
  );

export const logIn = (email: string, password: string) =>
  request<Session>('POST', '/auth/login', { email, password }, { authenticated: false });

/** Revokes the current token on the server, in every function (204). */
export const logOut = () => request<void>('POST', '/auth/logout');
export const getMe = () => request<User>('GET', '/me');
/** With `moveSeries`, the repeating tasks in the old zone move to the new one at the same wall time. */
export const updateTimezone = (timezone: string, moveSeries = false) =>
  request<User>('PATCH', '/me', moveSeries ? { timezone, move_series: true } : { timezone });
/** How many repeating tasks are in the account's zone: what a zone change can take along. */
export const seriesInZone = () => request<{ timezone: string; count: number }>('GET', '/me/series-in-zone');

export const getCalendarFeed = () => request<CalendarFeed>('GET', '/calendar/feed');
export const createCalendarFeed = () => request<CreatedCalendarFeed>('POST', '/calendar/feed');
export const revokeCalendarFeed = () => request<void>('DELETE', '/calendar/feed');

export const listChannels = () => request<{ items: Channel[] }>('GET', '/channels');
export const createChannel = (input: ChannelInput) => request<Channel>('POST', '/channels', input);
export const setChannelPaused = (id: string, paused: boolean) => request<Channel>('PATCH', `/channels/${id}`, { paused });
export const deleteChannel = (id: string) => request<void>('DELETE', `/channels/${id}`);
export const testChannel = (id: string) => request<ChannelDelivery>('POST', `/channels/${id}/test`);
export const listChannelDeliveries = (id: string) =>
  request<{ items: ChannelDelivery[] }>('GET', `/channels/${id}/deliveries`);

export const listTags = () => request<{ items: Tag[] }>('GET', '/tags');

const task = (pending: Promise<Task>) => pending.then(normalizeTask);

export const listTasks = (query: string, signal?: AbortSignal) =>
  request<Page<Task>>('GET', `/tasks?${query}`, undefined, { signal }).then((page) => ({
    ...page,
    items: page.items.map(normalizeTask),
  }));
export const getTask = (id: string) => task(request('GET', `/tasks/${encodeURIComponent(id)}`));
export const createTask = (input: TaskInput) => task(request('POST', '/tasks', input));
export const patchTask = (id: string, changes: TaskInput) => task(request('PATCH', `/tasks/${id}`, changes));
/** Moves the task to the trash, from where {@link restoreTask} brings it back. */
export const deleteTask = (id: string) => request<void>('DELETE', `/tasks/${id}`);
export const restoreTask = (id: string) => task(request('POST', `/tasks/${id}/restore`));
export const completeTask = (id: string) => task(request('POST', `/tasks/${id}/complete`));
export const reopenTask = (id: string) => task(request('POST', `/tasks/${id}/reopen`));
export const stopRecurrence = (id: string) => task(request('DELETE', `/tasks/${id}/recurrence`));

export const previewRecurrence = (
  body: { rule: string; timezone?: string; mode: Mode; due_at: string },
  signal?: AbortSignal,
) => request<RecurrencePreview>('POST', '/recurrence/preview', body, { signal });

export const listNotifications = (cursor?: string | null) =>
  request<NotificationPage>('GET', `/notifications?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
export const markNotificationRead = (id: string) => request<Notification>('POST', `/notifications/${id}/read`);
export const markAllNotificationsRead = () => request<{ marked: number }>('POST', '/notifications/read-all');
export type SnoozePreset = '10m' | '1h' | 'tomorrow_morning';
/** A new reminder of the notification's task at that time; the notification is marked read. */
export const snoozeNotification = (id: string, preset: SnoozePreset) =>
  request<{ notification: Notification; reminder: { id: string; at: string } }>(
    'POST', `/notifications/${id}/snooze`, { preset },
  );
export const createStreamTicket = () =>
  request<{ ticket: string; expires_at: string }>('POST', '/notifications/stream-tickets');

export const parseQuickAdd = (text: string, signal?: AbortSignal) =>
  request<QuickAddReading>('POST', '/quick-add/parse', { text }, { signal });

export const sendAssistantMessage = (text: string, conversationId: string | null) =>
  request<AssistantReply>('POST', '/assistant/messages', conversationId ? { text, conversation_id: conversationId } : { text });
export const listConversations = (limit = 20) =>
  request<Page<ConversationSummary>>('GET', `/assistant/conversations?limit=${limit}`);
export const getConversation = (id: string) =>
  request<Conversation>('GET', `/assistant/conversations/${encodeURIComponent(id)}`);
