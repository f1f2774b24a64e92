package dev.marketplace.query.subscription;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.ProgramEvent;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import dev.marketplace.api.program.ProgramState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindVersionUpdatesQuery}: on every version event it sends each version the event changed, as the
 * API shows it, to the subscriptions of that program on this node. Its processor runs in full on every node (see
 * {@link VersionUpdatesConfiguration}), so a decision taken on one node reaches followers connected to any other.
 * A program nobody on this node follows costs nothing beyond the event itself.
 */
@Component
@ProcessingGroup(VersionUpdatesConfiguration.PROCESSING_GROUP)
record VersionStatusUpdates(QueryUpdateEmitter emitter, StoredProgram programs) {

    /** Updates only: a follower learns of changes after subscribing, so the initial result is empty. */
    @QueryHandler
    List<VersionChange> initial(FindVersionUpdatesQuery query) {
        return List.of();
    }

    /** The events that change a version's status, claim or escalation: one handler serves them all. */
    static final Set<Class<?>> VERSION_EVENTS = Set.of(
            VersionSubmittedEvent.class, VersionWithdrawnEvent.class, ReviewClaimedEvent.class,
            ReviewEscalatedEvent.class, InformationRequestedEvent.class, ReviewAnsweredEvent.class,
            VersionApprovedEvent.class, VersionRejectedEvent.class,
            VersionReleasedEvent.class, PhasedReleaseExpiredEvent.class, ReleaseRolledBackEvent.class);

    @EventHandler
    void on(ProgramEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (VERSION_EVENTS.contains(event.getClass())) {
            publish(event.programId(), event, sequence, at);
        }
    }

    private void publish(String programId, Object event, long sequence, Instant at) {
        if (!followed(programId)) {
            return;
        }
        programs.upTo(programId, sequence - 1).ifPresent(before -> {
            MiniProgramView after = ProgramState.apply(before, event, at);
            changedVersions(before, after).forEach(version -> emitter.emit(
                    FindVersionUpdatesQuery.class, query -> query.programId().equals(programId),
                    new VersionChange(version, after.status(), after.developerId(), sequence)));
        });
    }

    private boolean followed(String programId) {
        return emitter.activeSubscriptions().stream()
                      .anyMatch(s -> s.getPayload() instanceof FindVersionUpdatesQuery query
                                     && query.programId().equals(programId));
    }

    /**
     * The versions of {@code after} that differ from the same version in {@code before}: one for most events, two
     * when a release supersedes another or a rollback swaps them.
     */
    static List<VersionView> changedVersions(MiniProgramView before, MiniProgramView after) {
        Map<String, VersionView> earlier = before.versions().stream()
                                                 .collect(Collectors.toMap(VersionView::id, Function.identity()));
        return after.versions().stream().filter(v -> !v.equals(earlier.get(v.id()))).toList();
    }
}
