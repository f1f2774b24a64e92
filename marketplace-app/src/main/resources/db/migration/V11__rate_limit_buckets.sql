-- Rate-limit token buckets shared by every node (Bucket4j's PostgreSQL select-for-update store): one row per user
-- or client address, its state serialised by Bucket4j. expires_at (epoch milliseconds) is when the bucket would be
-- full again and the row can go; the nodes sweep such rows out. The embedded default (H2, one node by nature, as its
-- file admits one process) keeps its buckets in memory and leaves this table empty.
create table rate_limit_bucket (
    id         varchar(200) not null primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
