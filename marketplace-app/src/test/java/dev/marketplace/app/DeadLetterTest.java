package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An event the catalogue cannot handle is parked; the processor carries on; an admin sees it and retries it. */
@MarketplaceIntegrationTest
class DeadLetterTest extends MarketplaceClientTest {

    @Autowired
    EventGateway events;

    @Test
    void aPoisonEventIsParkedWhileEverythingElseIsStillProjected() {
        String ghost = "ghost-" + UUID.randomUUID();
        events.publish(firstEventOf(ghost, new VersionSubmittedEvent(ghost, "1.0.0", "for a program that never existed",
                                                 List.of(Permission.CAMERA), List.of(PrivacyDataUse.ANALYTICS),
                                                 "ab".repeat(32), 10)));
        String healthy = marketplace.publish("dev-d1", "Published After The Poison");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> marketplace.anonymous()
                .documentName("catalogue").variable("query", "Published After The Poison").execute()
                .path("catalogue.edges[0].node.id").entity(String.class).isEqualTo(healthy));
        HttpGraphQlTester admin = marketplace.as("admin-d1", Role.ADMIN);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> admin
                .documentName("deadLetters").execute()
                .path("deadLetters[?(@.sequence == '" + ghost + "')].eventType").entityList(String.class)
                .containsExactly("VersionSubmittedEvent")
                .path("deadLetters[?(@.sequence == '" + ghost + "')].cause").entityList(String.class)
                .satisfies(causes -> assertThat(causes.get(0)).contains("no document for program " + ghost)));

        admin.documentName("retryDeadLetters").execute()
             .path("retryDeadLetters.retried").entity(Integer.class).isEqualTo(0)
             .path("retryDeadLetters.remaining").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        admin.documentName("deadLetters").execute()
             .path("deadLetters[?(@.sequence == '" + ghost + "')].lastTouched").entityList(String.class)
             .satisfies(touched -> assertThat(touched).singleElement().isNotNull());

        marketplace.as("dev-d1", Role.DEVELOPER).documentName("deadLetters").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
    }

    /**
     * A document Elasticsearch refuses (here a tag beyond its 32,766-byte term limit) fails in the batch's bulk
     * request, after the handlers ran: its events are parked like a handler's failure, and the rest of the batch,
     * and every later batch, is still projected.
     */
    @Test
    void aDocumentElasticsearchRefusesParksItsEventsAndTheRestOfTheBatchLands() {
        String oversized = "oversized-" + UUID.randomUUID();
        events.publish(firstEventOf(oversized, new MiniProgramRegisteredEvent(oversized, "dev-d2",
                "Oversized Tag " + oversized, "A tag too long to index", null, Category.TOOLS,
                List.of("x".repeat(40_000)), "https://cdn.example.org/o.png")));
        String healthy = marketplace.publish("dev-d2", "Published After The Oversized Tag");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> marketplace.anonymous()
                .documentName("catalogue").variable("query", "Published After The Oversized Tag").execute()
                .path("catalogue.edges[0].node.id").entity(String.class).isEqualTo(healthy));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> marketplace
                .as("admin-d2", Role.ADMIN).documentName("deadLetters").execute()
                .path("deadLetters[?(@.sequence == '" + oversized + "')].eventType").entityList(String.class)
                .containsExactly("MiniProgramRegisteredEvent")
                .path("deadLetters[?(@.sequence == '" + oversized + "')].cause").entityList(String.class)
                .satisfies(causes -> assertThat(causes.get(0)).contains("refused catalogue document " + oversized,
                                                                        "400")));
        marketplace.as("admin-d2", Role.ADMIN).documentName("miniProgram").variable("id", oversized).execute()
                   .path("miniProgram").valueIsNull();
    }

    /**
     * Once a program's event is parked, its later events are parked behind it, even one the catalogue could handle
     * (here its registration, which would show the program): handling it would project the program's events out of
     * order. One program's next event is published with the parked one, the other's after it was parked. Whether the
     * first pair lands in one batch is the processor's choice; {@code DeadLettersCheckedPerBatchTest} pins that case.
     */
    @Test
    void theEventsAfterAParkedOneWaitBehindIt() {
        String sameBatch = "ghost-" + UUID.randomUUID();
        String laterBatch = "ghost-" + UUID.randomUUID();
        events.publish(firstEventOf(sameBatch, submitted(sameBatch)),
                       new GenericDomainEventMessage<>("MiniProgram", sameBatch, 1, registered(sameBatch)));
        events.publish(firstEventOf(laterBatch, submitted(laterBatch)));
        HttpGraphQlTester admin = marketplace.as("admin-d3", Role.ADMIN);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> admin
                .documentName("deadLetters").execute()
                .path("deadLetters[?(@.sequence == '" + laterBatch + "')].eventType").entityList(String.class)
                .containsExactly("VersionSubmittedEvent"));
        events.publish(new GenericDomainEventMessage<>("MiniProgram", laterBatch, 1, registered(laterBatch)));

        for (String ghost : List.of(sameBatch, laterBatch)) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> admin
                    .documentName("deadLetters").execute()
                    .path("deadLetters[?(@.sequence == '" + ghost + "')].eventType").entityList(String.class)
                    .containsExactly("VersionSubmittedEvent", "MiniProgramRegisteredEvent"));
            admin.documentName("miniProgram").variable("id", ghost).execute().path("miniProgram").valueIsNull();
        }
    }

    private static VersionSubmittedEvent submitted(String programId) {
        return new VersionSubmittedEvent(programId, "1.0.0", "before its program was registered",
                                         List.of(Permission.CAMERA), List.of(PrivacyDataUse.ANALYTICS),
                                         "ab".repeat(32), 10);
    }

    private static MiniProgramRegisteredEvent registered(String programId) {
        return new MiniProgramRegisteredEvent(programId, "dev-d3", "Parked Behind " + programId,
                                              "Registered after its parked event", null, Category.TOOLS,
                                              List.of("parked"), "https://cdn.example.org/p.png");
    }

    /** As the program aggregate would raise it: the catalogue orders a program's events by their sequence. */
    private static DomainEventMessage<?> firstEventOf(String programId, Object payload) {
        return new GenericDomainEventMessage<>("MiniProgram", programId, 0, payload);
    }
}
