-- Names that look alike are the same name: the lookup table's key becomes the confusable skeleton of the
-- normalised name (ProgramNames.key), which only ICU computes. This copies the rows with the normalised name as a
-- stand-in key; the repeatable Java migration ProgramNameRekeying, which runs after every versioned one, then puts
-- in the real keys, and does so again whenever the skeleton's definition (the ICU version) changes. The key column
-- holds ProgramNames.KEY_MAX characters, plus a separator and a program id for a name found shadowed by an older
-- look-alike.
alter table program_name rename to program_name_v2;

create table program_name (
    name_key        varchar(480) primary key,
    normalized_name varchar(200) not null,
    program_id      varchar(64)  not null
);

insert into program_name (name_key, normalized_name, program_id)
select normalized_name, normalized_name, program_id from program_name_v2;

drop table program_name_v2;

create index program_name_program on program_name (program_id);
