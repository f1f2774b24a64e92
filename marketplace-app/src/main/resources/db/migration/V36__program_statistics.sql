-- The statistics read model (StatisticsProjection), kept by its own processor in the same transaction as its
-- tracking token, so a batch handled again after a crash rolls back with its counts; a replay empties the tables
-- first. Counts per program, UTC day and version: the version current when an install or rating happened, and for
-- an uninstall the version its installation was counted under, so a version's active installations never go
-- negative. Active installations at the end of a day are the running sum of installs less uninstalls. The day
-- column is stat_date: DAY is a reserved word in H2, the embedded default's database.
create table statistics_program (
    program_id      varchar(64) primary key,
    current_version varchar(64)
);

create table statistics_installation (
    installation_id varchar(400) primary key,
    program_id      varchar(64)  not null,
    version         varchar(64)  not null
);

create table statistics_daily (
    program_id varchar(64) not null,
    stat_date  date        not null,
    version    varchar(64) not null,
    installs   bigint      not null,
    uninstalls bigint      not null,
    ratings    bigint      not null,
    stars      bigint      not null,
    primary key (program_id, stat_date, version)
);
