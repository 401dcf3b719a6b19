import { describe, expect, it } from 'vitest';
import type { Channel, ChannelDelivery } from '../api/types';
import { channelDraft, channelState, channelTarget, deliveryOutcome, untilText, type ChannelForm } from './channels';

const form = (changes: Partial<ChannelForm>): ChannelForm => ({ type: 'webhook', url: '', format: 'kadence', address: '', ...changes });

const channel = (changes: Partial<Channel>): Channel => ({
  id: 'c1', type: 'webhook', url: 'https://hooks.example.com/k', format: 'slack', address: null, status: 'active',
  paused_at: null, paused_reason: null, consecutive_failures: 0, last_error: null, last_success_at: null,
  next_attempt_at: null, created_at: '2027-01-08T12:00:00Z', secret: null, ...changes,
});

const NOW = new Date('2027-01-08T12:00:00Z');

describe('the add-channel form', () => {
  it('sends a webhook with its format, the URL trimmed', () => {
    expect(channelDraft(form({ url: ' https://ntfy.sh/my-topic ', format: 'ntfy' })))
      .toEqual({ input: { type: 'webhook', url: 'https://ntfy.sh/my-topic', format: 'ntfy' } });
  });

  it('sends an email address trimmed', () => {
    expect(channelDraft(form({ type: 'email', address: ' ada@example.com ' })))
      .toEqual({ input: { type: 'email', address: 'ada@example.com' } });
  });

  it.each([
    ['', 'url'],
    ['hooks.example.com/k', 'url'],
    ['ftp://example.com/k', 'url'],
    ['javascript:alert(1)', 'url'],
    ['https://user:pw@example.com/k', 'url'],
  ])('refuses the URL %j', (url, field) => {
    expect(channelDraft(form({ url }))).toMatchObject({ field });
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@example', '<script>@example.com', 'a b@example.com'])(
    'refuses the address %j',
    (address) => {
      expect(channelDraft(form({ type: 'email', address }))).toMatchObject({ field: 'address' });
    },
  );
});

describe('a channel in the list', () => {
  it('says where it delivers', () => {
    expect(channelTarget(channel({}))).toBe('Webhook https://hooks.example.com/k · Slack / Discord');
    expect(channelTarget(channel({ type: 'email', url: null, format: null, address: 'ada@example.com' }))).toBe('Email to ada@example.com');
  });

  it('is active, or failing with the next attempt, or paused with why', () => {
    expect(channelState(channel({}), NOW)).toBe('Active.');
    expect(channelState(channel({ consecutive_failures: 2, last_error: 'the webhook answered HTTP 503',
      next_attempt_at: '2027-01-08T12:05:00Z' }), NOW))
      .toBe('Active. Failed 2 times in a row: the webhook answered HTTP 503. Next attempt in 5 min.');
    expect(channelState(channel({ status: 'paused', paused_reason: 'paused after 5 failed deliveries in a row' }), NOW))
      .toBe('Paused: paused after 5 failed deliveries in a row. Resume it to send what waited.');
  });

  it('counts down to the next attempt', () => {
    expect(untilText('2027-01-08T11:59:00Z', NOW)).toBe('now');
    expect(untilText('2027-01-08T12:30:00Z', NOW)).toBe('in 30 min');
    expect(untilText('2027-01-08T14:00:00Z', NOW)).toBe('in 2 h');
    expect(untilText('2027-01-11T12:00:00Z', NOW)).toBe('in 3 days');
  });

  it('reports the test message', () => {
    const test = (changes: Partial<ChannelDelivery>): ChannelDelivery => ({
      id: 'd1', notification_id: null, test: true, title: 'Kadence test message', status: 'pending', attempts: 0,
      next_attempt_at: '2027-01-08T12:00:00Z', last_error: null, delivered_at: null, created_at: '2027-01-08T12:00:00Z', ...changes,
    });
    expect(deliveryOutcome(test({}), NOW)).toBe('Queued.');
    expect(deliveryOutcome(test({ status: 'delivered' }), NOW)).toBe('Delivered.');
    expect(deliveryOutcome(test({ last_error: 'the webhook answered HTTP 404', next_attempt_at: '2027-01-08T12:01:00Z' }), NOW))
      .toBe('Not delivered yet (the webhook answered HTTP 404); next attempt in 1 min.');
  });
});
