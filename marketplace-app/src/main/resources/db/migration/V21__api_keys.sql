-- API keys for CI jobs (ApiKeys): the key itself is shown once and never stored; only its SHA-256 is. The prefix is
-- the key's public part, shown in lists and used to find the row; every request with a key reads its row here, so a
-- revocation holds on every node from its commit on.
create table api_key (
    id           varchar(32)              primary key,
    owner_id     varchar(255)             not null,
    name         varchar(100)             not null,
    secret_hash  varchar(64)              not null,
    scopes       varchar(200)             not null,
    roles        varchar(100)             not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone
);

create index api_key_by_owner on api_key (owner_id, created_at);
