package dev.marketplace.app.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.graphql.limits.FragmentExplosions;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of the security review, one after another against one marketplace: each is refused with its code,
 * nothing stored changes, and afterwards the whole lifecycle (register, submit, approve, release, search) still
 * works as for anyone else.
 */
@MarketplaceIntegrationTest
class AttacksLeaveNothingBehindTest extends MarketplaceClientTest {

    private static final List<String> TABLES = List.of("domain_event_entry", "program_name", "program_directory",
                                                      "installation", "rating_view", "catalogue_install");

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void afterTheAttacksANormalJourneyStillWorksAndNothingStoredChanged() {
        String walmart = marketplace.register("dev-attacked", "Walmart Attack " + System.nanoTime() % 100_000);
        Map<String, Long> before = rows();

        refused(graphQl.document(FragmentExplosions.thirtyLevels()).execute(), "QUERY_TOO_COMPLEX");
        refused(graphQl.documentName("catalogue").variable("first", 1).variable("after", "eyJmb3JnZWQiOnRydWV9")
                       .execute(), "INVALID_CURSOR");
        refused(graphQl.document("query($tags: [String!]) { catalogue(filter: {tags: $tags}) { totalCount } }")
                       .variable("tags", List.of("t".repeat(100_000))).execute(), "INVALID_INPUT");
        refused(marketplace.as("dev-attacker", Role.DEVELOPER).documentName("registerMiniProgram")
                           .variable("input", Marketplace.listing("W\u0430lmart")).execute(), "INVALID_INPUT");
        refused(marketplace.as("dev-attacker", Role.DEVELOPER).documentName("registerMiniProgram")
                           .variable("input", Marketplace.listing("Hidden\u3164Filler")).execute(), "INVALID_INPUT");
        refused(graphQl.documentName("registerMiniProgram").variable("input", Marketplace.listing("Anonymous Try"))
                       .execute(), "UNAUTHENTICATED");
        refused(marketplace.as("user-attacker", Role.USER).documentName("approveVersion")
                           .variable("versionId", walmart + "/1.0.0").execute(), "ROLE_REQUIRED");

        assertThat(rows()).as("rows after the attacks").isEqualTo(before);

        String name = "Harbour Ferry After Attacks " + System.nanoTime() % 100_000;
        String id = marketplace.publish("dev-honest", name);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> marketplace.anonymous()
                .documentName("catalogue").variable("query", name).execute()
                .path("catalogue.edges[0].node.id").entity(String.class).isEqualTo(id));
    }

    private static void refused(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).first()
                .extracting(ResponseError::getExtensions).extracting(e -> e.get("code")).isEqualTo(code));
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new TreeMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }
}
