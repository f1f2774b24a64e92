package dev.marketplace.app.authorization;

import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the state a matrix cell starts from, through the GraphQL API and as the users entitled to each step, on a
 * program of its own: {@link Caller#OWNER}'s user owns it, a reviewer who never appears as a caller decides and
 * moderates, and {@link Caller#AUTHOR}'s user writes the rating. Every step asserts its own success, so a broken
 * precondition fails loudly instead of turning an expected refusal into a false pass.
 */
final class Preconditions {

    private static final String MODERATOR = "setup-reviewer";
    private static final String MODERATOR_ADMIN = "setup-admin";
    private static final String REPORTER = "setup-reporter";
    /** The discard port on loopback: nothing listens, so deliveries fail there and never leave the machine. */
    static final String WEBHOOK_URL = "http://127.0.0.1:9/hooks";
    private static final AtomicInteger PROGRAMS = new AtomicInteger();

    private final Marketplace marketplace;

    Preconditions(Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    /** A name no program has yet: names are unique across the marketplace and at most 50 characters. */
    Scene unregisteredProgram() {
        return Scene.unregistered("Authorization matrix " + PROGRAMS.incrementAndGet());
    }

    Scene draftProgram() {
        Scene scene = unregisteredProgram();
        return scene.withProgram(marketplace.register(Caller.OWNER.userId(), scene.programName()));
    }

    /** A draft program, and the test client's package uploaded by each user who may submit a version of it. */
    Scene draftProgramWithUploads() {
        Scene scene = draftProgram();
        marketplace.upload(Caller.OWNER.userId(), Marketplace.GOOD_PACKAGE);
        marketplace.upload(Caller.ADMIN.userId(), Marketplace.GOOD_PACKAGE);
        return scene;
    }

    /** A version in review whose package checks ran (and passed), so that it may be approved. */
    Scene versionInReview() {
        Scene scene = draftProgram();
        String version = marketplace.submit(Caller.OWNER.userId(), scene.programId(), "1.0.0");
        marketplace.awaitChecks(MODERATOR, version);
        return scene.withVersion(version);
    }

    Scene versionClaimedByAnotherReviewer() {
        Scene scene = versionInReview();
        marketplace.claim(MODERATOR, scene.versionId());
        return scene;
    }

    Scene informationRequested() {
        Scene scene = versionInReview();
        marketplace.requestInformation(MODERATOR, scene.versionId(), "Why the camera?");
        return scene;
    }

    Scene approvedVersion() {
        Scene scene = versionInReview();
        marketplace.approve(MODERATOR, scene.versionId());
        return scene;
    }

    Scene liveProgram() {
        Scene scene = approvedVersion();
        marketplace.release(Caller.OWNER.userId(), scene.versionId());
        return scene;
    }

    /**
     * A live program the caller found with a catalogue search (their search history ON, as another cell may have
     * turned it off), recorded under the search's id; an anonymous caller's
     * search is recorded nowhere, so it gets an id no search has.
     */
    Scene searchedBy(Caller caller) {
        Scene scene = liveProgram();
        if (!caller.signedIn()) {
            return scene.withSearch(java.util.UUID.randomUUID().toString());
        }
        searchHistoryOn(caller);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> caller.on(marketplace)
                .documentName("search").variable("query", scene.programName()).variable("first", 5).execute()
                .path("catalogue.edges[*].node.id").entityList(String.class).get().contains(scene.programId()));
        String searchId = caller.on(marketplace).documentName("authorization/searchId")
                .variable("query", scene.programName()).execute().path("catalogue.searchId").entity(String.class).get();
        return scene.withSearch(searchId);
    }

    /**
     * For the one caller allowed to set weights, other weights than the defaults in force, so that the cell's
     * defaults are a change (one event) whatever ran before; other callers leave the weights alone.
     */
    Scene rankingWeightsOtherThanTheDefaults(Caller caller) {
        if (caller == Caller.ADMIN) {
            caller.on(marketplace).documentName("authorization/setRankingWeights")
                  .variable("weights", java.util.Map.of("installs", 0.15, "rating", 0.1, "exactName", 100,
                                                        "phrase", 11))
                  .execute().path("setRankingWeights.phrase").entity(Double.class).isEqualTo(11.0);
        }
        return Scene.none();
    }

    /** The caller's search history ON, set by them, so that turning it OFF changes it. */
    Scene searchHistoryOn(Caller caller) {
        if (caller.signedIn()) {
            caller.on(marketplace).documentName("authorization/updateMySettings")
                  .variable("input", java.util.Map.of("searchHistory", "ON")).execute()
                  .path("updateMySettings.searchHistory").entity(String.class).isEqualTo("ON");
        }
        return Scene.none();
    }

    /** A live program whose 1.1.0 superseded 1.0.0; the scene's version is 1.0.0, the one to roll back to. */
    Scene twoReleasedVersions() {
        Scene scene = liveProgram();
        String newer = marketplace.submit(Caller.OWNER.userId(), scene.programId(), "1.1.0");
        marketplace.approve(MODERATOR, newer);
        marketplace.release(Caller.OWNER.userId(), newer);
        return scene;
    }

    Scene suspendedProgram() {
        Scene scene = liveProgram();
        marketplace.as(MODERATOR, Role.REVIEWER).documentName("authorization/suspendMiniProgram")
                   .variable("id", scene.programId()).variable("reason", "Under investigation").execute()
                   .path("suspendMiniProgram.status").entity(String.class).isEqualTo("SUSPENDED");
        return scene;
    }

    /** A live program the caller has installed; nobody can install for an anonymous caller. */
    Scene installedBy(Caller caller) {
        Scene scene = liveProgram();
        if (caller.signedIn()) {
            install(caller, scene.programId());
        }
        return scene;
    }

    Scene rating() {
        Scene scene = installedBy(Caller.AUTHOR);
        Map<String, Object> input = Map.of("miniProgramId", scene.programId(), "stars", 2,
                                           "text", "Crashes at checkout");
        String ratingId = Caller.AUTHOR.on(marketplace).documentName("authorization/rateMiniProgram")
                .variable("input", input).execute().path("rateMiniProgram.id").entity(String.class).get();
        return scene.withRating(ratingId);
    }

    Scene hiddenRating() {
        Scene scene = rating();
        marketplace.hide(MODERATOR, scene.ratingId());
        return scene;
    }

    /** A developer of the cell's own with a profile, unverified; nobody else acts on it. */
    Scene developerProfile() {
        Scene scene = Scene.developer("matrix-developer-" + PROGRAMS.incrementAndGet(),
                                      "Matrix developer " + PROGRAMS.incrementAndGet());
        marketplace.as(scene.developerId(), Role.DEVELOPER).documentName("authorization/updateDeveloperProfile")
                   .variable("input", Map.of("displayName", scene.programName())).execute()
                   .path("updateDeveloperProfile.displayName").entity(String.class).isEqualTo(scene.programName());
        return scene;
    }

    Scene verifiedDeveloper() {
        Scene scene = developerProfile();
        marketplace.as(MODERATOR_ADMIN, Role.ADMIN).documentName("authorization/verifyDeveloper")
                   .variable("id", scene.developerId()).execute()
                   .path("verifyDeveloper.verified").entity(Boolean.class).isEqualTo(true);
        return scene;
    }

    /** An API key of {@link Caller#OWNER}'s user. */
    Scene ownersApiKey() {
        Map<String, Object> input = Map.of("name", "CI " + PROGRAMS.incrementAndGet(), "scopes", List.of("READ"));
        return Scene.item(Caller.OWNER.on(marketplace).documentName("authorization/createApiKey")
                                  .variable("input", input).execute().path("createApiKey.apiKey.id")
                                  .entity(String.class).get());
    }

    /** A webhook endpoint of {@link Caller#OWNER}'s user, kept as the scene's item. */
    Scene ownersWebhook() {
        Map<String, Object> input = Map.of("url", WEBHOOK_URL, "events", List.of("VERSION_RELEASED"));
        return Scene.item(Caller.OWNER.on(marketplace).documentName("authorization/createWebhook")
                                  .variable("input", input).execute().path("createWebhook.webhook.id")
                                  .entity(String.class).get());
    }

    /** A template of {@link Caller#REVIEWER}'s user, kept as the scene's item. */
    Scene reviewersCannedResponse() {
        Map<String, Object> input = Map.of("title", "Ask about permissions " + PROGRAMS.incrementAndGet(),
                                           "text", "Which feature needs this permission?");
        return Scene.item(Caller.REVIEWER.on(marketplace).documentName("authorization/saveCannedResponse")
                                  .variable("input", input).execute().path("saveCannedResponse.id")
                                  .entity(String.class).get());
    }

    /** A live program with an open abuse report by a user who never appears as a caller. */
    Scene openReport() {
        Scene scene = liveProgram();
        Map<String, Object> input = Map.of("miniProgramId", scene.programId(), "reason", "FRAUD",
                                           "text", "Asks for card numbers");
        String reportId = marketplace.as(REPORTER, Role.USER).documentName("authorization/reportMiniProgram")
                .variable("input", input).execute().path("reportMiniProgram.id").entity(String.class).get();
        return scene.withReport(reportId);
    }

    /**
     * Waits until the rebuild a cell started is DONE: a rebuild pauses the live projection to switch indexes, and the
     * cells after this one expect the catalogue to follow their mutations as usual.
     */
    void rebuildFinished() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
               .untilAsserted(() -> Caller.ADMIN.on(marketplace).documentName("catalogueRebuild").execute()
                                                .path("catalogueRebuild.state").entity(String.class)
                                                .isEqualTo("DONE"));
    }

    private void install(Caller caller, String programId) {
        caller.on(marketplace).documentName("authorization/installMiniProgram").variable("id", programId).execute()
              .path("installMiniProgram.installed").entity(Boolean.class).isEqualTo(true);
    }
}
