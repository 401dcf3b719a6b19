/**
 * Short-lived messages at the bottom of the screen: "Completed …" with Undo, errors with Retry, and live
 * notifications. At most three show at once. They are not laid over the page: the stack is a strip of its own below
 * it (see .app-frame), so a toast never covers a control of the list. Each toast is its own status region so a screen
 * reader announces it, and it stays while hovered or focused so Undo can be reached.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from '../lib/router';

export interface ToastInput {
  message: string;
  kind: 'undo' | 'notification' | 'info' | 'error';
  action?: { label: string; run: () => void };
  link?: { label: string; href: string; onOpen?: () => void };
  /** More controls after the message (a notification's snooze choices); `dismiss` closes the toast. */
  extra?: (dismiss: () => void) => ReactNode;
}

interface Toast extends ToastInput {
  id: number;
}

const LIFETIME_MS: Record<ToastInput['kind'], number> = { undo: 8_000, notification: 20_000, info: 5_000, error: 8_000 };

const MAX_SHOWN = 3;

/** Adds a toast, which disappears by itself; what it returns takes it away sooner. */
export type ShowToast = (toast: ToastInput) => () => void;

const ToastContext = createContext<ShowToast>(() => () => {});

export function useToast(): ShowToast {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    // The oldest gives way: an old message is less useful than the screen behind it.
    setToasts((all) => [...all.slice(-(MAX_SHOWN - 1)), { ...toast, id }]);
    return () => dismiss(id);
  }, [dismiss]);
  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      <div className="app-frame">
        <div className="app-scroll">{children}</div>
        {toasts.length > 0 && (
          <div className="toasts" data-testid="toasts">
            {toasts.map((toast) => (
              <ToastView key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
            ))}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  // onDismiss is a new function whenever another toast comes or goes; that must not restart this toast's clock.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss.current(), LIFETIME_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [held, toast.kind]);

  return (
    <div
      className={`toast toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid={toast.kind === 'notification' ? 'toast' : `${toast.kind}-toast`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.link && (
        <Link
          href={toast.link.href}
          onClick={() => {
            toast.link?.onOpen?.();
            onDismiss();
          }}
        >
          {toast.link.label}
        </Link>
      )}
      {toast.extra?.(onDismiss)}
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action?.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
