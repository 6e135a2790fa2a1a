-- Who lost the lead through an event (never public): kept with the event so that every node of a
-- house, not only the one that decided the bid, can tell that bidder they were outbid.
alter table lot_event add column outbid_user_id bigint;
