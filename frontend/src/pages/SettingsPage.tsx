/**
 * The account's settings: the time zone every date is shown and typed in, the theme (this browser's), browser
 * notifications, notification channels, the calendar feed.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/client';
import { seriesInZone, updateTimezone } from '../api/endpoints';
import type { User } from '../api/types';
import { CalendarFeedSettings } from '../components/CalendarFeedSettings';
import { ChannelSettings } from '../components/ChannelSettings';
import { FieldError } from '../components/FieldError';
import { ThemeSettings } from '../components/ThemeControls';
import { TimezoneInput } from '../components/TimezoneInput';
import { askForBrowserNotifications, browserPermission, type BrowserPermission } from '../lib/browserNotifications';
import { Link } from '../lib/router';
import { browserZone, isKnownZone } from '../lib/zonedTime';
import { resolveZone } from '../lib/zoneSearch';

interface Props {
  user: User;
  onUserChange: (user: User) => void;
}

export function SettingsPage({ user, onUserChange }: Props) {
  const [timezone, setTimezone] = useState(user.timezone);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [permission, setPermission] = useState<BrowserPermission>(browserPermission);
  // The repeating tasks in the account's zone, and the zone the user is asked about moving them to.
  const [seriesCount, setSeriesCount] = useState(0);
  const [asking, setAsking] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const detected = browserZone();

  useEffect(() => {
    seriesInZone().then(
      (answer) => setSeriesCount(answer.timezone === user.timezone ? answer.count : 0),
      () => setSeriesCount(0),
    );
  }, [user.timezone]);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const zone = resolveZone(timezone) ?? timezone.trim();
    setTimezone(zone);
    if (zone !== user.timezone && seriesCount > 0 && isKnownZone(zone)) {
      setAsking(zone);
      return;
    }
    await change(zone, false);
  }

  async function change(zone: string, moveSeries: boolean) {
    setAsking(null);
    setBusy(true);
    setError('');
    setSaved('');
    try {
      const updated = await updateTimezone(zone, moveSeries);
      onUserChange(updated);
      setTimezone(updated.timezone);
      const moved = moveSeries ? ` Your repeating tasks moved with it.` : '';
      setSaved(`Saved. Dates are now shown in ${updated.timezone}.${moved}`);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.fieldErrors.timezone ? failure.fieldErrors.timezone : messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page settings-page">
      <p>
        <Link href="/">← Back to tasks</Link>
      </p>
      <h1>Settings</h1>
      <p className="hint">Signed in as {user.email}</p>
      <form className="stack" onSubmit={save} noValidate>
        <div className="field">
          <TimezoneInput value={timezone} onChange={setTimezone} error={error} />
          <FieldError field="timezone" message={error} label="Time zone" />
          {detected !== timezone && (
            <button type="button" className="link-button" onClick={() => setTimezone(detected)}>
              Use this browser’s zone ({detected})
            </button>
          )}
        </div>
        {asking ? (
          <div className="move-series" role="group" aria-labelledby="move-series-question">
            <p id="move-series-question" tabIndex={-1} ref={question}>
              Also move your {seriesCount} repeating {seriesCount === 1 ? 'task' : 'tasks'} to {asking}? They keep
              their times of day: 09:00 stays 09:00 in {asking}.
            </p>
            <div className="choice-row">
              <button type="button" className="primary" onClick={() => void change(asking, true)}>
                Move {seriesCount === 1 ? 'it' : 'them'} too
              </button>
              <button type="button" onClick={() => void change(asking, false)}>
                Keep {seriesCount === 1 ? 'it' : 'them'} in {user.timezone}
              </button>
              <button type="button" className="link-button" onClick={() => setAsking(null)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div>
            <button type="submit" className="primary" disabled={busy}>
              Save
            </button>
          </div>
        )}
        <p role="status" className="success">
          {saved}
        </p>
      </form>
      <h2>Appearance</h2>
      <ThemeSettings />
      <h2>Browser notifications</h2>
      {permission === 'granted' && <p>Reminders also appear as browser notifications.</p>}
      {permission === 'denied' && <p>Blocked in this browser’s settings; reminders still appear inside Kadence.</p>}
      {permission === 'unsupported' && <p>This browser does not support notifications.</p>}
      {permission === 'default' && (
        <button type="button" onClick={async () => setPermission(await askForBrowserNotifications())}>
          Enable browser notifications
        </button>
      )}
      <ChannelSettings />
      <CalendarFeedSettings zone={user.timezone} />
    </main>
  );
}
