-- One row per running marketplace node, refreshed every few seconds. Nodes count the fresh rows to know how many
-- share the work, and hand surplus event-processor segments to newcomers (SegmentBalancer).
create table cluster_node (
    node_id    varchar(255) not null primary key,
    last_seen  timestamp with time zone not null
);
