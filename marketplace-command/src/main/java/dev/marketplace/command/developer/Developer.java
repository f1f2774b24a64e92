package dev.marketplace.command.developer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.developer.DeveloperProfileUpdatedEvent;
import dev.marketplace.api.developer.DeveloperUnverifiedEvent;
import dev.marketplace.api.developer.DeveloperVerifiedEvent;
import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.developer.UnverifyDeveloperCommand;
import dev.marketplace.api.developer.UpdateDeveloperProfileCommand;
import dev.marketplace.api.developer.VerifyDeveloperCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A developer's public profile (id = the developer's user id). Rules enforced here and nowhere else:
 * <ul>
 *   <li>a developer edits only their own profile ({@link DeveloperProfile} says what a valid one is);</li>
 *   <li>only an admin verifies or unverifies, and never their own profile (four-eyes); only a developer with a
 *       profile can be verified, since the badge vouches for the name and website shown;</li>
 *   <li>changing the verified name or website takes the badge away in the same step: nobody checked the new one;</li>
 *   <li>a change that changes nothing, verifying the verified and unverifying the unverified store nothing.</li>
 * </ul>
 * Every handler returns the profile as the command left it.
 */
@Aggregate
public class Developer {

    @AggregateIdentifier
    private String id;
    private DeveloperProfile profile;
    private boolean verified;

    protected Developer() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DeveloperView handle(UpdateDeveloperProfileCommand command, Actor actor) {
        actor.require(Role.DEVELOPER);
        if (!actor.userId().equals(command.developerId())) {
            throw new RuleViolation(RuleCode.NOT_OWNER, "You can only edit your own developer profile.");
        }
        DeveloperProfile valid = DeveloperProfile.validated(command.displayName(), command.website(),
                                                            command.contactEmail());
        if (valid.equals(profile)) {
            return toView(command.developerId());
        }
        boolean vouchedForChanges = verified && !valid.sameIdentityAs(profile);
        apply(new DeveloperProfileUpdatedEvent(command.developerId(), valid.displayName(), valid.website(),
                                               valid.contactEmail()));
        if (vouchedForChanges) {
            apply(new DeveloperUnverifiedEvent(id, null, "the verified name or website changed"));
        }
        return toView(id);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DeveloperView handle(VerifyDeveloperCommand command, Actor actor) {
        return decideBadge(command.developerId(), actor, true);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DeveloperView handle(UnverifyDeveloperCommand command, Actor actor) {
        return decideBadge(command.developerId(), actor, false);
    }

    @EventSourcingHandler
    void on(DeveloperProfileUpdatedEvent event) {
        id = event.developerId();
        profile = new DeveloperProfile(event.displayName(), event.website(), event.contactEmail());
    }

    @EventSourcingHandler
    void on(DeveloperVerifiedEvent event) {
        verified = true;
    }

    @EventSourcingHandler
    void on(DeveloperUnverifiedEvent event) {
        verified = false;
    }

    private DeveloperView decideBadge(String developerId, Actor actor, boolean verify) {
        requireAdminOnOthers(actor, developerId, verify ? "verify" : "unverify");
        requireProfile(developerId);
        if (verified != verify) {
            apply(verify ? new DeveloperVerifiedEvent(id, actor.userId(), profile.displayName())
                         : new DeveloperUnverifiedEvent(id, actor.userId(), null));
        }
        return toView(id);
    }

    private static void requireAdminOnOthers(Actor actor, String developerId, String action) {
        actor.require(Role.ADMIN);
        if (actor.userId().equals(developerId)) {
            throw new RuleViolation(RuleCode.SELF_REVIEW, "An admin cannot " + action + " their own profile.");
        }
    }

    /** A fresh aggregate (CREATE_IF_MISSING) has no profile: nothing may be stored for it. */
    private void requireProfile(String developerId) {
        if (profile == null) {
            throw new RuleViolation(RuleCode.DEVELOPER_NOT_FOUND, "No developer profile with id " + developerId
                                                                  + ".");
        }
    }

    private DeveloperView toView(String developerId) {
        if (profile == null) {
            return DeveloperView.unnamed(developerId);
        }
        return new DeveloperView(Objects.requireNonNullElse(id, developerId), profile.displayName(),
                                 profile.website(), profile.contactEmail(), verified);
    }
}
