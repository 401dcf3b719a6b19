import { afterEach, describe, expect, it, vi } from 'vitest';
import { messageOf, request, RequestTimeout } from './client';

/** A fetch that never answers, but stops (as the browser's does) when its signal aborts. */
function hangingFetch() {
  const fetch = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  }));
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('localStorage', { getItem: () => 'token-1', setItem() {}, removeItem() {} });
  return fetch;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a request the server does not answer', () => {
  it('fails after the time limit with a message that says a change may have been made', async () => {
    vi.useFakeTimers();
    hangingFetch();
    const saving = request('POST', '/tasks', { title: 'Report' }, { timeoutMs: 15_000 });
    const outcome = expect(saving).rejects.toBeInstanceOf(RequestTimeout);
    await vi.advanceTimersByTimeAsync(15_000);
    await outcome;
    const error = await saving.catch((e: unknown) => e);
    expect(messageOf(error)).toBe('Kadence did not answer within 15 seconds. The change may still have been made.');
  });

  it('says only that it did not answer when the request changes nothing', async () => {
    vi.useFakeTimers();
    hangingFetch();
    const reading = request('GET', '/me').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(messageOf(await reading)).toBe('Kadence did not answer within 15 seconds.');
  });

  it('is still the caller\'s to abort, which is no timeout and says nothing', async () => {
    hangingFetch();
    const stop = new AbortController();
    const reading = request('GET', '/tasks', undefined, { signal: stop.signal }).catch((e: unknown) => e);
    stop.abort();
    const error = await reading;
    expect(error).not.toBeInstanceOf(RequestTimeout);
    expect(messageOf(error)).toBe('');
  });
});
