/** One action at a time in a settings section: `busy` while it runs, and its failure (or what it said) as `status`. */
import { useState } from 'react';
import { messageOf } from '../api/client';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setStatus('');
    try {
      await work();
    } catch (failure) {
      setStatus(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return { busy, status, setStatus, act };
}
