-- Live sales: a clerk brings the sale's lots up one at a time, calls fair warning, and hammers
-- or passes each. A live lot never closes by the clock; these columns hold where it stands.
alter table lot add column live boolean not null default false;
-- When the clerk brought the lot up (kept after it closed, for the record).
alter table lot add column up_at timestamp(6) with time zone;
-- Set once fair warning was called; every accepted bid after that moves it on. The hammer may
-- fall only once it has passed.
alter table lot add column fair_warning_ends_at timestamp(6) with time zone;
alter table lot add column fair_warning_millis bigint not null default 0;
-- The clerk passed the lot: unsold whatever its bids.
alter table lot add column passed boolean not null default false;

-- The lot the clerk brought up last; the sale's version guards against two clerks bringing up
-- two lots at once.
alter table sale add column current_lot_id bigint;

-- Bidders in the room, known by the paddle number the clerk enters; each is an account of its
-- own (role FLOOR, never signed in to) so its bids go through the engine like everyone's.
create table floor_paddle (
    sale_id  bigint  not null references sale (id),
    paddle   integer not null,
    user_id  bigint  not null references app_user (id),
    primary key (sale_id, paddle)
);
