package dev.marketplace.app.authorization;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
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

    Scene versionInReview() {
        Scene scene = draftProgram();
        return scene.withVersion(marketplace.submit(Caller.OWNER.userId(), scene.programId(), "1.0.0"));
    }

    Scene versionClaimedByAnotherReviewer() {
        Scene scene = versionInReview();
        marketplace.as(MODERATOR, Role.REVIEWER).documentName("authorization/claimReview")
                   .variable("versionId", scene.versionId()).execute()
                   .path("claimReview.review.reviewer").entity(String.class).isEqualTo(MODERATOR);
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
        marketplace.as(MODERATOR, Role.REVIEWER).documentName("authorization/hideRating")
                   .variable("ratingId", scene.ratingId()).execute()
                   .path("hideRating.hidden").entity(Boolean.class).isEqualTo(true);
        return scene;
    }

    private void install(Caller caller, String programId) {
        caller.on(marketplace).documentName("authorization/installMiniProgram").variable("id", programId).execute()
              .path("installMiniProgram.installed").entity(Boolean.class).isEqualTo(true);
    }
}
