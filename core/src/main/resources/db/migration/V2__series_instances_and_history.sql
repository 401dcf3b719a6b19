-- Version 2: series instances are numbered, and each series keeps its history.
--
-- Owners: task-crud writes an instance number 1 and the history's created/stopped entries when a series
-- starts or stops; recurrence-handler writes every later instance and the completed/missed/created/finished
-- entries.

-- The n-th instance of a series. (series_id, series_instance) is unique: completing instance n creates instance
-- n + 1 at most once, however often or in whatever order the completion events arrive.
alter table tasks add column series_instance integer check (series_instance >= 1);
update tasks set series_instance = 1 where series_id is not null;
alter table tasks add constraint tasks_series_instance_once unique (series_id, series_instance);

-- What happened to a series, occurrence by occurrence. task_id has no foreign key: the history outlives a
-- deleted instance. The unique key makes recording idempotent: a redelivered event adds nothing.
create table series_history (
    id            bigserial primary key,
    series_id     uuid        not null references series (id) on delete cascade,
    kind          text        not null check (kind in ('created', 'completed', 'missed', 'stopped', 'finished')),
    task_id       uuid,
    occurrence_at timestamptz,                        -- the occurrence's due time; null for stopped and finished
    recorded_at   timestamptz not null,
    constraint series_history_once unique nulls not distinct (series_id, kind, task_id, occurrence_at)
);

create index series_history_by_series on series_history (series_id, id);
