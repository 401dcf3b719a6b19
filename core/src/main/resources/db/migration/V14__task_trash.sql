-- A deleted task is kept in the trash for 30 days and can be restored (issue #19, docs/decisions.md). Its row leaves
-- tasks, so no list, index or query on tasks has to leave trashed tasks out; restoring puts the row back, same id.
-- Owned by task-crud.
create table task_trash (
    task_id        uuid primary key,
    user_id        uuid        not null references users (id) on delete cascade,
    task           jsonb       not null,   -- the tasks row as it was (to_jsonb; read back with jsonb_populate_record)
    reminders      jsonb       not null,   -- its pending reminders: [{at, before_due}], armed again on restore
    series_stopped boolean     not null,   -- the delete stopped the task's series: a restore resumes it
    deleted_at     timestamptz not null
);

create index task_trash_by_user on task_trash (user_id, deleted_at desc);

alter table activity drop constraint activity_type_check;
alter table activity add constraint activity_type_check
    check (type in ('created', 'updated', 'completed', 'reopened', 'deleted', 'restored'));

alter table series_history drop constraint series_history_kind_check;
alter table series_history add constraint series_history_kind_check
    check (kind in ('created', 'completed', 'missed', 'stopped', 'finished', 'resumed'));
