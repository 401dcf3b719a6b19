-- The task list over 100,000 tasks of one user (issue #18, docs/benchmarks.md).
--
-- The task list's search and tag filters read GIN indexes. By default a GIN index collects new entries in a pending
-- list (up to gin_pending_list_limit, 4 MB, for all users together) until vacuum merges them, and every search reads
-- that whole list: at 100,000 tasks the prefix search "prep:* & pres:*" read 208 index pages with a full list and 12
-- without (docs/benchmarks.md). Each write now updates the indexes directly, ~0.1 ms more CPU per task insert, and no
-- insert pays for merging a full list.
alter index tasks_search set (fastupdate = off);
alter index tasks_tags set (fastupdate = off);
select gin_clean_pending_list('tasks_search'::regclass);
select gin_clean_pending_list('tasks_tags'::regclass);

-- A completed range is read before it is sorted (TaskListing), so its index holds every sort key: the range's tasks are
-- sorted from the index alone and only a page of them is read from the table.
create index tasks_done_for_lists on tasks (user_id, completed_at) include (updated_at, created_at, priority, due_at, title, id)
    where completed_at is not null;
drop index tasks_by_completed;
