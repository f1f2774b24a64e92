package dev.marketplace.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * With structured logging on (Spring Boot's ECS JSON lines), the line a handled command writes carries the
 * correlation id of the request that sent it: the caller's X-Request-Id, carried from the request's MDC through the
 * command's metadata into the MDC of its handling.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"logging.structured.format.console=ecs",
                                  "logging.level.dev.marketplace.app.logging=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class CorrelationLogTest {

    @Autowired
    HttpGraphQlTester graphQl;

    /**
     * Logback is set up once per JVM while earlier test contexts stay open; forgetting that set-up lets this
     * context's JSON format apply, and forgetting it again afterwards lets the next context bring back text.
     */
    @BeforeAll
    @AfterAll
    static void setUpLoggingAfresh() {
        LoggingSystem.get(CorrelationLogTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void aHandledCommandsJsonLogLineCarriesTheRequestsCorrelationId(CapturedOutput output) {
        HttpGraphQlTester developer = graphQl.mutate()
                .header("Authorization", "Bearer " + Tokens.forUser("correlated-dev", Role.DEVELOPER))
                .header(CorrelationIdFilter.HEADER, "req-correlated-42").build();

        developer.documentName("registerMiniProgram").variable("input", Marketplace.listing("Correlated Program"))
                 .execute().path("registerMiniProgram.id").hasValue();

        assertThat(output.getOut().lines().filter(line -> line.contains("Handling command")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{")
                        .contains("\"correlationId\":\"req-correlated-42\""));
    }
}
