-- Webhooks (dev.marketplace.app.webhooks). The secret signs every delivery, so it is kept as given (it is shown to
-- its owner only once); deleting an endpoint keeps its rows for the delivery log, marked deleted.
create table webhook (
    id         varchar(64)              primary key,
    owner_id   varchar(255)             not null,
    url        varchar(2048)            not null,
    events     varchar(400)             not null,
    secret     varchar(100)             not null,
    created_at timestamp with time zone not null,
    deleted_at timestamp with time zone
);

create index webhook_by_owner on webhook (owner_id, created_at);

-- Who owns each program, as the webhook processor learns it from registrations: deliveries go to the owner's endpoints.
create table webhook_program (
    program_id   varchar(64)  primary key,
    developer_id varchar(255) not null
);

-- One row per event and endpoint, written in the webhook processor's transaction (so once, whatever redelivers the
-- event); the sender claims due rows for a while, so one node sends each attempt.
create table webhook_delivery (
    id              varchar(300)             primary key,
    webhook_id      varchar(64)              not null,
    event_id        varchar(255)             not null,
    event_type      varchar(40)              not null,
    payload         varchar(1000000)         not null,
    status          varchar(16)              not null,
    attempts        integer                  not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_status     integer,
    last_error      varchar(1000),
    constraint webhook_delivery_once unique (webhook_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_by_webhook on webhook_delivery (webhook_id, created_at);
