-- Windows in which a vendor delivered no webhooks because it had disabled our subscription. The
-- webhook watchdog writes one row per subscription it resumes; a reconcile/backfill job fills the
-- window [paused_since, resumed_at) from the vendor's API and sets reconciled_at.
create table webhook_gap (
    id              bigserial primary key,
    system          text        not null,
    subscription_id text        not null,
    paused_since    timestamptz not null,
    resumed_at      timestamptz not null,
    reconciled_at   timestamptz null
);

create index webhook_gap_unreconciled on webhook_gap (system, paused_since) where reconciled_at is null;
