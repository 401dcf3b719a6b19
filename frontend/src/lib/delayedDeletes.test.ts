import { describe, expect, it } from 'vitest';
import { createDelayedDeletes } from './delayedDeletes';

/** Timers run by hand: `fire()` runs what is due, as the clock reaching the delay would. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    timers: {
      set: (run: () => void) => {
        pending.set(next, run);
        return next++;
      },
      clear: (timer: unknown) => void pending.delete(timer as number),
    },
    fire: () => {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((run) => run());
    },
    count: () => pending.size,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('delayed deletes', () => {
  it('send a delete only once its delay has passed', async () => {
    const sent: string[] = [];
    const clock = manualTimers();
    const deletes = createDelayedDeletes(async (id) => void sent.push(id), 5_000, clock.timers);
    const settled: unknown[] = [];
    deletes.hold('t1', { settled: (error) => settled.push(error ?? 'done') });
    expect(sent).toEqual([]);
    expect(deletes.isHeld('t1')).toBe(true);
    clock.fire();
    await settle();
    expect(sent).toEqual(['t1']);
    expect(settled).toEqual(['done']);
    expect(deletes.isHeld('t1')).toBe(false);
  });

  it('forget a delete undone in time, and say when it is too late', async () => {
    const sent: string[] = [];
    const clock = manualTimers();
    const deletes = createDelayedDeletes(async (id) => void sent.push(id), 5_000, clock.timers);
    deletes.hold('t1', { settled: () => {} });
    expect(deletes.cancel('t1')).toBe(true);
    expect(clock.count()).toBe(0);
    clock.fire();
    await settle();
    expect(sent).toEqual([]);

    deletes.hold('t2', { settled: () => {} });
    clock.fire();
    await settle();
    expect(deletes.cancel('t2')).toBe(false);
  });

  it('send everything held at once on flush, each once, and pass a failure on', async () => {
    const sent: string[] = [];
    const clock = manualTimers();
    const deletes = createDelayedDeletes(async (id) => {
      sent.push(id);
      if (id === 'bad') throw new Error('unreachable');
    }, 5_000, clock.timers);
    const errors: unknown[] = [];
    deletes.hold('t1', { settled: () => {} });
    deletes.hold('t1', { settled: () => {} });
    deletes.hold('bad', { settled: (error) => errors.push(error) });
    await deletes.flush();
    clock.fire();
    await settle();
    expect(sent).toEqual(['t1', 'bad']);
    expect(errors).toEqual([new Error('unreachable')]);
  });
});
