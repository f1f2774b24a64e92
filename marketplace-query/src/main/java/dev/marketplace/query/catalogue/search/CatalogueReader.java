package dev.marketplace.query.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.query.catalogue.index.CatalogueDocument;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.index.Popularity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads single programs and their popularity from the catalogue index (real-time gets, no refresh needed). */
@Service
public class CatalogueReader {

    private final ElasticsearchClient client;
    private final CatalogueIndex index;

    public CatalogueReader(ElasticsearchClient client, CatalogueIndex index) {
        this.client = client;
        this.index = index;
    }

    public Optional<MiniProgramView> find(String programId) {
        try {
            var response = client.get(g -> g.index(index.alias()).id(programId), CatalogueDocument.class);
            return response.found() ? Optional.of(response.source().program()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("The catalogue is unavailable right now", e);
        }
    }

    /** Popularity of each program in one round trip; programs not yet projected get {@link Popularity#NONE}. */
    public Map<String, Popularity> popularity(Collection<String> programIds) {
        Map<String, Popularity> result = new HashMap<>();
        programIds.forEach(id -> result.put(id, Popularity.NONE));
        if (programIds.isEmpty()) {
            return result;
        }
        try {
            MgetResponse<CatalogueDocument> response = client.mget(
                    m -> m.index(index.alias()).ids(List.copyOf(programIds))
                          .sourceExcludes("program", "description"), CatalogueDocument.class);
            response.docs().stream().filter(d -> d.isResult() && d.result().found()).map(d -> d.result())
                    .forEach((GetResult<CatalogueDocument> doc) -> result.put(doc.id(), Popularity.of(doc.source())));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("The catalogue is unavailable right now", e);
        }
    }

    /** A developer's live programs, most installed first. */
    public List<MiniProgramView> livePrograms(String developerId, int size) {
        try {
            SearchResponse<CatalogueDocument> response = client.search(s -> s
                    .index(index.alias()).size(size).source(src -> src.filter(f -> f.includes("program")))
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("status").value(ProgramStatus.LIVE.name())))
                            .filter(f -> f.term(t -> t.field("developerId").value(developerId)))))
                    .sort(o -> o.field(f -> f.field("installCount").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                    CatalogueDocument.class);
            return response.hits().hits().stream().map(h -> h.source().program()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The catalogue is unavailable right now", e);
        }
    }

    /**
     * Names of live programs of which a name, in any language, starts with the prefix, most installed first; each
     * given in {@code locale} when the listing has it, else in its default language.
     */
    public List<String> suggest(String prefix, int size, String locale) {
        try {
            SearchResponse<CatalogueDocument> response = client.search(s -> s
                    .index(index.alias()).size(size)
                    .source(src -> src.filter(f -> f.includes("name", "defaultLocale", "translations")))
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("status").value(ProgramStatus.LIVE.name())))
                            .should(m -> m.matchBoolPrefix(p -> p.field("name").query(prefix).operator(Operator.And)))
                            .should(m -> m.matchBoolPrefix(p -> p.field("translations.name").query(prefix)
                                                                 .operator(Operator.And)))
                            .minimumShouldMatch("1")))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("installCount")
                                             .order(SortOrder.Desc))),
                    CatalogueDocument.class);
            return response.hits().hits().stream().map(h -> h.source().nameIn(locale)).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The catalogue is unavailable right now", e);
        }
    }
}
