-- Inbound events: every accepted webhook or polled change, stored raw before the sender gets its 2xx.
-- Immutable once written; the queue state lives in the narrow inbound_queue table.
create table inbound_event (
    id           bigserial primary key,
    source       text        not null,
    dedup_key    text        not null,
    event_type   text        not null,
    email        text,
    occurred_at  timestamptz,
    received_at  timestamptz not null default now(),
    auth_method  text,
    payload      bytea       not null,
    constraint inbound_event_dedup unique (source, dedup_key)
);
create index inbound_event_email on inbound_event (email);

-- Events waiting for a worker. A row is deleted in the transaction that writes the event's commands.
create table inbound_queue (
    event_id     bigint      primary key references inbound_event (id),
    attempts     int         not null default 0,
    available_at timestamptz not null default now(),
    last_error   text
);
create index inbound_queue_available on inbound_queue (available_at, event_id);

-- The outbox: commands for target systems, written in the transaction that completes the inbound event.
create table outbound_command (
    id               bigserial primary key,
    target           text        not null,
    record_key       text        not null,
    kind             text        not null,
    idempotency_key  text,
    payload          jsonb       not null,
    inbound_event_id bigint references inbound_event (id),
    status           text        not null default 'pending',
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    created_at       timestamptz not null default now(),
    done_at          timestamptz,
    constraint outbound_command_status check (status in ('pending', 'done', 'dead'))
);
create index outbound_command_pending on outbound_command (target, next_attempt_at, id) where status = 'pending';
create index outbound_command_person on outbound_command (record_key, target, id);
-- An activity (note, task) is commanded at most once per target, whatever replays happen.
create unique index outbound_command_activity_once on outbound_command (target, idempotency_key)
    where idempotency_key is not null;

-- Every attempt to send a command, with the target's answer: the trace's "outbound calls".
create table command_attempt (
    id          bigserial primary key,
    command_id  bigint      not null references outbound_command (id),
    attempt     int         not null,
    outcome     text        not null,
    http_status int,
    detail      text,
    at          timestamptz not null default now()
);
create index command_attempt_command on command_attempt (command_id);

-- Commands that will not succeed by retrying, kept for an admin to inspect and replay.
create table dead_letter (
    id          bigserial primary key,
    command_id  bigint      not null references outbound_command (id),
    target      text        not null,
    record_key  text        not null,
    kind        text        not null,
    payload     jsonb       not null,
    error_kind  text        not null,
    reason      text        not null,
    attempts    int         not null,
    created_at  timestamptz not null default now(),
    replayed_at timestamptz
);
create index dead_letter_open on dead_letter (created_at) where replayed_at is null;

-- One person across systems: their id in each system, as it becomes known.
create table identity_link (
    email       text        not null,
    system      text        not null,
    external_id text        not null,
    updated_at  timestamptz not null default now(),
    primary key (email, system)
);
create index identity_link_external on identity_link (system, external_id);

-- Per system, record and field: the last value the engine applied, its source and observation time.
-- The last-updated-by-source guard and the ordering guard read it; the trace shows it.
create table field_state (
    system      text        not null,
    record_key  text        not null,
    field       text        not null,
    value       text        not null,
    source      text        not null,
    observed_at timestamptz not null,
    updated_at  timestamptz not null default now(),
    primary key (system, record_key, field)
);

-- Every decision the rules took, with its reason: why a change did or did not flow.
create table decision (
    id          bigserial primary key,
    event_id    bigint      not null references inbound_event (id),
    email       text,
    target      text        not null,
    subject     text        not null,
    outcome     text        not null,
    value       text,
    reason      text        not null,
    at          timestamptz not null default now()
);
create index decision_event on decision (event_id);
create index decision_email on decision (email);

-- Poll positions of change feeds (used by pollers in later issues).
create table sync_cursor (
    name       text primary key,
    position   text        not null,
    updated_at timestamptz not null default now()
);
