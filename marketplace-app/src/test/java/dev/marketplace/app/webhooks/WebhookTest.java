package dev.marketplace.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhooks end to end, against endpoints on loopback that check every signature: retried until answered, parked as
 * dead once the retries give up, and a slow endpoint holding up neither commands nor other endpoints.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {
        "marketplace.webhooks.allow-insecure-loopback=true", "marketplace.webhooks.initial-backoff=100ms",
        "marketplace.webhooks.max-backoff=400ms", "marketplace.webhooks.give-up-after=3s",
        "marketplace.webhooks.timeout=2s", "marketplace.webhooks.poll-interval=100ms"})
class WebhookTest extends MarketplaceClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aFailingEndpointGetsTheSignedEventOnceItAnswers() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(2, false)) {
            String webhookId = create("dev-w1", receiver, List.of("VERSION_APPROVED", "INFORMATION_REQUESTED"));
            String program = marketplace.register("dev-w1", "Webhook Retry Diner");
            String version = marketplace.submit("dev-w1", program, "1.0.0");
            marketplace.approve("rev-w1", version);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.accepted()).singleElement()
                    .satisfies(body -> assertThat(body).contains("\"event\":\"VERSION_APPROVED\"")
                                                       .contains("\"miniProgramId\":\"" + program + "\"")));
            assertThat(receiver.attempts()).isEqualTo(3);
            assertThat(receiver.refusedSignatures()).isEmpty();
            deliveries("dev-w1", webhookId)
                    .path("webhookDeliveries[0].status").entity(String.class).isEqualTo("DELIVERED")
                    .path("webhookDeliveries[0].attempts").entity(Integer.class).isEqualTo(3)
                    .path("webhookDeliveries[0].lastStatus").entity(Integer.class).isEqualTo(204);
        }
    }

    @Test
    void theEndOfAVersionsPackageChecksIsSentWithTheirOutcome() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(0, false)) {
            create("dev-w7", receiver, List.of("CHECKS_FINISHED"));
            String program = marketplace.register("dev-w7", "Webhook Checked Noodles");
            String version = marketplace.submit("dev-w7", program, "1.0.0");

            assertThat(marketplace.awaitChecks("rev-w7", version)).isEqualTo("PASSED");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.accepted()).singleElement()
                    .satisfies(body -> assertThat(body).contains("\"event\":\"CHECKS_FINISHED\"")
                                                       .contains("\"miniProgramId\":\"" + program + "\"")
                                                       .contains("\"version\":\"1.0.0\"")
                                                       .contains("\"findings\":[]")));
            assertThat(receiver.refusedSignatures()).isEmpty();
        }
    }

    @Test
    void anEndpointThatNeverAnswersWellIsParkedAsDead() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(Integer.MAX_VALUE, false)) {
            String webhookId = create("dev-w2", receiver, List.of("VERSION_SUBMITTED"));
            String program = marketplace.register("dev-w2", "Webhook Dead Letter Deli");
            marketplace.submit("dev-w2", program, "1.0.0");

            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> deliveries("dev-w2", webhookId)
                    .path("webhookDeliveries[0].status").entity(String.class).isEqualTo("DEAD")
                    .path("webhookDeliveries[0].lastStatus").entity(Integer.class).isEqualTo(500));
            int attempts = receiver.attempts();
            assertThat(attempts).isGreaterThan(2);
            assertThat(receiver.accepted()).isEmpty();
        }
    }

    @Test
    void aSlowEndpointHoldsUpNeitherCommandsNorOtherEndpoints() throws Exception {
        try (LoopbackReceiver slow = new LoopbackReceiver(0, true);
             LoopbackReceiver fast = new LoopbackReceiver(0, false)) {
            create("dev-w3", slow, List.of("VERSION_APPROVED"));
            create("dev-w3", fast, List.of("VERSION_APPROVED"));
            String program = marketplace.register("dev-w3", "Webhook Slow Bistro");
            String version = marketplace.submit("dev-w3", program, "1.0.0");

            marketplace.approve("rev-w3", version);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fast.accepted()).hasSize(1));
            assertThat(slow.attempts()).as("the slow endpoint was tried and still holds its request").isPositive();
            assertThat(slow.accepted()).isEmpty();
            slow.release();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(slow.accepted()).isNotEmpty());
        }
    }

    @Test
    void onlyTheOwnerSeesAnEndpointsDeliveries() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(0, false)) {
            String webhookId = create("dev-w4", receiver, List.of("VERSION_RELEASED"));
            refused(deliveries("dev-w5", webhookId), "WEBHOOK_NOT_FOUND");
            refused(marketplace.as("w-user", Role.USER).documentName("authorization/webhookDeliveries")
                               .variable("webhookId", webhookId).execute(), "ROLE_REQUIRED");
            refused(marketplace.anonymous().documentName("authorization/webhookDeliveries")
                               .variable("webhookId", webhookId).execute(), "UNAUTHENTICATED");
            deliveries("dev-w4", webhookId).path("webhookDeliveries").entityList(Object.class).hasSize(0);
            marketplace.as("admin-w", Role.ADMIN).documentName("authorization/webhookDeliveries")
                       .variable("webhookId", webhookId).execute().errors().verify();
        }
    }

    @Test
    void badEndpointsAreRefusedNamingTheField() {
        refused(marketplace.as("dev-w6", Role.DEVELOPER).documentName("authorization/createWebhook")
                           .variable("input", Map.of("url", "http://10.0.0.8/hook", "events",
                                                     List.of("VERSION_APPROVED"))).execute(), "INVALID_INPUT");
        refused(marketplace.as("dev-w6", Role.DEVELOPER).documentName("authorization/createWebhook")
                           .variable("input", Map.of("url", "https://169.254.169.254/latest", "events",
                                                     List.of("VERSION_APPROVED"))).execute(), "INVALID_INPUT");
        refused(marketplace.as("dev-w6", Role.DEVELOPER).documentName("authorization/createWebhook")
                           .variable("input", Map.of("url", "http://127.0.0.1:9/hook", "events", List.of()))
                           .execute(), "INVALID_INPUT");
    }

    private String create(String developer, LoopbackReceiver receiver, List<String> events) {
        GraphQlTester.Response created = marketplace.as(developer, Role.DEVELOPER)
                .documentName("authorization/createWebhook")
                .variable("input", Map.of("url", receiver.url(), "events", events)).execute();
        receiver.expectSecret(created.path("createWebhook.secret").entity(String.class).get());
        return created.path("createWebhook.webhook.id").entity(String.class).get();
    }

    private GraphQlTester.Response deliveries(String developer, String webhookId) {
        return marketplace.as(developer, Role.DEVELOPER).documentName("authorization/webhookDeliveries")
                          .variable("webhookId", webhookId).execute();
    }

    private static void refused(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
