/**
 * The account's settings: the time zone every date is shown and typed in, browser notifications, notification channels,
 * the calendar feed.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/client';
import { updateTimezone } from '../api/endpoints';
import type { User } from '../api/types';
import { CalendarFeedSettings } from '../components/CalendarFeedSettings';
import { ChannelSettings } from '../components/ChannelSettings';
import { FieldError } from '../components/FieldError';
import { TimezoneInput } from '../components/TimezoneInput';
import { askForBrowserNotifications, browserPermission, type BrowserPermission } from '../lib/browserNotifications';
import { Link } from '../lib/router';
import { browserZone } from '../lib/zonedTime';

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
  const detected = browserZone();

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    setSaved('');
    try {
      const updated = await updateTimezone(timezone.trim());
      onUserChange(updated);
      setTimezone(updated.timezone);
      setSaved(`Saved. Dates are now shown in ${updated.timezone}.`);
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
        <div>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </div>
        <p role="status" className="success">
          {saved}
        </p>
      </form>
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
      <CalendarFeedSettings />
    </main>
  );
}
