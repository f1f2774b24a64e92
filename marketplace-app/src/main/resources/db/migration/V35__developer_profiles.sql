-- Developers as the catalogue processor sees them (CatalogueProjection), kept in its own transaction: the profile
-- every program page shows and the verified badge every catalogue document of theirs carries. Which programs a
-- developer has is kept beside it, so a badge given or taken reaches every one of their documents, a rebuild's
-- unrefreshed index included. The _rebuild tables are a rebuild's own, copied over at its switch.
create table catalogue_developer (
    developer_id  varchar(255) primary key,
    display_name  varchar(400),
    website       varchar(2048),
    contact_email varchar(254),
    verified      boolean      not null
);

create table catalogue_developer_rebuild (
    developer_id  varchar(255) primary key,
    display_name  varchar(400),
    website       varchar(2048),
    contact_email varchar(254),
    verified      boolean      not null
);

create table catalogue_program_developer (
    program_id   varchar(64)  primary key,
    developer_id varchar(255) not null
);

create index catalogue_program_developer_by_developer on catalogue_program_developer (developer_id);

create table catalogue_program_developer_rebuild (
    program_id   varchar(64)  primary key,
    developer_id varchar(255) not null
);

create index catalogue_program_developer_rebuild_by_developer on catalogue_program_developer_rebuild (developer_id);

-- An admin's decision about a developer (verified, unverified) is about no program.
alter table audit_entry alter column program_id drop not null;
