import { describe, expect, it } from 'vitest';
import { createUndoHistory, type Undoable } from './undo';

const entry = (label: string): Undoable => ({ label, undo: async () => {} });

describe('the undo history', () => {
  it('gives the latest first (Ctrl+Z after Ctrl+Z goes further back)', () => {
    const history = createUndoHistory();
    const [a, b] = [entry('a'), entry('b')];
    history.push(a);
    history.push(b);
    expect(history.takeLatest()).toBe(b);
    expect(history.takeLatest()).toBe(a);
    expect(history.takeLatest()).toBeUndefined();
  });

  it('undoes an entry once, whether from its toast or Ctrl+Z', () => {
    const history = createUndoHistory();
    const [a, b] = [entry('a'), entry('b')];
    history.push(a);
    history.push(b);
    expect(history.take(b)).toBe(true);
    expect(history.take(b)).toBe(false);
    expect(history.takeLatest()).toBe(a);
  });

  it('forgets a withdrawn entry (a delete already sent)', () => {
    const history = createUndoHistory();
    const [a, b] = [entry('a'), entry('b')];
    history.push(a);
    history.push(b);
    history.withdraw(b);
    expect(history.take(b)).toBe(false);
    expect(history.takeLatest()).toBe(a);
  });
});
