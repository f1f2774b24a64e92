package dev.marketplace.app.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys as a CI job uses them: a bearer credential beside JWTs, acting as its creator within its scopes only,
 * stored as a hash, refused from the request after its revocation on.
 */
@MarketplaceIntegrationTest
class ApiKeyTest extends MarketplaceClientTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void aKeyWithSubmitVersionSubmitsAsItsCreatorAndIsStoredOnlyAsAHash() {
        String program = marketplace.register("dev-k1", "Keyed Pipeline Cafe");
        String key = create("dev-k1", "Nightly", List.of("SUBMIT_VERSION", "READ"));
        String digest = marketplace.upload("dev-k1", TestPackages.goodZip("nightly"));

        withKey(key).documentName("submitVersion").variable("input", submission(program, "1.0.0", digest)).execute()
                    .path("submitVersion.status").entity(String.class).isEqualTo("IN_REVIEW");

        String actor = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?"
                                           + " order by sequence_number desc limit 1", (rs, row) ->
                new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), program);
        assertThat(actor).contains("\"userId\":\"dev-k1\"");
        String id = idOf(key);
        Map<String, Object> row = jdbc.queryForMap("select * from api_key where id = ?", id);
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(
                key.substring(ApiKeys.ID_LENGTH + 1)));
        assertThat(row.get("secret_hash")).isEqualTo(ApiKeys.hash(key));
        marketplace.as("dev-k1", Role.DEVELOPER).documentName("authorization/apiKeys").execute()
                   .path("apiKeys[0].id").entity(String.class).isEqualTo(id)
                   .path("apiKeys[0].lastUsedAt").hasValue();
    }

    @Test
    void aKeyWithoutSubmitVersionIsRefusedAndStoresNothing() {
        String program = marketplace.register("dev-k2", "Keyed Read Only Bakery");
        String key = create("dev-k2", "Read only", List.of("READ", "UPLOAD_PACKAGE"));
        long before = events();

        refused(withKey(key).documentName("submitVersion")
                            .variable("input", submission(program, "1.0.0", "cd".repeat(32)))
                            .execute(), "API_KEY_SCOPE");
        assertThat(events()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> withKey(key)
                .documentName("miniProgram").variable("id", program).execute()
                .path("miniProgram.id").entity(String.class).isEqualTo(program));
    }

    @Test
    void noKeyReviewsReleasesOrManagesKeysWhateverItsScopes() {
        String program = marketplace.register("dev-k3", "Keyed Everything Taxi");
        String version = marketplace.submit("dev-k3", program, "1.0.0");
        String key = create("dev-k3", "All scopes", List.of("SUBMIT_VERSION", "READ", "UPLOAD_PACKAGE"));

        refused(withKey(key).documentName("approveVersion").variable("versionId", version).execute(),
                "API_KEY_SCOPE");
        refused(withKey(key).documentName("releaseVersion").variable("versionId", version).execute(),
                "API_KEY_SCOPE");
        refused(withKey(key).documentName("authorization/createApiKey")
                            .variable("input", Map.of("name", "Escalated", "scopes", List.of("READ"))).execute(),
                "API_KEY_SCOPE");
        refused(withKey(key).documentName("authorization/apiKeys").execute(), "API_KEY_SCOPE");
        refused(withKey(key).documentName("authorization/revokeApiKey")
                            .variable("id", idOf(key)).execute(), "API_KEY_SCOPE");
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOn() throws Exception {
        String key = create("dev-k4", "Soon revoked", List.of("READ"));
        assertThat(post("/graphql", key, "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}").statusCode())
                .isEqualTo(200);

        marketplace.as("dev-k4", Role.DEVELOPER).documentName("authorization/revokeApiKey")
                   .variable("id", idOf(key)).execute()
                   .path("revokeApiKey.revokedAt").hasValue();

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                post("/graphql", key, "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}").statusCode())
                .isEqualTo(401));
    }

    /**
     * Another node revokes by writing the shared row, exactly as revokeApiKey does there; this node, which has just
     * accepted the key, refuses it within a second, since it keeps no copy of the key's state.
     */
    @Test
    void aKeyRevokedOnAnotherNodeIsRefusedHereWithinASecond() throws Exception {
        String key = create("dev-k9", "Shared", List.of("READ"));
        String body = "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(post("/graphql", key, body).statusCode()).isEqualTo(200);
        }

        jdbc.update("update api_key set revoked_at = ? where id = ?", java.sql.Timestamp.from(java.time.Instant.now()),
                    idOf(key));

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(post("/graphql", key, body).statusCode())
                .isEqualTo(401));
    }

    @Test
    void wrongExpiredAndForeignKeysAreRefused() throws Exception {
        String key = create("dev-k5", "Expiring", List.of("READ"));
        String body = "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}";
        assertThat(post("/graphql", key.substring(0, key.length() - 1) + "x", body).statusCode()).isEqualTo(401);
        assertThat(post("/graphql", "mpk_nosuchkey000_abc", body).statusCode()).isEqualTo(401);
        jdbc.update("update api_key set expires_at = ? where id = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
                    idOf(key));
        assertThat(post("/graphql", key, body).statusCode()).isEqualTo(401);
        refused(marketplace.as("dev-k6", Role.DEVELOPER).documentName("authorization/revokeApiKey")
                           .variable("id", idOf(key)).execute(), "API_KEY_NOT_FOUND");
    }

    @Test
    void packageUploadsNeedTheUploadScopeWhenMadeWithAKey() throws Exception {
        String reader = create("dev-k7", "Reader", List.of("READ"));
        String uploader = create("dev-k7", "Uploader", List.of("UPLOAD_PACKAGE"));

        assertThat(post("/packages", reader, "zip").statusCode()).isEqualTo(403);
        assertThat(post("/packages", uploader, "zip").statusCode()).isNotIn(401, 403);
    }

    @Test
    void badKeyInputIsNamed() {
        refused(marketplace.as("dev-k8", Role.DEVELOPER).documentName("authorization/createApiKey")
                           .variable("input", Map.of("name", "No scopes", "scopes", List.of())).execute(),
                "INVALID_INPUT");
        refused(marketplace.as("dev-k8", Role.DEVELOPER).documentName("authorization/createApiKey")
                           .variable("input", Map.of("name", "Past", "scopes", List.of("READ"),
                                                     "expiresAt", "2020-01-01T00:00:00Z")).execute(),
                "INVALID_INPUT");
        refused(marketplace.as("k-user", Role.USER).documentName("authorization/createApiKey")
                           .variable("input", Map.of("name", "User", "scopes", List.of("READ"))).execute(),
                "ROLE_REQUIRED");
    }

    private String create(String developer, String name, List<String> scopes) {
        return marketplace.as(developer, Role.DEVELOPER).documentName("authorization/createApiKey")
                          .variable("input", Map.of("name", name, "scopes", scopes)).execute()
                          .path("createApiKey.key").entity(String.class).get();
    }

    private static String idOf(String key) {
        return key.substring(0, ApiKeys.ID_LENGTH);
    }

    private HttpGraphQlTester withKey(String key) {
        return marketplace.anonymous().mutate().header("Authorization", "Bearer " + key).build();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", path.equals("/graphql") ? "application/json"
                                            : "application/zip")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private long events() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static Map<String, Object> submission(String program, String version, String digest) {
        return Map.of("miniProgramId", program, "version", version, "changelog", "From CI",
                      "permissions", List.of("CAMERA"), "privacyUses", List.of("ORDER_FULFILMENT"),
                      "packageDigest", digest);
    }

    private static void refused(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
