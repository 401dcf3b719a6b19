/** The bell in the header with its unread count, and the panel of notifications it opens. */
import { useEffect, useId, useRef, useState } from 'react';
import { askForBrowserNotifications, browserPermission, type BrowserPermission } from '../lib/browserNotifications';
import { Link } from '../lib/router';
import { notificationText } from '../lib/notificationText';
import type { NotificationsState } from '../lib/useNotifications';
import { formatInZone } from '../lib/zonedTime';
import { SnoozeMenu } from './SnoozeMenu';

interface Props {
  notifications: NotificationsState;
  zone: string;
}

export function NotificationCenter({ notifications, zone }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const unread = notifications.unreadCount;

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open]);

  const close = () => {
    setOpen(false);
    bell.current?.focus();
  };

  return (
    <div className="notification-center" ref={container}>
      <button
        ref={bell}
        type="button"
        className="bell"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        <span className="visually-hidden">Notifications{unread > 0 ? ` (${unread} unread)` : ''}</span>
        {unread > 0 && (
          <span className="badge" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          className="notification-panel"
          role="dialog"
          aria-label="Notifications"
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          <NotificationPanel notifications={notifications} zone={zone} onNavigate={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}

function NotificationPanel({ notifications, zone, onNavigate }: Props & { onNavigate: () => void }) {
  const [permission, setPermission] = useState<BrowserPermission>(browserPermission);
  const [snoozed, setSnoozed] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <>
      <h2 tabIndex={-1} ref={heading}>
        Notifications
      </h2>
      {permission === 'default' && (
        <button type="button" className="link-button" onClick={async () => setPermission(await askForBrowserNotifications())}>
          Enable browser notifications
        </button>
      )}
      {permission === 'denied' && <p className="hint">Browser notifications are blocked in this browser’s settings.</p>}
      {notifications.unreadCount > 0 && (
        <button type="button" className="link-button" onClick={() => void notifications.markAllRead()}>
          Mark all read
        </button>
      )}
      <p role="status" className="hint">
        {snoozed}
      </p>
      {notifications.error && (
        <p className="form-error" role="alert">
          {notifications.error}
        </p>
      )}
      {notifications.items.length === 0 ? (
        <p className="hint">No notifications yet. Reminders you set on tasks appear here.</p>
      ) : (
        <ul className="notification-list">
          {notifications.items.map((item) => (
            <li key={item.id} data-testid="notification" className={item.read ? 'read' : 'unread'}>
              <p className="notification-message">
                {!item.read && <span className="visually-hidden">Unread: </span>}
                {notificationText(item, zone)}
              </p>
              <p className="notification-meta">
                <time dateTime={item.fire_at ?? item.created_at}>{formatInZone(item.fire_at ?? item.created_at, zone)}</time>
                {' · '}
                <Link
                  href={item.link || `/tasks/${item.task_id}`}
                  onClick={() => {
                    if (!item.read) void notifications.markRead(item.id);
                    onNavigate();
                  }}
                >
                  Open task<span className="visually-hidden"> {item.title}</span>
                </Link>
              </p>
              <div className="choice-row">
                {!item.read && (
                  <button type="button" onClick={() => void notifications.markRead(item.id)}>
                    Mark as read
                  </button>
                )}
                <SnoozeMenu
                  title={item.title}
                  onSnooze={async (preset) => {
                    const until = await notifications.snooze(item.id, preset);
                    if (until) setSnoozed(`Snoozed “${item.title}” until ${formatInZone(until, zone)}.`);
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {notifications.nextCursor && (
        <button type="button" onClick={() => void notifications.loadMore()}>
          Load more notifications
        </button>
      )}
    </>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
    </svg>
  );
}
