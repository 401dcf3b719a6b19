-- The activity log: who changed what in a task, and when (notify writes these from task-events; task-crud reads them
-- for GET /tasks/{id}/activity and GET /activity).

-- One entry per task event, whatever how often it was delivered (event_id is its ce-id). No reference to tasks: a
-- deleted task's history stays readable by its user.
create table activity (
    id       uuid primary key,
    user_id  uuid        not null references users (id) on delete cascade,
    task_id  uuid        not null,
    event_id text        not null unique,
    type     text        not null check (type in ('created', 'updated', 'completed', 'reopened', 'deleted')),
    at       timestamptz not null,                  -- the event's ce-time: when the change was made
    actor    text,                                  -- the function that made it (task-crud: the user; assistant; recurrence-handler)
    changes  jsonb       not null                   -- [{field, from, to}], values as text or null
);

create index activity_by_user on activity (user_id, at desc, id desc);
create index activity_by_task on activity (task_id, at desc, id desc);

-- Task events carry the new state only: the last snapshot seen of each task is what the next one is compared with.
-- Events of one task arrive in order (one partition, keyed by task id). Removed when the task is deleted.
create table activity_snapshots (
    task_id uuid primary key,
    user_id uuid  not null references users (id) on delete cascade,
    task    jsonb not null
);
