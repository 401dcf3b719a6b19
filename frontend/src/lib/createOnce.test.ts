import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../api/types';
import { createOnce, madeBy, unansweredOf } from './createOnce';

const task = (title: string, createdAt: string) => ({ id: title, title, created_at: createdAt }) as Task;

afterEach(() => vi.unstubAllGlobals());

describe('a create that got no answer', () => {
  const attempt = { title: 'Report', sentAt: Date.parse('2026-12-06T10:00:00Z') };

  it('is answered by a task with its title made since it was sent', () => {
    const newest = [task('Other', '2026-12-06T10:00:05Z'), task('Report', '2026-12-06T10:00:03Z')];
    expect(madeBy(attempt, newest)?.id).toBe('Report');
  });

  it('is not answered by an older task of the same name, nor by another title', () => {
    expect(madeBy(attempt, [task('Report', '2026-12-06T09:50:00Z'), task('Report 2', '2026-12-06T10:00:03Z')])).toBeUndefined();
  });

  it('is looked for before it is sent again, and not sent again when it arrived', async () => {
    const calls: string[] = [];
    vi.stubGlobal('localStorage', { getItem: () => 'token-1', setItem() {}, removeItem() {} });
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      const made = { ...task('Report', new Date().toISOString()), tags: [], reminders: [], recurrence: null };
      return new Response(JSON.stringify({ items: [made], next_cursor: null }), { status: 200 });
    }));
    const found = await createOnce({ title: 'Report' }, { title: 'Report', sentAt: Date.now() });
    expect(found.title).toBe('Report');
    expect(calls).toEqual(['GET /api/v1/tasks?sort_by=created_at&order=desc&limit=20']);
  });

  it('leaves the attempt on a failure without an answer, and none on the server\'s refusal', async () => {
    vi.stubGlobal('localStorage', { getItem: () => 'token-1', setItem() {}, removeItem() {} });
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const lost = await createOnce({ title: 'Report' }, null).catch((e: unknown) => e);
    expect(unansweredOf(lost)?.title).toBe('Report');

    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 400, detail: 'no' }), { status: 400 })));
    const refused = await createOnce({ title: 'Report' }, null).catch((e: unknown) => e);
    expect(unansweredOf(refused)).toBeNull();
  });
});
