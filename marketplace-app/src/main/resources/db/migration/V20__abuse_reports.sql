-- Abuse reports as the reviewers' queue and each reporter's own list read them (AbuseReportProjection): one row per
-- report aggregate, rewritten whole by each of its events and skipped when the row has seen the event's sequence.
create table abuse_report (
    report_id          varchar(400)             primary key,
    program_id         varchar(64)              not null,
    reporter_id        varchar(255)             not null,
    reason             varchar(32)              not null,
    text               varchar(8000),
    status             varchar(32)              not null,
    resolution_comment varchar(8000),
    resolved_by        varchar(255),
    reported_at        timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    resolved_at        timestamp with time zone,
    sequence           bigint                   not null
);

-- The queue counts open reports per program and reads them by status; reporters read their own.
create index abuse_report_by_program on abuse_report (program_id, status);
create index abuse_report_by_status on abuse_report (status, reported_at);
create index abuse_report_by_reporter on abuse_report (reporter_id, reported_at);
