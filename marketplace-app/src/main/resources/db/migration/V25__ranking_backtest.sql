-- Ranking backtests (RankingBacktests): one row each, written by the node that runs it, read by every node. The
-- figures are JSON text, written once when the backtest is done.
create table ranking_backtest (
    id           varchar(64)              primary key,
    state        varchar(16)              not null,
    started_by   varchar(255)             not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    period_from  timestamp with time zone not null,
    period_to    timestamp with time zone not null,
    weights      varchar(1000)            not null,
    sessions     bigint                   not null,
    evaluated    bigint                   not null,
    result       text,
    failure      varchar(1000)
);

create index ranking_backtest_by_start on ranking_backtest (started_at desc);
