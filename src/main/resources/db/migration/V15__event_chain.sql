-- A hash chain per lot over its event log (docs/ledger.md): each event keeps the hash it chains from
-- (the previous event's, or the lot's genesis value for the first) and its own; the lot keeps the
-- hash of its last event, as it keeps its last sequence, so the next event chains without reading
-- the log. Events stored before this migration are chained by the Java migration 15.1
-- (auction/EventChainMigration), then V15_2 makes every event carry its hashes. Written in the
-- common subset of H2 and PostgreSQL.
alter table lot_event add column prev_hash varchar(64);
alter table lot_event add column hash varchar(64);
alter table lot add column last_hash varchar(64);
