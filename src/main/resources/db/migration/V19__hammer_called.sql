-- The hammer in cluster mode is decided in two steps (docs/sales.md): when the clerk's call
-- arrived, the lot records it here; bids that arrived at or after it are refused, and a bid that
-- arrived before it and restarts fair warning clears it. Once the settle window has passed, a
-- hammer still recorded here sells the lot. Kept after the lot closed by it, for the record.
alter table lot add column hammer_called_at timestamp(6) with time zone;
