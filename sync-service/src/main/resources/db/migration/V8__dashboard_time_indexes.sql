-- The dashboard counts recent events and outbound attempts per minute. Both tables are append-only
-- and their timestamps follow insertion order, so a BRIN index answers "the last N minutes" cheaply
-- and costs writers next to nothing (unlike a btree on every insert).
create index inbound_event_received_brin on inbound_event using brin (received_at);
create index command_attempt_at_brin on command_attempt using brin (at);
