/**
 * Notification channels in settings: add a webhook or an email address, see each one's state (active, or paused and
 * why, the next retry), send a test message, pause or resume, delete. A webhook's signing secret is shown once.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/client';
import {
  createChannel,
  deleteChannel,
  listChannelDeliveries,
  listChannels,
  setChannelPaused,
  testChannel,
} from '../api/endpoints';
import type { Channel } from '../api/types';
import { describedBy, FieldError } from './FieldError';
import { useAction } from '../lib/useAction';
import { channelDraft, channelState, channelTarget, deliveryOutcome, FORMATS, type ChannelForm } from '../lib/channels';

const EMPTY: ChannelForm = { type: 'webhook', url: '', format: 'kadence', address: '' };

export function ChannelSettings() {
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [form, setForm] = useState<ChannelForm>(EMPTY);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [secret, setSecret] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const { busy, status, setStatus, act } = useAction();

  const reload = useCallback(() => listChannels().then((page) => setChannels(page.items)), []);

  useEffect(() => {
    reload().catch((failure) => setStatus(messageOf(failure)));
  }, [reload]);

  async function add(event: FormEvent) {
    event.preventDefault();
    const draft = channelDraft(form);
    if ('field' in draft) {
      setFieldError(draft);
      return;
    }
    setFieldError(null);
    await act(async () => {
      try {
        const created = await createChannel(draft.input);
        setSecret(created.secret ?? '');
        setForm(EMPTY);
        await reload();
      } catch (failure) {
        const field = failure instanceof ApiError ? Object.keys(failure.fieldErrors)[0] : undefined;
        if (failure instanceof ApiError && field) {
          setFieldError({ field, message: failure.fieldErrors[field] });
          return;
        }
        throw failure;
      }
    });
  }

  const test = (channel: Channel) =>
    act(async () => {
      await testChannel(channel.id);
      setOutcomes((o) => ({ ...o, [channel.id]: 'Test message queued…' }));
      // The relay sends it right after the request; its outcome is the newest delivery.
      for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const newest = (await listChannelDeliveries(channel.id)).items[0];
        if (newest && newest.status !== 'pending' && newest.status !== 'sending') {
          setOutcomes((o) => ({ ...o, [channel.id]: `Test message: ${deliveryOutcome(newest, new Date())}` }));
          break;
        }
      }
      await reload();
    });

  const pause = (channel: Channel, paused: boolean) =>
    act(async () => {
      await setChannelPaused(channel.id, paused);
      await reload();
    });

  const remove = (channel: Channel) =>
    act(async () => {
      await deleteChannel(channel.id);
      await reload();
    });

  const field = (name: string) => (fieldError?.field === name ? fieldError.message : '');

  return (
    <section aria-labelledby="channels">
      <h2 id="channels">Notification channels</h2>
      <p className="hint">
        Reminders also go to these, once each: a webhook (your own endpoint, ntfy, Slack or Discord) or an email address.
      </p>
      {channels && channels.length === 0 && <p>No channels yet.</p>}
      {channels && channels.length > 0 && (
        <ul className="channel-list">
          {channels.map((channel) => (
            <li key={channel.id} className={`channel channel-${channel.status}`}>
              <div className="channel-target">{channelTarget(channel)}</div>
              <div className="hint channel-state">{channelState(channel, new Date())}</div>
              {outcomes[channel.id] && <div className="channel-outcome">{outcomes[channel.id]}</div>}
              <div>
                <button type="button" onClick={() => test(channel)} disabled={busy || channel.status === 'paused'}>
                  Send test
                </button>{' '}
                <button type="button" onClick={() => pause(channel, channel.status === 'active')} disabled={busy}>
                  {channel.status === 'active' ? 'Pause' : 'Resume'}
                </button>{' '}
                <button type="button" className="danger" onClick={() => remove(channel)} disabled={busy}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {secret && (
        <div className="field">
          <label htmlFor="channel-secret">Signing secret (shown only now): check Kadence-Signature with it</label>
          <input id="channel-secret" readOnly value={secret} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
      <form className="stack" onSubmit={add} noValidate aria-label="Add a channel">
        <div className="field">
          <label htmlFor="channel-type">Channel</label>
          <select
            id="channel-type"
            value={form.type}
            onChange={(event) => setForm({ ...form, type: event.target.value as ChannelForm['type'] })}
          >
            <option value="webhook">Webhook</option>
            <option value="email">Email</option>
          </select>
        </div>
        {form.type === 'webhook' ? (
          <>
            <div className="field">
              <label htmlFor="channel-url">Webhook URL</label>
              <input
                id="channel-url"
                type="url"
                value={form.url}
                placeholder="https://ntfy.sh/your-topic"
                {...describedBy('url', field('url'))}
                onChange={(event) => setForm({ ...form, url: event.target.value })}
              />
              <FieldError field="url" message={field('url')} label="The URL" />
            </div>
            <div className="field">
              <label htmlFor="channel-format">Format</label>
              <select
                id="channel-format"
                value={form.format}
                onChange={(event) => setForm({ ...form, format: event.target.value as ChannelForm['format'] })}
              >
                {FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor="channel-address">Email address</label>
            <input
              id="channel-address"
              type="email"
              value={form.address}
              {...describedBy('address', field('address'))}
              onChange={(event) => setForm({ ...form, address: event.target.value })}
            />
            <FieldError field="address" message={field('address')} label="The address" />
          </div>
        )}
        {fieldError && fieldError.field !== 'url' && fieldError.field !== 'address' && (
          <FieldError field={fieldError.field} message={fieldError.message} />
        )}
        <div>
          <button type="submit" className="primary" disabled={busy}>
            Add channel
          </button>
        </div>
      </form>
      <p role="status">{status}</p>
    </section>
  );
}
