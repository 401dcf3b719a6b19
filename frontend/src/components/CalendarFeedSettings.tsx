/** The calendar feed in settings: make the secret URL, copy it (shown once), replace it or revoke it. */
import { useEffect, useState } from 'react';
import { messageOf } from '../api/client';
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from '../api/endpoints';
import type { CalendarFeed } from '../api/types';
import { formatInZone } from '../lib/zonedTime';
import { useAction } from '../lib/useAction';

export function CalendarFeedSettings({ zone }: { zone: string }) {
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [url, setUrl] = useState('');
  const { busy, status, setStatus, act } = useAction();

  useEffect(() => {
    getCalendarFeed().then(setFeed, (failure) => setStatus(messageOf(failure)));
  }, []);

  const create = () =>
    act(async () => {
      const created = await createCalendarFeed();
      setUrl(new URL(created.path, window.location.origin).toString());
      setFeed({ exists: true, created_at: created.created_at });
    });

  const revoke = () =>
    act(async () => {
      await revokeCalendarFeed();
      setUrl('');
      setFeed({ exists: false, created_at: null });
      setStatus('Revoked: calendars subscribed to the old URL no longer get your tasks.');
    });

  const copy = () =>
    act(async () => {
      await navigator.clipboard.writeText(url);
      setStatus('Copied.');
    });

  return (
    <section aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">Calendar feed</h2>
      <p className="hint">
        Subscribe to your open tasks with due times from any calendar app. Anyone with the URL can read them: keep it
        secret, and make a new one if it leaks.
      </p>
      {url && (
        <div className="field">
          <label htmlFor="calendar-feed-url">Your feed URL (shown only now)</label>
          <input id="calendar-feed-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={copy} disabled={busy}>
            Copy
          </button>
        </div>
      )}
      {feed?.exists && !url && <p>A feed URL exists (made {feed.created_at ? formatInZone(feed.created_at, zone) : 'earlier'}).</p>}
      {feed && (
        <p>
          <button type="button" onClick={create} disabled={busy}>
            {feed.exists ? 'Replace the URL' : 'Create a feed URL'}
          </button>{' '}
          {feed.exists && (
            <button type="button" className="danger" onClick={revoke} disabled={busy}>
              Revoke
            </button>
          )}
        </p>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
