/**
 * Everything behind sign-in: the header, the live stream (notifications and task changes), and the pages. The user's
 * time zone comes from /me and is the zone every date is shown and typed in; until /me answers, the app's shell
 * shows (header, views) with the loading state, or "Can't reach Kadence" and Retry when it does not answer.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messageOf } from '../api/client';
import { getMe } from '../api/endpoints';
import type { Notification, User } from '../api/types';
import { AssistantDrawer } from '../components/AssistantDrawer';
import { NotificationCenter } from '../components/NotificationCenter';
import { Spinner } from '../components/Spinner';
import { ToastProvider, useToast } from '../components/Toasts';
import { ViewNav } from '../components/ViewNav';
import { taskChangeOf } from '../lib/assistant';
import { showBrowserNotification } from '../lib/browserNotifications';
import { openLiveStream } from '../lib/liveStream';
import { Link, navigate, Redirect, useLocation } from '../lib/router';
import { createTaskChanges, TaskChangesContext } from '../lib/taskChanges';
import { useShortcut } from '../lib/shortcuts';
import { useAssistant } from '../lib/useAssistant';
import { useNotifications } from '../lib/useNotifications';
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
    getMe().then(setUser, (error) => setLoadError(messageOf(error) || "Can't reach Kadence."));
  }, [attempt]);

  const announce = useCallback(
    (notification: Notification) => {
      if (!notifications.receive(notification)) return;
      const link = notification.link || `/tasks/${notification.task_id}`;
      showToast({ kind: 'notification', message: notification.message, link: { label: 'Open task', href: link } });
      showBrowserNotification(notification.title, notification.message, notification.id, () => navigate(link));
    },
    [notifications.receive, showToast],
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
        <SettingsPage user={user} onUserChange={setUser} />
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
        <Link href="/settings">Settings</Link>
        <button type="button" onClick={onSignOut}>
          Sign out
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
