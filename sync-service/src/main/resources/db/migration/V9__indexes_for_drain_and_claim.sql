-- Indexes for the two hot queries, found with issue 9's drain benchmark (docs/BENCHMARKS.md #3).

-- Workers load the field state of everyone in a batch with "record_key = any(...)", and the trace reads
-- one person's state. With the key led by system, neither could use the index: every batch scanned the
-- whole table, so planning slowed down as the number of people grew. Lead the key with the person.
alter table field_state drop constraint field_state_pkey;
alter table field_state add primary key (record_key, system, field);

-- The dispatcher's claim walks one target's pending commands of one class (live, then backfill) in id
-- order and stops at its limit; for each candidate it asks whether an older command of the same person
-- is still pending (leased or backing off). The old indexes made it read every due command and sort
-- them (seconds per claim with a 25,000-command backlog) and scan every person's finished commands too.
drop index outbound_command_pending;
drop index outbound_command_pending_live;
create index outbound_command_pending_class on outbound_command (target, priority, id) where status = 'pending';
create index outbound_command_pending_person on outbound_command (target, record_key, id) where status = 'pending';

-- Queue tables turn over all their rows within seconds: vacuum and analyze them after a fixed number of
-- changes instead of a share of the table, so dead rows and stale statistics do not pile up behind a burst.
alter table inbound_queue set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
alter table outbound_command set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
