/**
 * What Undo (a toast's button, or Ctrl+Z for the latest) can take back: complete/reopen, an edit, a delete. Each entry
 * knows how to undo itself; undoing one removes it, and one that can no longer be undone (a delete already sent)
 * withdraws itself.
 */
export interface Undoable {
  /** "Completed “Report”": what Undo takes back, for its messages. */
  label: string;
  undo: () => Promise<void>;
}

export interface UndoHistory {
  push: (entry: Undoable) => void;
  withdraw: (entry: Undoable) => void;
  /** The latest entry, taken off the history (undefined when there is none). */
  takeLatest: () => Undoable | undefined;
  /** `entry` taken off the history: false when it was already undone or withdrawn. */
  take: (entry: Undoable) => boolean;
}

const KEPT = 20;

export function createUndoHistory(): UndoHistory {
  let entries: Undoable[] = [];
  return {
    push(entry) {
      entries = [...entries.slice(-(KEPT - 1)), entry];
    },
    withdraw(entry) {
      entries = entries.filter((known) => known !== entry);
    },
    takeLatest() {
      const latest = entries.at(-1);
      entries = entries.slice(0, -1);
      return latest;
    },
    take(entry) {
      const known = entries.includes(entry);
      entries = entries.filter((each) => each !== entry);
      return known;
    },
  };
}
