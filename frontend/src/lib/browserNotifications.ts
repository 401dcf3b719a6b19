/** The browser's own notifications (Notification API), used only after the user has asked for them. */

export type BrowserPermission = NotificationPermission | 'unsupported';

export function browserPermission(): BrowserPermission {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification.permission : 'unsupported';
}

export async function askForBrowserNotifications(): Promise<BrowserPermission> {
  if (browserPermission() === 'unsupported') return 'unsupported';
  return window.Notification.requestPermission();
}

/** Shows a system notification when allowed; clicking it brings the tab forward and runs `onClick`. */
export function showBrowserNotification(title: string, body: string, tag: string, onClick: () => void): void {
  if (browserPermission() !== 'granted') return;
  try {
    const notification = new window.Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  } catch {
    // Some platforms (Android Chrome) only allow notifications from a service worker: the in-app toast remains.
  }
}
