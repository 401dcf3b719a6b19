/**
 * Single-key shortcuts ("q" quick add, "a" assistant): they act only when the key would otherwise do nothing, so
 * typing the letter in a field, a modified key (Ctrl+A) or a key pressed inside an open dialog is left alone.
 */
import { useEffect, useRef } from 'react';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether `event` is the plain key `key` pressed outside any field, editable area or dialog. */
export function isShortcut(event: KeyLike, key: string): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key.toLowerCase() !== key) return false;
  const target = event.target as (Partial<HTMLElement> & { closest?: (selector: string) => Element | null }) | null;
  if (!target) return true;
  if (target.tagName && FIELDS.has(target.tagName)) return false;
  if (target.isContentEditable) return false;
  return !target.closest?.('dialog, [role="dialog"]');
}

/** Runs `action` when the plain `key` is pressed outside fields and dialogs (see isShortcut). */
export function useShortcut(key: string, action: () => void): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcut(event, key)) return;
      // An open modal dialog makes the page behind it inert: a shortcut must not reach past it.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key]);
}
