package dev.marketplace.command.rating;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.rating.FlagRatingCommand;
import dev.marketplace.api.rating.HideRatingCommand;
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RateMiniProgramCommand;
import dev.marketplace.api.rating.RatingEditedEvent;
import dev.marketplace.api.rating.RatingFlaggedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingId;
import dev.marketplace.api.rating.RatingReplyPostedEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.api.rating.RatingView;
import dev.marketplace.api.rating.ReplyToRatingCommand;
import dev.marketplace.api.rating.RestoreRatingCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.command.directory.ProgramDirectory;
import dev.marketplace.command.directory.ProgramEntry;
import dev.marketplace.command.installation.Installations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's rating of one mini-program. Rules enforced here and nowhere else:
 * <ul>
 *   <li>a signed-in user rates only as themself (the rating id is the actor's own {@link RatingId}), 1 to 5 stars
 *       with optional text of at most 2000 characters, and only while the program is installed
 *       ({@link Installations}); rating again edits the one rating, and an identical rating stores nothing;</li>
 *   <li>only the program's developer (or an admin) replies, 1 to 2000 characters; a new reply replaces the old one
 *       and an identical one stores nothing;</li>
 *   <li>any signed-in user but the author flags a rating, each user once: flagging again stores nothing and
 *       answers the same;</li>
 *   <li>a hidden rating exists only for its author, the program's developer and reviewers: to anyone else every
 *       command on it is refused as RATING_NOT_FOUND, exactly like a rating that was never written, so no answer
 *       carries its text and no refusal tells that it exists;</li>
 *   <li>only reviewers hide and restore ratings, never on a program they own or a rating they wrote (four-eyes);
 *       hiding a hidden rating or restoring a visible one is refused. A hidden rating stays hidden when its author
 *       edits it.</li>
 * </ul>
 * Every command but the first rating names a rating that must exist. Those handlers use CREATE_IF_MISSING only so
 * that a missing rating is refused here as RATING_NOT_FOUND, with nothing stored, rather than surfacing as Axon's
 * generic AggregateNotFoundException. Every handler returns the rating as the command left it.
 */
@Aggregate
public class Rating {

    @AggregateIdentifier
    private String id;
    private String programId;
    private String userId;
    private int stars;
    private String text;
    private String reply;
    private boolean hidden;
    private final Set<String> flaggers = new HashSet<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected Rating() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RatingView handle(RateMiniProgramCommand command, Actor actor, Installations installations) {
        RatingId.FORM.requireOwn(command.ratingId(), "programId", command.programId(), actor,
                                 "You can only rate mini-programs as yourself.");
        int validStars = RatingInputRules.stars(command.stars());
        String validText = RatingInputRules.optionalText("text", command.text());
        if (!installations.isInstalled(command.programId(), actor.userId())) {
            throw new RuleViolation(RuleCode.NOT_INSTALLED,
                                    "Install mini-program " + command.programId() + " before rating it.");
        }
        if (id == null) {
            apply(new MiniProgramRatedEvent(command.ratingId(), command.programId(), actor.userId(), validStars,
                                            validText));
        } else if (validStars != stars || !Objects.equals(validText, text)) {
            apply(new RatingEditedEvent(id, programId, userId, validStars, stars, validText, hidden));
        }
        return toView();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RatingView handle(ReplyToRatingCommand command, Actor actor, ProgramDirectory directory) {
        requireExisting(command.ratingId());
        String developerId = developerOf(directory);
        if (!actor.isAdmin() && !actor.userId().equals(developerId)) {
            throw new RuleViolation(RuleCode.NOT_OWNER,
                                    "Only the developer who owns this mini-program may reply to its ratings.");
        }
        String validReply = RatingInputRules.requiredText("text", command.text());
        if (!validReply.equals(reply)) {
            apply(new RatingReplyPostedEvent(id, programId, userId, validReply, actor.userId()));
        }
        return toView();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RatingView handle(FlagRatingCommand command, Actor actor, ProgramDirectory directory) {
        requireReadableBy(actor, command.ratingId(), directory);
        if (actor.userId().equals(userId)) {
            throw new RuleViolation(RuleCode.SELF_FLAG, "You cannot flag your own rating.");
        }
        if (command.reason() == null) {
            throw RuleViolation.invalid("reason", "is required");
        }
        if (!flaggers.contains(actor.userId())) {
            apply(new RatingFlaggedEvent(id, programId, userId, actor.userId(), command.reason(),
                                         flaggers.size() + 1));
        }
        return toView();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RatingView handle(HideRatingCommand command, Actor actor, ProgramDirectory directory) {
        requireExisting(command.ratingId());
        requireModerator(actor, directory);
        if (hidden) {
            throw RuleViolation.invalidTransition("hide the rating", "it is already hidden");
        }
        apply(new RatingHiddenEvent(id, programId, userId, stars, actor.userId()));
        return toView();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RatingView handle(RestoreRatingCommand command, Actor actor, ProgramDirectory directory) {
        requireExisting(command.ratingId());
        requireModerator(actor, directory);
        if (!hidden) {
            throw RuleViolation.invalidTransition("restore the rating", "it is visible");
        }
        apply(new RatingRestoredEvent(id, programId, userId, stars, actor.userId()));
        return toView();
    }

    @EventSourcingHandler
    void on(MiniProgramRatedEvent event, @Timestamp Instant at) {
        id = event.ratingId();
        programId = event.programId();
        userId = event.userId();
        stars = event.stars();
        text = event.text();
        createdAt = stored(at);
        updatedAt = stored(at);
    }

    @EventSourcingHandler
    void on(RatingEditedEvent event, @Timestamp Instant at) {
        stars = event.stars();
        text = event.text();
        updatedAt = stored(at);
    }

    @EventSourcingHandler
    void on(RatingReplyPostedEvent event, @Timestamp Instant at) {
        reply = event.reply();
        updatedAt = stored(at);
    }

    @EventSourcingHandler
    void on(RatingFlaggedEvent event, @Timestamp Instant at) {
        flaggers.add(event.flaggedBy());
        updatedAt = stored(at);
    }

    @EventSourcingHandler
    void on(RatingHiddenEvent event, @Timestamp Instant at) {
        hidden = true;
        updatedAt = stored(at);
    }

    @EventSourcingHandler
    void on(RatingRestoredEvent event, @Timestamp Instant at) {
        hidden = false;
        updatedAt = stored(at);
    }

    /**
     * An instant as the event store keeps it (milliseconds): the answer to a command is then the same whether the
     * rating was just changed in memory or loaded again, so flagging twice answers the same as flagging once.
     */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireExisting(String ratingId) {
        if (id == null) {
            throw new RuleViolation(RuleCode.RATING_NOT_FOUND, "No rating with id " + ratingId + ".");
        }
    }

    /**
     * Here rather than in the mutation's answer: the aggregate is what knows the rating's author and whether it is
     * hidden, and a refusal must come before anything is stored, not after.
     */
    private void requireReadableBy(Actor actor, String ratingId, ProgramDirectory directory) {
        requireExisting(ratingId);
        if (hidden && !actor.acts(Role.REVIEWER) && !actor.userId().equals(userId)
            && !actor.userId().equals(developerOf(directory))) {
            throw new RuleViolation(RuleCode.RATING_NOT_FOUND, "No rating with id " + ratingId + ".");
        }
    }

    private String developerOf(ProgramDirectory directory) {
        return directory.find(programId).map(ProgramEntry::developerId).orElseThrow(
                () -> new RuleViolation(RuleCode.PROGRAM_NOT_FOUND, "No mini-program with id " + programId + "."));
    }

    private void requireModerator(Actor actor, ProgramDirectory directory) {
        actor.require(Role.REVIEWER);
        if (actor.userId().equals(userId) || actor.userId().equals(developerOf(directory))) {
            throw new RuleViolation(RuleCode.SELF_REVIEW,
                                    "You cannot moderate a rating you wrote or one on a mini-program you own.");
        }
    }

    private RatingView toView() {
        return new RatingView(id, programId, userId, stars, text, reply, hidden, flaggers.size(), createdAt,
                              updatedAt);
    }
}
