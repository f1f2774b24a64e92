-- Current installations, kept by the write side so that rating can require the program to be installed (see
-- InstallationLookup). A row exists exactly while its installation is installed.
create table installation (
    program_id varchar(64)  not null,
    user_id    varchar(255) not null,
    primary key (program_id, user_id)
);
