-- Notification channels (notify owns these tables): where a user's notifications go besides the browser, and one
-- delivery per (notification, channel), written in the notification's transaction and sent by notify's relay.

-- A webhook (url, format, the secret its Kadence-format payloads are signed with) or an email address. A channel that
-- keeps failing is paused with the reason; the user resumes it.
create table channels (
    id                   uuid primary key,
    user_id              uuid        not null references users (id) on delete cascade,
    type                 text        not null check (type in ('webhook', 'email')),
    url                  text,
    format               text check (format in ('kadence', 'ntfy', 'slack')),
    secret               text,
    address              text,
    paused_at            timestamptz,
    paused_reason        text,
    consecutive_failures integer     not null default 0,
    last_error           text,
    last_success_at      timestamptz,
    created_at           timestamptz not null,
    check ((type = 'webhook' and url is not null and format is not null and secret is not null and address is null)
        or (type = 'email' and address is not null and url is null and format is null))
);

create index channels_by_user on channels (user_id, created_at, id);

-- One row per message to send. pending -> sending (claimed: attempts counted, lease_until set before the message goes
-- out) -> delivered, or back to pending with next_attempt_at after a failure, or failed for good (the channel paused
-- or deleted, a 4xx the receiver will never take). A claim whose lease ran out was interrupted between send and
-- record (a crash): the relay sends it again, with the same id, which receivers use to drop the repeat.
create table channel_deliveries (
    id              uuid primary key,
    channel_id      uuid        not null references channels (id) on delete cascade,
    user_id         uuid        not null references users (id) on delete cascade,
    notification_id uuid references notifications (id) on delete cascade,   -- null: a test message
    title           text        not null,
    message         text        not null,
    link            text,
    status          text        not null check (status in ('pending', 'sending', 'delivered', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null,
    constraint channel_deliveries_once unique (notification_id, channel_id)
);

create index channel_deliveries_due on channel_deliveries (next_attempt_at) where status in ('pending', 'sending');
create index channel_deliveries_by_channel on channel_deliveries (channel_id, created_at desc, id desc);
