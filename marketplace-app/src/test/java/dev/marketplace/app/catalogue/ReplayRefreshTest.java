package dev.marketplace.app.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A replay of the live catalogue starts filling its recreated index with the periodic refresh off, and the index
 * refreshes as configured (application.yml: each second) again once the replay has caught up.
 */
@MarketplaceIntegrationTest
class ReplayRefreshTest extends MarketplaceClientTest {

    @Autowired
    CatalogueReplays replays;
    @Autowired
    CatalogueIndex index;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReplayWritesWithThePeriodicRefreshOffAndTurnsItOnWhenCaughtUp() throws IOException {
        String tag = Marketplace.uniqueTag("replay-refresh");
        marketplace.publish("dev-replay-refresh", Marketplace.listing("Lighthouse Hours", "TRAVEL", List.of(tag)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(marketplace.namesTagged(tag))
                .containsExactly("Lighthouse Hours"));
        assertThat(refreshInterval()).isEqualTo("1s");

        List<String> duringReplay = new CopyOnWriteArrayList<>();
        MessageHandlerInterceptor<EventMessage<?>> looking = (unitOfWork, chain) -> {
            if (ReplayToken.isReplay(unitOfWork.getMessage())) {
                duringReplay.add(refreshInterval());
            }
            return chain.proceed();
        };
        Registration registration = processing.eventProcessor(CatalogueReplays.LIVE_PROCESSOR,
                                                               AbstractEventProcessor.class)
                .orElseThrow().registerHandlerInterceptor(looking);
        try {
            replays.replay();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(replays.isCaughtUp()).isTrue();
                assertThat(refreshInterval()).as("the configured refresh, back after the replay").isEqualTo("1s");
                assertThat(marketplace.namesTagged(tag)).containsExactly("Lighthouse Hours");
            });
        } finally {
            registration.cancel();
        }
        // Each segment turns the refresh on when its own replay has caught up, so a segment still replaying may see
        // it on again; the replay starts with it off.
        assertThat(duringReplay).as("the index's refresh interval while replayed events were handled")
                .isNotEmpty().isSubsetOf(CatalogueIndex.NO_PERIODIC_REFRESH, "1s");
        assertThat(duringReplay.get(0)).as("at the replay's first event").isEqualTo(CatalogueIndex.NO_PERIODIC_REFRESH);
    }

    private String refreshInterval() throws IOException {
        return client.indices().getSettings(g -> g.index(index.alias())).result().values().iterator().next()
                     .settings().index().refreshInterval().time();
    }
}
