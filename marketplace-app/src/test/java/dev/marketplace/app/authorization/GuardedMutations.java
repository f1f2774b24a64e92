package dev.marketplace.app.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.developer.DeveloperProfileUpdatedEvent;
import dev.marketplace.api.developer.DeveloperUnverifiedEvent;
import dev.marketplace.api.developer.DeveloperVerifiedEvent;
import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import dev.marketplace.api.ranking.RankingWeightsSetEvent;
import dev.marketplace.api.search.SearchResultChosenEvent;
import dev.marketplace.api.settings.SearchHistorySetEvent;
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RatingFlaggedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingReplyPostedEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.api.report.AbuseReportResolvedEvent;
import dev.marketplace.api.report.MiniProgramReportedEvent;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.TestPackages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every mutation of the schema, each with the state its matrix cells start from and what an allowed call shows.
 * The refusals are not here: they are the matrix itself, in {@link AuthorizationMatrixTest}.
 */
final class GuardedMutations {

    private static final String SUMMARY = "Order ahead and skip the queue";
    private static final String REPLY = "Fixed in the next version, thank you";

    private GuardedMutations() {
    }

    /** By mutation name, in the schema's order. */
    static Map<String, GuardedMutation> all(Preconditions given) {
        Map<String, GuardedMutation> byName = new LinkedHashMap<>();
        programMutations(given).forEach(m -> byName.put(m.name(), m));
        installationAndRatingMutations(given).forEach(m -> byName.put(m.name(), m));
        byName.put("retryDeadLetters", retryDeadLetters());
        byName.put("rebuildCatalogue", rebuildCatalogue(given));
        developerMutations(given).forEach(m -> byName.put(m.name(), m));
        reportMutations(given).forEach(m -> byName.put(m.name(), m));
        apiKeyMutations(given).forEach(m -> byName.put(m.name(), m));
        cannedResponseMutations(given).forEach(m -> byName.put(m.name(), m));
        byName.put("createWebhook", mutation(
                "createWebhook", c -> Scene.none(),
                s -> Map.of("input", Map.of("url", Preconditions.WEBHOOK_URL, "events", List.of("VERSION_APPROVED"))),
                null, (r, c, s) -> {
                    r.path("createWebhook.secret").entity(String.class)
                     .satisfies(secret -> assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40));
                    field(r, "createWebhook.webhook.url").isEqualTo(Preconditions.WEBHOOK_URL);
                }));
        byName.put("deleteWebhook", mutation("deleteWebhook", c -> given.ownersWebhook(),
                                             s -> Map.of("id", s.itemId()), null,
                                             (r, c, s) -> field(r, "deleteWebhook.id").isEqualTo(s.itemId())));
        byName.put("setRankingWeights", setRankingWeights(given));
        byName.put("updateMySettings", mutation("updateMySettings", given::searchHistoryOn,
                s -> Map.of("input", Map.of("searchHistory", "OFF")), SearchHistorySetEvent.class,
                (r, c, s) -> field(r, "updateMySettings.searchHistory").isEqualTo("OFF")));
        byName.put("chooseSearchResult", mutation("chooseSearchResult", given::searchedBy,
                s -> Map.of("searchId", s.searchId(), "miniProgramId", s.programId(), "action", "INSTALLED"),
                SearchResultChosenEvent.class, (r, c, s) -> {
                    field(r, "chooseSearchResult.position").isEqualTo(1);
                    field(r, "chooseSearchResult.miniProgramId").isEqualTo(s.programId());
                }));
        byName.put("rankingBacktest", rankingBacktest());
        return byName;
    }

    private static List<GuardedMutation> programMutations(Preconditions given) {
        return List.of(
                mutation("registerMiniProgram", c -> given.unregisteredProgram(),
                         s -> Map.of("input", Marketplace.listing(s.programName())), MiniProgramRegisteredEvent.class,
                         (r, c, s) -> {
                             field(r, "registerMiniProgram.name").isEqualTo(s.programName());
                             field(r, "registerMiniProgram.status").isEqualTo("DRAFT");
                             field(r, "registerMiniProgram.developer.id").isEqualTo(c.userId());
                         }),
                mutation("updateListing", c -> given.draftProgram(),
                         s -> Map.of("input", Map.of("miniProgramId", s.programId(), "summary", SUMMARY)),
                         ListingUpdatedEvent.class, (r, c, s) -> {
                             field(r, "updateListing.id").isEqualTo(s.programId());
                             field(r, "updateListing.summary").isEqualTo(SUMMARY);
                         }),
                mutation("submitVersion", c -> given.draftProgramWithUploads(),
                         s -> Map.of("input", Map.of("miniProgramId", s.programId(), "version", "1.0.0",
                                                     "changelog", "First release", "permissions", List.of("CAMERA"),
                                                     "packageDigest", TestPackages.digest(Marketplace.GOOD_PACKAGE))),
                         VersionSubmittedEvent.class, (r, c, s) -> {
                             field(r, "submitVersion.id").isEqualTo(s.programId() + "/1.0.0");
                             field(r, "submitVersion.status").isEqualTo("IN_REVIEW");
                         }),
                mutation("withdrawVersion", c -> given.versionInReview(), s -> Map.of("versionId", s.versionId()),
                         VersionWithdrawnEvent.class, (r, c, s) -> {
                             field(r, "withdrawVersion.id").isEqualTo(s.versionId());
                             field(r, "withdrawVersion.status").isEqualTo("WITHDRAWN");
                         }),
                mutation("claimReview", c -> given.versionInReview(), s -> Map.of("versionId", s.versionId()),
                         ReviewClaimedEvent.class, (r, c, s) -> {
                             field(r, "claimReview.status").isEqualTo("IN_REVIEW");
                             field(r, "claimReview.review.reviewer").isEqualTo(c.userId());
                         }),
                mutation("approveVersion", c -> given.versionInReview(),
                         s -> Map.of("versionId", s.versionId(), "comment", "Looks good"),
                         VersionApprovedEvent.class, (r, c, s) -> {
                             field(r, "approveVersion.status").isEqualTo("APPROVED");
                             field(r, "approveVersion.review.outcome").isEqualTo("APPROVED");
                             field(r, "approveVersion.review.reviewer").isEqualTo(c.userId());
                         }),
                mutation("rejectVersion", c -> given.versionInReview(),
                         s -> Map.of("input", Map.of("versionId", s.versionId(), "reasons", List.of("CRASHES"),
                                                     "comment", "Crashes on start")),
                         VersionRejectedEvent.class, (r, c, s) -> {
                             field(r, "rejectVersion.status").isEqualTo("REJECTED");
                             field(r, "rejectVersion.review.outcome").isEqualTo("REJECTED");
                             field(r, "rejectVersion.review.reviewer").isEqualTo(c.userId());
                         }),
                mutation("requestInformation", c -> given.versionInReview(),
                         s -> Map.of("versionId", s.versionId(), "text", "Why the camera?"),
                         InformationRequestedEvent.class, (r, c, s) -> {
                             field(r, "requestInformation.status").isEqualTo("INFORMATION_REQUESTED");
                             field(r, "requestInformation.review.reviewer").isEqualTo(c.userId());
                         }),
                mutation("answerReview", c -> given.informationRequested(),
                         s -> Map.of("versionId", s.versionId(), "text", "To scan barcodes"),
                         ReviewAnsweredEvent.class,
                         (r, c, s) -> field(r, "answerReview.status").isEqualTo("IN_REVIEW")),
                mutation("releaseVersion", c -> given.approvedVersion(),
                         s -> Map.of("versionId", s.versionId(), "percentage", 100),
                         VersionReleasedEvent.class, (r, c, s) -> {
                             field(r, "releaseVersion.status").isEqualTo("RELEASED");
                             field(r, "releaseVersion.releasePercentage").isEqualTo(100);
                         }),
                mutation("rollbackRelease", c -> given.twoReleasedVersions(),
                         s -> Map.of("miniProgramId", s.programId(), "toVersionId", s.versionId()),
                         ReleaseRolledBackEvent.class, (r, c, s) -> {
                             field(r, "rollbackRelease.status").isEqualTo("LIVE");
                             field(r, "rollbackRelease.currentVersion.id").isEqualTo(s.versionId());
                             field(r, "rollbackRelease.currentVersion.status").isEqualTo("RELEASED");
                         }),
                mutation("suspendMiniProgram", c -> given.liveProgram(),
                         s -> Map.of("id", s.programId(), "reason", "Reported as a phishing site"),
                         MiniProgramSuspendedEvent.class,
                         (r, c, s) -> field(r, "suspendMiniProgram.status").isEqualTo("SUSPENDED")),
                mutation("reinstateMiniProgram", c -> given.suspendedProgram(), s -> Map.of("id", s.programId()),
                         MiniProgramReinstatedEvent.class,
                         (r, c, s) -> field(r, "reinstateMiniProgram.status").isEqualTo("LIVE")),
                mutation("delistMiniProgram", c -> given.liveProgram(), s -> Map.of("id", s.programId()),
                         MiniProgramDelistedEvent.class,
                         (r, c, s) -> field(r, "delistMiniProgram.status").isEqualTo("DELISTED")));
    }

    private static List<GuardedMutation> installationAndRatingMutations(Preconditions given) {
        return List.of(
                mutation("installMiniProgram", c -> given.liveProgram(), s -> Map.of("id", s.programId()),
                         MiniProgramInstalledEvent.class, (r, c, s) -> {
                             field(r, "installMiniProgram.userId").isEqualTo(c.userId());
                             field(r, "installMiniProgram.installed").isEqualTo(true);
                         }),
                mutation("uninstallMiniProgram", given::installedBy, s -> Map.of("id", s.programId()),
                         MiniProgramUninstalledEvent.class, (r, c, s) -> {
                             field(r, "uninstallMiniProgram.userId").isEqualTo(c.userId());
                             field(r, "uninstallMiniProgram.installed").isEqualTo(false);
                         }),
                mutation("rateMiniProgram", given::installedBy,
                         s -> Map.of("input", Map.of("miniProgramId", s.programId(), "stars", 4,
                                                     "text", "Quick and easy")),
                         MiniProgramRatedEvent.class, (r, c, s) -> {
                             field(r, "rateMiniProgram.userId").isEqualTo(c.userId());
                             field(r, "rateMiniProgram.stars").isEqualTo(4);
                         }),
                mutation("replyToRating", c -> given.rating(), s -> Map.of("ratingId", s.ratingId(), "text", REPLY),
                         RatingReplyPostedEvent.class, (r, c, s) -> {
                             field(r, "replyToRating.id").isEqualTo(s.ratingId());
                             field(r, "replyToRating.reply").isEqualTo(REPLY);
                         }),
                mutation("flagRating", c -> given.rating(), s -> Map.of("ratingId", s.ratingId(), "reason", "SPAM"),
                         RatingFlaggedEvent.class, (r, c, s) -> {
                             field(r, "flagRating.id").isEqualTo(s.ratingId());
                             field(r, "flagRating.flagCount").isEqualTo(1);
                         }),
                mutation("hideRating", c -> given.rating(), s -> Map.of("ratingId", s.ratingId()),
                         RatingHiddenEvent.class, (r, c, s) -> field(r, "hideRating.hidden").isEqualTo(true)),
                mutation("restoreRating", c -> given.hiddenRating(), s -> Map.of("ratingId", s.ratingId()),
                         RatingRestoredEvent.class, (r, c, s) -> field(r, "restoreRating.hidden").isEqualTo(false)));
    }

    private static List<GuardedMutation> developerMutations(Preconditions given) {
        return List.of(
                mutation("updateDeveloperProfile", c -> given.unregisteredProgram(),
                         s -> Map.of("input", Map.of("displayName", s.programName(),
                                                     "website", "https://developer.example",
                                                     "contactEmail", "apps@developer.example")),
                         DeveloperProfileUpdatedEvent.class, (r, c, s) -> {
                             field(r, "updateDeveloperProfile.id").isEqualTo(c.userId());
                             field(r, "updateDeveloperProfile.displayName").isEqualTo(s.programName());
                             field(r, "updateDeveloperProfile.contactEmail").isEqualTo("apps@developer.example");
                             field(r, "updateDeveloperProfile.verified").isEqualTo(false);
                         }),
                mutation("verifyDeveloper", c -> given.developerProfile(), s -> Map.of("id", s.developerId()),
                         DeveloperVerifiedEvent.class, (r, c, s) -> {
                             field(r, "verifyDeveloper.id").isEqualTo(s.developerId());
                             field(r, "verifyDeveloper.verified").isEqualTo(true);
                         }),
                mutation("unverifyDeveloper", c -> given.verifiedDeveloper(), s -> Map.of("id", s.developerId()),
                         DeveloperUnverifiedEvent.class, (r, c, s) -> {
                             field(r, "unverifyDeveloper.id").isEqualTo(s.developerId());
                             field(r, "unverifyDeveloper.verified").isEqualTo(false);
                         }));
    }

    private static List<GuardedMutation> reportMutations(Preconditions given) {
        return List.of(
                mutation("reportMiniProgram", c -> given.liveProgram(),
                         s -> Map.of("input", Map.of("miniProgramId", s.programId(), "reason", "IMPERSONATION",
                                                     "text", "Pretends to be the bank")),
                         MiniProgramReportedEvent.class, (r, c, s) -> {
                             field(r, "reportMiniProgram.reporterId").isEqualTo(c.userId());
                             field(r, "reportMiniProgram.status").isEqualTo("OPEN");
                         }),
                mutation("resolveAbuseReport", c -> given.openReport(),
                         s -> Map.of("id", s.reportId(), "action", "DISMISS", "comment", "Nothing found"),
                         AbuseReportResolvedEvent.class, (r, c, s) -> {
                             field(r, "resolveAbuseReport.status").isEqualTo("DISMISSED");
                             field(r, "resolveAbuseReport.resolvedBy").isEqualTo(c.userId());
                         }));
    }

    /** Keys live beside the event store, not in it: an allowed call stores no event. */
    private static List<GuardedMutation> apiKeyMutations(Preconditions given) {
        return List.of(
                mutation("createApiKey", c -> Scene.none(),
                         s -> Map.of("input", Map.of("name", "Nightly build", "scopes",
                                                     List.of("UPLOAD_PACKAGE", "SUBMIT_VERSION"))), null,
                         (r, c, s) -> {
                             r.path("createApiKey.key").entity(String.class)
                              .satisfies(key -> assertThat(key).startsWith("mpk_").hasSizeGreaterThan(50));
                             field(r, "createApiKey.apiKey.name").isEqualTo("Nightly build");
                         }),
                mutation("revokeApiKey", c -> given.ownersApiKey(), s -> Map.of("id", s.itemId()), null,
                         (r, c, s) -> {
                             field(r, "revokeApiKey.id").isEqualTo(s.itemId());
                             r.path("revokeApiKey.revokedAt").hasValue();
                         }));
    }

    /** Templates are a reviewer's tool, not decisions: an allowed call stores no event. */
    private static List<GuardedMutation> cannedResponseMutations(Preconditions given) {
        return List.of(
                mutation("saveCannedResponse", c -> Scene.none(),
                         s -> Map.of("input", Map.of("reason", "CRASHES", "title", "Crash on start",
                                                     "text", "The program closes when it starts.")), null,
                         (r, c, s) -> field(r, "saveCannedResponse.title").isEqualTo("Crash on start")),
                mutation("deleteCannedResponse", c -> given.reviewersCannedResponse(),
                         s -> Map.of("id", s.itemId()), null,
                         (r, c, s) -> field(r, "deleteCannedResponse.id").isEqualTo(s.itemId())));
    }

    /** An operation on the read side's parked events: it stores no event of its own. */
    private static GuardedMutation retryDeadLetters() {
        return mutation("retryDeadLetters", c -> Scene.none(), s -> Map.of("processingGroup", "catalogue"), null,
                        (r, c, s) -> r.path("retryDeadLetters.retried").entity(Integer.class)
                                      .satisfies(n -> assertThat(n).isNotNegative())
                                      .path("retryDeadLetters.remaining").entity(Integer.class)
                                      .satisfies(n -> assertThat(n).isNotNegative()));
    }

    /**
     * Starts a real rebuild of the context's catalogue, which stores no event; the check waits for it to finish so
     * the cells after it find the live projection running and no rebuild to refuse them with REBUILD_RUNNING.
     */
    private static GuardedMutation rebuildCatalogue(Preconditions given) {
        return mutation("rebuildCatalogue", c -> Scene.none(), s -> Map.of(), null, (r, c, s) -> {
            field(r, "rebuildCatalogue.state").isEqualTo("RUNNING");
            field(r, "rebuildCatalogue.startedBy").isEqualTo(c.userId());
            given.rebuildFinished();
        });
    }

    /**
     * Puts the configured default weights in force: the one event is stored, and the searches of the tests that share
     * this context rank as before.
     */
    private static GuardedMutation setRankingWeights(Preconditions given) {
        return mutation("setRankingWeights", given::rankingWeightsOtherThanTheDefaults,
                        s -> Map.of("weights", Map.of("installs", 0.15, "rating", 0.1, "exactName", 100, "phrase", 10)),
                        RankingWeightsSetEvent.class, (r, c, s) -> {
                            field(r, "setRankingWeights.installs").isEqualTo(0.15);
                            field(r, "setRankingWeights.exactName").isEqualTo(100.0);
                        });
    }

    /** Starts a backtest of the last minute's searches, which acts on the read side and stores no event. */
    private static GuardedMutation rankingBacktest() {
        return mutation("rankingBacktest", c -> Scene.none(), s -> Map.of(
                "input", Map.of("weights", Map.of("installs", 0.15, "rating", 0.1, "exactName", 100, "phrase", 10),
                                "from", java.time.Instant.now().minusSeconds(60).toString(),
                                "to", java.time.Instant.now().toString())), null, (r, c, s) -> {
                                    field(r, "rankingBacktest.state").isEqualTo("RUNNING");
                                    field(r, "rankingBacktest.startedBy").isEqualTo(c.userId());
                                });
    }

    private static GuardedMutation mutation(String name, Function<Caller, Scene> given,
                                            Function<Scene, Map<String, Object>> variables, Class<?> event,
                                            GuardedMutation.ResultCheck allowed) {
        return new GuardedMutation(name, null, given, variables, event, allowed);
    }

    private static GraphQlTester.Entity<Object, ?> field(GraphQlTester.Response response, String path) {
        return response.path(path).entity(Object.class);
    }
}
