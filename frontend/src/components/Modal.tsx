/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside) and Escape
 * cancels, which is routed to onClose so React state decides when it closes, as is a click on the backdrop. Focus
 * returns to where it was (when that is still on the page).
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** What takes focus when it opens (else the browser's choice: the first focusable element, the Close button). */
  initialFocus?: RefObject<HTMLElement | null>;
}

export function Modal({ title, onClose, children, className = '', initialFocus }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current!;
    const opener = document.activeElement as HTMLElement | null;
    if (!element.open) element.showModal();
    initialFocus?.current?.focus();
    return () => {
      element.close();
      if (opener?.isConnected) opener.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`modal ${className}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // The backdrop is the dialog element itself, outside its box; a click in its padding is inside.
        const box = event.currentTarget.getBoundingClientRect();
        const outside = event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
        if (event.target === event.currentTarget && outside) onClose();
      }}
    >
      <div className="modal-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
