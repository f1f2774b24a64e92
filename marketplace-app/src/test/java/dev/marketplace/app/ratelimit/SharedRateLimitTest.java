package dev.marketplace.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.MarketplaceApplication;
import dev.marketplace.app.support.PostgresTestDatabase;
import dev.marketplace.app.support.Tokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two marketplace nodes (application contexts in this JVM) on one PostgreSQL database: one user's requests spread
 * over both count against one limit, not one per node. Each node may run ahead of the shared bucket by the share it
 * takes between synchronisations ({@link RateLimitBuckets#UNSYNCED_SHARE_PERCENT} % of the capacity).
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedRateLimitTest {

    static final int CAPACITY = 20;
    static final int UNSYNCED_PER_NODE = Math.max(1, CAPACITY * RateLimitBuckets.UNSYNCED_SHARE_PERCENT / 100);

    final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    void startTwoNodes() {
        String database = PostgresTestDatabase.create();
        for (String node : List.of("limit-a", "limit-b")) {
            nodes.add(new SpringApplicationBuilder(MarketplaceApplication.class).run(
                    "--server.port=0", "--marketplace.cluster.node-id=" + node,
                    "--spring.datasource.url=" + PostgresTestDatabase.SERVER + database,
                    "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
                    "--marketplace.catalogue.index-prefix=" + database.replace('_', '-') + "-",
                    "--marketplace.rate-limit.per-user.capacity=" + CAPACITY,
                    "--marketplace.rate-limit.per-user.per-second=0.001",
                    "--marketplace.rate-limit.per-address.capacity=100000",
                    "--marketplace.rate-limit.per-address.per-second=100000"));
        }
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void oneUsersLimitHoldsAcrossTwoNodes() throws Exception {
        String token = Tokens.forUser("spread-user", Role.USER);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 2 * CAPACITY; i++) {
            int status = search(nodes.get(i % 2), token).statusCode();
            assertThat(status).isIn(200, 429);
            if (status == 200) {
                accepted++;
            } else {
                refused++;
            }
        }

        assertThat(accepted).as("accepted of %d over two nodes (one bucket each would accept all)", 2 * CAPACITY)
                            .isBetween(CAPACITY, CAPACITY + 2 * UNSYNCED_PER_NODE);
        assertThat(refused).isEqualTo(2 * CAPACITY - accepted);
        JdbcTemplate db = nodes.get(0).getBean(JdbcTemplate.class);
        assertThat(db.queryForObject("select count(*) from rate_limit_bucket where id = 'user:spread-user'",
                                     Integer.class)).as("the user's bucket, kept in the shared database").isOne();
    }

    private static HttpResponse<String> search(ConfigurableApplicationContext node, String token) throws Exception {
        return Searches.search(((WebServerApplicationContext) node).getWebServer().getPort(), token);
    }
}
