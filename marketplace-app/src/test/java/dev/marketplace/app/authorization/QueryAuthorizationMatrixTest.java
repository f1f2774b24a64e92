package dev.marketplace.app.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Who may read what only some may, over GraphQL: each guarded query against every kind of caller of
 * {@link AuthorizationMatrixTest}, either answered without errors or refused with the exact code. Queries store
 * nothing, so no precondition or event check is needed; the document is {@code authorization/<query>}.
 */
@MarketplaceIntegrationTest
class QueryAuthorizationMatrixTest extends MarketplaceClientTest {

    private static final String MATRIX = """
            query             ANONYMOUS       USER          OWNER         OTHER_DEVELOPER REVIEWER      ADMIN   OWNER_REVIEWER
            auditLog          UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            catalogueRebuild  UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            myInstalledPrograms UNAUTHENTICATED allowed     allowed       allowed         allowed       allowed allowed
            developer         allowed         allowed       allowed       allowed         allowed       allowed allowed
            statistics        UNAUTHENTICATED NOT_OWNER     allowed       NOT_OWNER       allowed       allowed allowed
            abuseReports      UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            apiKeys           UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            cannedResponses   UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed allowed
            webhooks          UNAUTHENTICATED ROLE_REQUIRED allowed       allowed         ROLE_REQUIRED allowed allowed
            launch            UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            rankingWeights    UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            mySettings        UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            rankingBacktests  UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            rankingBacktest   UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            catalogueAsOf     UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed allowed
            """;

    private static final Map<String, ErrorType> CLASSIFICATIONS = Map.of(
            "UNAUTHENTICATED", ErrorType.UNAUTHORIZED,
            "ROLE_REQUIRED", ErrorType.FORBIDDEN,
            "NOT_OWNER", ErrorType.FORBIDDEN);

    /** Where each query's answer is: its own name, or the field of a program it reads (statistics). */
    private static final Map<String, String> PATHS = Map.of("statistics", "miniProgram.statistics");

    /**
     * Answered with null when there is nothing to show: catalogueRebuild before any rebuild has run, a developer
     * nobody published as, a backtest nobody started.
     */
    private static final Set<String> MAY_BE_NULL = Set.of("catalogueRebuild", "developer", "rankingBacktest");

    /** Lists that are empty for a caller who has none. */
    private static final Set<String> MAY_BE_EMPTY = Set.of("apiKeys", "cannedResponses", "webhooks",
                                                           "rankingBacktests");

    /** Documents named otherwise than their query: a mutation of the same name has {@code authorization/<name>}. */
    private static final Map<String, String> DOCUMENTS = Map.of("rankingBacktest", "backtest");

    /**
     * Statistics and launch are read on a live program of {@link Caller#OWNER}'s, published and installed once for
     * this matrix, so an allowed answer has a day to show and a version to run.
     */
    private Map<String, Map<String, Object>> variables() {
        String program = marketplace.publish(Caller.OWNER.userId(), "Query matrix " + UUID.randomUUID()
                                                                                        .toString().substring(0, 8));
        marketplace.install("matrix-installer", program);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(
                () -> Caller.OWNER.on(marketplace).documentName("authorization/statistics")
                                  .variable("id", program).variable("from", LocalDate.now(ZoneOffset.UTC).toString())
                                  .variable("to", LocalDate.now(ZoneOffset.UTC).toString()).execute()
                                  .path("miniProgram.statistics[0].activeInstallations").entity(Integer.class)
                                  .isEqualTo(1));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Map.ofEntries(Map.entry("auditLog", Map.of("actor", "reviewer")),
                             Map.entry("catalogueRebuild", Map.of()),
                             Map.entry("myInstalledPrograms", Map.of()),
                             Map.entry("abuseReports", Map.of()),
                             Map.entry("apiKeys", Map.of()),
                             Map.entry("cannedResponses", Map.of()),
                             Map.entry("webhooks", Map.of()),
                             Map.entry("launch", Map.of("id", program)),
                             Map.entry("developer", Map.of("id", "nobody-published-under-this-id")),
                             Map.entry("statistics", Map.of("id", program, "from", today.minusDays(30).toString(),
                                                            "to", today.toString())),
                             Map.entry("rankingWeights", Map.of()),
                             Map.entry("mySettings", Map.of()),
                             Map.entry("rankingBacktests", Map.of()),
                             Map.entry("rankingBacktest", Map.of("id", "no-such-backtest")),
                             Map.entry("catalogueAsOf", Map.of("at", "2026-01-01T00:00:00Z")));
    }

    @TestFactory
    Stream<DynamicTest> everyGuardedQueryAsEveryCaller() {
        Map<String, Map<String, Object>> variables = variables();
        List<String> lines = MATRIX.lines().toList();
        List<Caller> callers = Arrays.stream(lines.get(0).split("\\s+")).skip(1).map(Caller::valueOf).toList();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\\s+");
            for (int i = 0; i < callers.size(); i++) {
                String query = columns[0];
                Caller caller = callers.get(i);
                String outcome = columns[i + 1];
                tests.add(dynamicTest(query + " as " + caller + " -> " + outcome,
                                      () -> check(marketplace, query, variables.get(query), caller, outcome)));
            }
        }
        return tests.stream();
    }

    private static void check(Marketplace marketplace, String query, Map<String, Object> variables, Caller caller,
                              String outcome) {
        GraphQlTester.Request<?> request = caller.on(marketplace)
                .documentName("authorization/" + DOCUMENTS.getOrDefault(query, query));
        variables.forEach(request::variable);
        GraphQlTester.Response response = request.execute();
        if (outcome.equals("allowed")) {
            response.errors().verify();
            if (MAY_BE_NULL.contains(query)) {
                assertThatThrownBy(() -> response.path(query).pathDoesNotExist()).as("the answer to " + query)
                        .isInstanceOf(AssertionError.class);
            } else if (MAY_BE_EMPTY.contains(query)) {
                response.path(query).entityList(Object.class).satisfies(list -> assertThat(list).isNotNull());
            } else {
                response.path(PATHS.getOrDefault(query, query)).hasValue();
            }
        } else {
            response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getErrorType()).isEqualTo(CLASSIFICATIONS.get(outcome));
                assertThat(error.getExtensions()).containsEntry("code", outcome);
            }));
        }
    }
}
