-- Notifications and the live stream (notify owns these tables; it also moves reminders fired -> delivered
-- or suppressed once the notification is stored or found stale).

-- One notification per firing of a reminder: a reminder that is rearmed (a series instance moved on) fires again
-- at its new time and gets a notification of its own.
create table notifications (
    id          uuid primary key,                     -- derived from (reminder id, fire time): redelivery finds it
    user_id     uuid        not null references users (id) on delete cascade,
    reminder_id uuid        not null,
    task_id     uuid        not null references tasks (id) on delete cascade,
    fire_at     timestamptz not null,
    title       text        not null,
    due_at      timestamptz,
    timezone    text        not null,                 -- the user's zone when it was delivered: how due_at is shown
    before_due  text,
    series_id   uuid,
    instance    integer,
    read_at     timestamptz,
    created_at  timestamptz not null,
    constraint notifications_one_per_firing unique (reminder_id, fire_at)
);

create index notifications_by_user   on notifications (user_id, fire_at desc, id desc);
create index notifications_unread    on notifications (user_id, fire_at desc, id desc) where read_at is null;

-- What each user's open streams carry, in the order it happened for that user: the id is the SSE event id, and a
-- reconnecting browser's Last-Event-ID replays everything after it. Writers take a per-user advisory lock before
-- inserting, so one user's ids commit in increasing order and a reader never skips a row committed late.
create table stream_events (
    id         bigserial primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    kind       text        not null check (kind in ('notification', 'task')),
    data       text        not null,                  -- the event's JSON, as sent
    created_at timestamptz not null
);

create index stream_events_by_user on stream_events (user_id, id);
create index stream_events_by_age  on stream_events (created_at);

-- Short-lived, single-use tickets that open a stream (EventSource cannot send an Authorization header, and a
-- long-lived token must not sit in URLs and access logs). Only a hash of the ticket is stored.
create table stream_tickets (
    ticket_hash text primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    expires_at  timestamptz not null
);

create index stream_tickets_by_expiry on stream_tickets (expires_at);
