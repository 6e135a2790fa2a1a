-- Every event has been chained (15.1): from now on none may be stored without its hashes, so a node
-- still running code from before the chain cannot write an event that breaks it.
alter table lot_event alter column prev_hash set not null;
alter table lot_event alter column hash set not null;
