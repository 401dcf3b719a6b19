/**
 * A task's history in the editor: collapsed at first, loaded from its activity log when opened, newest first,
 * older entries a page at a time.
 */
import { useState } from 'react';
import { messageOf, request } from '../api/client';
import { describeChanges, describeEntry, type ActivityEntry } from '../lib/activity';

interface Page {
  items: ActivityEntry[];
  next_cursor: string | null;
}

const fetchPage = (taskId: string, cursor: string | null) =>
  request<Page>('GET', `/tasks/${encodeURIComponent(taskId)}/activity?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

export function TaskHistory({ taskId, zone }: { taskId: string; zone: string }) {
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');

  async function load(cursor: string | null) {
    setLoading(true);
    setError('');
    try {
      const page = await fetchPage(taskId, cursor);
      setEntries((shown) => [...(cursor ? shown ?? [] : []), ...page.items]);
      setNext(page.next_cursor);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <details
      className="task-history"
      data-testid="task-history"
      onToggle={(event) => {
        if (event.currentTarget.open && entries === null && !loading) void load(null);
      }}
    >
      <summary>History</summary>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {loading && <p className="hint">Loading…</p>}
      {entries?.length === 0 && <p className="hint">Nothing recorded yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="history-entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{describeEntry(entry, zone)}</time>
              {entry.changes.length > 0 && (
                <ul>
                  {describeChanges(entry, zone).map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {next && !loading && (
        <button type="button" onClick={() => void load(next)}>
          Show older
        </button>
      )}
    </details>
  );
}
