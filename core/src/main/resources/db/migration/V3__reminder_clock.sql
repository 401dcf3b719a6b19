-- Version 3: what reminder-fire, the system's clock, needs.
--
-- Owner: reminder-fire.

-- Each due time of an open series instance is signalled (task.due published) at most once, whether its Dapr job or
-- the sweep gets there first, and however often either runs.
create table due_signals (
    task_id      uuid        not null references tasks (id) on delete cascade,
    due_at       timestamptz not null,
    signalled_at timestamptz not null,
    primary key (task_id, due_at)
);

-- The sweep looks for open series instances whose due time has passed, across all users.
create index tasks_open_instances_by_due on tasks (due_at) where series_id is not null and status <> 'done';
