/** Notification channels in settings: what the add form sends, and how a channel's state reads. */
import type { Channel, ChannelDelivery, ChannelInput, WebhookFormat } from '../api/types';

export const FORMATS: { value: WebhookFormat; label: string }[] = [
  { value: 'kadence', label: 'Kadence JSON (signed)' },
  { value: 'ntfy', label: 'ntfy' },
  { value: 'slack', label: 'Slack / Discord' },
];

/** What the form holds: a webhook URL and format, or an email address. */
export interface ChannelForm {
  type: 'webhook' | 'email';
  url: string;
  format: WebhookFormat;
  address: string;
}

export type ChannelDraft = { input: ChannelInput } | { field: 'url' | 'address'; message: string };

/**
 * The request body for the form, or what is wrong with it. Only what the browser can tell: whether the server may
 * call the URL (private addresses, names that do not resolve) is the server's answer.
 */
export function channelDraft(form: ChannelForm): ChannelDraft {
  if (form.type === 'email') {
    const address = form.address.trim();
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) {
      return { field: 'address', message: 'Enter an email address, like you@example.com.' };
    }
    return { input: { type: 'email', address } };
  }
  const url = form.url.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { field: 'url', message: 'Enter the webhook’s full URL, starting with https://.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { field: 'url', message: 'A webhook URL starts with https:// or http://.' };
  }
  if (parsed.username || parsed.password) {
    return { field: 'url', message: 'Leave the user name and password out of the URL.' };
  }
  return { input: { type: 'webhook', url, format: form.format } };
}

/** Where the channel delivers, for its row in the list. */
export function channelTarget(channel: Channel): string {
  if (channel.type === 'email') return `Email to ${channel.address}`;
  const format = FORMATS.find((f) => f.value === channel.format)?.label ?? channel.format;
  return `Webhook ${channel.url} · ${format}`;
}

/** In a few words, how long until `at`: "in 5 min", "in 2 h", "now". */
export function untilText(at: string, now: Date): string {
  const minutes = Math.round((new Date(at).getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `in ${hours} h` : `in ${Math.round(hours / 24)} days`;
}

/** The channel's state as a sentence: active or paused and why, the last error and the next attempt. */
export function channelState(channel: Channel, now: Date): string {
  if (channel.status === 'paused') {
    return `Paused: ${channel.paused_reason ?? 'no reason given'}. Resume it to send what waited.`;
  }
  const parts = ['Active.'];
  if (channel.last_error) {
    parts.push(`Failed ${channel.consecutive_failures} time${channel.consecutive_failures === 1 ? '' : 's'} in a row: ${channel.last_error}.`);
  }
  if (channel.next_attempt_at) {
    parts.push(`Next attempt ${untilText(channel.next_attempt_at, now)}.`);
  }
  return parts.join(' ');
}

/** How the test message (the newest delivery) fared. */
export function deliveryOutcome(delivery: ChannelDelivery, now: Date): string {
  switch (delivery.status) {
    case 'delivered':
      return 'Delivered.';
    case 'failed':
      return `Failed for good: ${delivery.last_error ?? 'no answer'}.`;
    case 'sending':
      return 'Sending…';
    default:
      return delivery.last_error
        ? `Not delivered yet (${delivery.last_error}); next attempt ${untilText(delivery.next_attempt_at ?? delivery.created_at, now)}.`
        : 'Queued.';
  }
}
