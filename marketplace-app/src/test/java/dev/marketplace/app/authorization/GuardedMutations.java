package dev.marketplace.app.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.program.ListingUpdatedEvent;
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
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RatingFlaggedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingReplyPostedEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.app.support.Marketplace;
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
                mutation("submitVersion", c -> given.draftProgram(),
                         s -> Map.of("input", Map.of("miniProgramId", s.programId(), "version", "1.0.0",
                                                     "changelog", "First release", "packageDigest", "ab".repeat(32),
                                                     "packageSize", 1_048_576)),
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

    /** An operation on the read side's parked events: it stores no event of its own. */
    private static GuardedMutation retryDeadLetters() {
        return mutation("retryDeadLetters", c -> Scene.none(), s -> Map.of("processingGroup", "catalogue"), null,
                        (r, c, s) -> r.path("retryDeadLetters.retried").entity(Integer.class)
                                      .satisfies(n -> assertThat(n).isNotNegative())
                                      .path("retryDeadLetters.remaining").entity(Integer.class)
                                      .satisfies(n -> assertThat(n).isNotNegative()));
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
