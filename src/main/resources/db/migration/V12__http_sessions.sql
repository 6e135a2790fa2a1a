-- HTTP sessions, kept by Spring Session JDBC so that every node of a house (and a node after a
-- restart) knows a signed-in user. The tables and columns are the ones Spring Session 4.1 reads and
-- writes (its schema-h2.sql and schema-postgresql.sql); written here in the common subset of H2 and
-- PostgreSQL (BYTEA is H2's alias for BINARY VARYING), so Flyway owns them like every other table.
-- Times are epoch milliseconds, the inactive interval is in seconds.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
-- The clean-up deletes by expiry time; finding a user's sessions goes by principal name.
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

-- Session attributes (the signed-in user, the CSRF token...), serialized by Java serialization.
create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
