import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import {
  createCalendarFeed,
  getCalendarFeed,
  getConversation,
  listConversations,
  logOut,
  parseQuickAdd,
  revokeCalendarFeed,
  sendAssistantMessage,
} from './endpoints';

function answer(status: number, body: unknown, type = 'application/json') {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('localStorage', { getItem: () => 'token-1', setItem() {}, removeItem() {} });
  return fetch;
}

const sent = (fetch: ReturnType<typeof answer>) => {
  const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
  return { url, method: init.method, body: init.body ? JSON.parse(init.body as string) : undefined, headers: init.headers as Record<string, string> };
};

afterEach(() => vi.unstubAllGlobals());

describe('the quick-add and assistant calls', () => {
  it('parse the line with the token, and nothing else', async () => {
    const fetch = answer(200, { task: { title: 'Standup', tags: [], reminders: [] }, recognised: [] });
    expect((await parseQuickAdd('Standup')).task.title).toBe('Standup');
    expect(sent(fetch)).toMatchObject({ url: '/api/v1/quick-add/parse', method: 'POST', body: { text: 'Standup' } });
    expect(sent(fetch).headers.Authorization).toBe('Bearer token-1');
  });

  it('turn a problem into its words', async () => {
    answer(400, { title: 'Bad Request', detail: 'text must not be blank' }, 'application/problem+json');
    await expect(parseQuickAdd(' ')).rejects.toEqual(expect.objectContaining({ message: 'Text must not be blank' }));
    await expect(parseQuickAdd(' ')).rejects.toBeInstanceOf(ApiError);
  });

  it('send a message in a conversation, or start one', async () => {
    let fetch = answer(200, { conversation_id: 'c1', reply: 'Hi' });
    await sendAssistantMessage('Show me all tasks', null);
    expect(sent(fetch)).toMatchObject({ url: '/api/v1/assistant/messages', method: 'POST', body: { text: 'Show me all tasks' } });
    fetch = answer(200, { conversation_id: 'c1', reply: 'Hi' });
    await sendAssistantMessage('yes', 'c1');
    expect(sent(fetch).body).toEqual({ text: 'yes', conversation_id: 'c1' });
  });

  it('read the conversations', async () => {
    let fetch = answer(200, { items: [], next_cursor: null });
    await listConversations(1);
    expect(sent(fetch)).toMatchObject({ url: '/api/v1/assistant/conversations?limit=1', method: 'GET' });
    fetch = answer(200, { id: 'c 1', messages: [] });
    await getConversation('c 1');
    expect(sent(fetch).url).toBe('/api/v1/assistant/conversations/c%201');
  });
});

describe('signing out', () => {
  it('revokes the token on the server with the token itself', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('localStorage', { getItem: () => 'token-1', setItem() {}, removeItem() {} });
    await expect(logOut()).resolves.toBeUndefined();
    expect(sent(fetch as unknown as ReturnType<typeof answer>)).toMatchObject({ url: '/api/v1/auth/logout', method: 'POST' });
    expect(sent(fetch as unknown as ReturnType<typeof answer>).headers.Authorization).toBe('Bearer token-1');
  });
});

describe('the calendar feed', () => {
  it('is made, looked at and revoked with the token', async () => {
    let fetch = answer(201, { url: 'http://x/api/v1/calendar/t.ics', path: '/api/v1/calendar/t.ics', created_at: '2026-12-06T20:00:00Z' });
    expect((await createCalendarFeed()).path).toBe('/api/v1/calendar/t.ics');
    expect(sent(fetch)).toMatchObject({ url: '/api/v1/calendar/feed', method: 'POST' });
    expect(sent(fetch).headers.Authorization).toBe('Bearer token-1');
    fetch = answer(200, { exists: true, created_at: '2026-12-06T20:00:00Z' });
    expect(await getCalendarFeed()).toEqual({ exists: true, created_at: '2026-12-06T20:00:00Z' });
    expect(sent(fetch)).toMatchObject({ url: '/api/v1/calendar/feed', method: 'GET' });
    const revoke = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', revoke);
    await expect(revokeCalendarFeed()).resolves.toBeUndefined();
    expect(sent(revoke as unknown as ReturnType<typeof answer>)).toMatchObject({ url: '/api/v1/calendar/feed', method: 'DELETE' });
  });
});
