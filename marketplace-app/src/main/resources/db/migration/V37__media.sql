-- Listing images (MediaStore), content-addressed by the SHA-256 of their re-encoded bytes, in chunks like packages:
-- the media row is written last in the same transaction, so an image that exists is whole.
create table media (
    digest       char(64)     primary key,
    content_type varchar(50)  not null,
    width        integer      not null,
    height       integer      not null,
    size         bigint       not null,
    uploaded_by  varchar(255) not null,
    stored_at    timestamp with time zone not null
);

create table media_chunk (
    digest varchar(64) not null,
    seq    integer     not null,
    data   bytea       not null,
    primary key (digest, seq)
);
