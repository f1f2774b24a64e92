package dev.marketplace.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the marketplace through its public GraphQL API as different users, the way clients do. */
public final class Marketplace {

    /** The package {@link #submit(String, String, String)} uploads: the same bytes each time, stored once. */
    public static final byte[] GOOD_PACKAGE = TestPackages.goodZip("The test client's package");

    private final HttpGraphQlTester anonymous;

    public Marketplace(HttpGraphQlTester anonymous) {
        this.anonymous = anonymous;
    }

    public HttpGraphQlTester anonymous() {
        return anonymous;
    }

    /** The names the catalogue finds, anonymously, for programs with the tag. */
    public List<String> namesTagged(String tag) {
        return anonymous().documentName("search").variable("filter", Map.of("tags", List.of(tag)))
                          .execute().path("catalogue.edges[*].node.name").entityList(String.class).get();
    }

    public HttpGraphQlTester as(String userId, Role... roles) {
        return anonymous.mutate().header("Authorization", "Bearer " + Tokens.forUser(userId, roles)).build();
    }

    public String register(String developer, String name) {
        return register(developer, listing(name));
    }

    public String register(String developer, Map<String, Object> listing) {
        return as(developer, Role.DEVELOPER).documentName("registerMiniProgram")
                .variable("input", listing).execute()
                .path("registerMiniProgram.id").entity(String.class).get();
    }

    /** Uploads the {@link TestPackages#good() good package} as {@code developer} and submits it as a version. */
    public String submit(String developer, String programId, String version) {
        return submit(developer, programId, version, upload(developer, GOOD_PACKAGE));
    }

    /** Submits the package {@code developer} uploaded as {@code digest}, declaring the camera permission. */
    public String submit(String developer, String programId, String version, String digest) {
        return as(developer, Role.DEVELOPER).documentName("submitVersion")
                .variable("input", Map.of("miniProgramId", programId, "version", version,
                                          "changelog", "First release", "permissions", List.of("CAMERA"),
                                          "privacyUses", List.of("ORDER_FULFILMENT"), "packageDigest", digest))
                .execute().path("submitVersion.id").entity(String.class).get();
    }

    /** Uploads {@code zip} as {@code developer}, expecting it stored; returns its digest. */
    public String upload(String developer, byte[] zip) {
        Map<?, ?> answer = uploadRequest(Tokens.forUser(developer, Role.DEVELOPER), zip).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("digest");
    }

    /** {@code POST /packages} with {@code zip} as the body and {@code token} (null: none). */
    public WebTestClient.ResponseSpec uploadRequest(String token, byte[] zip) {
        return http().post().uri(b -> b.replacePath("/packages").build())
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(zip).exchange();
    }

    /** {@code GET} of {@code path} on the marketplace's address, as the holder of {@code token} (null: anonymous). */
    public WebTestClient.RequestHeadersSpec<?> get(String path, String token) {
        return http().get().uri(b -> b.replacePath(path).build()).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
    }

    /** A plain HTTP client on the marketplace's address, which the GraphQL tester was built for. */
    private WebTestClient http() {
        AtomicReference<WebTestClient> client = new AtomicReference<>();
        anonymous.mutate().webTestClient(builder -> client.set(
                builder.codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build()));
        return client.get();
    }

