/**
 * Everything behind sign-in: the header, the live stream (notifications and task changes), and the pages. The user's
 * time zone comes from /me and is the zone every date is shown and typed in; until /me answers, the app's shell
 * shows (header, views) with the loading state, or "Can't reach Kadence" and Retry when it does not answer.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../api/client';
import { getMe } from '../api/endpoints';
import type { Notification, User } from '../api/types';
import { AssistantDrawer } from '../components/AssistantDrawer';
import { NotificationCenter } from '../components/NotificationCenter';
import { ThemeToggle } from '../components/ThemeControls';
import { SnoozeMenu } from '../components/SnoozeMenu';
import { Spinner } from '../components/Spinner';
import { ToastProvider, useToast } from '../components/Toasts';
import { ViewNav } from '../components/ViewNav';
import { taskChangeOf } from '../lib/assistant';
import { showBrowserNotification } from '../lib/browserNotifications';
import { openLiveStream } from '../lib/liveStream';
import { notificationText } from '../lib/notificationText';
import { Link, navigate, Redirect, useLocation } from '../lib/router';
import { createTaskChanges, TaskChangesContext } from '../lib/taskChanges';
import { useShortcut } from '../lib/shortcuts';
import { useAssistant } from '../lib/useAssistant';
import { useNotifications } from '../lib/useNotifications';
import { hourCycleOf, setUserHourCycle } from '../lib/zonedTime';
import { parseView } from '../lib/views';
import { SettingsPage } from './SettingsPage';
import { TASK_LIST_ID, TaskListPage } from './TaskListPage';

interface Props {
  onSignOut: () => void;
}

export function SignedInApp(props: Props) {
  return (
    <ToastProvider>
      <SignedInShell {...props} />
    </ToastProvider>
  );
}

function SignedInShell({ onSignOut }: Props) {
  const { pathname, search } = useLocation();
  const [user, setUser] = useState<User | null>(null);
  // The zone for toasts, read when a notification arrives, so the live stream is not reopened when it changes.
  const zoneRef = useRef('UTC');
  const adopt = useCallback((signedIn: User) => {
    setUserHourCycle(hourCycleOf(signedIn.locale));
    zoneRef.current = signedIn.timezone;
    setUser(signedIn);
  }, []);
  const [loadError, setLoadError] = useState('');
  const notifications = useNotifications();
  const taskChanges = useMemo(createTaskChanges, []);
  const showToast = useToast();
  const [assistantOpen, setAssistantOpen] = useState(false);
  // What the assistant did shows in the list at once, as if the live stream had said it (the stream may be slower).
  const assistant = useAssistant((action) => {
    const change = taskChangeOf(action);
    if (change) taskChanges.publish(change);
  });
  useShortcut('a', () => setAssistantOpen(true));

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setLoadError('');
    getMe().then(adopt, (error) => setLoadError(messageOf(error) || "Can't reach Kadence."));
  }, [adopt, attempt]);

  const announce = useCallback(
    (notification: Notification) => {
      if (!notifications.receive(notification)) return;
      const link = notification.link || `/tasks/${notification.task_id}`;
      const message = notificationText(notification, zoneRef.current);
      showToast({
        kind: 'notification',
        message,
        link: { label: 'Open task', href: link, onOpen: () => void notifications.markRead(notification.id) },
        extra: (dismiss) => (
          <SnoozeMenu
            title={notification.title}
            onSnooze={(preset) => {
              dismiss();
              void notifications.snooze(notification.id, preset);
            }}
          />
        ),
      });
      showBrowserNotification(notification.title, message, notification.id, () => {
        void notifications.markRead(notification.id);
        navigate(link);
      });
    },
    [notifications.receive, notifications.markRead, notifications.snooze, showToast],
  );

  useEffect(
    () => openLiveStream({ onNotification: announce, onTask: taskChanges.publish }),
    [announce, taskChanges],
  );

  if (!user) {
    return (
      <>
        <AppHeader onSignOut={onSignOut} />
        <main className="page">
          {pathname !== '/settings' && <ViewNav view={parseView(search)} counts={{}} />}
          <section className="load-failure" data-testid="app-loading" aria-live="polite">
            {loadError ? (
              <div role="alert">
                <h1>Can't reach Kadence</h1>
                <p>{loadError}</p>
                {/* Focused, so that Enter tries again: the page has nothing else to offer yet. */}
                <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)} autoFocus>
                  Retry
                </button>
              </div>
            ) : (
              <p className="hint">
                <Spinner />
                Loading your tasks…
              </p>
            )}
          </section>
        </main>
      </>
    );
  }

  const editingTaskId = /^\/tasks\/([^/]+)$/.exec(pathname)?.[1] ?? null;
  const known = pathname === '/' || pathname === '/settings' || editingTaskId !== null;
  if (!known) return <Redirect to="/" />;
  return (
    <TaskChangesContext.Provider value={taskChanges}>
      {pathname !== '/settings' && <SkipToTasks />}
      <AppHeader onSignOut={onSignOut}>
        <button
          type="button"
          className="assistant-button"
          aria-haspopup="dialog"
          aria-keyshortcuts="a"
          title="Assistant (A)"
          onClick={() => setAssistantOpen(true)}
        >
          <ChatIcon />
          <span className="assistant-button-label">Assistant</span>
        </button>
        <NotificationCenter notifications={notifications} zone={user.timezone} />
      </AppHeader>
      {pathname === '/settings' ? (
        <SettingsPage user={user} onUserChange={adopt} />
      ) : (
        <TaskListPage zone={user.timezone} openTaskId={editingTaskId} />
      )}
      {assistantOpen && (
        <AssistantDrawer
          assistant={assistant}
          zone={user.timezone}
          onClose={() => setAssistantOpen(false)}
          onOpenTask={(task) => {
            setAssistantOpen(false);
            navigate(`/tasks/${task.id}${search}`); // the view stays behind the editor
          }}
        />
      )}
    </TaskChangesContext.Provider>
  );
}

/** The header: the brand, what needs the user loaded (`children`: the assistant, the bell), settings and sign out. */
function AppHeader({ onSignOut, children }: { onSignOut: () => void; children?: ReactNode }) {
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Kadence
      </Link>
      <nav className="header-actions" aria-label="Account">
        {children}
        <ThemeToggle />
        <Link href="/settings" className="settings-link">
          <GearIcon />
          <span className="settings-label">Settings</span>
        </Link>
        <button type="button" className="sign-out" onClick={onSignOut}>
          <SignOutIcon />
          <span className="sign-out-label">Sign out</span>
        </button>
      </nav>
    </header>
  );
}

/** The first Tab stop, shown when focused: past the header and quick add, straight to the list. */
function SkipToTasks() {
  return (
    <a
      href={`#${TASK_LIST_ID}`}
      className="skip-link"
      onClick={(event) => {
        event.preventDefault(); // focus, not a fragment in the URL (the query string is the view)
        document.getElementById(TASK_LIST_ID)?.focus();
      }}
    >
      Skip to tasks
    </a>
  );
}

function ChatIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.6A8 8 0 1 1 21 12Z" strokeLinejoin="round" />
    </svg>
  );
}

function GearIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1Z" />
    </svg>
  );
}

function SignOutIcon() {
  return (
    <svg aria-hidden="true" className="narrow-only" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
    </svg>
  );
}
