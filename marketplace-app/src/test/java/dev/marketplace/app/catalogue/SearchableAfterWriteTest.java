package dev.marketplace.app.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The catalogue's projection makes what it wrote searchable itself: with Elasticsearch's periodic refresh turned off
 * for this application's index, a released program and a later change of its listing are still found, because each
 * write asks for a refresh ({@code WriteRefresh}). Without that, neither would ever be. A replay's writes ask too,
 * at most every few seconds, so the replayed catalogue is found as well.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.catalogue.refresh-interval=-1",
                                  "marketplace.catalogue.write-refresh-gap=100ms"})
class SearchableAfterWriteTest extends MarketplaceClientTest {

    @Autowired
    CatalogueReplays replays;

    @Test
    void releasedProgramsAndTheirChangesAreFoundWithoutThePeriodicRefresh() {
        String tag = Marketplace.uniqueTag("fresh");
        String id = marketplace.publish("dev-fresh", Marketplace.listing("Harbour Tide Tables", "TOOLS", List.of(tag)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(marketplace.namesTagged(tag))
                .containsExactly("Harbour Tide Tables"));

        marketplace.as("dev-fresh", Role.DEVELOPER).documentName("updateListing")
                   .variable("input", Map.of("miniProgramId", id, "name", "Harbour Tide Charts")).execute()
                   .path("updateListing.name").entity(String.class).isEqualTo("Harbour Tide Charts");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(marketplace.namesTagged(tag))
                .containsExactly("Harbour Tide Charts"));
    }

    @Test
    void aReplaysWritesAreFoundWithoutThePeriodicRefreshToo() {
        String tag = Marketplace.uniqueTag("replayed");
        String id = marketplace.publish("dev-replayed", Marketplace.listing("Ferry Timetable", "TRAVEL",
                                                                             List.of(tag)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(marketplace.namesTagged(tag))
                .containsExactly("Ferry Timetable"));

        replays.replay();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(replays.isCaughtUp()).isTrue();
            assertThat(marketplace.namesTagged(tag)).containsExactly("Ferry Timetable");
        });
    }
}
