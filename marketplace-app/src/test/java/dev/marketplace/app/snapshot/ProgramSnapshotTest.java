package dev.marketplace.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.command.program.MediaLibrary;
import dev.marketplace.command.program.MiniProgram;
import dev.marketplace.command.program.PackageChecks;
import dev.marketplace.command.program.ProgramNames;
import dev.marketplace.command.program.ProgramPolicy;
import dev.marketplace.command.program.UploadedPackages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Snapshots through the real JDBC event store on PostgreSQL: a program past the threshold gets a snapshot row, the
 * snapshot read back equals the program rebuilt from all its events up to that point, and commands after it see the
 * whole history.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = "marketplace.programs.snapshots.threshold=5")
class ProgramSnapshotTest extends MarketplaceClientTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSnapshottedProgramRestoresExactlyAndKeepsItsHistory() {
        String id = marketplace.publish("snap-dev", "Snapshot Program");
        for (int i = 1; i <= 6; i++) {
            edit(marketplace, id, "Summary " + i);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> storage.readSnapshot(id).isPresent());
        DomainEventMessage<?> snapshot = storage.readSnapshot(id).orElseThrow();
        MiniProgram restored = (MiniProgram) snapshot.getPayload();
        assertThat(restored).usingRecursiveComparison().isEqualTo(rebuilt(id, snapshot.getSequenceNumber()));
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                                       Integer.class, id)).isEqualTo(1);

        // Only programs are looked up in the snapshot table: a copy of this snapshot under an installation's id is
        // never read, so an installation always loads from its own events.
        String installation = "install:" + id + ":snap-user";
        jdbc.update("insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                    + "payload, payload_revision, payload_type, meta_data, time_stamp) select ?, sequence_number, "
                    + "type, ?, payload, payload_revision, payload_type, meta_data, time_stamp "
                    + "from snapshot_event_entry where aggregate_identifier = ?", installation,
                    UUID.randomUUID().toString(), id);
        assertThat(storage.readSnapshot(installation)).isEmpty();
        assertThat(storage.readSnapshot(id)).isPresent();

        // The next version must be newer than 1.0.0, which only the state restored from the snapshot knows.
        marketplace.as("snap-dev", Role.DEVELOPER).documentName("submitVersion")
                .variable("input", Map.of("miniProgramId", id, "version", "1.0.0", "changelog", "again",
                                          "permissions", List.of("CAMERA"), "privacyUses", List.of(),
                                          "packageDigest", marketplace.upload("snap-dev", Marketplace.GOOD_PACKAGE)))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "VERSION_NOT_NEWER")));
        String summary = marketplace.as("snap-dev", Role.DEVELOPER).documentName("updateListing")
                .variable("input", Map.of("miniProgramId", id, "summary", "After the snapshot")).execute()
                .path("updateListing.summary").entity(String.class).get();
        assertThat(summary).isEqualTo("After the snapshot");
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry "
                                       + "where aggregate_identifier = ?", Long.class, id))
                .as("registered, submitted, checked, approved, released, six edits and the last").isEqualTo(11L);
    }

    private static void edit(Marketplace marketplace, String id, String summary) {
        marketplace.as("snap-dev", Role.DEVELOPER).documentName("updateListing")
                .variable("input", Map.of("miniProgramId", id, "summary", summary)).execute()
                .path("updateListing.summary").entity(String.class).isEqualTo(summary);
    }

    /** The program rebuilt from its stored events up to {@code lastSequence}, ignoring any snapshot. */
    private MiniProgram rebuilt(String id, long lastSequence) {
        // Command handlers' resources (deadline manager, name table, media, packages) are not needed to replay events.
        Set<Class<?>> unused = Set.of(DeadlineManager.class, ProgramNames.class, ProgramPolicy.class,
                                      MediaLibrary.class, UploadedPackages.class, PackageChecks.class);
        ParameterResolverFactory resources = (executable, parameters, index) ->
                unused.contains(parameters[index].getType()) ? new FixedValueParameterResolver<>(null) : null;
        AggregateModel<MiniProgram> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(MiniProgram.class,
                MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(MiniProgram.class),
                                                      resources));
        MiniProgram program = null;
        List<? extends DomainEventMessage<?>> events = storage.readEvents(id, 0).asStream().toList();
        for (DomainEventMessage<?> event : events) {
            if (event.getSequenceNumber() > lastSequence) {
                break;
            }
            if (program == null) {
                program = new GenericAggregateFactory<>(model).createAggregateRoot(id, event);
            }
            model.publish(event, program);
        }
        return Optional.ofNullable(program).orElseThrow();
    }
}
