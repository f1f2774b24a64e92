package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.PostgresTestDatabase;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Stopping and starting the marketplace on the same databases loses nothing, and a replay rebuilds the same. */
class RestartTest {

    @Test
    void eventsSurviveARestartAndAReplayLeavesOneDocumentPerProgram() throws Exception {
        String database = PostgresTestDatabase.create();
        List<String> ids = new ArrayList<>();
        long eventsBefore;
        String original;

        try (ConfigurableApplicationContext first = start(database)) {
            Marketplace marketplace = new Marketplace(graphQl(first));
            ids.add(marketplace.publish("dev-r1", "Metro Ticket Machine"));
            ids.add(marketplace.publish("dev-r2", "Cinema Seat Picker"));
            ids.add(marketplace.register("dev-r3", "Draft Laundry Booking"));
            eventsBefore = eventCount(first);
            CatalogueReplays replays = first.getBean(CatalogueReplays.class);
            await().atMost(Duration.ofSeconds(30)).until(replays::isCaughtUp);
            String made = concreteIndex(first);
            // As if the index had been made by an older release, whose mappings had no term vectors.
            first.getBean(ElasticsearchClient.class).indices().putMapping(
                    m -> m.index(made).meta("version", JsonData.of(1)));
            original = made;
        }

        try (ConfigurableApplicationContext second = start(database)) {
            // Two published programs of five events each (registered, submitted, checked, approved, released)
            // and one draft.
            assertThat(eventCount(second)).isEqualTo(eventsBefore).isEqualTo(11);
            CatalogueReplays replays = second.getBean(CatalogueReplays.class);
            CatalogueIndex index = second.getBean(CatalogueIndex.class);
            // The old index serves until the rebuild started at start-up has caught up and takes over.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(concreteIndex(second))
                    .as("an index with older mappings is replaced by a rebuild").isNotEqualTo(original));
            await().atMost(Duration.ofSeconds(60)).until(() -> replays.isCaughtUp() && documents(second) == 3);
            String before = concreteIndex(second);

            replays.replay();

            await().atMost(Duration.ofSeconds(60)).until(() -> replays.isCaughtUp() && documents(second) == 3);
            assertThat(concreteIndex(second)).as("a replay starts from a fresh index").isNotEqualTo(before);
            index.refresh();
            assertThat(documents(second)).isEqualTo(ids.size());
            for (String id : ids) {
                assertThat(second.getBean(dev.marketplace.query.catalogue.search.CatalogueReader.class).find(id))
                        .as(id).isPresent();
            }
            Marketplace marketplace = new Marketplace(graphQl(second));
            marketplace.anonymous().documentName("catalogue").variable("query", "Cinema Seat Picker").execute()
                    .path("catalogue.totalCount").entity(Integer.class).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(MarketplaceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + PostgresTestDatabase.SERVER + database,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=",
                "--marketplace.catalogue.index-prefix=" + database.replace('_', '-') + "-");
    }

    private static HttpGraphQlTester graphQl(ConfigurableApplicationContext context) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port + "/graphql")
                                            .responseTimeout(Duration.ofSeconds(30)).build();
        return HttpGraphQlTester.create(client);
    }

    private static long eventCount(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry",
                                                                  Long.class);
    }

    private static long documents(ConfigurableApplicationContext context) throws Exception {
        CatalogueIndex index = context.getBean(CatalogueIndex.class);
        index.refresh();
        return context.getBean(ElasticsearchClient.class).count(c -> c.index(index.alias())).count();
    }

    private static String concreteIndex(ConfigurableApplicationContext context) throws Exception {
        CatalogueIndex index = context.getBean(CatalogueIndex.class);
        return context.getBean(ElasticsearchClient.class).indices().getAlias(a -> a.name(index.alias()))
                      .result().keySet().iterator().next();
    }
}
