package dev.marketplace.app.developer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.projection.CatalogueReplays;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Developers people can trust, end to end: a profile on every program, the verified badge in catalogue hits (from
 * the index) and on the program page, the developer's other live programs, the badge taken away by an admin or by
 * a rename, decisions in the audit log, and all of it again after a replay.
 */
@MarketplaceIntegrationTest
class DeveloperProfileTest extends MarketplaceClientTest {

    @Autowired
    CatalogueReplays replays;
    private String tag;
    private String developer;

    @BeforeEach
    void setUp() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        tag = "t" + unique;
        developer = "dev-" + unique;
    }

    @Test
    void aVerifiedDeveloperIsShownWithABadgeInSearchAndOnTheProgramPage() {
        setProfile("Golden Arches " + tag, "https://arches.example");
        String first = marketplace.publish(developer, listing("Arches Order " + tag));
        String second = marketplace.publish(developer, listing("Arches Rewards " + tag));
        String draft = marketplace.register(developer, listing("Arches Draft " + tag));

        admin().documentName("authorization/verifyDeveloper").variable("id", developer).execute()
               .path("verifyDeveloper.verified").entity(Boolean.class).isEqualTo(true);
        String later = marketplace.publish(developer, listing("Arches Coupons " + tag));

        eventually().untilAsserted(() -> search().path("catalogue.edges[*].node.developer.verified")
                .entityList(Boolean.class).containsExactly(true, true, true));
        search().path("catalogue.edges[0].node.developer.displayName").entity(String.class)
                .isEqualTo("Golden Arches " + tag)
                .path("catalogue.edges[0].node.developer.website").entity(String.class)
                .isEqualTo("https://arches.example")
                .path("catalogue.edges[0].node.developer.contactEmail").valueIsNull();

        GraphQlTester.Response page = marketplace.anonymous().documentName("developer/programPage")
                .variable("id", first).execute();
        page.path("miniProgram.developer.verified").entity(Boolean.class).isEqualTo(true)
            .path("miniProgram.developer.programs[*].id").entityList(String.class)
            .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(first, second, later).doesNotContain(draft));
        marketplace.as(developer, Role.DEVELOPER).documentName("developer/programPage").variable("id", first)
                   .execute().path("miniProgram.developer.contactEmail").entity(String.class)
                   .isEqualTo("apps@arches.example");

        replays.replay();
        eventually().until(replays::isCaughtUp);
        eventually().untilAsserted(() -> search().path("catalogue.edges[*].node.developer.verified")
                .entityList(Boolean.class).containsExactly(true, true, true));
    }

    @Test
    void renamingAVerifiedProfileOrAnAdminTakesTheBadgeAway() {
        setProfile("Harbour Ferries " + tag, null);
        String id = marketplace.publish(developer, listing("Ferry Tickets " + tag));
        admin().documentName("authorization/verifyDeveloper").variable("id", developer).execute()
               .path("verifyDeveloper.verified").entity(Boolean.class).isEqualTo(true);
        eventually().untilAsserted(() -> badge(true));

        setProfile("Harbour Ferries Ltd " + tag, null).path("updateDeveloperProfile.verified")
                                                       .entity(Boolean.class).isEqualTo(false);
        eventually().untilAsserted(() -> badge(false));
        search().path("catalogue.edges[0].node.developer.displayName").entity(String.class)
                .isEqualTo("Harbour Ferries Ltd " + tag);

        admin().documentName("authorization/verifyDeveloper").variable("id", developer).execute()
               .path("verifyDeveloper.verified").entity(Boolean.class).isEqualTo(true);
        admin().documentName("authorization/unverifyDeveloper").variable("id", developer).execute()
               .path("unverifyDeveloper.verified").entity(Boolean.class).isEqualTo(false);
        eventually().untilAsserted(() -> marketplace.anonymous().documentName("developer/programPage")
                .variable("id", id).execute().path("miniProgram.developer.verified").entity(Boolean.class)
                .isEqualTo(false));

        eventually().untilAsserted(() -> admin().documentName("developer/developerAudit")
                .variable("actor", "admin-" + tag).execute()
                .path("auditLog.edges[*].node.type").entityList(String.class)
                .containsExactly("DeveloperVerified", "DeveloperVerified", "DeveloperUnverified")
                .path("auditLog.edges[0].node.subjectId").entity(String.class).isEqualTo(developer)
                .path("auditLog.edges[0].node.miniProgramId").valueIsNull()
                .path("auditLog.edges[0].node.summary").entity(String.class)
                .isEqualTo("Developer " + developer + " verified as \"Harbour Ferries " + tag + "\"")
                .path("auditLog.edges[*].node.actor").entityList(String.class)
                .containsExactly("admin-" + tag, "admin-" + tag, "admin-" + tag));
    }

    @Test
    void badProfilesAndUnknownDevelopersAreRefusedWithTheirReason() {
        marketplace.as(developer, Role.DEVELOPER).documentName("authorization/updateDeveloperProfile")
                   .variable("input", Map.of("displayName", "Arches", "website", "http://arches.example"))
                   .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                       assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                       assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT");
                       assertThat(e.getMessage()).startsWith("website: must be an https:// address");
                   }));
        admin().documentName("authorization/verifyDeveloper").variable("id", developer).execute()
               .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                   assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                   assertThat(e.getExtensions()).containsEntry("code", "DEVELOPER_NOT_FOUND");
               }));
        marketplace.anonymous().documentName("authorization/developer").variable("id", developer).execute()
                   .path("developer").valueIsNull();
    }

    private GraphQlTester.Response setProfile(String name, String website) {
        Map<String, Object> input = website == null
                ? Map.of("displayName", name, "contactEmail", "apps@arches.example")
                : Map.of("displayName", name, "website", website, "contactEmail", "apps@arches.example");
        GraphQlTester.Response response = marketplace.as(developer, Role.DEVELOPER)
                .documentName("authorization/updateDeveloperProfile").variable("input", input).execute();
        response.path("updateDeveloperProfile.displayName").entity(String.class).isEqualTo(name);
        return response;
    }

    private void badge(boolean verified) {
        search().path("catalogue.edges[0].node.developer.verified").entity(Boolean.class).isEqualTo(verified);
    }

    private GraphQlTester.Response search() {
        return marketplace.anonymous().documentName("developer/developerSearch").variable("tag", tag).execute();
    }

    private GraphQlTester admin() {
        return marketplace.as("admin-" + tag, Role.ADMIN);
    }

    private Map<String, Object> listing(String name) {
        return Marketplace.listing(name, "FOOD_AND_DRINK", List.of(tag));
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions();
    }
}
