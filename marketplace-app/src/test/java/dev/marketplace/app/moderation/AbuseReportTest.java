package dev.marketplace.app.moderation;

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

/**
 * Abuse reports end to end: users report programs, reviewers see the programs most users reported first and
 * resolve, suspending through the program's own rule; each reporter sees the outcome of their own reports only.
 */
@MarketplaceIntegrationTest
class AbuseReportTest extends MarketplaceClientTest {

    @Test
    void theProgramMostUsersReportedComesFirstAndSuspendingItReachesTheProgramAndTheReporter() {
        String quiet = marketplace.publish("dev-r1", "Reported Once Bakery");
        String loud = marketplace.publish("dev-r2", "Reported Thrice Wallet");
        String early = report("r-u1", quiet, "PRIVACY", "Reads my contacts");
        report("r-u2", loud, "FRAUD", null);
        String second = report("r-u3", loud, "FRAUD", "Fake bank");
        report("r-u4", loud, "OTHER", "Shows adult content");
        report("r-u3", loud, "MALWARE", "Fake bank, and installs things"); // updates r-u3's report, still one

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            GraphQlTester.Response open = reports("rev-r1", Role.REVIEWER, "OPEN");
            List<String> programs = open.path("abuseReports.edges[*].node.miniProgramId").entityList(String.class)
                                        .get();
            assertThat(programs.subList(programs.indexOf(loud), programs.indexOf(loud) + 3))
                    .containsOnly(loud);
            assertThat(programs.indexOf(loud)).isLessThan(programs.indexOf(quiet));
            open.path("abuseReports.edges[?(@.node.id == '" + second + "')].node.reason").entityList(String.class)
                .containsExactly("MALWARE");
            open.path("abuseReports.edges[?(@.node.miniProgramId == '" + loud + "')].node.reporters")
                .entityList(Integer.class).containsExactly(3, 3, 3);
        });

        marketplace.as("rev-r1", Role.REVIEWER).documentName("authorization/resolveAbuseReport")
                   .variable("id", second).variable("action", "SUSPEND_PROGRAM")
                   .variable("comment", "Phishing confirmed").execute()
                   .path("resolveAbuseReport.status").entity(String.class).isEqualTo("PROGRAM_SUSPENDED")
                   .path("resolveAbuseReport.resolvedBy").entity(String.class).isEqualTo("rev-r1");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> marketplace
                .as("dev-r2", Role.DEVELOPER).documentName("miniProgram").variable("id", loud).execute()
                .path("miniProgram.status").entity(String.class).isEqualTo("SUSPENDED"));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            GraphQlTester.Response mine = reports("r-u3", Role.USER, null);
            mine.path("abuseReports.edges[*].node.id").entityList(String.class).containsExactly(second);
            mine.path("abuseReports.edges[0].node.status").entity(String.class).isEqualTo("PROGRAM_SUSPENDED");
            mine.path("abuseReports.edges[0].node.resolutionComment").entity(String.class)
                .isEqualTo("Phishing confirmed");
            reports("r-u1", Role.USER, null).path("abuseReports.edges[*].node.id").entityList(String.class)
                                           .containsExactly(early);
        });
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> marketplace
                .as("admin-r", Role.ADMIN).documentName("history/auditLog").variable("actor", "rev-r1")
                .execute().path("auditLog.edges[*].node.summary").entityList(String.class)
                .satisfies(summaries -> assertThat(summaries).contains(
                        "Suspended: Phishing confirmed",
                        "Report by r-u3 upheld; the program is suspended: Phishing confirmed"))
                .path("auditLog.edges[*].node.actor").entityList(String.class)
                .satisfies(actors -> assertThat(actors).isNotEmpty().containsOnly("rev-r1")));
    }

    @Test
    void aResolvedReportCannotBeResolvedAgainAndAMissingOneIsNotFound() {
        String program = marketplace.publish("dev-r3", "Reported Dismissed Taxi");
        String reportId = report("r-u5", program, "ILLEGAL", null);
        resolve("rev-r2", reportId, "DISMISS").path("resolveAbuseReport.status").entity(String.class)
                                               .isEqualTo("DISMISSED");

        refusal(resolve("rev-r2", reportId, "DISMISS"), "INVALID_TRANSITION");
        refusal(resolve("rev-r2", "report:" + program + ":nobody", "DISMISS"), "REPORT_NOT_FOUND");
        refusal(resolve("rev-r2", "not-a-report", "DISMISS"), "INVALID_INPUT");
        marketplace.as("dev-r3", Role.DEVELOPER).documentName("miniProgram").variable("id", program).execute()
                   .path("miniProgram.status").entity(String.class).isEqualTo("LIVE");
    }

    @Test
    void otherWithoutATextIsRefusedNamingTheField() {
        String program = marketplace.publish("dev-r4", "Reported Without Words");
        marketplace.as("r-u6", Role.USER).documentName("authorization/reportMiniProgram")
                   .variable("input", Map.of("miniProgramId", program, "reason", "OTHER")).execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                       assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT")
                                                    .containsEntry("field", "text");
                   }));
    }

    private String report(String user, String programId, String reason, String text) {
        Map<String, Object> input = text == null ? Map.of("miniProgramId", programId, "reason", reason)
                : Map.of("miniProgramId", programId, "reason", reason, "text", text);
        return marketplace.as(user, Role.USER).documentName("authorization/reportMiniProgram")
                          .variable("input", input).execute()
                          .path("reportMiniProgram.id").entity(String.class).get();
    }

    private GraphQlTester.Response resolve(String reviewer, String reportId, String action) {
        return marketplace.as(reviewer, Role.REVIEWER).documentName("authorization/resolveAbuseReport")
                          .variable("id", reportId).variable("action", action).execute();
    }

    private GraphQlTester.Response reports(String user, Role role, String status) {
        GraphQlTester.Request<?> request = marketplace.as(user, role).documentName("authorization/abuseReports");
        if (status != null) {
            request.variable("status", status);
        }
        return request.execute();
    }

    private static void refusal(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
