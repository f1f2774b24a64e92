-- The audit log's read model (AuditLogProjection): one row per decision a reviewer or admin made, keyed by the
-- event's id so that replaying an event writes the same row again. The actor is in each event's serialised
-- metadata, which no index can reach; this table is what makes "every decision of one user" an index range.
create table audit_entry (
    event_id   varchar(255)             primary key,
    actor      varchar(255)             not null,
    at         timestamp with time zone not null,
    program_id varchar(64)              not null,
    subject_id varchar(400)             not null,
    type       varchar(100)             not null,
    summary    varchar(8000)            not null
);

create index audit_entry_by_actor on audit_entry (actor, at, event_id);
