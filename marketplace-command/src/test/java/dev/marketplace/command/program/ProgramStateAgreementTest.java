package dev.marketplace.command.program;

import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.START;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.claimed;
import static dev.marketplace.command.program.ProgramFixture.delisted;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.released;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ProgramState;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import java.time.Duration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The program's state machine is written twice: the aggregate keeps the state its rules read ({@link
 * MiniProgramHistory}, {@link ProgramVersion}), and every view outside it is folded by {@link ProgramState}. Each
 * row feeds one event sequence through both and requires the same view; together the rows take every event through
 * every transition it makes (supersede on a full release, widening, expiry of a phased first release and of a
 * phased later one, rollback, suspension of a live and of a draft program, delisting).
 */
class ProgramStateAgreementTest {

    static Stream<Arguments> histories() {
        return Stream.of(
                row("registered", registered()),
                row("listing edited", registered(), new ListingUpdatedEvent(PROGRAM_ID, "Coffee Shop Plus",
                        "New summary", "New description", Category.SHOPPING, List.of("coffee"), null)),
                row("submitted", registered(), submitted("1.0.0")),
                row("withdrawn", registered(), submitted("1.0.0"), new VersionWithdrawnEvent(PROGRAM_ID, "1.0.0")),
                row("claimed", registered(), submitted("1.0.0"), claimed("1.0.0", REVIEWER)),
                row("escalated", registered(), submitted("1.0.0"),
                    new ReviewEscalatedEvent(PROGRAM_ID, "1.0.0", START, Duration.ofHours(48))),
                row("approved after a claim", registered(), submitted("1.0.0"), claimed("1.0.0", REVIEWER),
                    approved("1.0.0")),
                row("rejected", registered(), submitted("1.0.0"), claimed("1.0.0", REVIEWER),
                    new VersionRejectedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(),
                                             List.of(RejectionReason.CRASHES, RejectionReason.OTHER), "Crashes")),
                row("resubmitted after a rejection", registered(), submitted("1.0.0"),
                    new VersionRejectedEvent(PROGRAM_ID, "1.0.0", REVIEWER.userId(), List.of(RejectionReason.CRASHES),
                                             null), submitted("1.0.1")),
                row("first release phased", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 20)),
                row("phased release widened to all", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 20), released("1.0.0", 50), released("1.0.0", 100)),
                row("full release supersedes the earlier one", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 100), submitted("1.1.0"), approved("1.1.0"), released("1.1.0", 100)),
                row("phased later release beside the current one", registered(), submitted("1.0.0"),
                    approved("1.0.0"), released("1.0.0", 100), submitted("1.1.0"), approved("1.1.0"),
                    released("1.1.0", 10)),
                row("phased later release expires", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 100), submitted("1.1.0"), approved("1.1.0"), released("1.1.0", 10),
                    new PhasedReleaseExpiredEvent(PROGRAM_ID, "1.1.0", 10)),
                row("phased first release expires", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 30), new PhasedReleaseExpiredEvent(PROGRAM_ID, "1.0.0", 30)),
                row("rolled back", registered(), submitted("1.0.0"), approved("1.0.0"), released("1.0.0", 100),
                    submitted("1.1.0"), approved("1.1.0"), released("1.1.0", 100),
                    new ReleaseRolledBackEvent(PROGRAM_ID, "1.1.0", "1.0.0")),
                row("released again after a rollback", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 100), submitted("1.1.0"), approved("1.1.0"), released("1.1.0", 100),
                    new ReleaseRolledBackEvent(PROGRAM_ID, "1.1.0", "1.0.0"), submitted("1.2.0"),
                    approved("1.2.0"), released("1.2.0", 100)),
                row("live program suspended and reinstated", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 100), suspended(),
                    new MiniProgramReinstatedEvent(PROGRAM_ID, REVIEWER.userId(), ProgramStatus.LIVE)),
                row("draft suspended", registered(), suspended()),
                row("draft reinstated", registered(), suspended(),
                    new MiniProgramReinstatedEvent(PROGRAM_ID, REVIEWER.userId(), ProgramStatus.DRAFT)),
                row("delisted while in review", registered(), submitted("1.0.0"), delisted()),
                row("delisted while live", registered(), submitted("1.0.0"), approved("1.0.0"),
                    released("1.0.0", 100), delisted()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void theAggregateAndTheFoldGiveTheSameView(String history, List<Object> events) {
        MiniProgramView folded = null;
        for (Object event : events) {
            folded = ProgramState.apply(folded, event, START);
        }

        assertThat(sourced(events).toView()).as(history).isEqualTo(folded);
    }

    /** The aggregate as its repository loads it: Axon's own model applies each event to its handlers. */
    private static MiniProgram sourced(List<Object> events) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        for (Object event : events) {
            stream.add(new GenericDomainEventMessage<>("MiniProgram", PROGRAM_ID, stream.size(), event,
                                                       MetaData.emptyInstance(), "event-" + stream.size(), START));
        }
        EventSourcedAggregate<MiniProgram> aggregate = EventSourcedAggregate.initialize(
                new MiniProgram(), AnnotatedAggregateMetaModelFactory.inspectAggregate(MiniProgram.class),
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(stream));
        return aggregate.getAggregateRoot();
    }

    private static Arguments row(String history, Object... events) {
        return Arguments.of(history, new ArrayList<>(List.of(events)));
    }
}
