-- Names in use, kept by the write side so that registration can refuse a taken name (see ProgramNameLookup).
create table program_name (
    normalized_name varchar(200) primary key,
    program_id      varchar(64)  not null
);
