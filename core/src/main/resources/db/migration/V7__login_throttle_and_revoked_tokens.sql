-- Accounts (task-crud owns these tables; every function that authenticates users reads revoked_tokens).
--
-- Login attempts per key ('account:<email as typed, lower-case>' or 'address:<client address>') in a fixed window:
-- an attempt is counted before its password is checked (so parallel guesses cannot slip past the limit) and taken
-- back when it succeeds. A key whose window has passed is reset on its next attempt and deleted by the next login
-- that finds it stale, so the table holds at most the keys tried within one window.
create table login_throttle (
    key          text primary key,
    attempts     integer     not null,
    window_start timestamptz not null
);

create index login_throttle_by_window on login_throttle (window_start);

-- Tokens revoked by logout, by their jti, until they would have expired anyway (then the row is deleted).
create table revoked_tokens (
    jti        uuid primary key,
    user_id    uuid        not null,
    expires_at timestamptz not null,
    revoked_at timestamptz not null default clock_timestamp()
);

create index revoked_tokens_by_revoked_at on revoked_tokens (revoked_at);
create index revoked_tokens_by_expiry on revoked_tokens (expires_at);
