/** "Delete task?" before the one-key delete (#): Cancel is the default, and Escape's answer. */
import { useRef } from 'react';
import type { Task } from '../api/types';
import { Modal } from './Modal';

export function ConfirmDelete({ task, onConfirm, onCancel }: { task: Task; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Modal title="Delete task?" onClose={onCancel} className="confirm" initialFocus={cancel}>
      <p>“{task.title}” will be deleted.</p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={onConfirm}>
          Delete
        </button>
        <button type="button" className="primary" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
