/**
 * Short-lived messages at the bottom of the screen: "Completed …" with Undo, and live notifications. Each toast is
 * its own status region so a screen reader announces it, and it stays while hovered or focused so Undo can be reached.
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

const ToastContext = createContext<(toast: ToastInput) => void>(() => {});

/** show(toast): adds a toast; the toast disappears by itself. */
export function useToast(): (toast: ToastInput) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    // At most five at once: an old notification is less useful than the screen behind it.
    setToasts((all) => [...all.slice(-4), { ...toast, id }]);
  }, []);
  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
        ))}
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
