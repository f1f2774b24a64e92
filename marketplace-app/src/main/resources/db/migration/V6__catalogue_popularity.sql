-- Read-side tables of the catalogue processor, written in the same transaction as its tracking token: who has a
-- program installed and every rating as clients see it. Counts and histograms are computed from these rows, so
-- processing an event twice (after a crash) or replaying all events can never count anything twice.
create table catalogue_install (
    program_id varchar(64)  not null,
    user_id    varchar(255) not null,
    primary key (program_id, user_id)
);

create table rating_view (
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

create index rating_view_by_program on rating_view (program_id, updated_at desc, rating_id);
