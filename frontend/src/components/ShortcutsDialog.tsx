/** The "?" dialog: every single-key shortcut and what it does. */
import { SHORTCUTS } from '../lib/shortcuts';
import { Modal } from './Modal';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="shortcuts">
      <dl className="shortcut-list" data-testid="shortcut-list">
        {SHORTCUTS.map(({ key, does }) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">They wait while you type in a field or a dialog is open.</p>
    </Modal>
  );
}
