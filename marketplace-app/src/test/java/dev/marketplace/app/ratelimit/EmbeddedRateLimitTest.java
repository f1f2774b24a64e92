package dev.marketplace.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.MarketplaceApplication;
import dev.marketplace.app.support.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default's database, H2, cannot hold Bucket4j's PostgreSQL buckets (it lacks {@code ON CONFLICT}):
 * there, with one process by nature, the buckets live in memory and the limit still holds, while the shared table
 * the migration creates stays empty.
 */
class EmbeddedRateLimitTest {

    @Test
    void onH2TheLimitHoldsWithBucketsInMemory() throws Exception {
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(MarketplaceApplication.class).run(
                "--server.port=0", "--marketplace.cluster.node-id=embedded",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--marketplace.catalogue.index-prefix=embedded-" + UUID.randomUUID() + "-",
                "--marketplace.rate-limit.per-user.capacity=2", "--marketplace.rate-limit.per-user.per-second=0.001")) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            String token = Tokens.forUser("embedded-user", Role.USER);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(Searches.search(port, token).statusCode());
            }

            assertThat(statuses).containsExactly(200, 200, 429);
            assertThat(node.getBean(JdbcTemplate.class).queryForObject("select count(*) from rate_limit_bucket",
                                                                       Integer.class)).isZero();
        }
    }
}
