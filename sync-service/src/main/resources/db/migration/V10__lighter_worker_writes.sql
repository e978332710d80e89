-- Fewer writes per event on the workers' path, found with issue 9's drain benchmark (docs/BENCHMARKS.md #3).

-- Workers update a person's field state on almost every event (the engagement score, the list of writes
-- in flight). Leave a quarter of each new page free, so an update can put the row's new version on the
-- same page and skip the key index (a heap-only update): one WAL record instead of three or four, and
-- no index growth. Pages written before this migration get the room when the table is next rewritten
-- (VACUUM FULL or pg_repack); nothing needs doing for that.
alter table field_state set (fillfactor = 75);

-- Stored events are never updated or deleted, so these foreign keys guarded nothing, yet each checked
-- row locked its event (FOR KEY SHARE): a WAL record and a dirtied page of inbound_event for every
-- queued event, decision and command.
alter table inbound_queue drop constraint inbound_queue_event_id_fkey;
alter table decision drop constraint decision_event_id_fkey;
alter table outbound_command drop constraint outbound_command_inbound_event_id_fkey;

-- Nothing reads decisions by event alone (the trace reads them by person, through decision_email).
drop index decision_event;
