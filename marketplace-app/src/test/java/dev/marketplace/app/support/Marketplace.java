package dev.marketplace.app.support;

import dev.marketplace.api.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Drives the marketplace through its public GraphQL API as different users, the way clients do. */
public final class Marketplace {

    private final HttpGraphQlTester anonymous;

    public Marketplace(HttpGraphQlTester anonymous) {
        this.anonymous = anonymous;
    }

    public HttpGraphQlTester anonymous() {
        return anonymous;
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

    public String submit(String developer, String programId, String version) {
        return as(developer, Role.DEVELOPER).documentName("submitVersion")
                .variable("input", Map.of("miniProgramId", programId, "version", version,
                                          "changelog", "First release", "permissions", List.of("CAMERA"),
                                          "privacyUses", List.of("ORDER_FULFILMENT"),
                                          "packageDigest", "ab".repeat(32), "packageSize", 1_048_576))
                .execute().path("submitVersion.id").entity(String.class).get();
    }

    public void approve(String reviewer, String versionId) {
        as(reviewer, Role.REVIEWER).documentName("approveVersion").variable("versionId", versionId)
                .variable("comment", "Looks good").execute()
                .path("approveVersion.status").entity(String.class).isEqualTo("APPROVED");
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
        String version = submit(developer, id, "1.0.0");
        approve("reviewer-1", version);
        release(developer, version);
        return id;
    }

    public void install(String user, String programId) {
        as(user, Role.USER).documentName("installMiniProgram").variable("id", programId).execute()
                .path("installMiniProgram.installed").entity(Boolean.class).isEqualTo(true);
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
