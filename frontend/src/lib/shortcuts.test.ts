import { describe, expect, it } from 'vitest';
import { isShortcut, isUndoKey, SHORTCUTS } from './shortcuts';

const element = (tagName: string, inDialog = false, isContentEditable = false) =>
  ({ tagName, isContentEditable, closest: (selector: string) => (inDialog && selector.includes('dialog') ? {} : null) }) as unknown as EventTarget;
const key = (k: string, target: EventTarget | null, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target, ...modifiers,
});

describe('single-key shortcuts', () => {
  it('act on the plain key outside fields', () => {
    expect(isShortcut(key('q', element('BODY')), 'q')).toBe(true);
    expect(isShortcut(key('Q', element('BUTTON')), 'q')).toBe(true);
  });

  it('leave typing, modified keys and dialogs alone', () => {
    expect(isShortcut(key('q', element('INPUT')), 'q')).toBe(false);
    expect(isShortcut(key('q', element('TEXTAREA')), 'q')).toBe(false);
    expect(isShortcut(key('q', element('SELECT')), 'q')).toBe(false);
    expect(isShortcut(key('q', element('DIV', false, true)), 'q')).toBe(false);
    expect(isShortcut(key('a', element('BODY'), { ctrlKey: true }), 'a')).toBe(false);
    expect(isShortcut(key('a', element('BODY'), { metaKey: true }), 'a')).toBe(false);
    expect(isShortcut(key('a', element('BUTTON', true)), 'a')).toBe(false);
    expect(isShortcut(key('w', element('BODY')), 'q')).toBe(false);
  });
});

describe('Ctrl+Z', () => {
  it('is Undo outside fields, with Ctrl or ⌘', () => {
    expect(isUndoKey(key('z', element('BODY'), { ctrlKey: true }))).toBe(true);
    expect(isUndoKey(key('Z', element('BUTTON'), { metaKey: true }))).toBe(true);
    expect(SHORTCUTS.map((shortcut) => shortcut.key)).toContain('Ctrl+Z');
  });

  it("leaves a field's own undo, redo, the plain key and dialogs alone", () => {
    expect(isUndoKey(key('z', element('INPUT'), { ctrlKey: true }))).toBe(false);
    expect(isUndoKey(key('z', element('DIV', false, true), { ctrlKey: true }))).toBe(false);
    expect(isUndoKey(key('z', element('BODY'), { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoKey(key('z', element('BODY')))).toBe(false);
    expect(isUndoKey(key('z', element('BUTTON', true), { ctrlKey: true }))).toBe(false);
    expect(isShortcut(key('z', element('BODY'), { ctrlKey: true }), 'z')).toBe(false);
  });
});
