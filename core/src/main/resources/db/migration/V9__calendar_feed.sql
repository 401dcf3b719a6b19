-- A user's calendar feed (task-crud): GET /api/v1/calendar/{token}.ics, where the token is the only secret. Only its
-- SHA-256 is kept, so the table does not hold a usable URL; one feed per user, replaced when rotated, deleted when revoked.
create table calendar_feeds (
    user_id    uuid primary key references users (id) on delete cascade,
    token_hash bytea       not null unique,
    created_at timestamptz not null
);
