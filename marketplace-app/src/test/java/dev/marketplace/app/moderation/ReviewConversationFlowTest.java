package dev.marketplace.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A reviewer's question and the developer's answer over GraphQL: the status moves, the thread is part of the version
 * for the developer and reviewers only, and both messages are in the program's history.
 */
@MarketplaceIntegrationTest
class ReviewConversationFlowTest extends MarketplaceClientTest {

    @Test
    void aQuestionAndItsAnswerAreTheVersionsConversationAndItsHistory() {
        String program = marketplace.register("dev-c1", "Conversation Cinema");
        String version = marketplace.submit("dev-c1", program, "1.0.0");

        marketplace.requestInformation("rev-c1", version, "Why the camera?");
        marketplace.as("dev-c1", Role.DEVELOPER).documentName("authorization/answerReview")
                   .variable("versionId", version).variable("text", "To scan tickets").execute()
                   .path("answerReview.status").entity(String.class).isEqualTo("IN_REVIEW")
                   .path("answerReview.conversation[*].text").entityList(String.class)
                   .containsExactly("Why the camera?", "To scan tickets")
                   .path("answerReview.conversation[*].role").entityList(String.class)
                   .containsExactly("REVIEWER", "DEVELOPER");

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> marketplace
                .as("rev-c2", Role.REVIEWER).documentName("conversation").variable("id", program).execute()
                .path("miniProgram.versions[0].status").entity(String.class).isEqualTo("IN_REVIEW")
                .path("miniProgram.versions[0].conversation[*].author").entityList(String.class)
                .containsExactly("rev-c1", "dev-c1"));
        marketplace.as("dev-c1", Role.DEVELOPER).documentName("history/history").variable("miniProgramId", program)
                   .execute().path("history.edges[*].node.summary").entityList(String.class)
                   .satisfies(summaries -> assertThat(summaries).contains(
                           "Asked about version 1.0.0: Why the camera?",
                           "Answered about version 1.0.0: To scan tickets"));
    }

    @Test
    void othersDoNotSeeTheConversation() {
        String program = marketplace.publish("dev-c2", "Conversation Released");
        String next = marketplace.submit("dev-c2", program, "1.1.0");
        marketplace.requestInformation("rev-c1", next, "What changed?");

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> marketplace
                .as("c-user", Role.USER).documentName("conversation").variable("id", program).execute()
                .path("miniProgram.versions[*].id").entityList(String.class).containsExactly(program + "/1.0.0")
                .path("miniProgram.versions[*].conversation").entityList(Object.class)
                .satisfies(threads -> assertThat(threads).containsOnlyNulls()));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> marketplace
                .as("rev-c3", Role.REVIEWER).documentName("conversation").variable("id", program).execute()
                .path("miniProgram.versions[*].status").entityList(String.class)
                .contains("INFORMATION_REQUESTED"));
        marketplace.as("dev-c3", Role.DEVELOPER).documentName("authorization/answerReview")
                   .variable("versionId", next).variable("text", "Not mine").execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement()
                           .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_OWNER")));
    }
}
