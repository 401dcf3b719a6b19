/**
 * The assistant's conversation state, kept by the signed-in shell so closing the drawer loses nothing: the current
 * conversation (the latest one, loaded on first open, or a new one), the user's earlier conversations, and sending.
 */
import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { getConversation, listConversations, sendAssistantMessage } from '../api/endpoints';
import type { AssistantAction, ConversationSummary } from '../api/types';
import { closeEarlierChoices, turnOfReply, turnsOfConversation, type Turn } from './assistant';

export interface AssistantState {
  conversationId: string | null;
  conversations: ConversationSummary[];
  turns: Turn[];
  /** 'idle' until first opened; then loading the latest conversation, then ready. */
  status: 'idle' | 'loading' | 'ready';
  sending: boolean;
  error: string;
  loadLatest: () => Promise<void>;
  open: (id: string) => Promise<void>;
  startNew: () => void;
  /** Sends `text` (showing `shown` as the user's words: a choice's label); false when it failed. */
  send: (text: string, shown?: string) => Promise<boolean>;
}

export function useAssistant(onAction: (action: AssistantAction) => void): AssistantState {
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [status, setStatus] = useState<AssistantState['status']>('idle');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  // Read by send(), which must use the conversation as it is now, not as it was when the callback was made.
  const current = useRef<{ id: string | null; sending: boolean; turns: Turn[] }>({ id: null, sending: false, turns: [] });
  current.current.turns = turns;
  const latestOnAction = useRef(onAction);
  latestOnAction.current = onAction;

  const show = (id: string | null, shown: Turn[]) => {
    current.current.id = id;
    setConversationId(id);
    setTurns(shown);
  };

  const open = useCallback(async (id: string) => {
    setStatus('loading');
    setError('');
    try {
      show(id, turnsOfConversation(await getConversation(id)));
    } catch (failure) {
      setError(`Cannot load that conversation: ${messageOf(failure)}`);
    } finally {
      setStatus('ready');
    }
  }, []);

  const loadLatest = useCallback(async () => {
    setStatus('loading');
    setError('');
    try {
      const page = await listConversations();
      setConversations(page.items);
      if (page.items.length > 0) {
        show(page.items[0].id, turnsOfConversation(await getConversation(page.items[0].id)));
      }
    } catch (failure) {
      setError(`Cannot load your conversations: ${messageOf(failure)}`);
    } finally {
      setStatus('ready');
    }
  }, []);

  const startNew = useCallback(() => {
    setError('');
    show(null, []);
  }, []);

  const send = useCallback(async (text: string, shown: string = text) => {
    const words = text.trim();
    if (!words || current.current.sending) return false;
    current.current.sending = true;
    setSending(true);
    setError('');
    const before = current.current.turns;
    setTurns(closeEarlierChoices([...before, { role: 'user', text: shown.trim(), at: new Date().toISOString() }]));
    try {
      const reply = await sendAssistantMessage(words, current.current.id);
      const isNew = current.current.id !== reply.conversation_id;
      current.current.id = reply.conversation_id;
      setConversationId(reply.conversation_id);
      setTurns((all) => closeEarlierChoices([...all, turnOfReply(reply, new Date().toISOString())]));
      if (isNew) {
        const now = new Date().toISOString();
        setConversations((all) => [
          { id: reply.conversation_id, title: words.slice(0, 80), created_at: now, updated_at: now },
          ...all.filter((c) => c.id !== reply.conversation_id),
        ]);
      }
      for (const action of reply.actions ?? []) latestOnAction.current(action);
      return true;
    } catch (failure) {
      // The message was not taken: the conversation is as it was (its question still open), the text stays typed.
      setTurns(before);
      setError(messageOf(failure));
      return false;
    } finally {
      current.current.sending = false;
      setSending(false);
    }
  }, []);

  return { conversationId, conversations, turns, status, sending, error, loadLatest, open, startNew, send };
}
