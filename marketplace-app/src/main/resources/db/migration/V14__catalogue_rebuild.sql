-- A catalogue rebuild builds a new index behind the live one (CatalogueRebuilds). Its installs and ratings are
-- rebuilt in tables of their own, not shared with the live processor's, and copied over at the switch.
create table catalogue_install_rebuild (
    program_id varchar(64)  not null,
    user_id    varchar(255) not null,
    primary key (program_id, user_id)
);

create table rating_view_rebuild (
    rating_id  varchar(400)             primary key,
    program_id varchar(64)              not null,
    user_id    varchar(255)             not null,
    stars      integer                  not null,
    text       varchar(8000),
    reply      varchar(8000),
    hidden     boolean                  not null,
    flag_count integer                  not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

-- One row per catalogue (the primary key): only one rebuild runs across the cluster, and the nodes take turns on
-- it by locking this row.
create table catalogue_rebuild (
    catalogue      varchar(64)              primary key,
    state          varchar(16)              not null,
    building_index varchar(255)             not null,
    old_index      varchar(255),
    started_by     varchar(255)             not null,
    started_at     timestamp with time zone not null,
    total          bigint                   not null,
    switched_at    timestamp with time zone,
    failure        varchar(1000)
);
