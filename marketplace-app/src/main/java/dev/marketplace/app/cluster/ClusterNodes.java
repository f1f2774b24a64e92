package dev.marketplace.app.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code cluster_node} table: which nodes are alive, judged by how fresh their heartbeat is, and how many
 * segments of a processor each owner holds in the token store. Heartbeats are instants (a time-zoned column), so
 * nodes in different time zones agree; node clocks are assumed to agree to well within the
 * node timeout (NTP), since each node writes its own time.
 */
class ClusterNodes {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClusterNodes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void beat(String nodeId) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update cluster_node set last_seen = ? where node_id = ?", now, nodeId) == 0) {
            jdbc.update("insert into cluster_node (node_id, last_seen) values (?, ?)", nodeId, now);
        }
    }

    List<String> live(Duration timeout) {
        return jdbc.queryForList("select node_id from cluster_node where last_seen > ? order by node_id", String.class,
                                 Timestamp.from(clock.instant().minus(timeout)));
    }

    /** Rows of nodes gone far longer than any pause a live node could have. */
    void forgetGone(Duration timeout) {
        jdbc.update("delete from cluster_node where last_seen < ?", Timestamp.from(clock.instant().minus(timeout.multipliedBy(10))));
    }

    void leave(String nodeId) {
        jdbc.update("delete from cluster_node where node_id = ?", nodeId);
    }

    /** Segments of {@code processor} per claiming owner, as the shared token store has them now. */
    Map<String, Integer> claimsByOwner(String processor) {
        Map<String, Integer> claims = new HashMap<>();
        jdbc.query("select owner_id, count(*) from token_entry where processor_name = ? and owner_id is not null"
                   + " group by owner_id", rs -> {
                       claims.put(rs.getString(1), rs.getInt(2));
                   }, processor);
        return claims;
    }
}
