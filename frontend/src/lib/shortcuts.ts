/**
 * Single-key shortcuts ("q" quick add, "a" assistant, the list's j/k/x/e/#, "?" for the list of them) and Ctrl+Z
 * (Undo): they act only when the key would otherwise do nothing, so typing the letter in a field, a modified key
 * (Ctrl+A), Ctrl+Z in a field (the field's own undo) or a key pressed inside an open dialog is left alone.
 */
import { useEffect, useRef } from 'react';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/** Every shortcut, as the "?" dialog lists them. */
export const SHORTCUTS: { key: string; does: string }[] = [
  { key: 'q', does: 'Quick add' },
  { key: '/', does: 'Search' },
  { key: 'j', does: 'Select the next task' },
  { key: 'k', does: 'Select the previous task' },
  { key: 'x', does: 'Complete (or reopen) the selected task' },
  { key: 'e', does: 'Edit the selected task' },
  { key: '#', does: 'Delete the selected task (asks first)' },
  { key: 'Ctrl+Z', does: 'Undo the last complete, edit or delete' },
  { key: 'a', does: 'Open the assistant' },
  { key: '?', does: 'Show these shortcuts' },
];

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether `event` is the plain key `key` pressed outside any field, editable area or dialog. */
export function isShortcut(event: KeyLike, key: string): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key.toLowerCase() !== key) return false;
  return isOutsideFields(event);
}

/** Whether `event` is Ctrl+Z (⌘Z on a Mac) pressed outside any field, editable area or dialog. */
export function isUndoKey(event: KeyLike): boolean {
  if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.key.toLowerCase() === 'z' && isOutsideFields(event);
}

function isOutsideFields(event: KeyLike): boolean {
  const target = event.target as (Partial<HTMLElement> & { closest?: (selector: string) => Element | null }) | null;
  if (!target) return true;
  if (target.tagName && FIELDS.has(target.tagName)) return false;
  if (target.isContentEditable) return false;
  return !target.closest?.('dialog, [role="dialog"]');
}

/** Runs `action` when the plain `key` is pressed outside fields and dialogs (see isShortcut); 'ctrl+z' is Undo's. */
export function useShortcut(key: string, action: () => void): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(key === 'ctrl+z' ? isUndoKey(event) : isShortcut(event, key))) return;
      // An open modal dialog makes the page behind it inert: a shortcut must not reach past it.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key]);
}
