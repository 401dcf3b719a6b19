-- The assistant's conversations (the assistant function owns these tables). A conversation remembers the task of its
-- last turn ("it", "that") and the question it is waiting on: which of several tasks a name meant (the sentence asked,
-- and the candidates), or an offer ("show all tasks?") that a "yes" takes up.
create table assistant_conversations (
    id                 uuid primary key,
    user_id            uuid        not null references users (id) on delete cascade,
    title              text        not null,              -- the first thing said, shortened
    last_task_id       uuid,
    pending_text       text,                              -- a sentence waiting for the user to pick a task
    pending_candidates uuid[],
    pending_offer      text,                              -- an offer waiting for a yes: 'show_all'
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create index assistant_conversations_by_user on assistant_conversations (user_id, updated_at desc, id desc);

create table assistant_messages (
    id              bigserial primary key,
    conversation_id uuid        not null references assistant_conversations (id) on delete cascade,
    role            text        not null check (role in ('user', 'assistant')),
    text            text        not null,
    reply           text,                                 -- the assistant's whole answer as JSON (actions, tasks, choices)
    created_at      timestamptz not null
);

create index assistant_messages_by_conversation on assistant_messages (conversation_id, id);
