package dev.marketplace.query.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.Disposable;

/** Who may follow a program's versions, and that a follower's Axon subscription ends with the client's. */
class VersionStatusSubscriptionTest {

    final ProgramEvents events = new ProgramEvents();
    final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    final StoredProgram programs = new StoredProgram(events.store);
    final VersionStatusUpdates updates = new VersionStatusUpdates(emitter, programs);
    final AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(updates);
    final VersionStatusSubscription subscription =
            new VersionStatusSubscription(VersionStatusUpdatesTest.gateway(emitter, updates), programs);

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        events.store.shutDown();
    }

    @Test
    void theDeveloperFollowsTheirDraftProgramUntilTheyUnsubscribe() throws Exception {
        events.register("p1", "dev-1");
        events.submit("p1", "1.0.0");
        signIn("dev-1", "ROLE_DEVELOPER");
        List<VersionView> received = new CopyOnWriteArrayList<>();

        Disposable client = subscription.versionStatusChanged("p1").subscribe(received::add);
        assertThat(emitter.activeSubscriptions()).hasSize(1);
        handler.handle(events.append("p1", new VersionApprovedEvent("p1", "1.0.0", "rev-1", null)));
        client.dispose();

        assertThat(received).singleElement()
                            .satisfies(v -> assertThat(v.status()).isEqualTo(VersionStatus.APPROVED));
        assertThat(emitter.activeSubscriptions()).isEmpty();
    }

    @Test
    void aStrangerCannotFollowADraftProgramNorLearnThatItExists() {
        events.register("p1", "dev-1");
        signIn("dev-9", "ROLE_DEVELOPER");

        assertRefused(() -> subscription.versionStatusChanged("p1"), RuleCode.PROGRAM_NOT_FOUND);
        assertRefused(() -> subscription.versionStatusChanged("no-such-program"), RuleCode.PROGRAM_NOT_FOUND);
        assertThat(emitter.activeSubscriptions()).isEmpty();
    }

    @Test
    void aReviewerMayFollowAnyProgram() {
        events.register("p1", "dev-1");
        signIn("rev-1", "ROLE_REVIEWER");

        subscription.versionStatusChanged("p1").subscribe().dispose();
    }

    @Test
    void aMalformedIdIsRefusedAsInvalidInput() {
        assertRefused(() -> subscription.versionStatusChanged("p1/1.0.0"), RuleCode.INVALID_INPUT);
        assertRefused(() -> subscription.versionStatusChanged(" "), RuleCode.INVALID_INPUT);
    }

    @Test
    void anAnonymousFollowerOfALiveProgramSeesOnlyReleasesWithoutReviewsUntilItIsSuspended() throws Exception {
        events.live("p1", "dev-1", "1.0.0");
        events.submit("p1", "1.1.0");
        List<VersionView> received = new CopyOnWriteArrayList<>();
        Disposable client = subscription.versionStatusChanged("p1").subscribe(received::add);

        handler.handle(events.append("p1", new VersionApprovedEvent("p1", "1.1.0", "rev-1", "Fine")));
        handler.handle(events.append("p1", new VersionReleasedEvent("p1", "1.1.0", 100)));
        events.append("p1", new MiniProgramSuspendedEvent("p1", "rev-1", "Takedown"));
        handler.handle(events.append("p1", new ReleaseRolledBackEvent("p1", "1.1.0", "1.0.0")));
        client.dispose();

        assertThat(received).extracting(v -> v.number() + " " + v.status())
                            .containsExactlyInAnyOrder("1.0.0 SUPERSEDED", "1.1.0 RELEASED");
        assertThat(received).extracting(VersionView::review).containsOnlyNulls();
    }

    private static void signIn(String userId, String... authorities) {
        var auth = new TestingAuthenticationToken(userId, null, authorities);
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    private static void assertRefused(Runnable call, RuleCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolation.class,
                                                             v -> assertThat(v.code()).isEqualTo(code));
    }
}
