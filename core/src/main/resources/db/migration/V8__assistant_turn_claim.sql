-- A conversation answers one turn at a time: set while a turn is being answered, cleared when it is recorded. Another
-- turn of the same conversation meanwhile gets 409; a claim older than 30 s (a crashed turn) no longer blocks.
alter table assistant_conversations add column turn_started_at timestamptz;
