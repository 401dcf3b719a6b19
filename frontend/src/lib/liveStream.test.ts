import { describe, expect, it } from 'vitest';
import { nextBackoff, streamUrl } from './liveStream';

describe('live stream reconnection', () => {
  it('backs off from 1 s, doubling, to at most 10 s', () => {
    const waits = [1000];
    while (waits.length < 6) waits.push(nextBackoff(waits[waits.length - 1]));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('opens with a ticket, and resumes after the last event seen', () => {
    expect(streamUrl('t 1', null)).toBe('/api/v1/notifications/stream?ticket=t+1');
    expect(streamUrl('abc', '42')).toBe('/api/v1/notifications/stream?ticket=abc&last_event_id=42');
  });
});
