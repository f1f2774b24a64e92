package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Package checks run by themselves after submission and are recorded on the program: a version whose package
 * leaks a key cannot be approved, unless an admin overrides the checks with a comment.
 */
@MarketplaceIntegrationTest
class PackageChecksTest extends MarketplaceClientTest {

    private static final String CHECKS = """
            query($id: ID!) { miniProgram(id: $id) { versions { id checks { status findings {
              severity code file line message } } } } }""";

    @Test
    void aVersionWhoseChecksFailedIsApprovedOnlyByAnAdminOverridingThem() {
        String developer = "dev-k1";
        String program = marketplace.register(developer, "Checked Program " + UUID.randomUUID().toString()
                                                                                 .substring(0, 8));
        String digest = marketplace.upload(developer, TestPackages.good()
                .text("utils/cloud.js", "// storage\nconst key = 'AKIAIOSFODNN7EXAMPLE';\n").zip());
        String version = marketplace.submit(developer, program, "1.0.0", digest);

        assertThat(marketplace.awaitChecks("rev-k1", version)).isEqualTo("FAILED");
        Map<String, Object> finding = findings(program).get(0);
        assertThat(finding).containsEntry("severity", "BLOCKING").containsEntry("code", "SECRET")
                           .containsEntry("file", "utils/cloud.js").containsEntry("line", 2);

        approve("rev-k1", Role.REVIEWER, version, null, false).errors().satisfy(e -> assertThat(e).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "CHECKS_FAILED")));
        approve("rev-k1", Role.REVIEWER, version, "Fine", true).errors().satisfy(e -> assertThat(e).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "ROLE_REQUIRED")));
        approve("admin-k1", Role.ADMIN, version, "The key is AWS's documented example key", true)
                .path("approveVersion.status").entity(String.class).isEqualTo("APPROVED");
    }

    @Test
    void aGoodPackagePassesItsChecks() {
        String program = marketplace.register("dev-k2", "Clean Program " + UUID.randomUUID().toString()
                                                                           .substring(0, 8));
        String version = marketplace.submit("dev-k2", program, "1.0.0");

        assertThat(marketplace.awaitChecks("rev-k2", version)).isEqualTo("PASSED");
        assertThat(findings(program)).isEmpty();
        marketplace.approve("rev-k2", version);
        marketplace.release("dev-k2", version);
        // The public sees released versions, but not their checks.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                marketplace.anonymous().document(CHECKS).variable("id", program).execute()
                           .path("miniProgram.versions[0].id").entity(String.class).isEqualTo(version)
                           .path("miniProgram.versions[0].checks").valueIsNull());
    }

    @Test
    void reviewersSeeWhatChangedFileByFileAgainstTheReleasedVersion() {
        String developer = "dev-k3";
        String program = marketplace.register(developer, "Changed Program " + UUID.randomUUID().toString()
                                                                                .substring(0, 8));
        marketplace.releaseNew(developer, program, "1.0.0", "rev-k3");
        String digest = marketplace.upload(developer, TestPackages.good().without("pages/index/index.js")
                .text("pages/index/index.js", "Page({ data: { greeting: 'Welcome back' } });\n").zip());
        String version = marketplace.submit(developer, program, "1.1.0", digest);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> marketplace.as("rev-k3", Role.REVIEWER)
                .document("""
                        query($id: ID!) { miniProgram(id: $id) { versions { number
                          changes { comparedTo { number } files { path change sizeBefore sizeAfter diff } } } } }""")
                .variable("id", program).execute()
                .path("miniProgram.versions[1].number").entity(String.class).isEqualTo("1.1.0")
                .path("miniProgram.versions[1].changes.comparedTo.number").entity(String.class).isEqualTo("1.0.0")
                .path("miniProgram.versions[1].changes.files[*].path").entityList(String.class)
                .containsExactly("NOTES.md", "pages/index/index.js")
                .path("miniProgram.versions[1].changes.files[1].diff").entity(String.class)
                .satisfies(diff -> assertThat(diff).contains("+Page({ data: { greeting: 'Welcome back' } });")));
        marketplace.as("user-k3", Role.USER).document("""
                        query($id: ID!) { miniProgram(id: $id) { versions { changes { files { path } } } } }""")
                   .variable("id", program).execute().path("miniProgram.versions[0].changes").valueIsNull();
        assertThat(version).endsWith("/1.1.0");
    }

    @Test
    void aNameOneEditFromALiveProgramsWarns() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        marketplace.publish("dev-k4", "Ferry Tix " + suffix);
        String program = marketplace.register("dev-k5", "Ferry Tax " + suffix);
        String version = marketplace.submit("dev-k5", program, "1.0.0");

        assertThat(marketplace.awaitChecks("rev-k4", version)).isEqualTo("WARNINGS");
        assertThat(findings(program)).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("code", "CONFUSABLE_NAME").containsEntry("severity", "WARNING")
                .extractingByKey("message").asString().contains("ferry tix " + suffix));
    }

    private GraphQlTester.Response approve(
            String user, Role role, String version, String comment, boolean override) {
        return marketplace.as(user, role).document("""
                        mutation($v: ID!, $c: String, $o: Boolean) {
                          approveVersion(versionId: $v, comment: $c, overrideChecks: $o) { status } }""")
                .variable("v", version).variable("c", comment).variable("o", override).execute();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> findings(String program) {
        List<Map<String, Object>> versions = marketplace.as("rev-k", Role.REVIEWER).document(CHECKS)
                .variable("id", program).execute().path("miniProgram.versions").entity(List.class).get();
        return (List<Map<String, Object>>) ((Map<String, Object>) versions.get(0).get("checks")).get("findings");
    }
}
