-- What other aggregates may know of a program (owner, status); kept by ProgramDirectoryLookup in the same
-- transaction as the program's events.
create table program_directory (
    program_id   varchar(64)  primary key,
    developer_id varchar(128) not null,
    status       varchar(16)  not null
);
