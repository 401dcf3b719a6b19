-- The assistant's turns answered by a language model (the assistant function owns this table): one row per user, the
-- turns counted in the current hour, so a limit per user and hour holds across every instance of the function.
create table assistant_model_turns (
    user_id      uuid        primary key references users (id) on delete cascade,
    hour_start   timestamptz not null,
    turns        integer     not null
);
