package dev.marketplace.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.MarketplaceApplication;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.PostgresTestDatabase;
import dev.marketplace.elasticsearch.LocalElasticsearch;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The marketplace reaches PostgreSQL and Elasticsearch through proxies the test cuts: with Elasticsearch away
 * commands are still accepted and the catalogue catches up afterwards; with PostgreSQL away commands fail fast
 * with a clear error, store nothing, and work again once it is back, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ServiceOutageTest {

    TcpProxy postgres;
    TcpProxy elasticsearch;
    ConfigurableApplicationContext app;
    Marketplace marketplace;
    JdbcTemplate events;

    @BeforeAll
    void start() throws Exception {
        String database = PostgresTestDatabase.create();
        URI es = URI.create(LocalElasticsearch.shared().httpUri());
        postgres = new TcpProxy("127.0.0.1", 5432);
        elasticsearch = new TcpProxy(es.getHost(), es.getPort());
        app = new SpringApplicationBuilder(MarketplaceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--spring.elasticsearch.uris=http://127.0.0.1:" + elasticsearch.port(),
                "--marketplace.catalogue.index-prefix=" + database.replace('_', '-') + "-");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        marketplace = new Marketplace(HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port + "/graphql").responseTimeout(Duration.ofSeconds(30)).build()));
        events = new JdbcTemplate(new DriverManagerDataSource(PostgresTestDatabase.SERVER + database,
                                                              PostgresTestDatabase.USER, ""));
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        postgres.close();
        elasticsearch.close();
    }

    @Test
    void whileElasticsearchIsAwayCommandsAreAcceptedAndTheCatalogueCatchesUpAfterwards(CapturedOutput output) {
        elasticsearch.cut();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                ids.add(marketplace.publish("dev-o1", Marketplace.listing("Outage Survivor " + i, "TOOLS",
                                                                          List.of("outage-es"))));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains(
                    "Elasticsearch unreachable"));
        } finally {
            elasticsearch.restore();
        }

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> marketplace.anonymous()
                .documentName("search").variable("filter", Map.of("tags", List.of("outage-es"))).execute()
                .path("catalogue.totalCount").entity(Integer.class).isEqualTo(4)
                .path("catalogue.edges[*].node.id").entityList(String.class)
                .satisfies(found -> assertThat(found).containsExactlyInAnyOrderElementsOf(ids)));
    }

    @Test
    void whilePostgresIsAwayCommandsFailFastAndClearlyThenWorkAgain() {
        long before = eventCount();
        postgres.cut();
        long started = System.nanoTime();
        List<ResponseError> errors = new ArrayList<>();
        try {
            marketplace.as("dev-o2", Role.DEVELOPER).documentName("registerMiniProgram")
                       .variable("input", Marketplace.listing("Outage Postgres")).execute()
                       .errors().satisfy(errors::addAll);
        } finally {
            postgres.restore();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE");
            assertThat(error.getMessage()).contains("nothing was saved");
        });
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(eventCount()).isEqualTo(before);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                marketplace.register("dev-o2", "Outage Postgres")).isNotBlank());
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    private long eventCount() {
        Long count = events.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
