package dev.marketplace.command.program;

import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.approved;
import static dev.marketplace.command.program.ProgramFixture.claimed;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.released;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A snapshot of a program is its whole state: restored from JSON, it equals the program rebuilt from events. */
class MiniProgramSnapshotTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** Serialized the way the application's JSON settings do it: java.time as ISO-8601 text. */
    final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(
            JsonMapper.builder().addModule(new JavaTimeModule())
                      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();

    @Test
    void aProgramWithEveryKindOfStateRestoresExactlyFromItsSnapshot() {
        MiniProgram original = fold(List.of(
                registered(),
                new ListingUpdatedEvent(PROGRAM_ID, "Coffee Shop Plus", "Now with tea", "Tea and coffee.",
                                        Category.LIFESTYLE, List.of("tea"), null),
                submitted("1.0.0"), claimed("1.0.0", REVIEWER), approved("1.0.0"), released("1.0.0", 50),
                released("1.0.0", 100),
                submitted("1.1.0"), new VersionRejectedEvent(PROGRAM_ID, "1.1.0", REVIEWER.userId(),
                                                             List.of(RejectionReason.CRASHES), "Crashes on start"),
                submitted("1.2.0-beta.1"), new VersionWithdrawnEvent(PROGRAM_ID, "1.2.0-beta.1"),
                submitted("2.0.0"),
                new ReviewEscalatedEvent(PROGRAM_ID, "2.0.0", START.plusSeconds(11), Duration.ofHours(48)),
                approved("2.0.0"), released("2.0.0", 100),
                new ReleaseRolledBackEvent(PROGRAM_ID, "2.0.0", "1.0.0"),
                suspended(), new MiniProgramReinstatedEvent(PROGRAM_ID, REVIEWER.userId(), ProgramStatus.LIVE)));

        SerializedObject<byte[]> snapshot = serializer.serialize(original, byte[].class);
        MiniProgram restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(restored.toView()).isEqualTo(original.toView());
        assertThat(restored.toView().versions()).hasSize(4);
        assertThat(restored.version("1.1.0").toView(restored.id()).review().reasons())
                .containsExactly(RejectionReason.CRASHES);
    }

    @Test
    void theSnapshotHoldsOnlyTheStateNotTheDerivedViews() {
        String json = new String(serializer.serialize(fold(List.of(registered(), submitted("1.0.0"))), byte[].class)
                                           .getData());

        assertThat(json).contains("\"versions\"", "\"highest\"", "\"listing\"", "\"submittedAt\"")
                        .doesNotContain("\"phased\"", "\"toView\"", "\"view\"");
    }

    /** Rebuilds a program from its events through its event-sourcing handlers, one second apart. */
    static MiniProgram fold(List<Object> events) {
        AggregateModel<MiniProgram> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(MiniProgram.class);
        MiniProgram program = null;
        for (int i = 0; i < events.size(); i++) {
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                    "MiniProgram", PROGRAM_ID, i, events.get(i), Map.of(), UUID.randomUUID().toString(),
                    START.plusSeconds(i));
            if (program == null) {
                program = new GenericAggregateFactory<>(MiniProgram.class).createAggregateRoot(PROGRAM_ID, message);
            }
            model.publish(message, program);
        }
        return program;
    }
}