    /**
     * Approves once the version's package checks ran: asked again while the answer is CHECKS_PENDING, which the
     * program itself decides (so this works while the catalogue is away, too).
     */
    public void approve(String reviewer, String versionId) {
        AtomicReference<List<Object>> codes = new AtomicReference<>();
        AtomicReference<GraphQlTester.Response> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            GraphQlTester.Response response = as(reviewer, Role.REVIEWER).documentName("approveVersion")
                    .variable("versionId", versionId).variable("comment", "Looks good").execute();
            response.errors().satisfy(errors -> codes.set(errors.stream()
                    .map(e -> e.getExtensions().get("code")).toList()));
            answer.set(response);
            return !codes.get().contains("CHECKS_PENDING");
        });
        assertThat(codes.get()).as("errors approving " + versionId).isEmpty();
        answer.get().path("approveVersion.status").entity(String.class).isEqualTo("APPROVED");
    }

    /** Waits until the package checks of the version ran; returns their status. */
    public String awaitChecks(String reviewer, String versionId) {
        String programId = versionId.substring(0, versionId.lastIndexOf('/'));
        AtomicReference<String> status = new AtomicReference<>();
        // The catalogue may not hold the program yet (null) or the version's checks (PENDING): both pass soon.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            List<Map<String, Object>> versions = as(reviewer, Role.REVIEWER)
                    .document("query($id: ID!) { miniProgram(id: $id) { versions { id checks { status } } } }")
                    .variable("id", programId).execute().path("miniProgram.versions")
                    .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
            versions.stream().filter(v -> versionId.equals(v.get("id"))).findFirst()
                    .map(v -> (Map<?, ?>) v.get("checks")).ifPresent(c -> status.set((String) c.get("status")));
            return status.get() != null && !"PENDING".equals(status.get());
        });
        return status.get();
    }

    public void release(String developer, String versionId) {
        as(developer, Role.DEVELOPER).documentName("releaseVersion").variable("versionId", versionId)
                .execute().path("releaseVersion.status").entity(String.class).isEqualTo("RELEASED");
    }

    /** Registers, submits, approves and fully releases a program; returns its id. */
    public String publish(String developer, String name) {
        return publish(developer, listing(name));
    }

    public String publish(String developer, Map<String, Object> listing) {
        String id = register(developer, listing);
        releaseNew(developer, id, "1.0.0", "reviewer-1");
        return id;
    }

    /** Submits a version, has {@code reviewer} approve it and releases it to everyone; returns the version id. */
    public String releaseNew(String developer, String programId, String version, String reviewer) {
        String versionId = submit(developer, programId, version);
        approve(reviewer, versionId);
        release(developer, versionId);
        return versionId;
    }

    /** Has {@code reviewer} claim the version's review. */
    public void claim(String reviewer, String versionId) {
        as(reviewer, Role.REVIEWER).documentName("authorization/claimReview").variable("versionId", versionId)
                .execute().path("claimReview.review.reviewer").entity(String.class).isEqualTo(reviewer);
    }

    /** Has {@code reviewer} ask the developer {@code text} about the version, which then waits for the answer. */
    public void requestInformation(String reviewer, String versionId, String text) {
        as(reviewer, Role.REVIEWER).documentName("authorization/requestInformation").variable("versionId", versionId)
                .variable("text", text).execute()
                .path("requestInformation.status").entity(String.class).isEqualTo("INFORMATION_REQUESTED");
    }

    /** Rejects a version for crashing, with a reviewer's comment. */
    public void reject(String reviewer, String versionId, String comment) {
        as(reviewer, Role.REVIEWER).documentName("rejectVersion")
                .variable("input", Map.of("versionId", versionId, "reasons", List.of("CRASHES"), "comment", comment))
                .execute().path("rejectVersion.status").entity(String.class).isEqualTo("REJECTED");
    }

    public void install(String user, String programId) {
        as(user, Role.USER).documentName("installMiniProgram").variable("id", programId).execute()
                .path("installMiniProgram.installed").entity(Boolean.class).isEqualTo(true);
    }

    /** Has {@code reviewer} hide the rating. */
    public void hide(String reviewer, String ratingId) {
        as(reviewer, Role.REVIEWER).documentName("hideRating").variable("ratingId", ratingId).execute()
                .path("hideRating.hidden").entity(Boolean.class).isEqualTo(true);
    }

    /** Installs (if needed) and rates; returns the rating id. */
    public String rate(String user, String programId, int stars, String text) {
        install(user, programId);
        Map<String, Object> input = new HashMap<>();
        input.put("miniProgramId", programId);
        input.put("stars", stars);
        input.put("text", text);
        return as(user, Role.USER).documentName("rateMiniProgram").variable("input", input).execute()
                .path("rateMiniProgram.id").entity(String.class).get();
    }

    /**
     * A tag no other test uses, starting with {@code prefix}: tests that share a context (and its catalogue) find
     * their own programs by it.
     */
    public static String uniqueTag(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> listing(String name, String category, List<String> tags) {
        Map<String, Object> input = listing(name);
        input.put("category", category);
        input.put("tags", tags);
        return input;
    }

    public static Map<String, Object> listing(String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("summary", "Scan items as you shop and pay in the app");
        input.put("description", "Skip the checkout queue: scan barcodes while you shop.");
        input.put("category", "SHOPPING");
        input.put("tags", List.of("retail", "scan-and-go"));
        input.put("iconUrl", "https://cdn.example.org/icons/" + Math.abs(name.hashCode()) + ".png");
        return input;
    }
}
