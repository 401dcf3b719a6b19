/** The notification centre's state: the newest notifications, paging, the unread count, and live arrivals. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  snoozeNotification,
  type SnoozePreset,
} from '../api/endpoints';
import type { Notification } from '../api/types';

export interface NotificationsState {
  items: Notification[];
  unreadCount: number;
  nextCursor: string | null;
  error: string;
  loadMore: () => Promise<void>;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
  /** A new reminder at the preset's time, the notification read; resolves to that time (null when it failed). */
  snooze: (id: string, preset: SnoozePreset) => Promise<string | null>;
  /**
   * Takes a notification from the live stream: a new one is added, a known one updated (the stream repeats a
   * notification when it is read, here or in another tab). True only for a new unread one, the kind worth a toast.
   */
  receive: (notification: Notification) => boolean;
}

export function useNotifications(): NotificationsState {
  const [items, setItems] = useState<Notification[]>([]);
  const [unreadCount, setUnreadCount] = useState(0);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  // Whether each known notification is read, kept outside React state so the count changes exactly once per change
  // whichever arrives first: our own mark-as-read answer or the stream's echo of it.
  const readById = useRef(new Map<string, boolean>());
  const remember = (page: Notification[]) => page.forEach((item) => readById.current.set(item.id, item.read));

  const addPage = useCallback((page: Notification[], append: boolean) => {
    remember(page);
    setItems((current) => {
      const fresh = page.filter((item) => !current.some((known) => known.id === item.id));
      return append ? [...current, ...fresh] : page;
    });
  }, []);

  useEffect(() => {
    listNotifications().then(
      (page) => {
        addPage(page.items, false);
        setUnreadCount(page.unread_count);
        setNextCursor(page.next_cursor);
      },
      (failure) => setError(messageOf(failure)),
    );
  }, [addPage]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    try {
      const page = await listNotifications(nextCursor);
      addPage(page.items, true);
      setUnreadCount(page.unread_count);
      setNextCursor(page.next_cursor);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, [nextCursor, addPage]);

  const update = useCallback((notification: Notification) => {
    const wasRead = readById.current.get(notification.id);
    readById.current.set(notification.id, notification.read);
    setItems((current) => current.map((item) => (item.id === notification.id ? notification : item)));
    if (wasRead === false && notification.read) setUnreadCount((count) => Math.max(0, count - 1));
  }, []);

  const markRead = useCallback(
    async (id: string) => {
      try {
        update(await markNotificationRead(id));
        setError('');
      } catch (failure) {
        setError(messageOf(failure));
      }
    },
    [update],
  );

  const markAllRead = useCallback(async () => {
    try {
      await markAllNotificationsRead();
      const now = new Date().toISOString();
      readById.current.forEach((_, id) => readById.current.set(id, true));
      setItems((current) => current.map((item) => (item.read ? item : { ...item, read: true, read_at: now })));
      setUnreadCount(0);
      setError('');
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);

  const snooze = useCallback(
    async (id: string, preset: SnoozePreset) => {
      try {
        const snoozed = await snoozeNotification(id, preset);
        update(snoozed.notification);
        setError('');
        return snoozed.reminder.at;
      } catch (failure) {
        setError(messageOf(failure));
        return null;
      }
    },
    [update],
  );

  const receive = useCallback(
    (notification: Notification) => {
      if (readById.current.has(notification.id)) {
        update(notification);
        return false;
      }
      readById.current.set(notification.id, notification.read);
      setItems((current) => [notification, ...current]);
      if (!notification.read) setUnreadCount((count) => count + 1);
      return !notification.read;
    },
    [update],
  );

  return { items, unreadCount, nextCursor, error, loadMore, markRead, markAllRead, snooze, receive };
}
