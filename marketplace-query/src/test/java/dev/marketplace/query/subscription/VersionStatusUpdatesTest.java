package dev.marketplace.query.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.ReviewOutcome;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The update side of version subscriptions: which subscriptions get which versions, built from the event store. */
class VersionStatusUpdatesTest {

    final ProgramEvents events = new ProgramEvents();
    final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    final QueryGateway queries = gateway(emitter, new VersionStatusUpdates(emitter, new StoredProgram(events.store)));
    final AnnotationEventHandlerAdapter handler =
            new AnnotationEventHandlerAdapter(new VersionStatusUpdates(emitter, new StoredProgram(events.store)));

    @AfterEach
    void stopStore() {
        events.store.shutDown();
    }

    @Test
    void aDecisionReachesOnlyTheFollowersOfItsProgram() throws Exception {
        events.register("p1", "dev-1");
        events.submit("p1", "1.0.0");
        events.register("p2", "dev-2");
        events.submit("p2", "1.0.0");
        List<VersionChange> p1 = new CopyOnWriteArrayList<>();
        List<VersionChange> p2 = new CopyOnWriteArrayList<>();
        follow("p1").updates().subscribe(p1::add);
        follow("p2").updates().subscribe(p2::add);

        handle(events.append("p1", new VersionApprovedEvent("p1", "1.0.0", "rev-1", "Fine")));

        assertThat(p2).isEmpty();
        assertThat(p1).singleElement().satisfies(change -> {
            assertThat(change.programStatus()).isEqualTo(ProgramStatus.DRAFT);
            assertThat(change.developerId()).isEqualTo("dev-1");
            VersionView version = change.version();
            assertThat(version.id()).isEqualTo("p1/1.0.0");
            assertThat(version.status()).isEqualTo(VersionStatus.APPROVED);
            assertThat(version.changelog()).isEqualTo("Changes");
            assertThat(version.review().outcome()).isEqualTo(ReviewOutcome.APPROVED);
            assertThat(version.review().reviewer()).isEqualTo("rev-1");
            assertThat(version.review().decidedAt()).isEqualTo(ProgramEvents.T0.plusSeconds(2 * 60));
        });
    }

    @Test
    void aFullReleaseSendsTheNewVersionAndTheOneItSupersedes() throws Exception {
        events.live("p1", "dev-1", "1.0.0");
        events.submit("p1", "2.0.0");
        events.append("p1", new VersionApprovedEvent("p1", "2.0.0", "rev-1", null));
        List<VersionChange> updates = new CopyOnWriteArrayList<>();
        follow("p1").updates().subscribe(updates::add);

        handle(events.append("p1", new VersionReleasedEvent("p1", "2.0.0", 100)));

        assertThat(updates).extracting(c -> c.version().number() + " " + c.version().status())
                           .containsExactly("1.0.0 SUPERSEDED", "2.0.0 RELEASED");
        assertThat(updates).allSatisfy(c -> assertThat(c.programStatus()).isEqualTo(ProgramStatus.LIVE));
    }

    @Test
    void anEventThatIsAlreadyStoredIsFoldedOnlyOnce() throws Exception {
        events.register("p1", "dev-1");
        events.submit("p1", "1.0.0");
        EventMessage<?> approval = events.append("p1", new VersionApprovedEvent("p1", "1.0.0", "rev-1", null));
        events.append("p1", new VersionReleasedEvent("p1", "1.0.0", 100));
        List<VersionChange> updates = new CopyOnWriteArrayList<>();
        follow("p1").updates().subscribe(updates::add);

        // A processor that is behind the store: the approval must be sent as approved, not as already released.
        handle(approval);

        assertThat(updates).singleElement()
                           .satisfies(c -> assertThat(c.version().status()).isEqualTo(VersionStatus.APPROVED));
    }

    @Test
    void aProgramNobodyFollowsIsNotReadFromTheEventStore() throws Exception {
        EventStore store = mock(EventStore.class);
        SimpleQueryUpdateEmitter quiet = SimpleQueryUpdateEmitter.builder().build();
        var unfollowed = new AnnotationEventHandlerAdapter(new VersionStatusUpdates(quiet, new StoredProgram(store)));
        events.register("p1", "dev-1");
        events.submit("p1", "1.0.0");

        unfollowed.handle(events.append("p1", new VersionApprovedEvent("p1", "1.0.0", "rev-1", null)));

        verifyNoInteractions(store);
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() throws Exception {
        events.register("p1", "dev-1");
        events.submit("p1", "1.0.0");
        List<VersionChange> updates = new CopyOnWriteArrayList<>();
        var subscription = follow("p1");
        subscription.updates().subscribe(updates::add);

        subscription.close();
        handle(events.append("p1", new VersionApprovedEvent("p1", "1.0.0", "rev-1", null)));

        assertThat(updates).isEmpty();
        assertThat(emitter.activeSubscriptions()).isEmpty();
    }

    private SubscriptionQueryResult<List<VersionChange>, VersionChange> follow(String programId) {
        return queries.subscriptionQuery(new FindVersionUpdatesQuery(programId),
                                         ResponseTypes.multipleInstancesOf(VersionChange.class),
                                         ResponseTypes.instanceOf(VersionChange.class));
    }

    private void handle(EventMessage<?> event) throws Exception {
        handler.handle(event);
    }

    static QueryGateway gateway(SimpleQueryUpdateEmitter emitter, VersionStatusUpdates handler) {
        SimpleQueryBus bus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
        return DefaultQueryGateway.builder().queryBus(bus).build();
    }
}
