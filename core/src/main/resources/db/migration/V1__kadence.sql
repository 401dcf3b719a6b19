-- Kadence schema, version 1.
--
-- One PostgreSQL database is shared by the four functions. Ownership (who writes what):
--   task-crud           users, tags, tasks, series, reminders (definitions and cancellation)
--   recurrence-handler  tasks and series of recurring tasks (next instance, missed occurrences)
--   reminder-fire       reminders.status (pending -> fired / suppressed / missed)
--   notify              notifications (a later migration)
--   every function      outbox (events it produces) and processed_events (events it consumed)

create table users (
    id            uuid primary key,
    email         text        not null unique,          -- stored trimmed and lower-cased
    password_hash text        not null,                 -- bcrypt
    timezone      text        not null default 'UTC',   -- IANA zone id
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create table tags (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    name       text        not null,                    -- trimmed and lower-cased: "Work" = "work"
    created_at timestamptz not null,
    constraint tags_user_name_unique unique (user_id, name)
);

-- A recurring task is a series: an RFC 5545 rule evaluated in local wall time of an IANA zone,
-- starting at the first instance's due time. Its instances are ordinary rows in tasks.
create table series (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    rule       text        not null,
    timezone   text        not null,
    mode       text        not null check (mode in ('schedule', 'completion')),
    start_at   timestamptz not null,
    status     text        not null default 'active' check (status in ('active', 'stopped', 'finished')),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table tasks (
    id           uuid primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    title        text        not null check (length(title) between 1 and 500),
    description  text                 check (length(description) <= 10000),
    priority     smallint    not null check (priority between 1 and 3),   -- 1 low, 2 medium, 3 high: sorts by meaning
    status       text        not null check (status in ('todo', 'in_progress', 'done')),
    tags         text[]      not null default '{}',   -- tag names (denormalised for filtering with one GIN index)
    due_at       timestamptz,
    completed_at timestamptz,
    series_id    uuid references series (id) on delete set null,
    missed_count integer     not null default 0,
    search       tsvector,                            -- title, description and tags; kept by tasks_search_document()
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create function tasks_search_document() returns trigger
    language plpgsql as
$$
begin
    new.search := setweight(to_tsvector('simple', new.title), 'A')
               || setweight(to_tsvector('simple', array_to_string(new.tags, ' ')), 'A')
               || setweight(to_tsvector('simple', coalesce(new.description, '')), 'B');
    return new;
end
$$;

create trigger tasks_search_document
    before insert or update of title, description, tags on tasks
    for each row execute function tasks_search_document();

-- The list query always filters by user and orders by one sort key then id (keyset paging). Each sort
-- gets an index in both directions where NULLS LAST needs it; filters on status/priority are cheap
-- checks on the rows those indexes return; tags and search use GIN.
create index tasks_by_due_asc     on tasks (user_id, due_at asc nulls last, id asc);
create index tasks_by_due_desc    on tasks (user_id, due_at desc nulls last, id desc);
create index tasks_by_priority    on tasks (user_id, priority, id);
create index tasks_by_created     on tasks (user_id, created_at, id);
create index tasks_by_updated     on tasks (user_id, updated_at, id);
create index tasks_by_title       on tasks (user_id, lower(title), id);
create index tasks_by_completed   on tasks (user_id, completed_at) where completed_at is not null;
create index tasks_by_status_due  on tasks (user_id, status, due_at) where status <> 'done';
create index tasks_tags           on tasks using gin (tags);
create index tasks_search         on tasks using gin (search);
create index tasks_series         on tasks (series_id) where series_id is not null;

create table reminders (
    id                 uuid primary key,
    task_id            uuid        not null references tasks (id) on delete cascade,
    user_id            uuid        not null references users (id) on delete cascade,
    at                 timestamptz,                   -- absolute reminder ...
    before_due         text,                          -- ... or relative: ISO-8601 duration before the task's due time
    fire_at            timestamptz not null,          -- when it fires; recomputed when a relative reminder's due time moves
    status             text        not null default 'pending'
        check (status in ('pending', 'fired', 'delivered', 'cancelled', 'suppressed', 'missed')),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint reminders_one_kind check ((at is null) <> (before_due is null))
);

create index reminders_by_task    on reminders (task_id);
create index reminders_by_user    on reminders (user_id, status, fire_at);
create index reminders_pending    on reminders (fire_at) where status = 'pending';

-- Transactional outbox: a state change and its events commit together; the relay publishes rows in
-- id order (per-task order is kept because one relay holds an advisory lock) and deletes them.
create table outbox (
    id          bigserial primary key,
    event_id    uuid        not null,
    topic       text        not null,
    message_key text        not null,
    type        text        not null,
    source      text        not null,
    subject     text,
    occurred_at timestamptz not null,
    data        bytea       not null
);

-- Idempotent consumers: (consumer, ce-id) is recorded in the same transaction as the side effect.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
