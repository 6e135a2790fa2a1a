-- Lots a bidder keeps an eye on. Written in the common subset of H2 and PostgreSQL.
create table watch (
    user_id    bigint not null references app_user (id),
    lot_id     bigint not null references lot (id),
    created_at timestamp(6) with time zone not null,
    primary key (user_id, lot_id)
);
create index watch_lot_idx on watch (lot_id);
