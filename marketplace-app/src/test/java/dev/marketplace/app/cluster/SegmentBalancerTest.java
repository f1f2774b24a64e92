package dev.marketplace.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * One real node and a second one that only beats its heart in {@code cluster_node}: the real node gives up half
 * of the catalogue's segments while the other counts as live, and takes them all back once it falls silent.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = "marketplace.cluster.node-id=node-under-test")
class SegmentBalancerTest {

    static final String ME = "node-under-test";

    @Autowired
    JdbcTemplate jdbc;
    @Value("${axon.eventhandling.processors.catalogue.initial-segment-count}")
    int segments;

    @Test
    void aLiveNeighbourGetsHalfTheSegmentsAndASilentOneLosesThem() {
        assertThat(segments).as("an even number, to be halved").isEven();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(claims()).isEqualTo(Map.of(ME, segments)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            beatAs("neighbour");
            assertThat(claims().get(ME)).as("segments kept while a neighbour is live").isEqualTo(segments / 2);
        });

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(claims()).as("the neighbour fell silent").isEqualTo(Map.of(ME, segments)));
    }

    private void beatAs(String node) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("update cluster_node set last_seen = ? where node_id = ?", now, node) == 0) {
            jdbc.update("insert into cluster_node (node_id, last_seen) values (?, ?)", node, now);
        }
    }

    private Map<String, Integer> claims() {
        Map<String, Integer> claims = new HashMap<>();
        jdbc.query("select owner_id, count(*) from token_entry where processor_name = 'catalogue'"
                   + " and owner_id is not null group by owner_id", rs -> {
                       claims.put(rs.getString(1), rs.getInt(2));
                   });
        return claims;
    }
}
