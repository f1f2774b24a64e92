-- Reviewers' templates (CannedResponses): each reviewer's own, per rejection reason, or without one for questions
-- asked with requestInformation. Plain rows: a template is a tool, not a decision, so it is not an event.
create table canned_response (
    id          varchar(64)              primary key,
    reviewer_id varchar(255)             not null,
    reason      varchar(40),
    title       varchar(100)             not null,
    text        varchar(8000)            not null,
    updated_at  timestamp with time zone not null
);

create index canned_response_by_reviewer on canned_response (reviewer_id, reason, title);
