package dev.marketplace.command.rating;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.rating.FlagReason;
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RateMiniProgramCommand;
import dev.marketplace.api.rating.RatingFlaggedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingId;
import dev.marketplace.api.rating.RatingReplyPostedEvent;
import dev.marketplace.api.rating.RatingView;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.directory.ProgramEntry;
import dev.marketplace.command.installation.Installations;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The sample program, people and messages that the {@link Rating} fixture tests share. The installation table and
 * the program directory are in-memory stand-ins: by default the author has the program installed and the directory
 * knows the program and its developer.
 */
final class RatingFixture {

    static final String PROGRAM_ID = "prog-1";
    static final Actor DEVELOPER = Actor.of("dev-1", Role.DEVELOPER);
    static final Actor OTHER_DEVELOPER = Actor.of("dev-2", Role.DEVELOPER);
    static final Actor AUTHOR = Actor.of("user-1", Role.USER);
    static final Actor OTHER_USER = Actor.of("user-2", Role.USER);
    static final Actor THIRD_USER = Actor.of("user-3", Role.USER);
    static final Actor REVIEWER = Actor.of("rev-1", Role.REVIEWER);
    static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN);
    static final String RATING_ID = new RatingId(PROGRAM_ID, AUTHOR.userId()).value();
    static final String TEXT = "Quick to order, but the menu loads slowly.";
    static final Instant RATED_AT = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-02T18:30:00Z");

    static final Installations AUTHOR_INSTALLED = (programId, userId) ->
            PROGRAM_ID.equals(programId) && AUTHOR.userId().equals(userId);
    static final Installations NOTHING_INSTALLED = (programId, userId) -> false;
    static final ProgramDirectory PROGRAM_KNOWN = programId -> Optional.ofNullable(
            Map.of(PROGRAM_ID, new ProgramEntry(PROGRAM_ID, DEVELOPER.userId(), ProgramStatus.LIVE)).get(programId));
    static final ProgramDirectory NO_PROGRAMS = programId -> Optional.empty();

    private RatingFixture() {
    }

    static AggregateTestFixture<Rating> newFixture() {
        return newFixture(AUTHOR_INSTALLED, PROGRAM_KNOWN);
    }

    static AggregateTestFixture<Rating> newFixture(Installations installations, ProgramDirectory directory) {
        AggregateTestFixture<Rating> fixture = new AggregateTestFixture<>(Rating.class);
        fixture.registerInjectableResource(installations);
        fixture.registerInjectableResource(directory);
        return fixture;
    }

    /** The metadata a command carries when {@code actor} sends it. */
    static Map<String, Object> by(Actor actor) {
        return ActorMetadata.of(actor);
    }

    static RateMiniProgramCommand rate(int stars, String text) {
        return new RateMiniProgramCommand(RATING_ID, PROGRAM_ID, stars, text);
    }

    static MiniProgramRatedEvent rated(int stars, String text) {
        return new MiniProgramRatedEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), stars, text);
    }

    static MiniProgramRatedEvent rated() {
        return rated(4, TEXT);
    }

    static RatingReplyPostedEvent replied(String reply) {
        return new RatingReplyPostedEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), reply, DEVELOPER.userId());
    }

    static RatingFlaggedEvent flagged(Actor by, FlagReason reason, int flagCount) {
        return new RatingFlaggedEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), by.userId(), reason, flagCount);
    }

    static RatingHiddenEvent hidden() {
        return new RatingHiddenEvent(RATING_ID, PROGRAM_ID, AUTHOR.userId(), 4, REVIEWER.userId());
    }

    /** The view of the author's rating, created at {@code createdAt}, with every other field as given. */
    static RatingView view(int stars, String text, String reply, boolean hidden, int flagCount, Instant createdAt,
                           Instant updatedAt) {
        return new RatingView(RATING_ID, PROGRAM_ID, AUTHOR.userId(), stars, text, reply, hidden, flagCount,
                              createdAt, updatedAt);
    }

    /** The view of the sample rating, 4 stars with {@link #TEXT}, rated at {@link #RATED_AT}. */
    static RatingView ratedView(String reply, boolean hidden, int flagCount, Instant updatedAt) {
        return view(4, TEXT, reply, hidden, flagCount, RATED_AT, updatedAt);
    }
}
