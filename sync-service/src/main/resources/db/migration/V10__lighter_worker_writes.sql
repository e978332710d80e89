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

-- The engagement score kept one row per counted event (_engagement.open.<email>,
-- _engagement.<kind>.<email>.<epoch-ms>), so a person's state, which every batch loads whole, grew by a
-- row per event: a lead with forty events cost four times what a new one did. They are one JSON list per
-- person now, _engagement.counted, holding the same markers without the prefix.
insert into field_state (system, record_key, field, value, source, observed_at, updated_at)
select system, record_key, '_engagement.counted',
       jsonb_agg(substr(field, length('_engagement.') + 1) order by observed_at, field)::text,
       min(source), max(observed_at), now()
from field_state
where field like '\_engagement.%' and field <> '_engagement.score' and field <> '_engagement.counted'
  and field not like '\_engagement.engaged.%' and field not like '\_engagement.completed.%'
group by system, record_key
on conflict (system, record_key, field) do nothing;

delete from field_state
where field like '\_engagement.%' and field <> '_engagement.score' and field <> '_engagement.counted'
  and field not like '\_engagement.engaged.%' and field not like '\_engagement.completed.%';
