/**
 * The signed-in user's live stream (notifications and task changes) over Server-Sent Events. EventSource cannot send
 * a bearer token, so each connection uses a single-use ticket; for the same reason EventSource's own reconnect (which
 * would reuse the spent ticket) is replaced by ours: on error, close, back off, get a new ticket and resume after the
 * last event seen, which the server replays.
 */
import { createStreamTicket } from '../api/endpoints';
import { normalizeTask } from '../api/normalize';
import type { Notification, TaskChange } from '../api/types';

export interface StreamHandlers {
  onNotification: (notification: Notification) => void;
  onTask: (change: TaskChange) => void;
  onStatus?: (connected: boolean) => void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 10_000;

/** The next wait after a failed attempt: doubling from 1 s, capped at 10 s. */
export function nextBackoff(previous: number): number {
  return Math.min(previous * 2, MAX_RETRY_MS);
}

export function streamUrl(ticket: string, lastEventId: string | null): string {
  const params = new URLSearchParams({ ticket });
  if (lastEventId) params.set('last_event_id', lastEventId);
  return `/api/v1/notifications/stream?${params}`;
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openLiveStream(handlers: StreamHandlers): () => void {
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let backoff = FIRST_RETRY_MS;
  let lastEventId: string | null = null;
  let closed = false;

  const listen = <T>(name: string, deliver: (data: T) => void) => (event: MessageEvent<string>) => {
    if (event.lastEventId) lastEventId = event.lastEventId;
    try {
      deliver(JSON.parse(event.data) as T);
    } catch (error) {
      console.warn(`ignoring a malformed ${name} event`, error);
    }
  };

  const retryLater = () => {
    if (closed) return;
    handlers.onStatus?.(false);
    retryTimer = setTimeout(connect, backoff);
    backoff = nextBackoff(backoff);
  };

  async function connect() {
    if (closed) return;
    let ticket: string;
    try {
      ticket = (await createStreamTicket()).ticket;
    } catch {
      retryLater(); // a 401 has already signed the user out, which closes this stream
      return;
    }
    if (closed) return;
    source = new EventSource(streamUrl(ticket, lastEventId));
    source.addEventListener('open', () => {
      backoff = FIRST_RETRY_MS;
      handlers.onStatus?.(true);
    });
    source.addEventListener('notification', listen<Notification>('notification', handlers.onNotification));
    source.addEventListener(
      'task',
      listen<TaskChange>('task', (change) => handlers.onTask({ ...change, task: change.task ? normalizeTask(change.task) : null })),
    );
    source.addEventListener('error', () => {
      source?.close();
      source = null;
      retryLater();
    });
  }

  void connect();
  return () => {
    closed = true;
    clearTimeout(retryTimer);
    source?.close();
  };
}
