package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import dev.marketplace.app.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Upload, submit, review and a grey release as host apps see it through {@code launch}: simulated users land on the
 * phased version in its share, widening keeps them there, a rollback moves all of them, and the package each is
 * sent to downloads. ({@code ReleaseRoutingTest} runs the same over 10,000 users without HTTP in between.)
 */
@MarketplaceIntegrationTest
class LaunchTest extends MarketplaceClientTest {

    private static final String LAUNCH = """
            query launch($id: ID!) { launch(miniProgramId: $id) { version { number } packageUrl } }""";
    private static final String SHARES = """
            query shares($id: ID!) { miniProgram(id: $id) { releaseShares { version { number } percentage } } }""";
    private static final List<String> USERS = IntStream.range(0, 400).mapToObj(i -> "launch-user-" + i).toList();

    @Test
    void aPhasedReleaseRoutesItsShareOfUsersWideningKeepsThemAndARollbackMovesAll() {
        String developer = "dev-l1";
        String program = marketplace.register(developer, "Grey Release " + UUID.randomUUID().toString()
                                                                                   .substring(0, 8));
        marketplace.releaseNew(developer, program, "1.0.0", "rev-l1");
        String newer = marketplace.upload(developer, TestPackages.goodZip("version two " + UUID.randomUUID()));
        String v2 = marketplace.submit(developer, program, "2.0.0", newer);
        marketplace.approve("rev-l1", v2);

        release(developer, v2, 20);
        awaitShares(program, Map.of("2.0.0", 20, "1.0.0", 80));
        Set<String> at20 = usersOn(program, "2.0.0");
        assertThat(at20.size()).isBetween(USERS.size() * 12 / 100, USERS.size() * 28 / 100);

        release(developer, v2, 50);
        awaitShares(program, Map.of("2.0.0", 50, "1.0.0", 50));
        Set<String> at50 = usersOn(program, "2.0.0");
        assertThat(at50).containsAll(at20).hasSizeGreaterThan(at20.size());

        Map<String, Object> sent = launch(program, at20.iterator().next());
        assertThat(sent).containsEntry("packageUrl", "/packages/" + newer);
        marketplace.get((String) sent.get("packageUrl"), Tokens.forUser("anyone", Role.USER)).exchange()
                   .expectStatus().isOk();

        marketplace.as(developer, Role.DEVELOPER).document("""
                        mutation($p: ID!, $v: ID!) { rollbackRelease(miniProgramId: $p, toVersionId: $v) { id } }""")
                   .variable("p", program).variable("v", program + "/1.0.0").execute()
                   .path("rollbackRelease.id").entity(String.class).isEqualTo(program);
        awaitShares(program, Map.of("1.0.0", 100));
        assertThat(usersOn(program, "1.0.0")).hasSize(USERS.size());
    }

    @Test
    void aSuspendedProgramIsNotLiveAndLaunchNeedsASignedInUser() {
        String program = marketplace.publish("dev-l2", "Suspended Launch " + UUID.randomUUID().toString()
                                                                                  .substring(0, 8));
        marketplace.as("rev-l2", Role.REVIEWER).document("""
                        mutation($id: ID!) { suspendMiniProgram(id: $id, reason: "Fraud reports") { id } }""")
                   .variable("id", program).execute().path("suspendMiniProgram.id").hasValue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> marketplace.as("user-l2", Role.USER)
                .document(LAUNCH).variable("id", program).execute().errors()
                .satisfy(e -> assertThat(e).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_LIVE"))));
        marketplace.anonymous().document(LAUNCH).variable("id", program).execute().errors()
                   .satisfy(e -> assertThat(e).singleElement()
                           .satisfies(error -> assertThat(error.getExtensions())
                                   .containsEntry("code", "UNAUTHENTICATED")));
    }

    private void release(String developer, String versionId, int percentage) {
        marketplace.as(developer, Role.DEVELOPER).documentName("releaseVersion").variable("versionId", versionId)
                   .variable("percentage", percentage).execute()
                   .path("releaseVersion.releasePercentage").entity(Integer.class).isEqualTo(percentage);
    }

    private void awaitShares(String program, Map<String, Integer> expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> shares = marketplace.anonymous().document(SHARES).variable("id", program)
                    .execute().path("miniProgram.releaseShares").entityList(Object.class).get().stream()
                    .map(s -> (Map<String, Object>) s).toList();
            assertThat(shares.stream().collect(Collectors.toMap(
                    s -> (String) ((Map<?, ?>) s.get("version")).get("number"), s -> (Integer) s.get("percentage"))))
                    .isEqualTo(expected);
        });
    }

    private Set<String> usersOn(String program, String number) {
        return USERS.stream().filter(u -> ((Map<?, ?>) launch(program, u).get("version")).get("number").equals(number))
                    .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> launch(String program, String user) {
        return marketplace.as(user, Role.USER).document(LAUNCH).variable("id", program).execute()
                          .path("launch").entity(Map.class).get();
    }
}
