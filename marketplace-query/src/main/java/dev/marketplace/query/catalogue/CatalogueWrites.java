package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.ProgramEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The catalogue's writes of one batch of events. The processor handles events in batches, each in one unit of
 * work; the documents the batch touches are read ahead in one multi-get, documents changed in the batch are kept
 * here, later events of the batch read them from here, and the
 * batch's documents go to Elasticsearch as one {@code _bulk} request just before the batch's transaction (and its
 * tracking token) commits. If the bulk fails, the transaction rolls back and the batch is handled again; each
 * document carries the stream position of the last event applied to it as its external version, so writes that
 * did land are refused as already applied (409) the second time.
 */
final class CatalogueWrites {

    record Pending(CatalogueDocument document, long version) {
    }

    private static final String RESOURCE = CatalogueWrites.class.getName();

    private final ElasticsearchClient client;
    private final String alias;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** Documents as stored before the batch, read in one request; a missing entry was not asked for. */
    private final Map<String, Optional<Pending>> stored = new HashMap<>();

    private CatalogueWrites(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /**
     * The writes of the current unit of work, created (and set to be flushed before it commits) on first use; null
     * outside a unit of work, where each write goes to Elasticsearch at once.
     */
    static CatalogueWrites ofCurrentBatch(ElasticsearchClient client, String alias) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(RESOURCE, key -> {
            CatalogueWrites writes = new CatalogueWrites(client, alias);
            if (batch instanceof BatchingUnitOfWork<?> events) {
                writes.prefetch(events.getMessages());
            }
            batch.onPrepareCommit(u -> writes.flush());
            return writes;
        });
    }

    /**
     * Reads, in one multi-get, the stored documents of every program the batch's events touch, except those
     * registered in the batch itself: otherwise each event would read its document on its own.
     */
    private void prefetch(List<? extends Message<?>> events) {
        Set<String> registered = new HashSet<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (Message<?> event : events) {
            if (event.getPayload() instanceof MiniProgramRegisteredEvent registration) {
                registered.add(registration.programId());
            } else if (event.getPayload() instanceof ProgramEvent programEvent
                       && !registered.contains(programEvent.programId())) {
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
                        ? Optional.of(new Pending(result.source(), result.version() == null ? -1 : result.version()))
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

    void put(CatalogueDocument document, long version) {
        pending.put(document.id(), new Pending(document, version));
    }

    /** Sends every pending document in one bulk request; a 409 means the write was already applied. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> documents = List.copyOf(pending.values());
        pending.clear();
        write(client, alias, documents);
    }

    static void write(ElasticsearchClient client, String alias, List<Pending> documents) {
        BulkResponse response = ElasticsearchRetry.call("writing " + documents.size() + " programs", () ->
                client.bulk(b -> {
                    documents.forEach(p -> b.operations(o -> o.index(i -> i.index(alias).id(p.document().id())
                            .document(p.document()).versionType(VersionType.External).version(p.version()))));
                    return b;
                }));
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                throw new IllegalStateException("Elasticsearch refused catalogue document " + item.id() + " with "
                                                + item.status() + ": " + item.error().reason());
            }
        }
    }

    /** The stored document of a program with its version, or null when there is none. */
    static Pending stored(ElasticsearchClient client, String alias, String programId) {
        GetResponse<CatalogueDocument> read = ElasticsearchRetry.call("reading program " + programId,
                () -> client.get(g -> g.index(alias).id(programId), CatalogueDocument.class));
        return read.found() ? new Pending(read.source(), read.version() == null ? -1 : read.version()) : null;
    }
}
