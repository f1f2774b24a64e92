-- Mini-program packages, content-addressed by the SHA-256 of their bytes (PackageStore). A package's bytes are
-- rows of package_chunk, at most one chunk in memory at a time on the way in and out; the packages row is written
-- last, in the same transaction, so a package that exists is whole.
create table package (
    digest            char(64)      primary key,
    size              bigint        not null,
    entries           integer       not null,
    -- The manifest's permission names, comma separated, which a version's declared permissions must cover.
    permissions       varchar(1000) not null,
    stored_at         timestamp     not null
);

create table package_chunk (
    digest varchar(64) not null,
    seq    integer     not null,
    data   bytea       not null,
    primary key (digest, seq)
);

-- Who uploaded which package: a version may only name a package its submitter uploaded, and an unreleased package
-- is delivered only to its uploaders (and reviewers). The same bytes uploaded by two developers are stored once.
create table package_upload (
    digest      varchar(64)  not null,
    uploader_id varchar(128) not null,
    uploaded_at timestamp    not null,
    primary key (digest, uploader_id)
);
create index package_upload_uploaded_at on package_upload (uploaded_at);

-- Which versions name which package, kept by PackageReferences in the transaction of the version's events.
-- A package of a released (or since superseded) version is public; one no version names is deleted 24 h after
-- its last upload.
create table package_reference (
    program_id varchar(64)  not null,
    version    varchar(100) not null,
    digest     varchar(64)  not null,
    released   boolean      not null,
    primary key (program_id, version)
);
create index package_reference_digest on package_reference (digest);
