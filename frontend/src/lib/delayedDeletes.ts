/**
 * Delete with Undo, without a trash on the server: a delete is held in the browser for {@link DELETE_DELAY_MS} and only
 * then sent, so Undo within that time just forgets it. Leaving the page or signing out sends what is held at once
 * (docs/decisions.md says why it is not a server-side trash).
 */
import { ApiError } from '../api/client';
import { deleteTask } from '../api/endpoints';

export const DELETE_DELAY_MS = 5_000;

export interface HeldDelete {
  /** Sent: the server deleted it, or failed to (then `error`). */
  settled: (error?: unknown) => void;
}

export interface DelayedDeletes {
  /** Holds the delete of `id`; `settled` is told once it was sent. */
  hold: (id: string, held: HeldDelete) => void;
  /** Forgets the held delete of `id`: true when it had not been sent yet. */
  cancel: (id: string) => boolean;
  /** Sends every held delete now. */
  flush: () => Promise<void>;
  isHeld: (id: string) => boolean;
}

interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (timer: unknown) => void;
}

const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export function createDelayedDeletes(
  send: (id: string) => Promise<void>,
  delayMs = DELETE_DELAY_MS,
  timers: Timers = REAL_TIMERS,
): DelayedDeletes {
  const held = new Map<string, { timer: unknown; settled: HeldDelete['settled'] }>();

  const sendNow = async (id: string) => {
    const entry = held.get(id);
    if (!entry) return;
    held.delete(id);
    timers.clear(entry.timer);
    try {
      await send(id);
      entry.settled();
    } catch (error) {
      entry.settled(error);
    }
  };

  return {
    hold(id, { settled }) {
      if (held.has(id)) return;
      held.set(id, { timer: timers.set(() => void sendNow(id), delayMs), settled });
    },
    cancel(id) {
      const entry = held.get(id);
      if (!entry) return false;
      timers.clear(entry.timer);
      held.delete(id);
      return true;
    },
    flush: async () => {
      await Promise.all([...held.keys()].map(sendNow));
    },
    isHeld: (id) => held.has(id),
  };
}

/** A 404 on a delete sent again means the first one arrived: it is gone, as wanted. */
async function deleteOnce(id: string): Promise<void> {
  try {
    await deleteTask(id);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
}

/** The app's held deletes: one set for the page, flushed when the page is left or the user signs out. */
export const heldDeletes = createDelayedDeletes(deleteOnce);
