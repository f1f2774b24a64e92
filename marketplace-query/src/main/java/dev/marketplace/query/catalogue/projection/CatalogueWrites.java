package dev.marketplace.query.catalogue.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.marketplace.api.program.ProgramEvent;
import dev.marketplace.query.catalogue.index.CatalogueDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The catalogue's writes of one batch of events. The processor handles events in batches, each in one unit of
 * work; the documents the batch touches are read ahead in one multi-get, documents changed in the batch are kept
 * here, later events of the batch read them from here, and the batch's documents go to Elasticsearch as one
 * {@code _bulk} request just before the batch's transaction (and its tracking token) commits.
 *
 * <p><b>What makes a write newer.</b> A document's Elasticsearch version counts the writes made to that document:
 * each write is sent with {@code version_type=external} and the version it was read at plus one, so Elasticsearch
 * takes it only if nobody wrote the document since it was read. The global stream position cannot serve: installs
 * and ratings of one program come from many aggregates whose commits land out of position order, so an event with a
 * lower position may rightly arrive after one with a higher position. Whether an event is already in a document is
 * decided before writing, never from a refusal: the program's own events by the aggregate sequence the document
 * records ({@link CatalogueDocument#programSequence()}), installs and ratings by recomputing the figures from rows
 * written in the processor's own transaction, which repeat nothing when applied again. A refused write (409) is
 * therefore a concurrent writer, never "already applied": the batch fails, its transaction rolls back, and the
 * processor handles it again from fresh reads.
 */
final class CatalogueWrites {

    /** A document and the version it was read at (0: not stored yet); it is written as version + 1. */
    record Pending(CatalogueDocument document, long version) {
    }

    /** Elasticsearch holds a newer write of a document than the one this batch read: someone wrote it meanwhile. */
    static final class ConcurrentWrite extends RuntimeException {
        ConcurrentWrite(String message) {
            super(message);
        }
    }

    /** Parks the events behind a document Elasticsearch refused, in order, as the handler's own failures would be. */
    interface Parking {
        void park(String programId, List<EventMessage<?>> events, RuntimeException cause);
    }

    private static final String RESOURCE = CatalogueWrites.class.getName();

    private final ElasticsearchClient client;
    private final String alias;
    private final Parking parking;
    /** Told after each bulk write, so what it wrote becomes searchable soon. */
    private final Runnable written;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** The events of this batch behind each pending document, to park if Elasticsearch refuses it. */
    private final Map<String, List<EventMessage<?>>> sources = new HashMap<>();
    /** Documents as stored before the batch, read in one request; a missing entry was not asked for. */
    private final Map<String, Optional<Pending>> stored = new HashMap<>();

    private CatalogueWrites(ElasticsearchClient client, String alias, Parking parking, Runnable written) {
        this.client = client;
        this.alias = alias;
        this.parking = parking;
        this.written = written;
    }

    /**
     * The writes of the current unit of work, created (and set to be flushed before it commits) on first use; null
     * outside a unit of work, where each write goes to Elasticsearch at once.
     */
    static CatalogueWrites ofCurrentBatch(ElasticsearchClient client, String alias, Parking parking,
                                          Runnable written) {
        BatchingUnitOfWork<?> batch = currentBatch();
        if (batch == null) {
            // Outside the processor's batches (a dead letter being retried) each write is made, or fails, at once.
            return null;
        }
        return batch.getOrComputeResource(RESOURCE, key -> {
            CatalogueWrites writes = new CatalogueWrites(client, alias, parking, written);
            writes.prefetch(batch.getMessages());
            batch.onPrepareCommit(u -> writes.flush());
            return writes;
        });
    }

    /** The processor's batch the current event is handled in; null outside one (a dead letter retried). */
    static BatchingUnitOfWork<?> currentBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
                ? batch : null;
    }

    /**
     * Reads, in one multi-get, the stored documents of every program the batch's events touch, registrations
     * included (one handled again after a crash finds its document): otherwise each event would read its own.
     */
    private void prefetch(List<? extends Message<?>> events) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Message<?> event : events) {
            if (event.getPayload() instanceof ProgramEvent programEvent) {
                wanted.add(programEvent.programId());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(wanted);
        MgetResponse<CatalogueDocument> response = ElasticsearchRetry.call("reading " + ids.size() + " programs",
                () -> client.mget(m -> m.index(alias).ids(ids), CatalogueDocument.class));
        for (MultiGetResponseItem<CatalogueDocument> item : response.docs()) {
            if (item.isResult()) {
                GetResult<CatalogueDocument> result = item.result();
                stored.put(result.id(), result.found()
                        ? Optional.of(new Pending(result.source(), result.version() == null ? 0 : result.version()))
                        : Optional.empty());
            }
        }
    }

    /** The document as this batch left it so far, or as stored before the batch; null when there is none. */
    Pending document(String programId) {
        Pending written = pending.get(programId);
        if (written != null) {
            return written;
        }
        Optional<Pending> readAhead = stored.get(programId);
        return readAhead != null ? readAhead.orElse(null) : stored(client, alias, programId);
    }

    /** Keeps the changed document for the bulk write, with the version its first read in this batch found. */
    void put(CatalogueDocument document, long readAt) {
        pending.put(document.id(), new Pending(document, readAt));
        if (CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event) {
            sources.computeIfAbsent(document.id(), id -> new ArrayList<>()).add(event);
        }
    }

    /**
     * Sends every pending document in one bulk request. A document Elasticsearch refuses (a 4xx other than 409) is
     * a poison document: the events behind it are parked per program, like any event the handler fails on, and the
     * rest of the batch commits.
     */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> documents = List.copyOf(pending.values());
        pending.clear();
        write(client, alias, documents).forEach((programId, cause) ->
                parking.park(programId, sources.getOrDefault(programId, List.of()), cause));
        written.run();
    }

    /** Writes and throws if Elasticsearch refuses any document: for single writes outside a batch. */
    static void writeOrFail(ElasticsearchClient client, String alias, List<Pending> documents, Runnable written) {
        Map<String, RuntimeException> refused = write(client, alias, documents);
        written.run();
        refused.values().stream().findFirst().ifPresent(cause -> {
            throw cause;
        });
    }

    /**
     * Writes the documents in bulk, each as the version after the one it was read at. A 409 means another writer
     * got there first: the whole write fails, to be done again from fresh reads. Items Elasticsearch could not take
     * just now (429, 5xx) are sent again with back-off; the documents it refused are answered with their causes.
     */
    private static Map<String, RuntimeException> write(ElasticsearchClient client, String alias,
                                                       List<Pending> documents) {
        Map<String, RuntimeException> refused = new LinkedHashMap<>();
        List<Pending> unsent = new ArrayList<>(documents);
        ElasticsearchRetry.call("writing " + documents.size() + " programs", () -> {
            BulkResponse response = client.bulk(b -> {
                unsent.forEach(p -> b.operations(o -> o.index(i -> i.index(alias).id(p.document().id())
                        .document(p.document()).versionType(VersionType.External).version(p.version() + 1))));
                return b;
            });
            List<Pending> retry = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (int i = 0; i < response.items().size(); i++) {
                BulkResponseItem item = response.items().get(i);
                if (item.error() == null) {
                    continue;
                }
                if (item.status() == 409) {
                    conflicts.add(item.id());
                    continue;
                }
                if (item.status() == 429 || item.status() >= 500) {
                    retry.add(unsent.get(i));
                } else {
                    refused.put(item.id(), new IllegalStateException("Elasticsearch refused catalogue document "
                            + item.id() + " with " + item.status() + ": " + abbreviated(item.error().reason())));
                }
            }
            if (!conflicts.isEmpty()) {
                throw new ConcurrentWrite("Catalogue documents " + conflicts + " were written by someone else "
                                          + "since they were read; the batch is handled again");
            }
            unsent.clear();
            unsent.addAll(retry);
            if (!retry.isEmpty()) {
                throw new IOException(retry.size() + " documents were not taken (Elasticsearch busy)");
            }
            return response;
        });
        return refused;
    }

    /** Elasticsearch quotes the offending value, which may be huge; the dead-letter table keeps 1,023 characters. */
    private static String abbreviated(String reason) {
        return reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300) + "...";
    }

    /** The stored document of a program with its version, or null when there is none. */
    static Pending stored(ElasticsearchClient client, String alias, String programId) {
        GetResponse<CatalogueDocument> read = ElasticsearchRetry.call("reading program " + programId,
                () -> client.get(g -> g.index(alias).id(programId), CatalogueDocument.class));
        return read.found() ? new Pending(read.source(), read.version() == null ? 0 : read.version()) : null;
    }
}
