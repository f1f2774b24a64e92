package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Projects program events into the catalogue index: one document per program, id = program id. Each write carries
 * the event's sequence number as an external version, so Elasticsearch itself refuses a stale or repeated write:
 * replaying an event that is already applied changes nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
class CatalogueProjection {

    static final String PROCESSING_GROUP = "catalogue";

    private final ElasticsearchClient client;
    private final CatalogueIndex index;

    CatalogueProjection(ElasticsearchClient client, CatalogueIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(MiniProgramRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(CatalogueDocument.of(ProgramState.registered(event, at), null, 0, CatalogueDocument.NO_RATINGS),
              sequence);
    }

    @EventHandler
    void on(ListingUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.listingUpdated(p, event, at), null);
    }

    @EventHandler
    void on(VersionSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.submitted(p, event, at), null);
    }

    @EventHandler
    void on(VersionWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.withdrawn(p, event, at), null);
    }

    @EventHandler
    void on(ReviewClaimedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.claimed(p, event, at), null);
    }

    @EventHandler
    void on(ReviewEscalatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.escalated(p, event, at), null);
    }

    @EventHandler
    void on(VersionApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.approved(p, event, at), null);
    }

    @EventHandler
    void on(VersionRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.rejected(p, event, at), null);
    }

    @EventHandler
    void on(VersionReleasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.released(p, event, at), at);
    }

    @EventHandler
    void on(PhasedReleaseExpiredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.expired(p, event, at), null);
    }

    @EventHandler
    void on(ReleaseRolledBackEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.rolledBack(p, event, at), at);
    }

    @EventHandler
    void on(MiniProgramSuspendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.suspended(p, event, at), null);
    }

    @EventHandler
    void on(MiniProgramReinstatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.reinstated(p, event, at), null);
    }

    @EventHandler
    void on(MiniProgramDelistedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.programId(), sequence, p -> ProgramState.delisted(p, event, at), null);
    }

    @ResetHandler
    void prepareForReplay() {
        index.recreate();
    }

    private void update(String programId, long sequence, UnaryOperator<MiniProgramView> change, Instant releasedAt) {
        GetResponse<CatalogueDocument> current = get(programId);
        if (!current.found()) {
            throw new IllegalStateException("Catalogue has no document for program " + programId
                                            + " to apply event #" + sequence + " to");
        }
        if (current.version() != null && current.version() >= externalVersion(sequence)) {
            return;
        }
        CatalogueDocument document = current.source();
        Instant released = releasedAt != null ? releasedAt : document.releasedAt();
        write(document.withProgram(change.apply(document.program()), released), sequence);
    }

    private GetResponse<CatalogueDocument> get(String programId) {
        try {
            return client.get(g -> g.index(index.alias()).id(programId), CatalogueDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unavailable while reading program " + programId, e);
        }
    }

    private void write(CatalogueDocument document, long sequence) {
        try {
            client.index(i -> i.index(index.alias()).id(document.id()).document(document)
                               .versionType(VersionType.External).version(externalVersion(sequence)));
        } catch (ElasticsearchException e) {
            if (e.status() != 409) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unavailable while writing program " + document.id(), e);
        }
    }

    /** Versions start at 1 so that the first event (sequence 0) is a real version too. */
    private static long externalVersion(long sequence) {
        return sequence + 1;
    }
}
