/**
 * Creating a task without making it twice. A create that got no answer (a timeout, a connection lost) may still have
 * reached the server; before it is sent again, the newest tasks are read and one with its title made since that
 * attempt is taken as its answer. The API has no idempotency key, so this is a match on title and time; browser and
 * server clocks may differ by up to {@link CLOCK_SLACK_MS}.
 */
import { ApiError } from '../api/client';
import { createTask, listTasks } from '../api/endpoints';
import type { Task, TaskInput } from '../api/types';

export const CLOCK_SLACK_MS = 60_000;
const NEWEST = 20;

/** A create sent at `sentAt` (epoch ms) whose answer never came. */
export interface UnansweredCreate {
  title: string;
  sentAt: number;
}

/** The task that create made, if `newest` (newest first) shows one. */
export function madeBy(create: UnansweredCreate, newest: Task[]): Task | undefined {
  return newest.find((task) => task.title === create.title && Date.parse(task.created_at) >= create.sentAt - CLOCK_SLACK_MS);
}

/** Whether a failure leaves it open that the server did it all the same (no answer, as against the server's "no"). */
export function mayHaveArrived(error: unknown): boolean {
  return !(error instanceof ApiError) && !(error instanceof DOMException && error.name === 'AbortError');
}

/**
 * Creates the task, or finds the one `earlier` made. A failure that may have arrived is thrown with the attempt
 * attached, for the next try.
 */
export async function createOnce(input: TaskInput, earlier: UnansweredCreate | null): Promise<Task> {
  if (earlier) {
    const newest = await listTasks(`sort_by=created_at&order=desc&limit=${NEWEST}`);
    const made = madeBy(earlier, newest.items);
    if (made) return made;
  }
  const attempt = { title: input.title ?? '', sentAt: Date.now() };
  try {
    return await createTask(input);
  } catch (error) {
    throw mayHaveArrived(error) ? Object.assign(error as object, { unanswered: attempt }) : error;
  }
}

/** The attempt a failure of {@link createOnce} left open, if any. */
export function unansweredOf(error: unknown): UnansweredCreate | null {
  return (error as { unanswered?: UnansweredCreate } | null)?.unanswered ?? null;
}
